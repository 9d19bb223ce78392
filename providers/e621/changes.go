package e621

import "context"

// FavoritesSince returns the caller's favourites added since mark, newest
// favourite first, each once, and the mark to save for the next call. An
// anonymous client refuses it before sending (ErrNoCredentials).
//
// Mark "" means "from now": no posts, one request of a few posts, and a
// first mark. A mark is opaque text (its form is in mark.go): the newest
// few favourites when it was written (the anchors) and a tag of the
// account and site, never a credential, at most 256 bytes.
//
// The rule it stands on: GET /favorites.json lists the favourites newest
// favourite first, by the favourite's own creation time, paged by number
// (e621ng app/controllers/favorites_controller.rb#index and
// app/logical/post_sets/favorites.rb: Favorite.for_user(...).order(created_at: :desc);
// "newest favourite first" in docs/api/README.md). A new favourite, and
// one favourited again, is a new row and goes first. So what was added
// since the mark is everything above the anchors: FavoritesSince reads
// the list from page 1 until it has found them, and the new mark is the
// first posts of page 1. Page numbers cannot show a favourite removed
// above the read, which moves the rest up under the next page, so each
// page after the first is sized to start a few posts before the last one
// ended and must show a post read before: then nothing slipped past
// unread (driver.AnchorMark reads it). With k favourites added that costs
// at most ceil(k/320)+1 requests up to k = 4,000, and ceil(k/290)+1 at any
// depth, while two of the mark's posts next to each other are still
// favourites; with one left, the call reads on to the end of the list.
// If favourites above the read are removed faster than the overlap (more
// than three between two requests), the call reads again from page 1, and
// after three such reads fails with an error matching
// favorites.ErrListChanged (temporary: call again later, same mark).
//
// A mark of another account, site or version, or text that is no mark, is
// refused before sending with an error matching favorites.ErrStaleMark and
// favorites.ErrInvalidArgument. A
// mark whose anchors are all gone (every one of them unfavourited) matches
// favorites.ErrStaleMark once the walk reaches the end of the list, having
// read all of it: list everything again and start from "". Never a silent
// full listing.
//
// What it cannot see: removals (the list shows only what is there; list
// it all and use favorites.Diff for them); a favourite added and removed
// again between two calls. A favourite added while a call runs is in that
// call or the next (it goes above the posts the new mark keeps), never in
// neither; one removed while a call runs may be given or not. An anchor
// unfavourited and favourited again counts as added again; only anchors
// favourited again in their old order, next to each other, can hide the
// favourites added before them.
func (c *Client) FavoritesSince(ctx context.Context, mark string) ([]*Post, string, error) {
	if err := c.needAccount("FavoritesSince (your own favourites)"); err != nil {
		return nil, "", err
	}
	return c.marks().Since(ctx, mark)
}

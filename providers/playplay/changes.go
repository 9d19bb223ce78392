package playplay

import "context"

// MaxChangesPages is the most pages [Client.FavoritesSince] reads looking
// for where its mark stopped. Past it the mark is stale: more favourites
// were added since than that many pages hold (640 at the document's page
// of 10), or all of its media were removed, and a full listing is cheaper
// than reading on.
const MaxChangesPages = 64

// FavoritesSince gives the favourite media added since mark, newest first
// and each once, and the mark to pass next time. An empty mark means "from
// now": no media, and a mark, for one request (the first page).
//
// The marks stand on the order of the listing: docs/api/playplay.md (its
// INDEX section: "ordered by favorite created_at AND last_used at") orders it by
// when each favourite was made; it names no direction, and this package,
// playplaytest and issue 19 take it newest first (were it oldest first, no
// call would find anything new), so favourites added since a call sit
// above where that call began. A mark names the first media of the first
// page (up to five; see mark.go for its text), and FavoritesSince reads
// page after page from the first until it finds them together
// (driver.AnchorMark): what is above them is new. For k new favourites
// that is at most ceil(k/page)+1 requests while two of the mark's media,
// next to each other, are still favourites; with one left it reads to the
// end of the list.
//
// Nothing added is lost: a favourite added while this runs lands above the
// first page it read, so the next call gives it. A media of the mark
// removed and stored again is a new favourite, and given again. What is
// not given: a favourite added and removed again between two calls; and,
// rarely, the new favourites above two of the mark's media stored again in
// their old order. A favourite removed while this runs, above the page being read,
// moves the later pages up one: a new media at that page boundary can be
// missed, by this call and the next. Nothing in a reply shows that move:
// the list has page numbers but no page size to ask for (which would let
// pages overlap, as the e621 package's do) and no total, so only reading
// each boundary twice would, doubling the requests. A bot that must not
// miss one lists in full now and then and takes [favorites.Diff].
//
// A mark of another provider, version, base URL or token, or malformed, is an
// error matching [favorites.ErrStaleMark] and [favorites.ErrInvalidArgument],
// and nothing is sent; one of the earlier form "playplay.mark.v1...." is
// read. A mark none of whose media is still a favourite, or
// whose media are not within [MaxChangesPages] pages, is an error matching
// [favorites.ErrStaleMark]: list in full (and [favorites.Diff]) instead.
// Removals are not given: only a full listing shows them.
func (c *Client) FavoritesSince(ctx context.Context, mark string) (added []*Media, next string, err error) {
	return c.marks().Since(ctx, mark)
}

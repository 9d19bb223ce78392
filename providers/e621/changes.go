package e621

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
)

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
// "newest favourite first" in the api-docs README). A new favourite, and
// one favourited again, is a new row and goes first. So what was added
// since the mark is everything above the anchors: FavoritesSince reads
// the list from page 1 until it has found them, and the new mark is the
// first posts of page 1. Page numbers cannot show a favourite removed
// above the read, which moves the rest up under the next page, so each
// page after the first is sized to start a few posts before the last one
// ended and must show a post read before: then nothing
// slipped past unread. With k favourites added that costs at most
// ceil(k/320)+1 requests up to k = 4,000, and ceil(k/290)+1 at any depth.
// If favourites above the read are removed faster than the overlap (more
// than three between two requests), the call reads again from page 1, and
// after three such reads fails with an error matching
// favorites.ErrListChanged (temporary: call again later, same mark).
//
// A mark of another account or site, or text that is no mark, is refused
// before sending with an error matching favorites.ErrStaleMark (and
// favorites.ErrInvalidArgument for text that is no e621 mark at all). A
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
// unfavourited and favourited again counts as added again; if that one
// lies more than a page above the other anchors, favourites added before
// it can be missed.
func (c *Client) FavoritesSince(ctx context.Context, mark string) ([]*Post, string, error) {
	if err := c.needAccount("FavoritesSince (your own favourites)"); err != nil {
		return nil, "", err
	}
	if mark == "" {
		posts, _, err := c.favoritesPage(ctx, 0, markAnchors, 1)
		if err != nil {
			return nil, "", err
		}
		return nil, newMark(c.accountTag(), posts).String(), nil
	}
	m, err := c.parseMark(mark)
	if err != nil {
		return nil, "", err
	}
	return c.addedSince(ctx, m)
}

// maxWalks is how many times one FavoritesSince call reads the list from
// its top when the list moved too fast to tell that a read skipped
// nothing; past it the call fails with favorites.ErrListChanged.
const maxWalks = 3

// errMoved reports a walk that could not tell that it skipped nothing.
var errMoved = errors.New("a page held no post read before")

// addedSince reads the list from its top until m's anchors settle (see
// walkSince), again from the top when the list moved under a read.
func (c *Client) addedSince(ctx context.Context, m mark) ([]*Post, string, error) {
	for walk := 1; ; walk++ {
		posts, next, err := c.walkSince(ctx, m)
		switch {
		case !errors.Is(err, errMoved):
			return posts, next, err
		case walk == maxWalks:
			return nil, "", fmt.Errorf("%s: %w: %d reads of the favourites from the top each met favourites removed faster than "+
				"they could be read (%v); call again later with the same mark", ProviderName, favorites.ErrListChanged, maxWalks, err)
		}
	}
}

// walkSince reads windows of the list (see window.go) from page 1 until
// m's anchors settle where the list stood at m (see boundary), and returns
// the posts above them and the mark of page 1. A window that shows no post
// read before is errMoved: favourites above it were removed between two
// reads, more than the overlap, and a post may have slipped past unread.
func (c *Client) walkSince(ctx context.Context, m mark) ([]*Post, string, error) {
	var window []*Post // the distinct posts read, in list order
	seen := map[int64]bool{}
	var next string
	for end := 0; ; {
		w, ok := nextWindow(end, MaxLimit)
		if !ok {
			return nil, "", fmt.Errorf("%s: %w: more favourites were added since the mark than e621 serves in %d pages",
				ProviderName, favorites.ErrStaleMark, MaxPage)
		}
		posts, _, err := c.favoritesPage(ctx, 0, w.limit, w.page)
		if err != nil {
			return nil, "", err
		}
		if end == 0 {
			next = newMark(m.account, posts).String()
		}
		joined := end == 0
		for _, p := range posts {
			switch {
			case seen[p.ID]: // the overlap, or pushed down by favourites added since page 1
				joined = true
			case joined:
				seen[p.ID] = true
				window = append(window, p)
			}
			// Not joined yet: above every post read, so added since page 1
			// was read; the next call has it, above the new mark.
		}
		if !joined {
			return nil, "", fmt.Errorf("page %d of %d posts: %w", w.page, w.limit, errMoved)
		}
		last := len(posts) < w.limit
		if n, ok := m.boundary(window, last); ok {
			return window[:n], next, nil
		}
		if last {
			return nil, "", fmt.Errorf("%s: %w: none of the mark's %d posts is a favourite any more; list every favourite and start again from \"\"",
				ProviderName, favorites.ErrStaleMark, len(m.anchors))
		}
		end = w.start() + len(posts)
	}
}

// boundary is where, in window (the list from its top), the list as it
// stood at m begins: every post above it was favourited since m. ok is
// false while the pages read cannot tell yet.
//
// The anchors that are still favourites lie together, in m's order, where
// the old list begins: only a new favourite goes above them, and none goes
// between. An anchor found above them was favourited again, so the run of
// anchors that starts the old list is the last one in window. It is known
// once nothing later can hold an anchor: at the end of the list, once every
// anchor has been seen, or when a post that is no anchor follows the run
// (then the anchors not seen were unfavourited; see FavoritesSince).
func (m mark) boundary(window []*Post, end bool) (int, bool) {
	if len(m.anchors) == 0 {
		return len(window), end // the list was empty: all of it is new
	}
	rank := make(map[int64]int, len(m.anchors))
	for i, id := range m.anchors {
		rank[id] = i
	}
	last, found := -1, 0
	for i, p := range window {
		if _, ok := rank[p.ID]; ok {
			last, found = i, found+1
		}
	}
	if last < 0 || !(end || found == len(m.anchors) || last < len(window)-1) {
		return 0, false
	}
	start := last
	for start > 0 {
		r, ok := rank[window[start-1].ID]
		if !ok || r >= rank[window[start].ID] {
			break
		}
		start--
	}
	return start, true
}

package playplay

import (
	"context"
	"fmt"
	"slices"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/text"
)

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
// The marks stand on the order of the listing: playplay.md (its INDEX
// section: "ordered by favorite created_at AND last_used at") orders it by
// when each favourite was made; it names no direction, and this package,
// playplaytest and issue 19 take it newest first (were it oldest first, no
// call would find anything new), so favourites added since a call sit
// above where that call began. A mark names the first media of the first page (up to five; see
// [Adapter.Changes] for its text), and FavoritesSince reads page after
// page from the first until it meets two of them: what is above them is
// new. For k new favourites that is at most ceil(k/page)+1 requests while
// two of the mark's media are still favourites (one more with pages of a
// single media); with one left it reads to the end of the list.
//
// Nothing added is lost: a favourite added while this runs lands above the
// first page it read, so the next call gives it. What is not given: a
// favourite added and removed again between two calls; a favourite of the
// mark removed and stored again (it was one before); and, rarely, the new
// favourites above two of the mark's media stored again in their old
// order. A favourite removed while this runs, above the page being read,
// moves the later pages up one: a new media at that page boundary can be
// missed, by this call and the next. Nothing in a reply shows that move:
// the list has page numbers but no page size to ask for (which would let
// pages overlap, as the e621 package's do) and no total, so only reading
// each boundary twice would, doubling the requests. A bot that must not
// miss one lists in full now and then and takes [favorites.Diff].
//
// A mark of another provider, version, base URL or token, or malformed, is an
// error matching [favorites.ErrStaleMark] and [favorites.ErrInvalidArgument],
// and nothing is sent. A mark none of whose media is still a favourite, or
// whose media are not within [MaxChangesPages] pages, is an error matching
// [favorites.ErrStaleMark]: list in full (and [favorites.Diff]) instead.
// Removals are not given: only a full listing shows them.
func (c *Client) FavoritesSince(ctx context.Context, mark string) (added []*Media, next string, err error) {
	host := c.markHost()
	if mark == "" {
		l, _, err := c.FavoritesPage(ctx, 0)
		if err != nil {
			return nil, "", err
		}
		items, _ := l.Page()
		return nil, newMark(host, items).String(), nil
	}
	m, err := parseMark(mark, host)
	if err != nil {
		return nil, "", err
	}
	return c.since(ctx, m)
}

// since reads pages from the first until it has read two anchors of m in
// the mark's order: the second is then in the block of anchors the mark
// left, where an anchor removed and stored again since (moved to the top,
// above new favourites) cannot be, so the new favourites are all above
// it. Each non-anchor item above the last anchor read is new, even one
// among the anchors: they were the top of the list, so only an item
// favourited since (or tied with one on created_at, then sorted by
// last_used_at) can sit among them; items below are older than the mark.
// A mark of one anchor, or of one still a favourite, reads to the end.
// Pages overlap when favourites are added during the walk (each item
// moves down), so an item read twice counts once.
func (c *Client) since(ctx context.Context, m mark) ([]*Media, string, error) {
	w := sinceWalk{m: m, seen: map[MediaRef]bool{}, lowest: len(m.anchors)}
	var first []*Media
	for n := 1; ; n++ {
		if n > MaxChangesPages {
			return nil, "", staleMark(m, fmt.Sprintf("its media are not on the first %d pages", MaxChangesPages))
		}
		l, _, err := c.FavoritesPage(ctx, pageParam(n))
		if err != nil {
			return nil, "", err
		}
		items, next := l.Page()
		if n == 1 {
			first = items
		}
		if w.read(items) || next == 0 {
			break
		}
	}
	switch {
	case len(m.anchors) == 0: // the list was empty: all of it is new
		w.added = append(w.added, w.pending...)
	case w.lowest == len(m.anchors):
		return nil, "", staleMark(m, "none of its media is a favourite any more")
	}
	return w.added, newMark(m.host, first).String(), nil
}

// sinceWalk is what since has read.
type sinceWalk struct {
	m              mark
	seen           map[MediaRef]bool
	added, pending []*Media // new for sure; not yet known to be above an anchor
	lowest         int      // the index in m.anchors of the newest anchor read, len(m.anchors) before any
}

// read takes a page's items in turn and reports whether the block of
// anchors has been reached: an anchor read after a newer one.
func (w *sinceWalk) read(items []*Media) (inBlock bool) {
	for _, it := range items {
		r := it.Ref()
		if w.seen[r] {
			continue
		}
		w.seen[r] = true
		i := slices.Index(w.m.anchors, r)
		if i < 0 {
			w.pending = append(w.pending, it)
			continue
		}
		inBlock = inBlock || i > w.lowest
		w.lowest = min(w.lowest, i)
		w.added = append(w.added, w.pending...)
		w.pending = w.pending[:0]
	}
	return inBlock
}

// pageParam is FavoritesPage's parameter for page n: 0, no page parameter,
// for the first, as the document's request has none.
func pageParam(n int) int {
	if n == 1 {
		return 0
	}
	return n
}

func staleMark(m mark, why string) error {
	return fmt.Errorf("%s: %w: mark %s: %s (list in full instead)", ProviderName, favorites.ErrStaleMark,
		text.QuoteShort(m.String()), why)
}

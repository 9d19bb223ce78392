package e621

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// A listing's cursor is text of the form
//
//	e621.v1.l<limit>.p<page>[.a<id>-<id>-...]
//
// for example "e621.v1.l320.p3.a1181-1180-1179-1178": the page size the
// walk asks for, the page it reads next, and the IDs of the last posts it
// yielded, in list order (the anchors). e621 pages favourites by number only,
// newest favourite first, and offers no cursor of its own that stays put
// when the list changes (its b<id> pages count favourite-row IDs, which
// the API never shows), so the anchors are what keeps a resume exact: see
// [Client.Favorites].
const cursorPrefix = "e621.v1."

// maxAnchors is how many of the last posts yielded a cursor remembers. One
// would do while it stays a favourite; four make the restart from page 1,
// taken only when none of them is within the two pages read, a rarity.
const maxAnchors = 4

// cursor is where a walk stands.
type cursor struct {
	limit   int     // posts asked for a page
	page    int     // the page read next
	anchors []int64 // the last posts yielded, in list order; none for page 1
}

// String formats c; the first page of a walk is "", as a Pager's cursor
// is before it starts.
func (c cursor) String() string {
	if c.page <= 1 && len(c.anchors) == 0 {
		return ""
	}
	s := cursorPrefix + "l" + strconv.Itoa(c.limit) + ".p" + strconv.Itoa(c.page)
	if len(c.anchors) > 0 {
		ids := make([]string, len(c.anchors))
		for i, id := range c.anchors {
			ids[i] = strconv.FormatInt(id, 10)
		}
		s += ".a" + strings.Join(ids, "-")
	}
	return s
}

// parseCursor reads a cursor for a walk that asks limit posts a page (0:
// the cursor's own). A cursor of another page size is refused rather than
// read: its page numbers count pages of that size.
func parseCursor(text string, limit int) (cursor, error) {
	if text == "" {
		return cursor{limit: limit, page: 1}, nil
	}
	c, ok := scanCursor(text)
	if !ok {
		return cursor{}, fmt.Errorf("%s: %w: cursor %.80q is not an e621 listing cursor (%sl<limit>.p<page>.a<ids>)",
			ProviderName, favorites.ErrInvalidArgument, text, cursorPrefix)
	}
	if limit != 0 && limit != c.limit {
		return cursor{}, fmt.Errorf("%s: %w: the cursor was saved by a walk of %d posts a page; resume it with page size %d (or 0), not %d",
			ProviderName, favorites.ErrInvalidArgument, c.limit, c.limit, limit)
	}
	return c, nil
}

// scanCursor parses the text form, refusing anything String would not
// write: numbers out of range, an anchor on page 1, or none after it.
func scanCursor(text string) (cursor, bool) {
	rest, ok := strings.CutPrefix(text, cursorPrefix)
	if !ok {
		return cursor{}, false
	}
	parts := strings.Split(rest, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return cursor{}, false
	}
	var c cursor
	if c.limit, ok = number(parts[0], "l", 1, MaxLimit); !ok {
		return cursor{}, false
	}
	// Page MaxPage+1 is what a walk's last full page asks for next: it
	// is refused when read, with the reason.
	if c.page, ok = number(parts[1], "p", 1, MaxPage+1); !ok {
		return cursor{}, false
	}
	if len(parts) == 3 {
		ids, ok := strings.CutPrefix(parts[2], "a")
		if !ok {
			return cursor{}, false
		}
		for s := range strings.SplitSeq(ids, "-") {
			id, err := driver.NumericID("anchor", s)
			if err != nil {
				return cursor{}, false
			}
			c.anchors = append(c.anchors, id)
		}
	}
	if len(c.anchors) > maxAnchors || (len(c.anchors) > 0 && c.page == 1) || c.String() != text {
		return cursor{}, false
	}
	return c, true
}

// number reads prefix followed by a decimal from lo to hi, as String
// writes it (no sign, no leading zero).
func number(s, prefix string, lo, hi int) (int, bool) {
	digits, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < lo || n > hi || strconv.Itoa(n) != digits {
		return 0, false
	}
	return n, true
}

// after is the cursor of the page that follows a page read at c, ending
// with posts: the anchors are the last posts seen.
func (c cursor) after(posts []*Post) cursor {
	anchors := slices.Clone(c.anchors)
	for _, p := range posts {
		anchors = append(anchors, p.ID)
	}
	return cursor{limit: c.limit, page: c.page + 1, anchors: anchors[max(0, len(anchors)-maxAnchors):]}
}

// skipSeen returns the posts of window after the last of c's anchors that
// it holds, and whether it held one. Every post before that anchor was
// yielded already, or is newer than the walk (e621 puts a new favourite
// first), so nothing after it has been yielded and nothing before it is
// due.
func (c cursor) skipSeen(window []*Post) ([]*Post, bool) {
	for i := len(window) - 1; i >= 0; i-- {
		if slices.Contains(c.anchors, window[i].ID) {
			return window[i+1:], true
		}
	}
	return window, false
}

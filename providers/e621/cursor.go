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
//	e621.v2.l<limit>.o<offset>[.a<id>-<id>-...]
//
// for example "e621.v2.l320.o632.a1181-1180-1179-1178": the page size the
// walk asks for (the most; see window.go), how many posts from the top of
// the list the walk has read, and the IDs of the last posts it read, in
// list order (the anchors). e621 pages favourites by number only, newest
// favourite first, and offers no cursor of its own that stays put when the
// list changes (its b<id> pages count favourite-row IDs, which the API
// never shows), so the anchors are what keeps a walk exact: see
// [Client.Favorites]. Earlier versions wrote "e621.v1.l<limit>.p<page>[.a...]",
// which reads as offset (page-1)*limit.
const (
	cursorPrefix   = "e621.v2."
	cursorPrefixV1 = "e621.v1."
)

// maxAnchors is how many of the last posts read a cursor remembers. One
// would do while it stays a favourite; four make the look back and the
// restart from page 1 rarities.
const maxAnchors = 4

// cursor is where a walk stands.
type cursor struct {
	limit   int     // posts asked for a page, at most
	offset  int     // the posts of the list read, from its top
	anchors []int64 // the last posts read, in list order; none at a page boundary (offset a multiple of limit)
}

// String formats c; the first page of a walk from the top is "", as a
// Pager's cursor is before it starts.
func (c cursor) String() string {
	if c.offset == 0 && len(c.anchors) == 0 {
		return ""
	}
	return cursorPrefix + "l" + strconv.Itoa(c.limit) + ".o" + strconv.Itoa(c.offset) + anchorText(c.anchors)
}

// anchorText is the anchors' part of a cursor: "" or ".a<id>-<id>...".
func anchorText(anchors []int64) string {
	if len(anchors) == 0 {
		return ""
	}
	ids := make([]string, len(anchors))
	for i, id := range anchors {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return ".a" + strings.Join(ids, "-")
}

// parseCursor reads a cursor for a walk that asks limit posts a page (0:
// the cursor's own). A cursor of another page size is refused rather than
// read: its offset may lie inside a page of another size.
func parseCursor(text string, limit int) (cursor, error) {
	if text == "" {
		return cursor{limit: limit}, nil
	}
	c, ok := scanCursor(text)
	if !ok {
		return cursor{}, fmt.Errorf("%s: %w: cursor %.80q is not an e621 listing cursor (%sl<limit>.o<offset>.a<ids>)",
			ProviderName, favorites.ErrInvalidArgument, text, cursorPrefix)
	}
	if limit != 0 && limit != c.limit {
		return cursor{}, fmt.Errorf("%s: %w: the cursor was saved by a walk of %d posts a page; resume it with page size %d (or 0), not %d",
			ProviderName, favorites.ErrInvalidArgument, c.limit, c.limit, limit)
	}
	return c, nil
}

// scanCursor parses either text form, refusing anything its version would
// not write: numbers out of range, anchors at the top, or none off a page
// boundary.
func scanCursor(text string) (cursor, bool) {
	v2 := strings.HasPrefix(text, cursorPrefix)
	rest, ok := strings.CutPrefix(text, cursorPrefixV1)
	if v2 {
		rest = text[len(cursorPrefix):]
	} else if !ok {
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
	if v2 {
		c.offset, ok = number(parts[1], "o", 0, MaxPage*MaxLimit)
	} else {
		// Page MaxPage+1 is what a walk's last full page asked for next:
		// it is refused when read, with the reason.
		var page int
		page, ok = number(parts[1], "p", 1, MaxPage+1)
		c.offset = (page - 1) * c.limit
	}
	if !ok {
		return cursor{}, false
	}
	if len(parts) == 3 {
		if c.anchors, ok = scanAnchors(parts[2]); !ok {
			return cursor{}, false
		}
	}
	canonical := c.String()
	if !v2 {
		canonical = cursorPrefixV1 + parts[0] + ".p" + strconv.Itoa(c.offset/c.limit+1) + anchorText(c.anchors)
	}
	atTop, onBoundary := c.offset == 0, c.offset%c.limit == 0
	if (atTop && len(c.anchors) > 0) || (!onBoundary && len(c.anchors) == 0) || canonical != text {
		return cursor{}, false
	}
	return c, true
}

// scanAnchors reads "a<id>-<id>...", at most maxAnchors IDs.
func scanAnchors(s string) ([]int64, bool) {
	ids, ok := strings.CutPrefix(s, "a")
	if !ok {
		return nil, false
	}
	var anchors []int64
	for s := range strings.SplitSeq(ids, "-") {
		id, err := driver.NumericID("anchor", s)
		if err != nil {
			return nil, false
		}
		anchors = append(anchors, id)
	}
	return anchors, len(anchors) <= maxAnchors
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

// after is the cursor of what follows window w, read at c, which held
// posts: the anchors are the last posts read.
func (c cursor) after(w readWindow, posts []*Post) cursor {
	anchors := slices.Clone(c.anchors)
	for _, p := range posts {
		anchors = append(anchors, p.ID)
	}
	return cursor{limit: c.limit, offset: w.start() + len(posts), anchors: anchors[max(0, len(anchors)-maxAnchors):]}
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

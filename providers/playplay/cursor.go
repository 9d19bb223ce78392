package playplay

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/internal/text"
)

// A listing's cursor, as [favorites.Pager.Cursor] gives it, is text of the
// form
//
//	playplay.v2.l<size>.o<offset>.a<ref>-<ref>...
//
// such as "playplay.v2.l10.o20.apexels:201-upload:200": the server's page
// size, how many media from the top of the list the walk has read, and the
// canonical refs of the last media it gave (the anchors), in list order.
// A page number alone is not enough, since the server's pages shift as
// favourites come and go: after one removal above it, page 3 starts with
// what was the second item of page 3, and the first is skipped. The
// anchors let a resumed walk find where it stopped (driver.AnchoredList
// walks the list). Earlier versions wrote "next.size.ref", such as
// "3.10.pexels:201": the page to fetch next, the page size then and the
// last media given, which reads as offset (next-1)*size; bare page
// numbers, from before that, are refused: they cannot resume without
// risking a skip.
const cursorPrefix = "playplay.v2."

// favoritesList is the listing as the kit's anchored walk reads it.
func (c *Client) favoritesList() *driver.AnchoredList[*Media, MediaRef] {
	return &driver.AnchoredList[*Media, MediaRef]{
		Name:         ProviderName,
		CursorPrefix: cursorPrefix,
		OldCursor:    readOldCursor,
		MaxSize:      MaxPageItems,
		ServerSize:   true,
		Fetch: func(ctx context.Context, page, _ int) (driver.AnchoredPage[*Media], error) {
			if page == 1 {
				page = 0 // the first page goes without a page parameter, as in the document
			}
			l, resp, err := c.FavoritesPage(ctx, page)
			if err != nil {
				return driver.AnchoredPage[*Media]{}, err
			}
			items, next := l.Page()
			return driver.AnchoredPage[*Media]{Items: items, More: next != 0, Response: resp}, nil
		},
		ID:       (*Media).Ref,
		FormatID: func(m MediaRef) string { return m.Ref().String() },
		ParseID:  parseAnchor,
	}
}

// readOldCursor reads "next.size.ref", as earlier versions wrote it,
// refusing any other spelling.
func readOldCursor(text string) (driver.AnchoredCursor[MediaRef], bool) {
	fields := strings.SplitN(text, ".", 3)
	if len(fields) != 3 {
		return driver.AnchoredCursor[MediaRef]{}, false
	}
	next, okNext := decimal(fields[0], 2, math.MaxInt32)
	size, okSize := decimal(fields[1], 1, MaxPageItems)
	after, err := parseAnchor(fields[2])
	return driver.AnchoredCursor[MediaRef]{Size: size, Offset: (next - 1) * size, Anchors: []MediaRef{after}},
		okNext && okSize && err == nil
}

// decimal reads a decimal from lo to hi, as strconv.Itoa writes it.
func decimal(s string, lo, hi int) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= lo && n <= hi && strconv.Itoa(n) == s
}

// parseAnchor reads one canonical ref, of a cursor or a mark.
func parseAnchor(s string) (MediaRef, error) {
	ref, err := favorites.ParseRef(s)
	if err != nil {
		return MediaRef{}, err
	}
	a, err := SplitRef(ref)
	if err != nil || a.Ref().String() != s {
		return MediaRef{}, fmt.Errorf("%s is not a canonical ref source:raw_media_id", text.QuoteShort(s))
	}
	return a, nil
}

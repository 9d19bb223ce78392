package e621

import (
	"context"
	"strconv"
	"strings"

	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/internal/text"
)

// A listing's cursor is text of the form
//
//	e621.v2.l<limit>.o<offset>[.a<id>-<id>-...]
//
// for example "e621.v2.l320.o632.a1181-1180-1179-1178": the page size the
// walk asks for (the most), how many posts from the top of the list the
// walk has read, and the IDs of the last posts it read, in list order (the
// anchors). e621 pages favourites by number only, newest favourite first,
// and offers no cursor of its own that stays put when the list changes
// (its b<id> pages count favourite-row IDs, which the API never shows), so
// the anchors are what keeps a walk exact: see [Client.Favorites] and
// driver.AnchoredList, which walks it. Earlier versions wrote
// "e621.v1.l<limit>.p<page>[.a...]", which reads as offset (page-1)*limit.
const (
	cursorPrefix   = "e621.v2."
	cursorPrefixV1 = "e621.v1."
)

// favoritesList is GET /favorites.json of userID (0: the caller) as the
// kit's anchored walk reads it.
func (c *Client) favoritesList(userID int64) *driver.AnchoredList[*Post, int64] {
	return &driver.AnchoredList[*Post, int64]{
		Name:         ProviderName,
		CursorPrefix: cursorPrefix,
		OldCursor:    readCursorV1,
		MaxSize:      MaxLimit,
		MaxPage:      MaxPage,
		Fetch: func(ctx context.Context, page, limit int) (driver.AnchoredPage[*Post], error) {
			posts, resp, err := c.favoritesPage(ctx, userID, limit, page)
			// The last page is the first short one.
			return driver.AnchoredPage[*Post]{Items: posts, More: len(posts) >= limit, Response: resp}, err
		},
		ID:       postID,
		FormatID: func(id int64) string { return strconv.FormatInt(id, 10) },
		ParseID:  func(s string) (int64, error) { return driver.NumericID("post ID", s) },
	}
}

func postID(p *Post) int64 { return p.ID }

// readCursorV1 reads "e621.v1.l<limit>.p<page>[.a<id>-<id>...]", as
// earlier versions wrote it, refusing any other spelling. Page MaxPage+1
// is what a walk's last full page asked for next: it is refused when
// read, with the reason.
func readCursorV1(cursor string) (driver.AnchoredCursor[int64], bool) {
	rest, ok := strings.CutPrefix(cursor, cursorPrefixV1)
	parts := strings.Split(rest, ".")
	if !ok || len(parts) < 2 || len(parts) > 3 {
		return driver.AnchoredCursor[int64]{}, false
	}
	limit, okLimit := text.PrefixedDecimal(parts[0], "l", 1, MaxLimit)
	page, okPage := text.PrefixedDecimal(parts[1], "p", 1, MaxPage+1)
	at := driver.AnchoredCursor[int64]{Size: limit, Offset: (page - 1) * limit}
	if len(parts) == 3 {
		ids, isList := strings.CutPrefix(parts[2], "a")
		for s := range strings.SplitSeq(ids, "-") {
			id, err := driver.NumericID("anchor", s)
			ok = ok && isList && err == nil
			at.Anchors = append(at.Anchors, id)
		}
	}
	return at, ok && okLimit && okPage
}

package playplay

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// ListOptions tune [Client.Favorites]. A nil *ListOptions means the
// defaults. The document names no page-size parameter: the server picks the
// page size.
type ListOptions struct {
	// Cursor resumes a listing from a saved [favorites.Pager.Cursor].
	// Empty means the first page. See [Client.Favorites] for what a resumed
	// listing gives.
	Cursor string
}

// Favorites lists the user's favourite media in the server's order (the
// document: by favourite creation and last use). Each page's body names the
// next page number in next_page, which is sent back as the query parameter
// page; a null or absent next_page ends the listing. Nothing is sent until
// the Pager is read.
//
// The Pager's cursor holds the next page number, the server's page size
// and the ref of the last media given (see [favorites.Pager.Cursor]). A
// listing resumed from it re-reads the page that media was on and goes on
// after it, wherever favourites added or removed since have moved it, so
// no favourite still there is skipped. What can repeat: when the last media
// given has been removed, or has moved further than 16 pages, the resumed
// listing starts again from the first page and gives everything again;
// favourites added before the saved point are not given (they belong to
// the part already listed). A cursor from an earlier version, a bare page
// number, is refused with [favorites.ErrInvalidArgument].
//
// Within one walk, a favourite removed above the read between two pages
// moves the rest up one, and the media at that page boundary is not given
// by that walk: the pages have no size to ask for (which would let them
// overlap, as e621's do) and no total, so nothing in a reply shows it. A
// listing that must be whole while the user edits the list is read again.
func (c *Client) Favorites(opts *ListOptions) *favorites.Pager[*Media] {
	var text string
	if opts != nil {
		text = opts.Cursor
	}
	if text != "" {
		if _, err := parseCursor(text); err != nil {
			return driver.ErrorPager[*Media](err)
		}
	}
	w := &walk{c: c}
	return favorites.NewPager(w.fetch, text)
}

// FavoritesPage fetches one page of the listing. page 0 fetches the first
// page without a page parameter, as the document's request has none; a
// positive page is sent as the query parameter page. The page is checked as
// the listing checks it: a body without its one result set, a media list
// that is absent, null or not a list, a media without a usable id, source
// or stock ID, more than [MaxPageItems] media,
// or a next_page other than page+1, is an error matching
// [favorites.ErrMalformedReply]. The Response comes back whenever the
// server answered, with such an error or an [*favorites.APIError] too; it
// is nil when no answer came (a negative page, or a network error).
func (c *Client) FavoritesPage(ctx context.Context, page int) (*ListResponse, *favorites.Response, error) {
	if page < 0 {
		return nil, nil, fmt.Errorf("%s: %w: page %d is negative", ProviderName, favorites.ErrInvalidArgument, page)
	}
	q := url.Values{}
	if page > 0 {
		q.Set("page", strconv.Itoa(page))
	}
	req, err := c.c.NewRequest(http.MethodGet, listPath, q, nil)
	if err != nil {
		return nil, nil, err
	}
	var body listWire
	resp, err := c.c.Do(ctx, req, &body)
	if err != nil {
		return nil, resp, err
	}
	l, err := decodeList(ctx, &body, max(page, 1))
	if err != nil {
		return nil, resp, err
	}
	return l, resp, nil
}

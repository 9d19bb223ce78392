package playplay

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/favkit/favorites"
)

// ListOptions tune [Client.Favorites]. A nil *ListOptions means the
// defaults. The document names no page-size parameter: the server picks the
// page size.
type ListOptions struct {
	// Cursor resumes a listing from a saved [favorites.Pager.Cursor].
	// Empty means the first page. The package doc says what a resumed
	// listing gives.
	Cursor string
}

// Favorites lists the user's favourite media in the server's order,
// following each page's next_page. Nothing is sent until the Pager is
// read. Its cursor, what a resumed listing gives and what one walk can
// miss are the package doc's ("Listing and cursors").
func (c *Client) Favorites(opts *ListOptions) *favorites.Pager[*Media] {
	var text string
	if opts != nil {
		text = opts.Cursor
	}
	return c.favoritesList().Pager(text, 0)
}

// FavoritesPage fetches one page of the listing. page 0 fetches the first
// page without a page parameter, as the document's request has none; a
// positive page is sent as the query parameter page. The page is checked as
// the listing checks it ("Listing and cursors" in the package doc), its
// next_page against page+1. The Response comes back whenever the
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

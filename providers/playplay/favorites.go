package playplay

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/favkit/favorites"
)

// ListOptions tune [Client.Favorites]. A nil *ListOptions means the
// defaults. The document names no page-size parameter: the server picks the
// page size.
type ListOptions struct {
	// Cursor resumes a listing from a saved [favorites.Pager.Cursor]: the
	// number of the page to fetch next, as text. Empty means the first page.
	Cursor string
}

// Favorites lists the user's favourite media in the server's order (the
// document: by favourite creation and last use). Each page's body names the
// next page number in next_page, which is sent back as the query parameter
// page; a null or absent next_page ends the listing. The Pager's cursor is
// that page number. Nothing is sent until the Pager is read.
func (c *Client) Favorites(opts *ListOptions) *favorites.Pager[*Media] {
	var cursor string
	if opts != nil {
		cursor = opts.Cursor
	}
	if cursor != "" {
		if _, err := favorites.NumericID("page cursor", cursor); err != nil {
			return favorites.ErrorPager[*Media](fmt.Errorf("%s: %w", ProviderName, err))
		}
	}
	return favorites.NewPager(func(ctx context.Context, cursor string) (favorites.Page[*Media], error) {
		page, _ := strconv.Atoi(cursor) // checked above, and every next cursor is a number we wrote
		body, resp, err := c.FavoritesPage(ctx, page)
		if err != nil {
			return favorites.Page[*Media]{}, err
		}
		items, next := body.Page()
		if slices.Contains(items, nil) {
			// A null item has no ID to list it by, and dropping it
			// would hide that the page was not what the server meant.
			return favorites.Page[*Media]{}, fmt.Errorf("%s: %w: a null item in the list", ProviderName, favorites.ErrMalformedReply)
		}
		p := favorites.Page[*Media]{Items: items, Response: resp}
		if next > 0 {
			p.Next = strconv.Itoa(next)
		}
		return p, nil
	}, cursor)
}

// FavoritesPage fetches one page of the listing as the server sends it.
// page 0 fetches the first page without a page parameter, as the document's
// request has none; a positive page is sent as the query parameter page.
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
	var body ListResponse
	resp, err := c.c.Do(ctx, req, &body)
	if err != nil {
		return nil, resp, err
	}
	return &body, resp, nil
}

package waifuim

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
)

// Favorites returns every favourite that matches q (nil: all of them), in
// one call: waifu.im does not page. A query that matches nothing gives an
// empty list and no error, although the service answers it with a 404.
// A bad filter value is refused before anything is sent.
func (c *Client) Favorites(ctx context.Context, q *FavoritesQuery) ([]Image, *favorites.Response, error) {
	if err := q.Validate(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	var query any
	if q != nil {
		query = q
	}
	req, err := c.c.NewRequest(http.MethodGet, "/fav", query, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	var body ImagesResponse
	resp, err := c.c.Do(ctx, req, &body)
	var apiErr *favorites.APIError
	if errors.As(err, &apiErr) && isEmptyResult(apiErr) {
		return []Image{}, resp, nil
	}
	if err != nil {
		return nil, resp, err
	}
	if body.Images == nil {
		body.Images = []Image{}
	}
	return body.Images, resp, nil
}

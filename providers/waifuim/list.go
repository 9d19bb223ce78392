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
// empty list and no error: the service's own answer for it is a 404 with
// the detail "No image found matching the criteria given.", and only that
// answer is read so; any other 404 (an HTML page, a wrong path) is an
// error. A bad filter value is refused before anything is sent.
//
// A 200 that is not a list of images is an error matching
// favorites.ErrMalformedReply, never a short list: an empty or null body,
// one without "images" or with "images" not an array, an empty array (the
// service says "nothing" with its 404 only), more than [MaxFavorites]
// images, or an image without a positive image_id.
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
	images, err := decodeImages(ctx, body.Images)
	if err == nil && len(images) == 0 {
		err = fmt.Errorf("%w: no image in a 200; waifu.im answers an empty result with a 404", favorites.ErrMalformedReply)
	}
	if err != nil {
		return nil, resp, fmt.Errorf("%s: GET /fav: %w", ProviderName, err)
	}
	return images, resp, nil
}

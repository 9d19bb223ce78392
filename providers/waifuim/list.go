package waifuim

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Favorites lists every favourite that matches q (nil: all of them), in
// the one GET /fav that goes out when the Pager is first read; a bad
// filter value is that first read's error, with nothing sent. q is copied,
// so changing it after the call changes nothing. The package doc's
// "Listing" says what the Pager gives and which replies are refused.
func (c *Client) Favorites(q *FavoritesQuery) *favorites.Pager[*Image] {
	if err := q.Validate(); err != nil {
		return driver.ErrorPager[*Image](fmt.Errorf("%s: %w", ProviderName, err))
	}
	q = q.clone()
	return driver.SinglePage("", func(ctx context.Context) ([]*Image, *favorites.Response, error) {
		return c.favorites(ctx, q)
	})
}

// favorites sends one GET /fav with q, which Validate has passed.
func (c *Client) favorites(ctx context.Context, q *FavoritesQuery) ([]*Image, *favorites.Response, error) {
	var query any
	if q != nil {
		query = q
	}
	req, err := c.c.NewRequest(http.MethodGet, "/fav", query, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	var body driver.RawJSON // the envelope, read by decodeImages
	resp, err := c.c.Do(ctx, req, &body)
	var apiErr *favorites.APIError
	if errors.As(err, &apiErr) && isEmptyResult(apiErr) {
		return []*Image{}, resp, nil
	}
	if err != nil {
		return nil, resp, err
	}
	images, err := decodeImages(ctx, body)
	if err == nil && len(images) == 0 {
		err = fmt.Errorf("%w: no image in a 200; waifu.im answers an empty result with a 404", favorites.ErrMalformedReply)
	}
	if err != nil {
		return nil, resp, fmt.Errorf("%s: GET /fav: %w", ProviderName, err)
	}
	// Pointers into the one decoded array: no image is copied.
	out := make([]*Image, len(images))
	for i := range images {
		out[i] = &images[i]
	}
	return out, resp, nil
}

// clone copies q deeply enough that the caller's later changes to its
// slices or pointed-to values cannot reach a request not yet sent.
func (q *FavoritesQuery) clone() *FavoritesQuery {
	if q == nil {
		return nil
	}
	c := *q
	c.IncludedTags, c.ExcludedTags = slices.Clone(q.IncludedTags), slices.Clone(q.ExcludedTags)
	c.IncludedFiles, c.ExcludedFiles = slices.Clone(q.IncludedFiles), slices.Clone(q.ExcludedFiles)
	c.GIF, c.Many, c.Full = clonePtr(q.GIF), clonePtr(q.Many), clonePtr(q.Full)
	c.Width, c.Height, c.ByteSize = clonePtr(q.Width), clonePtr(q.Height), clonePtr(q.ByteSize)
	return &c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

package playplay

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
)

// AddParams are the store's parameters, sent as a JSON body. RawMediaID and
// Source are required; StockID is optional and goes with stock media.
type AddParams struct {
	RawMediaID int64  `json:"raw_media_id"`
	Source     string `json:"source"`
	StockID    string `json:"stock_id,omitempty"` // a string, as the document declares it
}

// AddParamsFor returns the store's parameters for a ref: its raw media ID,
// source and, for stock media, stock ID.
func AddParamsFor(ref MediaRef) AddParams {
	return AddParams(ref) // the same three fields
}

func (p AddParams) validate() error {
	if p.RawMediaID < 1 {
		return fmt.Errorf("%w: store: raw_media_id is required and must be positive, got %d",
			favorites.ErrInvalidArgument, p.RawMediaID)
	}
	if p.Source == "" {
		return fmt.Errorf("%w: store: source is required", favorites.ErrInvalidArgument)
	}
	if err := favorites.CheckID("source", p.Source); err != nil {
		return err
	}
	if p.StockID != "" {
		return favorites.CheckID("stock_id", p.StockID)
	}
	return nil
}

// AddFavorite stores a media as a favourite: POST /api/v2/user/me/favorites
// (singular "user", as the document spells the store). The answer is 201
// with the stored media, which is returned; nil when the body holds none.
//
// It keeps the service's meaning: storing a favourite that is already there
// is the server's error, which matches [favorites.ErrAlreadyFavorited] when
// the server answers 409 (or 422 saying "already"). It is not retried after
// a server error, since the request may have been applied; the portable
// [Adapter.Add] is, being idempotent.
func (c *Client) AddFavorite(ctx context.Context, p AddParams) (*Media, *favorites.Response, error) {
	return c.store(ctx, p, favorites.RetryByMethod)
}

func (c *Client) store(ctx context.Context, p AddParams, retry favorites.RetryMode) (*Media, *favorites.Response, error) {
	if err := p.validate(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	req, err := c.c.NewRequest(http.MethodPost, storePath, nil, favorites.JSONBody(p))
	if err != nil {
		return nil, nil, err
	}
	req.Retry = retry
	var body StoreResponse
	resp, err := c.c.Do(ctx, req, &body)
	if err != nil {
		return nil, resp, err
	}
	if len(body.Results) == 0 {
		return nil, resp, nil
	}
	return body.Results[0], resp, nil
}

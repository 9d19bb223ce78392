package playplay

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// AddParams are the store's parameters, sent as a JSON body. RawMediaID and
// Source are required; StockID is optional and goes with stock media.
type AddParams struct {
	RawMediaID int64  `json:"raw_media_id"`
	Source     string `json:"source"`
	StockID    string `json:"stock_id,omitempty"` // a string, as the document declares it
}

// AddParamsFor returns the store's parameters for a ref: its raw media ID
// and source, the two the store requires. The stock ID is optional and the
// canonical ref does not hold it.
func AddParamsFor(ref MediaRef) AddParams {
	return AddParams{RawMediaID: ref.RawMediaID, Source: ref.Source}
}

func (p AddParams) validate() error {
	if p.RawMediaID < 1 {
		return fmt.Errorf("%w: store: raw_media_id is required and must be positive, got %d",
			favorites.ErrInvalidArgument, p.RawMediaID)
	}
	if p.Source == "" {
		return fmt.Errorf("%w: store: source is required", favorites.ErrInvalidArgument)
	}
	if err := driver.CheckID("source", p.Source); err != nil {
		return err
	}
	if p.StockID != "" {
		return driver.CheckID("stock_id", p.StockID)
	}
	return nil
}

// AddFavorite stores a media as a favourite: POST /api/v2/user/me/favorites
// (singular "user", as the document spells the store). The answer is 201
// with the stored media, which is returned; nil when the body holds none. A
// body whose results are not a list of at most one usable media is an
// error matching [favorites.ErrMalformedReply], with the Response: the
// store happened. The Response comes back whenever the server answered,
// with an error too; it is nil when no answer came (parameters refused
// before sending, or a network error).
//
// It keeps the service's meaning: storing a favourite that is already there
// is the server's error, which matches [favorites.ErrAlreadyFavorited] when
// the server answers 409 (or 422 saying "already"); a media the server does
// not have is a 404 matching [favorites.ErrNotFound]. It is not retried
// after a server error, since the request may have been applied; the
// portable [Adapter.Add] is, being idempotent.
func (c *Client) AddFavorite(ctx context.Context, p AddParams) (*Media, *favorites.Response, error) {
	req, err := c.storeRequest(p, driver.RetryByMethod)
	if err != nil {
		return nil, nil, err
	}
	var body storeWire
	resp, err := c.c.Do(ctx, req, &body)
	if err != nil || body.Results == nil {
		return nil, resp, err
	}
	items, err := decodeMedia(ctx, body.Results, 1)
	if err != nil {
		return nil, resp, fmt.Errorf("%s: store answer: %w", ProviderName, err)
	}
	if len(items) == 0 {
		return nil, resp, nil
	}
	return items[0], resp, nil
}

// storeRequest checks p and builds the store's request.
func (c *Client) storeRequest(p AddParams, retry driver.RetryMode) (*driver.Request, error) {
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	req, err := c.c.NewRequest(http.MethodPost, storePath, nil, driver.JSONBody(p))
	if err != nil {
		return nil, err
	}
	req.Retry = retry
	return req, nil
}

package playplay

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// RemoveParams are the delete's parameters: the raw media ID, or the stock ID
// with its source. Build them with [RemoveByRawMediaID] or [RemoveByStockID];
// any other combination is refused before sending.
//
// The document lists the delete's parameters without saying where they go.
// They are sent in the query string: a DELETE's body has no defined meaning
// in HTTP and proxies may drop it, whereas a query always arrives, and the
// common PHP frameworks read query and body parameters alike. (The fake
// server also accepts them as a JSON or form body.)
type RemoveParams struct {
	RawMediaID int64  `url:"raw_media_id,omitempty"`
	StockID    string `url:"stock_id,omitempty"`
	Source     string `url:"source,omitempty"`
}

// RemoveByRawMediaID names the favourite to delete by its raw media ID.
func RemoveByRawMediaID(id int64) RemoveParams { return RemoveParams{RawMediaID: id} }

// RemoveByStockID names a stock favourite by its stock library and stock ID.
func RemoveByStockID(source, stockID string) RemoveParams {
	return RemoveParams{Source: source, StockID: stockID}
}

// RemoveParamsFor names a ref's media by its raw media ID, which the
// canonical ref always holds; the delete needs nothing more.
func RemoveParamsFor(ref MediaRef) RemoveParams {
	return RemoveByRawMediaID(ref.RawMediaID)
}

// validate applies the document's rule: raw_media_id when there is no
// stock_id; otherwise stock_id and source. Mixing the two forms is refused,
// since the server's choice between them is not documented.
func (p RemoveParams) validate() error {
	const rule = "delete takes raw_media_id, or stock_id with source"
	switch {
	case p.RawMediaID < 0:
		return fmt.Errorf("%w: %s; raw_media_id %d is negative", favorites.ErrInvalidArgument, rule, p.RawMediaID)
	case p.RawMediaID > 0 && (p.StockID != "" || p.Source != ""):
		return fmt.Errorf("%w: %s, not both", favorites.ErrInvalidArgument, rule)
	case p.RawMediaID > 0:
		return nil
	case p.StockID == "" && p.Source == "":
		return fmt.Errorf("%w: %s; none given", favorites.ErrInvalidArgument, rule)
	case p.StockID == "" || p.Source == "":
		return fmt.Errorf("%w: %s; stock_id and source go together", favorites.ErrInvalidArgument, rule)
	}
	if err := driver.CheckID("stock_id", p.StockID); err != nil {
		return err
	}
	return driver.CheckID("source", p.Source)
}

// RemoveFavorite deletes a favourite: DELETE api/v2/users/me/favorites, 204
// with no body, whether or not the media was a favourite. A media the
// server does not have is its 404 {"message":"Media not found."}, which
// matches both [favorites.ErrNotFound] and [ErrMediaNotFound]; a 404 of
// any other shape matches only the first. The Response comes back
// whenever the server answered, with an error too; it is nil when no
// answer came (parameters refused before sending, or a network error).
func (c *Client) RemoveFavorite(ctx context.Context, p RemoveParams) (*favorites.Response, error) {
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	req, err := c.c.NewRequest(http.MethodDelete, deletePath, p, nil)
	if err != nil {
		return nil, err
	}
	req.Retry = driver.RetryIdempotent // deleting twice ends the same
	return c.c.Do(ctx, req, nil)
}

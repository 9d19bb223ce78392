package dch

import (
	"context"

	"github.com/favkit/favorites"
)

// Verify checks the client's token with the one authenticated read the
// API document has, GET /user/favourites, which answers the whole list in
// one request: a token the server does not know is a 401 ("A Token was
// not found in the TokenStorage."), matching favorites.ErrUnauthorized.
// The document tells nothing of a token's permissions, so none is checked.
func (c *Client) Verify(ctx context.Context) error {
	_, _, err := c.fetch(ctx)
	return err
}

// Verify checks the token by [Client.Verify]; need is not checked, since
// DCH does not tell a token's permissions.
func (a *Adapter) Verify(ctx context.Context, need favorites.Access) error {
	return a.kit.Verify(ctx, need)
}

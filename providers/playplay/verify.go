package playplay

import (
	"context"

	"github.com/favkit/favorites"
)

// Verify checks the client's token with one request: the first page of
// the favourites, GET api/v2/users/me/favorites, the one authenticated
// read the API document has. A refused token is an error matching
// favorites.ErrUnauthorized. The document tells nothing of a token's
// permissions, so none is checked.
func (c *Client) Verify(ctx context.Context) error {
	_, _, err := c.FavoritesPage(ctx, 0)
	return err
}

// Verify checks the token by [Client.Verify]; need is not checked, since
// PlayPlay does not tell a token's permissions.
func (a *Adapter) Verify(ctx context.Context, need favorites.Access) error {
	return a.kit.Verify(ctx, need)
}

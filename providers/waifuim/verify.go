package waifuim

import (
	"context"

	"github.com/favkit/favorites"
)

// Verify checks the client's token with one cheap request: GET /fav for
// an image that cannot exist (included_files=0), which the server answers
// with its empty result. waifu.im checks the token, then the permission
// view_favorites, before it looks at the query (api/middlewares/
// authorization.go and api/routes/image.go of Waifu-im/waifu-api): a bad
// token is a 401 matching favorites.ErrUnauthorized, a token without
// view_favorites a 403 matching favorites.ErrForbidden whose message
// names it. manage_favorites, which Insert, Delete and Toggle need, cannot
// be checked without a write, so it is not.
func (c *Client) Verify(ctx context.Context) error {
	_, _, err := c.favorites(ctx, &FavoritesQuery{IncludedFiles: []string{"0"}})
	return err
}

// Verify checks the token by [Client.Verify]: reading is checked, writing
// is not (see there).
func (a *Adapter) Verify(ctx context.Context, need favorites.Access) error {
	return a.kit.Verify(ctx, need)
}

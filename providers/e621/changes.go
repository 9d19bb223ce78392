package e621

import "context"

// FavoritesSince returns the caller's favourites added since mark, newest
// favourite first, each once, and the mark to save for the next call; ""
// means from now. An anonymous client refuses it before sending
// ([ErrNoCredentials]). The package doc's "Marks" gives the rule it stands
// on, its cost, what it cannot see and the mark's text.
func (c *Client) FavoritesSince(ctx context.Context, mark string) ([]*Post, string, error) {
	if err := c.needAccount("FavoritesSince (your own favourites)"); err != nil {
		return nil, "", err
	}
	return c.marks().Since(ctx, mark)
}

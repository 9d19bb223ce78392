package e621

import (
	"context"

	"github.com/favkit/favorites"
)

// Verify checks the client's login and API key with one cheap
// authenticated request: the caller's first favourite, GET
// /favorites.json?limit=1. e621 checks the credentials of every request
// before it serves it (app/logical/session_loader.rb of e621ng: a wrong
// login or API key raises AuthenticationFailure, which
// ApplicationController answers with 401), so a refusal matches
// favorites.ErrUnauthorized. An anonymous client has nothing to check and
// is refused, as its writes are, with ErrNoCredentials before sending.
// e621's API keys carry no scopes: a key that works can do every job.
func (c *Client) Verify(ctx context.Context) error {
	if err := c.needAccount("Verify"); err != nil {
		return err
	}
	_, _, err := c.favoritesPage(ctx, 0, 1, 1)
	return err
}

// Verify checks the client's login and API key by [Client.Verify]; need
// is not checked, since an e621 API key can do whatever its account can.
func (a *Adapter) Verify(ctx context.Context, need favorites.Access) error {
	return a.kit.Verify(ctx, need)
}

package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/favkit/favorites"
)

// VerifyCredentials gives the account the client's token acts for (GET
// /api/v1/accounts/verify_credentials): its ID, Acct and URL, among the
// rest. It needs the scope read:accounts (or read, or profile from
// Mastodon 4.4: app/controllers/api/v1/accounts/credentials_controller.rb);
// an application token with no user is refused with 422, matching
// favorites.ErrUnprocessable.
func (c *Client) VerifyCredentials(ctx context.Context) (*Account, *favorites.Response, error) {
	req, err := c.c.NewRequest(http.MethodGet, "/api/v1/accounts/verify_credentials", nil, nil)
	if err != nil {
		return nil, nil, err
	}
	var a Account
	resp, err := c.c.Do(ctx, req, &a)
	if err != nil {
		return nil, resp, err
	}
	if a.ID == "" {
		return nil, resp, fmt.Errorf("%s: verify_credentials: %w: the account has no id", ProviderName, favorites.ErrMalformedReply)
	}
	return &a, resp, nil
}

// TokenInfo is what the server says of a token: GET /oauth/token/info,
// Doorkeeper's TokenInfoController, which Mastodon routes (config/routes.rb
// calls use_doorkeeper and skips none of its routes). Any valid token may
// ask, whatever its scopes.
type TokenInfo struct {
	// Scopes are the token's scopes, as granted: a parent ("read") grants
	// its children ("read:favourites"); see [TokenInfo.Allows].
	Scopes []string
	// ResourceOwnerID is the server's ID of the user the token acts for
	// (its user record, which is not the account ID); "" for an
	// application token, which acts for no user.
	ResourceOwnerID string
	// ClientID names the app the token was granted to.
	ClientID string
	// CreatedAt is when the token was granted; zero when not said.
	CreatedAt time.Time
}

// Allows reports whether the token grants scope, itself or by a parent:
// "read" grants "read:favourites", as Mastodon's controllers accept either.
func (t *TokenInfo) Allows(scope string) bool { return scopeGranted(t.Scopes, scope) }

// wireTokenInfo is Doorkeeper's AccessToken#as_json: scope is an array
// (Doorkeeper::OAuth::Scopes is Enumerable), read here as a string too;
// resource_owner_id a number, or null for an application token.
type wireTokenInfo struct {
	ResourceOwnerID json.RawMessage `json:"resource_owner_id"`
	Scope           json.RawMessage `json:"scope"`
	Application     *struct {
		UID string `json:"uid"`
	} `json:"application"`
	CreatedAt int64 `json:"created_at"`
}

// TokenInfo asks the server what the client's token is: its scopes, and
// whether it acts for a user. A token the server refuses is a 401
// matching favorites.ErrUnauthorized. A server without the endpoint (not
// Mastodon, or not Doorkeeper) answers 404, matching
// favorites.ErrNotFound: it does not tell.
func (c *Client) TokenInfo(ctx context.Context) (*TokenInfo, *favorites.Response, error) {
	req, err := c.c.NewRequest(http.MethodGet, "/oauth/token/info", nil, nil)
	if err != nil {
		return nil, nil, err
	}
	var w wireTokenInfo
	resp, err := c.c.Do(ctx, req, &w)
	if err != nil {
		return nil, resp, err
	}
	info, err := w.info()
	if err != nil {
		return nil, resp, fmt.Errorf("%s: token info: %w: %v", ProviderName, favorites.ErrMalformedReply, err)
	}
	return info, resp, nil
}

func (w *wireTokenInfo) info() (*TokenInfo, error) {
	info := &TokenInfo{}
	if w.CreatedAt > 0 {
		info.CreatedAt = time.Unix(w.CreatedAt, 0).UTC()
	}
	if w.Application != nil {
		info.ClientID = w.Application.UID
	}
	var list []string
	var joined string
	switch {
	case json.Unmarshal(w.Scope, &list) == nil:
		info.Scopes = list
	case json.Unmarshal(w.Scope, &joined) == nil:
		info.Scopes = strings.Fields(joined)
	default:
		return nil, errors.New("scope is neither a list nor a string")
	}
	var id json.Number
	switch owner := string(w.ResourceOwnerID); {
	case owner == "" || owner == "null":
	case json.Unmarshal(w.ResourceOwnerID, &id) == nil:
		info.ResourceOwnerID = id.String()
	case json.Unmarshal(w.ResourceOwnerID, &info.ResourceOwnerID) == nil:
	default:
		return nil, errors.New("resource_owner_id is neither a number nor a string")
	}
	return info, nil
}

// Verify checks the client's token before a job, with one request: the
// token info ([Client.TokenInfo]). A token the server refuses is an error
// matching favorites.ErrUnauthorized, and so is an application token,
// which acts for no user and so has no favourites; a token without one
// of scopes (granted itself or by a parent such as "read") is a
// [*favorites.ScopeError] naming the missing ones. A server that does not
// tell a token's scopes (404 at /oauth/token/info: not Mastodon) is asked
// for the first favourite instead, which checks the token and
// read:favourites by the server's own answer, and scopes are not checked.
func (c *Client) Verify(ctx context.Context, scopes ...string) error {
	if err := checkScopes(scopes); err != nil {
		return err
	}
	info, _, err := c.TokenInfo(ctx)
	var apiErr *favorites.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound:
		return c.verifyByListing(ctx)
	case err != nil:
		return err
	case info.ResourceOwnerID == "":
		return fmt.Errorf("%s: %w: the token is an application's, acting for no user; favourites need a user's token (sign in with mastodon.OAuth)",
			ProviderName, favorites.ErrUnauthorized)
	}
	if missing := missingScopes(info.Scopes, scopes); len(missing) > 0 {
		return &favorites.ScopeError{Provider: ProviderName, Missing: missing, Granted: info.Scopes}
	}
	return nil
}

// verifyByListing checks the token by the cheapest request a favourites
// job makes: its first favourite.
func (c *Client) verifyByListing(ctx context.Context) error {
	req, err := c.c.NewRequest(http.MethodGet, "/api/v1/favourites", map[string][]string{"limit": {strconv.Itoa(1)}}, nil)
	if err != nil {
		return err
	}
	_, err = c.c.Do(ctx, req, nil)
	return err
}

// Verify checks the adapter's token for need before a job, by
// [Client.Verify] with the scopes [ScopesFor] gives.
func (a *Adapter) Verify(ctx context.Context, need favorites.Access) error {
	return a.kit.Verify(ctx, need)
}

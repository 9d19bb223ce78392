package playplay

import (
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// ProviderName is the name of this provider in errors, logs and
// [favorites.Favorite].Provider.
const ProviderName = "playplay"

// The paths exactly as the document spells them: "users" for the list and
// the delete, "user" for the store.
const (
	listPath   = "api/v2/users/me/favorites"
	storePath  = "/api/v2/user/me/favorites"
	deletePath = "api/v2/users/me/favorites"
)

// Client is a typed client of PlayPlay's favourites API. It is safe for
// concurrent use.
type Client struct {
	c       *driver.Client
	account string // tags this client's marks: see markHost
}

// New returns a Client for the PlayPlay API at baseURL with a bearer token.
// PlayPlay publishes no base URL, so the caller gives it (such as
// "https://api.playplay.com", a placeholder).
//
// The document states no rate limit, so there is no client-side limiter by
// default (favorites.WithRateLimiter adds one); 429 answers are still waited
// out and retried. Response bodies are capped at [DefaultMaxBodySize]
// (favorites.WithMaxBodySize changes it). opts come after the defaults, so
// they win.
func New(baseURL, token string, opts ...favorites.Option) (*Client, error) {
	cred, err := driver.BearerToken(token)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	c, err := driver.New(driver.Config{
		Provider:    ProviderName,
		Credential:  cred,
		DecodeError: decodeError,
		Defaults: []favorites.Option{
			favorites.WithBaseURL(baseURL),
			favorites.WithRateLimiter(defaultLimiter()),
			favorites.WithMaxBodySize(DefaultMaxBodySize),
		},
	}, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{c: c, account: driver.AccountTag(ProviderName, c.BaseURL().String(), token)}, nil
}

// defaultLimiter is the limiter [New] installs: none, as the document
// states no rate limit.
func defaultLimiter() favorites.Limiter { return nil }

// HTTP returns the underlying [driver.Client], for endpoints this package
// does not wrap; its requests carry the same token and retries.
func (c *Client) HTTP() *driver.Client { return c.c }

// String describes the client without its token.
func (c *Client) String() string { return fmt.Sprintf("playplay.Client{%s}", c.c.BaseURL()) }

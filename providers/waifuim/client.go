package waifuim

import (
	"fmt"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// ProviderName names waifu.im in favourites, errors and logs.
const ProviderName = "waifuim"

// DefaultBaseURL is the public waifu.im API.
const DefaultBaseURL = "https://api.waifu.im"

// DefaultAPIVersion is the Accept-Version the client sends unless
// [WithAPIVersion] says otherwise: v5, the version the /fav document was
// written for.
const DefaultAPIVersion = "v5"

// Client is a typed waifu.im client. It is safe for concurrent use.
type Client struct {
	c     *driver.Client
	marks *driver.SetMark // this account's marks: see Client.Changes
}

// New returns a client that authenticates with token, a waifu.im API token.
// Its defaults are [DefaultBaseURL], Accept-Version [DefaultAPIVersion], the
// [DefaultRateLimiter], a body cap of [DefaultMaxBodySize] and waifu.im's
// error decoding; opts come after them,
// so the caller's options win (for example favorites.WithBaseURL pointing at
// a waifuimtest fake, or favorites.WithRateLimiter(nil)).
func New(token string, opts ...favorites.Option) (*Client, error) {
	cred, err := driver.BearerToken(token)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	c, err := driver.New(driver.Config{
		Provider:    ProviderName,
		Credential:  cred,
		DecodeError: decodeError,
		Defaults: []favorites.Option{
			favorites.WithBaseURL(DefaultBaseURL),
			WithAPIVersion(DefaultAPIVersion),
			favorites.WithRateLimiter(DefaultRateLimiter()),
			favorites.WithMaxBodySize(DefaultMaxBodySize),
		},
	}, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{c: c, marks: driver.NewSetMark(ProviderName, c.BaseURL().String(), token, MaxFavorites, checkImageID)}, nil
}

// WithAPIVersion sets the Accept-Version header, such as "v6". The /fav
// endpoints are the same in v5 and v6.
func WithAPIVersion(v string) favorites.Option {
	return favorites.WithHeader("Accept-Version", v)
}

// DefaultRateLimiter returns a new limiter of 5 requests a second, no burst:
// the service serves one request per 200 ms per client and answers 429 past
// a short queue. Each call gives a limiter of its own, so clients built
// with it do not share a budget. It is a favorites.Limiter, so this
// package's API does not tie its users to the limiter's implementation.
func DefaultRateLimiter() favorites.Limiter {
	return rate.NewLimiter(5, 1)
}

// HTTP returns the shared HTTP client underneath, for requests this package
// has no method for.
func (c *Client) HTTP() *driver.Client { return c.c }

package e621

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// ProviderName names e621 in favorites.Favorite.Provider and in errors.
const ProviderName = "e621"

// Base URLs of the two sites that serve this API.
const (
	DefaultBaseURL = "https://e621.net"
	E926BaseURL    = "https://e926.net" // the safe-for-work mirror
)

// RequestsPerSecond is the sustained rate e621's API rules ask for, and
// Burst the hard limit the site enforces in front of the application (a
// 503 past it). The default limiter keeps both: up to Burst requests at
// once, then one a second, so no second ever holds more than Burst.
const (
	RequestsPerSecond = 1
	Burst             = 2
)

// defaultLimiter is the limiter [New] installs, a new one for each client
// so that clients do not share a budget.
func defaultLimiter() *rate.Limiter { return rate.NewLimiter(RequestsPerSecond, Burst) }

// Client is a typed e621 client. It is safe for concurrent use.
type Client struct {
	c     *driver.Client
	login string // "" for an anonymous client
	posts string // a post's web page up to its ID (PostURL), made once
}

// New builds a Client that authenticates as login with apiKey (from the
// account's settings page) by HTTP Basic auth.
//
// With both login and apiKey empty it builds an anonymous client, which
// sends no Authorization header: e621 serves public listings without one
// (GET /favorites.json?user_id= and GET /posts.json are reachable by
// anyone: e621ng's FavoritesController and PostsController exempt index
// from member_only). An anonymous client refuses, before sending, every
// call that needs an account (the writes, and a listing of "my own"
// favourites) with an error matching ErrNoCredentials and
// favorites.ErrInvalidArgument. Only one of the two empty is refused.
//
// Defaults, each overridden by a later opts entry: base URL
// [DefaultBaseURL] (pass favorites.WithBaseURL(E926BaseURL) for e926), the
// User-Agent from [UserAgent] naming the SDK and login, a limiter of
// [RequestsPerSecond] with bursts of [Burst], e621's error decoding, and a
// body cap of [MaxBodySize] (favorites.WithMaxBodySize sets another).
func New(login, apiKey string, opts ...favorites.Option) (*Client, error) {
	var cred driver.Credential
	if login != "" || apiKey != "" {
		// One of the two alone is a mistake, which BasicAuth names.
		var err error
		if cred, err = driver.BasicAuth(login, apiKey); err != nil {
			return nil, fmt.Errorf("%s: %w", ProviderName, err)
		}
	}
	c, err := driver.New(driver.Config{
		Provider:    ProviderName,
		Credential:  cred,
		DecodeError: decodeError,
		Defaults: []favorites.Option{
			favorites.WithBaseURL(DefaultBaseURL),
			favorites.WithUserAgent(UserAgent("favkit-favorites-go", favorites.Version(), login)),
			favorites.WithRateLimiter(defaultLimiter()),
			favorites.WithMaxBodySize(MaxBodySize),
		},
	}, opts...)
	if err != nil {
		return nil, err
	}
	base := c.BaseURL()
	posts := (&url.URL{Scheme: base.Scheme, Host: base.Host, Path: base.Path + "/posts/"}).String()
	return &Client{c: c, login: login, posts: posts}, nil
}

// UserAgent formats a User-Agent the way e621's API rules ask for:
// "project/version (by login on e621)", or "project/version (anonymous,
// on e621)" for an empty login. Pass it to favorites.WithUserAgent to name
// your own project.
func UserAgent(project, version, login string) string {
	if login == "" {
		return fmt.Sprintf("%s/%s (anonymous, on e621)", project, version)
	}
	return fmt.Sprintf("%s/%s (by %s on e621)", project, version, login)
}

// Login is the account the client authenticates as; "" for an anonymous
// client.
func (c *Client) Login() string { return c.login }

// ErrNoCredentials is why an anonymous client (see [New]) refuses a call
// that needs an account: adding or removing a favourite, or listing the
// caller's own favourites. The refusal also matches
// favorites.ErrInvalidArgument, since it is the caller's setup the client
// sees before sending, not the server's answer (which would be
// favorites.ErrUnauthorized), and nothing is sent.
var ErrNoCredentials = errors.New("e621: this client has no login and API key")

// needAccount refuses what call asks of an anonymous client.
func (c *Client) needAccount(call string) error {
	if c.login != "" {
		return nil
	}
	return fmt.Errorf("%s: %w: %w: %s needs an account; build the client with e621.New(login, apiKey)",
		ProviderName, favorites.ErrInvalidArgument, ErrNoCredentials, call)
}

// HTTP is the shared driver.Client underneath, for requests this package
// has no method for.
func (c *Client) HTTP() *driver.Client { return c.c }

// PostURL is the web page of post id on the client's site, such as
// https://e621.net/posts/123 (or the e926 page on an e926 client).
func (c *Client) PostURL(id int64) string { return c.posts + strconv.FormatInt(id, 10) }

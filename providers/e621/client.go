package e621

import (
	"fmt"
	"net/url"
	"strconv"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites"
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
	c     *favorites.Client
	login string
}

// New builds a Client that authenticates as login with apiKey (from the
// account's settings page) by HTTP Basic auth.
//
// Defaults, each overridden by a later opts entry: base URL
// [DefaultBaseURL] (pass favorites.WithBaseURL(E926BaseURL) for e926), the
// User-Agent from [UserAgent] naming the SDK and login, a limiter of
// [RequestsPerSecond] with bursts of [Burst], e621's error decoding, and a
// body cap of [MaxBodySize] (favorites.WithMaxBodySize sets another).
func New(login, apiKey string, opts ...favorites.Option) (*Client, error) {
	defaults := []favorites.Option{
		favorites.WithBaseURL(DefaultBaseURL),
		favorites.WithBasicAuth(login, apiKey),
		favorites.WithUserAgent(UserAgent("favkit-favorites-go", favorites.Version(), login)),
		favorites.WithRateLimiter(defaultLimiter()),
		favorites.WithErrorDecoder(decodeError),
		favorites.WithMaxBodySize(MaxBodySize),
	}
	c, err := favorites.New(ProviderName, append(defaults, opts...)...)
	if err != nil {
		return nil, err
	}
	return &Client{c: c, login: login}, nil
}

// UserAgent formats a User-Agent the way e621's API rules ask for:
// "project/version (by login on e621)". Pass it to favorites.WithUserAgent
// to name your own project.
func UserAgent(project, version, login string) string {
	return fmt.Sprintf("%s/%s (by %s on e621)", project, version, login)
}

// Login is the account the client authenticates as.
func (c *Client) Login() string { return c.login }

// HTTP is the shared favorites.Client underneath, for requests this package
// has no method for.
func (c *Client) HTTP() *favorites.Client { return c.c }

// PostURL is the web page of post id on the client's site, such as
// https://e621.net/posts/123 (or the e926 page on an e926 client).
func (c *Client) PostURL(id int64) string {
	u := c.c.BaseURL()
	u.Path += "/posts/" + strconv.FormatInt(id, 10)
	u.RawPath = ""
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
}

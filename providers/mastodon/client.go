package mastodon

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"golang.org/x/time/rate"
)

// ProviderName is the name of this provider in errors, logs and
// [favorites.Favorite].Provider.
const ProviderName = "mastodon"

// MaxLimit is the largest page Mastodon serves: GET /api/v1/favourites caps
// limit at 40. It is also the default page size, so a listing takes as few
// requests as the server allows.
const MaxLimit = 40

// MaxStatusBytes is the most JSON an honest status takes, rounded up
// generously: a boost carries its original whole, and one with a long text
// (500 characters on Mastodon, thousands on some other servers, each up to
// six bytes once HTML- and JSON-escaped), four attachments with their
// metadata, a card, a poll, mentions, tags, custom emojis and its author's
// account stays well under it.
const MaxStatusBytes = 128 << 10

// DefaultMaxBodySize is the response size cap [New] sets before the
// caller's options (favorites.WithMaxBodySize overrides it): the largest
// honest page, MaxLimit statuses of MaxStatusBytes (5 MiB), with a margin
// of two, so 10 MiB. A larger body is refused unread, where
// favorites.DefaultMaxBodySize would let a server make the client read 32
// MiB a page.
const DefaultMaxBodySize = 2 * MaxLimit * MaxStatusBytes

// Client is a typed client of one Mastodon instance's favourites API. It is
// safe for concurrent use.
type Client struct {
	c       *driver.Client
	account string // tags this client's marks: see accountTag
}

// New returns a Client for the instance at baseURL (such as
// "https://mastodon.social") with a user token holding the scopes
// read:favourites (listing) and write:favourites (favourite, unfavourite).
// A program gets one by signing the user in: see [NewOAuth].
//
// Its defaults are a client-side limit of one request a second on average
// with bursts of 30 (Mastodon's documented budget is 300 requests in 5
// minutes), waiting out a spent X-RateLimit-Remaining, a response cap of
// [DefaultMaxBodySize], and Mastodon's error bodies read into
// [favorites.APIError]. opts come after the defaults, so they win:
// favorites.WithRateLimiter(nil) removes the limiter.
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
	return &Client{c: c, account: accountTag(c.BaseURL(), token)}, nil
}

// defaultLimiter is the limiter [New] installs: one request a second on
// average, Mastodon's 300 in 5 minutes, with bursts of 30.
func defaultLimiter() *rate.Limiter { return rate.NewLimiter(rate.Every(time.Second), 30) }

// HTTP returns the underlying [driver.Client], for endpoints this
// package does not wrap; its requests carry the same token, limits and
// retries.
func (c *Client) HTTP() *driver.Client { return c.c }

// String describes the client without its token.
func (c *Client) String() string { return fmt.Sprintf("mastodon.Client{%s}", c.c.BaseURL()) }

// statusCall sends a request whose answer is one Status. It returns the
// response whenever there is one, so that a caller can tell a 2xx whose
// body was bad (the change happened) from a refusal. The body is decoded by
// DecodeStatus from the reply's own bytes, which Raw then keeps.
func (c *Client) statusCall(ctx context.Context, method, path string, retry driver.RetryMode) (*Status, *favorites.Response, error) {
	req, err := c.c.NewRequest(method, path, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	req.Retry = retry
	var body driver.RawJSON // the reply's buffer, which Do hands over: no copy
	resp, err := c.c.Do(ctx, req, &body)
	if err != nil {
		return nil, resp, err
	}
	st, err := DecodeStatus(body)
	if err != nil {
		return nil, resp, fmt.Errorf("%w (%s %s)", err, method, path)
	}
	return st, resp, nil
}

// statusPath is /api/v1/statuses/{id} plus suffix, with the ID checked.
func statusPath(id, suffix string) (string, error) {
	esc, err := driver.PathID("status ID", id)
	if err != nil {
		return "", fmt.Errorf("%s: %w", ProviderName, err)
	}
	return "/api/v1/statuses/" + esc + suffix, nil
}

// Status fetches one status. With the client's token its Favourited field
// says whether the caller has favourited it. The Response is returned
// whenever the server answered, with its rate-limit figures.
func (c *Client) Status(ctx context.Context, id string) (*Status, *favorites.Response, error) {
	path, err := statusPath(id, "")
	if err != nil {
		return nil, nil, err
	}
	return c.statusCall(ctx, http.MethodGet, path, driver.RetryByMethod)
}

// Favourite favourites the status id and returns it as the server now sees
// it, with the server's Response. Favouriting a status twice is not an
// error on Mastodon, so the call is retried like a read. An unknown status,
// or one the caller may not see, is a 404 matching favorites.ErrNotFound.
// A 2xx whose body is not a status is an error matching
// favorites.ErrMalformedReply, though the favourite was made: the Response
// is returned with it, so a caller can tell it from a refusal
// ([Adapter.Add] reads it as done).
func (c *Client) Favourite(ctx context.Context, id string) (*Status, *favorites.Response, error) {
	path, err := statusPath(id, "/favourite")
	if err != nil {
		return nil, nil, err
	}
	return c.statusCall(ctx, http.MethodPost, path, driver.RetryIdempotent)
}

// Unfavourite removes the status id from the favourites and returns it,
// with the server's Response. A status that is not a favourite is not an
// error. The server applies the removal in the background: the answer
// already says Favourited false, but a listing fetched at once may still
// hold the status for a moment. An unknown status is a 404 matching
// favorites.ErrNotFound, as the server says; [Adapter.Remove] reads that
// one answer as done. A 2xx with a bad body is an error returned with its
// Response, as for [Client.Favourite].
func (c *Client) Unfavourite(ctx context.Context, id string) (*Status, *favorites.Response, error) {
	path, err := statusPath(id, "/unfavourite")
	if err != nil {
		return nil, nil, err
	}
	return c.statusCall(ctx, http.MethodPost, path, driver.RetryIdempotent)
}

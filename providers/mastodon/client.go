package mastodon

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/favkit/favorites"
	"golang.org/x/time/rate"
)

// ProviderName is the name of this provider in errors, logs and
// [favorites.Favorite].Provider.
const ProviderName = "mastodon"

// MaxLimit is the largest page Mastodon serves: GET /api/v1/favourites caps
// limit at 40. It is also the default page size, so a listing takes as few
// requests as the server allows.
const MaxLimit = 40

// Client is a typed client of one Mastodon instance's favourites API. It is
// safe for concurrent use.
type Client struct {
	c *favorites.Client
}

// New returns a Client for the instance at baseURL (such as
// "https://mastodon.social") with a user token holding the scopes
// read:favourites (listing) and write:favourites (favourite, unfavourite).
//
// Its defaults are a client-side limit of one request a second on average
// with bursts of 30 (Mastodon's documented budget is 300 requests in 5
// minutes), waiting out a spent X-RateLimit-Remaining, and Mastodon's error
// bodies read into [favorites.APIError]. opts come after the defaults, so
// they win: favorites.WithRateLimiter(nil) removes the limiter.
func New(baseURL, token string, opts ...favorites.Option) (*Client, error) {
	defaults := []favorites.Option{
		favorites.WithBaseURL(baseURL),
		favorites.WithBearerToken(token),
		favorites.WithRateLimiter(rate.NewLimiter(rate.Every(time.Second), 30)),
	}
	c, err := favorites.New(ProviderName, append(defaults, opts...)...)
	if err != nil {
		return nil, err
	}
	return &Client{c: c}, nil
}

// HTTP returns the underlying [favorites.Client], for endpoints this
// package does not wrap; its requests carry the same token, limits and
// retries.
func (c *Client) HTTP() *favorites.Client { return c.c }

// String describes the client without its token.
func (c *Client) String() string { return fmt.Sprintf("mastodon.Client{%s}", c.c.BaseURL()) }

// statusCall sends a request whose answer is one Status.
func (c *Client) statusCall(ctx context.Context, method, path string, retry favorites.RetryMode) (*Status, error) {
	req, err := c.c.NewRequest(method, path, nil, nil)
	if err != nil {
		return nil, err
	}
	req.Retry = retry
	var st Status
	if _, err := c.c.Do(ctx, req, &st); err != nil {
		return nil, err
	}
	return &st, nil
}

// statusPath is /api/v1/statuses/{id} plus suffix, with the ID checked.
func statusPath(id, suffix string) (string, error) {
	esc, err := favorites.PathID("status ID", id)
	if err != nil {
		return "", fmt.Errorf("%s: %w", ProviderName, err)
	}
	return "/api/v1/statuses/" + esc + suffix, nil
}

// Status fetches one status. With the client's token its Favourited field
// says whether the caller has favourited it.
func (c *Client) Status(ctx context.Context, id string) (*Status, error) {
	path, err := statusPath(id, "")
	if err != nil {
		return nil, err
	}
	return c.statusCall(ctx, http.MethodGet, path, favorites.RetryByMethod)
}

// Favourite favourites the status id and returns it as the server now sees
// it. Favouriting a status twice is not an error on Mastodon, so the call is
// retried like a read.
func (c *Client) Favourite(ctx context.Context, id string) (*Status, error) {
	path, err := statusPath(id, "/favourite")
	if err != nil {
		return nil, err
	}
	return c.statusCall(ctx, http.MethodPost, path, favorites.RetryIdempotent)
}

// Unfavourite removes the status id from the favourites and returns it. A
// status that is not a favourite is not an error. The server applies the
// removal in the background: the answer already says Favourited false, but a
// listing fetched at once may still hold the status for a moment.
func (c *Client) Unfavourite(ctx context.Context, id string) (*Status, error) {
	path, err := statusPath(id, "/unfavourite")
	if err != nil {
		return nil, err
	}
	return c.statusCall(ctx, http.MethodPost, path, favorites.RetryIdempotent)
}

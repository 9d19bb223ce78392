package favoritestest

import "github.com/favkit/favorites"

// Options are the client options of a test that should fail at its first
// error and never wait: no retries (a 5xx, a 429 or a cut connection is
// the call's error at once), no wait for a rate-limit window the server
// says is spent, and no client-side rate limiter. Give them last, after
// any option of the test's own they should override:
//
//	c, err := mastodon.New(srv.URL, mastodontest.Token, favoritestest.Options()...)
//	c, err := srv.Client(favoritestest.Options()...)
//
// A test of the retries themselves wants the defaults instead.
func Options() []favorites.Option {
	return []favorites.Option{
		favorites.WithRetryPolicy(favorites.RetryPolicy{}),
		favorites.WithRateLimiter(nil),
	}
}

package e621_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
)

// Verify is one request for the first favourite, limit=1; an anonymous
// client has nothing to check and sends nothing.
func TestVerify(t *testing.T) {
	mt := httpmock.NewMockTransport()
	if err := e621.NewAdapter(mockAnonymous(t, mt)).Verify(t.Context(), favorites.ReadAccess); !errors.Is(err, e621.ErrNoCredentials) {
		t.Fatalf("anonymous: %v, want ErrNoCredentials", err)
	}
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Fatalf("anonymous Verify sent %d requests", n)
	}
	mt.RegisterResponderWithQuery("GET", "https://e621.net/favorites.json", "limit=1&page=1",
		httpmock.NewStringResponder(401, `{"success":false,"reason":"Authentication failed"}`))
	c, err := e621.New("alice", "bad-key", favorites.WithHTTPClient(&http.Client{Transport: mt}),
		favorites.WithRateLimiter(nil), favorites.WithRetryPolicy(favorites.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Verify(t.Context()); !errors.Is(err, favorites.ErrUnauthorized) || mt.GetTotalCallCount() != 1 {
		t.Fatalf("bad key: %v after %d requests, want ErrUnauthorized after one", err, mt.GetTotalCallCount())
	}
}

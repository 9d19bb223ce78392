package favoritestest_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/favoritestest"
)

// waitCounter is a limiter that counts the requests it paces.
type waitCounter struct{ n atomic.Int64 }

func (w *waitCounter) Wait(context.Context) error { w.n.Add(1); return nil }

// Options turn off a provider's limiter and every retry: a 503 and a 429
// are each the call's error on the first attempt.
func TestOptionsNoRetriesNoLimiter(t *testing.T) {
	for _, status := range []int{http.StatusServiceUnavailable, http.StatusTooManyRequests} {
		var requests atomic.Int64
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			requests.Add(1)
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(status)
		}))
		limiter := &waitCounter{}
		c, err := driver.New(driver.Config{Provider: "test",
			Defaults: []favorites.Option{favorites.WithRateLimiter(limiter)}},
			append([]favorites.Option{favorites.WithBaseURL(srv.URL)}, favoritestest.Options()...)...)
		if err != nil {
			t.Fatal(err)
		}
		req, _ := c.NewRequest("GET", "x", nil, nil)
		_, err = c.Do(t.Context(), req, nil)
		srv.Close()
		var apiErr *favorites.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
			t.Errorf("%d: err = %v, want the server's %d", status, err, status)
		}
		if n := requests.Load(); n != 1 {
			t.Errorf("%d: %d requests, want 1", status, n)
		}
		if n := limiter.n.Load(); n != 0 {
			t.Errorf("%d: the provider's limiter paced %d requests, want none", status, n)
		}
	}
}

package driver

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
)

// gateLimiter holds the first request that waits on it until open is
// closed, telling waiting when it does, and lets every later one through.
type gateLimiter struct {
	calls         atomic.Int32
	waiting, open chan struct{}
}

func (l *gateLimiter) Wait(ctx context.Context) error {
	if l.calls.Add(1) > 1 {
		return nil
	}
	close(l.waiting)
	select {
	case <-l.open:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// A request that was waiting its turn in the limiter when another request's
// answer said the window is spent waits for the window too, rather than
// going out to meet a 429: with the client's limiter set to the server's
// rate, the last request of a window and the first of the next are that
// close.
func TestWindowSpentWhileWaitingForLimiter(t *testing.T) {
	l := &gateLimiter{waiting: make(chan struct{}), open: make(chan struct{})}
	c, mt := newMockClient(t, favorites.WithRateLimiter(l))
	resetAt := time.Now().Add(200 * time.Millisecond)
	mt.RegisterResponder("GET", testBase+"/spent", jsonResponder(200, `{}`,
		"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", resetAt.UTC().Format(time.RFC3339Nano)))
	var sentAt time.Time
	mt.RegisterResponder("GET", testBase+"/held", func(*http.Request) (*http.Response, error) {
		sentAt = time.Now()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	get := func(path string) error {
		req, _ := c.NewRequest("GET", path, nil, nil)
		_, err := c.Do(t.Context(), req, nil)
		return err
	}

	held := make(chan error, 1)
	go func() { held <- get("held") }()
	<-l.waiting // "held" is past the window check and waiting in the limiter
	if err := get("spent"); err != nil {
		t.Fatal(err)
	}
	close(l.open)
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	if want := resetAt.Truncate(time.Microsecond); sentAt.Before(want) {
		t.Errorf("the held request went at %v, before the window reopened at %v", sentAt, want)
	}
}

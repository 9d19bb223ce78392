package driver

import (
	"context"
	"errors"
	"net/http"
	"sync"
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

// observingLimiter lets every request through and records what it is told.
type observingLimiter struct {
	mu   sync.Mutex
	seen []observed
}

type observed struct {
	status int
	rate   favorites.Rate
}

func (l *observingLimiter) Wait(ctx context.Context) error { return ctx.Err() }

func (l *observingLimiter) ObserveRate(_ context.Context, status int, r favorites.Rate) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen = append(l.seen, observed{status, r})
}

// A limiter that listens hears every attempt's status and rate headers,
// the 429 that was retried included, with the server's waits capped at the
// retry policy's MaxWait, so a shared limiter never stalls for longer than
// one client would.
func TestLimiterHearsEveryAnswer(t *testing.T) {
	l := &observingLimiter{}
	c, mt := newMockClient(t, favorites.WithRateLimiter(l))
	farReset := time.Now().Add(time.Hour).UTC().Format(time.RFC3339Nano)
	mt.RegisterResponder("GET", testBase+"/x", sequence(
		jsonResponder(429, `{}`, "Retry-After", "0", "X-RateLimit-Remaining", "0"),
		jsonResponder(200, `{}`, "X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", farReset)))
	req, _ := c.NewRequest("GET", "x", nil, nil)
	start := time.Now()
	if _, err := c.Do(t.Context(), req, nil); err != nil {
		t.Fatal(err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.seen) != 2 {
		t.Fatalf("the limiter heard %d answers, want 2: %+v", len(l.seen), l.seen)
	}
	if got := l.seen[0]; got.status != 429 || got.rate.Remaining != 0 || got.rate.RetryAfter != 0 {
		t.Errorf("first answer heard as %+v", got)
	}
	got := l.seen[1]
	if got.status != 200 || got.rate.Limit != 300 || got.rate.Remaining != 0 {
		t.Errorf("second answer heard as %+v", got)
	}
	if latest := time.Now().Add(fastRetries.MaxWait); got.rate.Reset.Before(start) || got.rate.Reset.After(latest) {
		t.Errorf("a reset an hour off was handed on as %v, want it capped at MaxWait %v", got.rate.Reset, fastRetries.MaxWait)
	}
}

// A 429's Retry-After holds back the client's next request too, not only
// the retry of the one refused.
func TestWaitsForRetryAfterOf429(t *testing.T) {
	c, mt := newMockClient(t, favorites.WithRetryPolicy(favorites.RetryPolicy{MaxWait: 2 * time.Second}))
	mt.RegisterResponder("GET", testBase+"/refused", jsonResponder(429, `{}`, "Retry-After", "1"))
	var sentAt time.Time
	mt.RegisterResponder("GET", testBase+"/next", func(*http.Request) (*http.Response, error) {
		sentAt = time.Now()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	start := time.Now()
	req, _ := c.NewRequest("GET", "refused", nil, nil)
	if _, err := c.Do(t.Context(), req, nil); !errors.Is(err, favorites.ErrRateLimited) {
		t.Fatalf("Do = %v, want the 429 without retries", err)
	}
	req, _ = c.NewRequest("GET", "next", nil, nil)
	if _, err := c.Do(t.Context(), req, nil); err != nil {
		t.Fatal(err)
	}
	if sentAt.Sub(start) < time.Second {
		t.Errorf("the next request went %v after the 429 that asked for a second", sentAt.Sub(start))
	}
}

// A limiter that refuses a wait past the deadline ends the request at
// once, with nothing sent: a retry would only be refused again.
func TestLimiterRefusalEndsTheRequest(t *testing.T) {
	b, err := favorites.NewBudget(5, 1)
	if err != nil {
		t.Fatal(err)
	}
	b.ObserveRate(t.Context(), 429, favorites.Rate{RetryAfter: time.Hour})
	l := &askedLimiter{Limiter: b}
	c, mt := newMockClient(t, favorites.WithRateLimiter(l))
	mt.RegisterResponder("GET", testBase+"/x", jsonResponder(200, `{}`))
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err = c.Do(ctx, req, nil)
	if !errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
		t.Errorf("Do = %v (context done: %v), want a refusal matching context.DeadlineExceeded", err, ctx.Err())
	}
	if n := l.asked.Load(); n != 1 {
		t.Errorf("the limiter was asked %d times, want once: the refusal was retried", n)
	}
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

// askedLimiter counts the waits asked of its Limiter.
type askedLimiter struct {
	favorites.Limiter
	asked atomic.Int32
}

func (l *askedLimiter) Wait(ctx context.Context) error {
	l.asked.Add(1)
	return l.Limiter.Wait(ctx)
}

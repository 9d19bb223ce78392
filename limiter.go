package favorites

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites/internal/sleep"
)

// Limiter paces requests: a client calls Wait before every attempt.
// *rate.Limiter of golang.org/x/time/rate is one, and so is [*Budget].
type Limiter interface {
	Wait(ctx context.Context) error
}

// RateObserver is a [Limiter] that also hears the server's word: a client
// calls ObserveRate with the status and [Rate] of every response it reads,
// each wait the server asked for capped at its [RetryPolicy] MaxWait. A
// limiter that many clients share holds them all back when one of them
// reads "no more until then" ([Rate.Until]). [*Budget] is one; the Limiter
// of github.com/favkit/favorites/contrib/redislimit, shared across
// processes through Redis, is another. ObserveRate runs before the body
// is read, so it should return quickly.
type RateObserver interface {
	Limiter
	ObserveRate(ctx context.Context, status int, r Rate)
}

// Until is when the server said the next request may go: after
// Retry-After on a 429, at Reset on a 429 without one, or at Reset once
// Remaining is 0. It is the zero Time when the response said neither, and
// a time not after now when the wait is already over.
func (r Rate) Until(status int, now time.Time) time.Time {
	switch {
	case status == http.StatusTooManyRequests && r.RetryAfter > 0:
		return now.Add(r.RetryAfter)
	case status == http.StatusTooManyRequests || r.Remaining == 0:
		return r.Reset
	}
	return time.Time{}
}

// Budget is a [RateObserver] that several clients in one process share:
// one rate and burst for all of them, and the server's word, heard by any
// of them, holding back every one. Give one Budget to every client of one
// account (or of one address) on one service.
type Budget struct {
	lim *rate.Limiter

	mu    sync.Mutex
	until time.Time // no request before it: the server said so
}

// NewBudget returns a Budget of r requests a second with bursts of burst
// (rate.Inf: no pacing but the server's word).
func NewBudget(r rate.Limit, burst int) (*Budget, error) {
	if r != rate.Inf && (r <= 0 || burst < 1) {
		return nil, fmt.Errorf("%w: NewBudget: %v requests a second with bursts of %d never lets a request go",
			ErrInvalidArgument, float64(r), burst)
	}
	return &Budget{lim: rate.NewLimiter(r, burst)}, nil
}

// Wait waits for the server's word and then for a turn in the rate; it
// returns at once with an error when that would end past ctx's deadline.
func (b *Budget) Wait(ctx context.Context) error {
	if err := b.waitServer(ctx); err != nil {
		return err
	}
	if err := b.lim.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: no turn in the budget before the deadline", context.DeadlineExceeded)
	}
	// Again: an answer read while this request waited its turn may have
	// said the window is spent.
	return b.waitServer(ctx)
}

// ObserveRate holds back every later request until r.Until(status).
func (b *Budget) ObserveRate(_ context.Context, status int, r Rate) {
	until := r.Until(status, time.Now())
	b.mu.Lock()
	if until.After(b.until) {
		b.until = until
	}
	b.mu.Unlock()
}

func (b *Budget) waitServer(ctx context.Context) error {
	b.mu.Lock()
	until := b.until
	b.mu.Unlock()
	d := time.Until(until)
	if d <= 0 {
		return nil
	}
	if dl, ok := ctx.Deadline(); ok && dl.Before(until) {
		return fmt.Errorf("%w: the server asked for no request in the next %v", context.DeadlineExceeded, d.Round(time.Millisecond))
	}
	return sleep.For(ctx, d)
}

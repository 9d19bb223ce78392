package favorites

import (
	"context"
	"errors"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

func TestRateUntil(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	reset := now.Add(time.Minute)
	tests := []struct {
		name   string
		status int
		r      Rate
		want   time.Time
	}{
		{"budget left", 200, Rate{Limit: 300, Remaining: 12, Reset: reset, RetryAfter: 0}, time.Time{}},
		{"no headers", 200, Rate{Limit: -1, Remaining: -1}, time.Time{}},
		{"window spent", 200, Rate{Limit: 300, Remaining: 0, Reset: reset}, reset},
		{"window spent, no reset", 200, Rate{Limit: 300, Remaining: 0}, time.Time{}},
		{"429 with Retry-After", 429, Rate{Remaining: -1, RetryAfter: 5 * time.Second}, now.Add(5 * time.Second)},
		{"429, Retry-After over Reset", 429, Rate{Remaining: 0, Reset: reset, RetryAfter: time.Second}, now.Add(time.Second)},
		{"429 with Reset only, as Mastodon", 429, Rate{Remaining: 0, Reset: reset}, reset},
		{"429 saying nothing", 429, Rate{Limit: -1, Remaining: -1}, time.Time{}},
		{"503 with Retry-After is no rate limit", 503, Rate{Remaining: -1, RetryAfter: time.Second}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Until(tt.status, now); !got.Equal(tt.want) {
				t.Errorf("Until = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNewBudgetRefusesWhatNeverLetsARequestGo(t *testing.T) {
	tests := []struct {
		r     rate.Limit
		burst int
		ok    bool
	}{
		{5, 1, true},
		{rate.Every(time.Hour), 30, true},
		{rate.Inf, 0, true},
		{0, 1, false},
		{-1, 1, false},
		{5, 0, false},
	}
	for _, tt := range tests {
		_, err := NewBudget(tt.r, tt.burst)
		if (err == nil) != tt.ok || err != nil && !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("NewBudget(%v, %d) = %v, want ok %v", tt.r, tt.burst, err, tt.ok)
		}
	}
}

// One budget paces every client that holds it: what one spent, another
// does not get.
func TestBudgetIsOneRateForAll(t *testing.T) {
	b, err := NewBudget(rate.Every(time.Hour), 2)
	if err != nil {
		t.Fatal(err)
	}
	var a, c Limiter = b, b // two clients' views of one budget
	for _, l := range []Limiter{a, c} {
		if err := l.Wait(t.Context()); err != nil {
			t.Fatalf("a turn within the burst: %v", err)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	if err := c.Wait(ctx); err == nil {
		t.Fatal("a third turn within the hour was granted")
	} else if ctx.Err() != nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Wait = %v (context done: %v), want a refusal at once matching context.DeadlineExceeded", err, ctx.Err())
	}
}

// The server's word heard through one client holds back the others, and a
// wait past the context's deadline is refused at once.
func TestBudgetKeepsTheServersWord(t *testing.T) {
	tests := []struct {
		name   string
		status int
		r      Rate
		wait   time.Duration
	}{
		{"window spent", 200, Rate{Limit: 10, Remaining: 0, Reset: time.Now().Add(600 * time.Millisecond)}, 600 * time.Millisecond},
		{"429 with Retry-After", 429, Rate{Limit: -1, Remaining: -1, RetryAfter: time.Second}, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := NewBudget(rate.Inf, 0)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			b.ObserveRate(t.Context(), tt.status, tt.r)
			b.ObserveRate(t.Context(), 200, Rate{Limit: 10, Remaining: 9}) // a later answer says nothing: the word holds

			short, cancel := context.WithTimeout(t.Context(), tt.wait/3)
			defer cancel()
			if err := b.Wait(short); !errors.Is(err, context.DeadlineExceeded) || short.Err() != nil {
				t.Fatalf("Wait with a deadline before the server's time = %v (context done: %v), want a refusal at once", err, short.Err())
			}
			if err := b.Wait(t.Context()); err != nil {
				t.Fatal(err)
			}
			if waited := time.Since(start); waited < tt.wait-time.Millisecond {
				t.Errorf("Wait returned after %v, before the %v the server asked for", waited, tt.wait)
			}
		})
	}
}

package waifuim_test

import (
	"slices"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/waifuim"
)

// waifu.im serves one request per 200 ms per client (and queues ten more
// before it answers 429). Over ten simulated seconds of a caller that sends
// as fast as the default limiter lets it, the limiter sends one request
// every 200 ms from the start, never two within 200 ms: it never leans on
// the service's queue.
func TestDefaultPacing(t *testing.T) {
	const span = 10 * time.Second
	l, ok := waifuim.DefaultRateLimiter().(*rate.Limiter)
	if !ok {
		t.Fatalf("DefaultRateLimiter is a %T, want a *rate.Limiter", waifuim.DefaultRateLimiter())
	}
	sends := drivertest.PacedSends(l, span)
	var want []time.Duration
	for at := time.Duration(0); at < span; at += 200 * time.Millisecond {
		want = append(want, at)
	}
	if !slices.Equal(sends, want) {
		t.Errorf("over %v the default limiter sends at %v, want every 200ms from 0: %v", span, sends, want)
	}
	tests := []struct {
		name   string
		window time.Duration
		most   int
	}{
		{"one per 200 ms", 200 * time.Millisecond, 1},
		{"five a second", time.Second, 5},
		{"fifty in ten seconds", span, 50},
	}
	for _, tt := range tests {
		if got := drivertest.MostInWindow(sends, tt.window); got > tt.most {
			t.Errorf("%s: %d requests in %v, want at most %d", tt.name, got, tt.window, tt.most)
		}
	}
}

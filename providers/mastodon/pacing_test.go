package mastodon

import (
	"slices"
	"testing"
	"time"

	"github.com/favkit/favorites/driver/drivertest"
)

// Mastodon documents 300 requests in 5 minutes per account (the server
// counts them per token, in fixed windows). The SDK's default pacing
// spends that budget evenly, one request a second, after a burst of 30 for
// a short listing. Over ten simulated seconds of a caller that sends as
// fast as the default limiter lets it, the limiter sends 30 at once, then
// one a second.
//
// Over a whole 5-minute window that starts with a full burst the limiter
// lets 329 go; the server's X-RateLimit-Remaining: 0 on the 300th answer
// makes the client wait out the window, so the rest meet no 429.
func TestDefaultPacing(t *testing.T) {
	const span = 10 * time.Second
	sends := drivertest.PacedSends(defaultLimiter(), span)
	want := make([]time.Duration, 30) // the burst, all at the start
	for at := time.Second; at < span; at += time.Second {
		want = append(want, at)
	}
	if !slices.Equal(sends, want) {
		t.Errorf("over %v the default limiter sends at %v, want %v", span, sends, want)
	}
	tests := []struct {
		name   string
		window time.Duration
		most   int
	}{
		{"the documented budget: 300 in 5 minutes", 5 * time.Minute, 300},
		{"the SDK's burst: 30 at once", time.Second, 30},
		{"the SDK's pace: 1 a second past the burst, 300 in 5 minutes", span, 30 + 9},
	}
	for _, tt := range tests {
		if got := drivertest.MostInWindow(sends, tt.window); got > tt.most {
			t.Errorf("%s: %d requests in %v, want at most %d", tt.name, got, tt.window, tt.most)
		}
	}
}

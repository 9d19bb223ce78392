package e621

import (
	"slices"
	"testing"
	"time"

	"github.com/favkit/favorites/driver/drivertest"
)

// e621's API rules ask for one request a second and allow two at most, a
// hard limit kept in front of the site (a 503 past it). Over ten simulated
// seconds of a caller that sends as fast as the default limiter lets it,
// the limiter sends two at once, then one a second, and no second of the
// ten holds more than two.
func TestDefaultPacing(t *testing.T) {
	const span = 10 * time.Second
	sends := drivertest.PacedSends(defaultLimiter(), span)
	want := []time.Duration{0, 0} // the burst of two, then one a second
	for s := time.Second; s < span; s += time.Second {
		want = append(want, s)
	}
	if !slices.Equal(sends, want) {
		t.Errorf("over %v the default limiter sends at %v, want %v", span, sends, want)
	}
	tests := []struct {
		name   string
		window time.Duration
		most   int
	}{
		{"the hard limit: 2 in any second", time.Second, 2},
		{"the asked-for rate: 1 a second, past the burst of 2", span, 10 + 1},
	}
	for _, tt := range tests {
		if got := drivertest.MostInWindow(sends, tt.window); got > tt.most {
			t.Errorf("%s: %d requests in %v, want at most %d", tt.name, got, tt.window, tt.most)
		}
	}
}

package watch

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/favkit/favorites"
)

// A failing round slows the watch: the wait doubles from the interval with
// each failure in a row, stops at MaxBackoff, and is never shorter than the
// server's Retry-After.
func TestBackoffSlowsOnFailures(t *testing.T) {
	o := defaults(&Options{Interval: time.Second, MaxBackoff: 10 * time.Second})
	plain := errors.New("connection reset")
	limited := &favorites.APIError{StatusCode: http.StatusTooManyRequests, RetryAfter: 7 * time.Second}
	for _, tt := range []struct {
		failures int
		err      error
		want     time.Duration
	}{
		{1, plain, 2 * time.Second},
		{2, plain, 4 * time.Second},
		{3, plain, 8 * time.Second},
		{4, plain, 10 * time.Second},
		{200, plain, 10 * time.Second},
		{1, limited, 7 * time.Second},
		{4, limited, 10 * time.Second},
		{1, &favorites.APIError{StatusCode: http.StatusServiceUnavailable, RetryAfter: time.Hour}, time.Hour},
	} {
		if got := backoff(o, tt.failures, tt.err); got != tt.want {
			t.Errorf("backoff after %d failures (%v) = %v, want %v", tt.failures, tt.err, got, tt.want)
		}
	}
}

// The defaults: a minute between rounds, half an hour at most after
// failures, and never a cap below the interval.
func TestDefaults(t *testing.T) {
	for _, tt := range []struct {
		in   *Options
		want Options
	}{
		{nil, Options{Interval: time.Minute, MaxBackoff: 30 * time.Minute}},
		{&Options{Interval: time.Hour}, Options{Interval: time.Hour, MaxBackoff: time.Hour}},
		{&Options{Interval: -1, MaxBackoff: time.Second}, Options{Interval: time.Minute, MaxBackoff: time.Minute}},
	} {
		if got := defaults(tt.in); got != tt.want {
			t.Errorf("defaults(%+v) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

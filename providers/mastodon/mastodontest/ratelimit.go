package mastodontest

import (
	"net/http"
	"strconv"
	"time"
)

// budget is Mastodon's fixed-window request budget.
type budget struct {
	limit, remaining int
	period           time.Duration
	reset            time.Time
}

// resetFormat is Mastodon's X-RateLimit-Reset: ISO 8601 with microseconds.
const resetFormat = "2006-01-02T15:04:05.000000Z07:00"

// SetRateLimit sets the budget to limit requests a window of period, with
// remaining of them left in the window that starts now. Remaining 0 makes
// the next request a 429 until the window ends.
func (s *Server) SetRateLimit(limit, remaining int, period time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.budget.limit, s.budget.remaining, s.budget.period = limit, remaining, period
	s.budget.reset = resetAt(time.Now(), period)
}

// Throttled is how many requests were refused with 429 for an empty budget.
func (s *Server) Throttled() int { return int(s.throttled.Load()) }

// spend takes one request from the budget, opening a new window when the old
// one has ended, and reports the figures for the headers.
func (s *Server) spend(now time.Time) (limit, remaining int, reset time.Time, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := &s.budget
	if !now.Before(b.reset) {
		b.remaining, b.reset = b.limit, resetAt(now, b.period)
	}
	if b.remaining <= 0 {
		return b.limit, 0, b.reset, false
	}
	b.remaining--
	return b.limit, b.remaining, b.reset, true
}

// limitRate sends X-RateLimit-* headers on every answer and answers 429,
// with no Retry-After as Mastodon does, once the window's budget is spent.
func (s *Server) limitRate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit, remaining, reset, ok := s.spend(time.Now())
		h := w.Header()
		h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
		h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
		h.Set("X-RateLimit-Reset", reset.UTC().Format(resetFormat))
		if !ok {
			s.throttled.Add(1)
			writeError(w, http.StatusTooManyRequests, "Too many requests")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// resetAt is when a window that opens at now ends, cut to the microseconds
// the header carries, so that the fake enforces exactly the time it
// announces and a client that waits until then is never refused.
func resetAt(now time.Time, period time.Duration) time.Time {
	return now.Add(period).Truncate(time.Microsecond)
}

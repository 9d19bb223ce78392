package favorites

import (
	"net/http"
	"time"
)

// Response wraps the service's *http.Response with what was read from its
// headers. Its Body has been read and closed.
type Response struct {
	*http.Response

	// NextURL and PrevURL are the rel="next" and rel="prev" targets of the
	// Link headers, every value of every Link header considered; empty when
	// absent.
	NextURL, PrevURL string

	// Rate holds the rate-limit figures the response carried.
	Rate Rate
}

// Rate is the rate-limit state a response reports. Limit and Remaining are -1
// when the server did not send them; Reset is zero when it did not say.
type Rate struct {
	Limit      int           // X-RateLimit-Limit
	Remaining  int           // X-RateLimit-Remaining
	Reset      time.Time     // X-RateLimit-Reset, an ISO 8601 time
	RetryAfter time.Duration // Retry-After, from seconds or an HTTP date
}

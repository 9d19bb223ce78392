package favorites

import (
	"net/http"
	"time"
)

// Response is the service's answer, its body read, with its Link targets.
type Response struct {
	*http.Response
	NextURL, PrevURL string // the Link headers' rel="next" and rel="prev"
	Rate             Rate
}

// Rate is what a response said of the rate limit; -1 or zero where it did not.
type Rate struct {
	Limit, Remaining int           // X-RateLimit-Limit and -Remaining
	Reset            time.Time     // X-RateLimit-Reset, an ISO 8601 time
	RetryAfter       time.Duration // Retry-After, from seconds or an HTTP date
}

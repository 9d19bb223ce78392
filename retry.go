package favorites

import (
	"fmt"
	"time"
)

// RetryPolicy says how often and how long a client retries a failed
// request. What is retried is the provider's to say, request by request,
// and never a request whose repeat could change the result:
//
//   - 429 Too Many Requests: always (the server refused the request).
//   - Errors before the request left (dial, DNS, TLS handshake): always.
//   - 502, 503, 504 and other network errors: only when the request is safe
//     to repeat (GET, HEAD, PUT, DELETE, or a write the provider marks as
//     idempotent).
//
// A wait honours Retry-After (seconds or an HTTP date) and, on a 429, the
// X-RateLimit-Reset time. A server that asks for longer than MaxWait is not
// retried: its error is returned with [APIError.RetryAfter] set.
type RetryPolicy struct {
	MaxRetries int           // retries after the first attempt; 0 disables retrying
	MinWait    time.Duration // first backoff; doubled with each retry, with jitter
	MaxWait    time.Duration // cap on any one wait, the server's included
}

// DefaultRetryPolicy is used unless [WithRetryPolicy] says otherwise.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 4, MinWait: 500 * time.Millisecond, MaxWait: 30 * time.Second}
}

func (p RetryPolicy) validate() error {
	if p.MaxRetries < 0 || p.MinWait < 0 || p.MaxWait < p.MinWait {
		return fmt.Errorf("%w: retry policy %+v: need MaxRetries >= 0 and 0 <= MinWait <= MaxWait",
			ErrInvalidArgument, p)
	}
	return nil
}

package favorites

import (
	"fmt"
	"time"
)

// RetryPolicy says how often and how long a client retries: a 429 or a
// failure before sending always, a 5xx or network error when safe to repeat.
// An error from a transport of the caller's (an httpmock mock, say) that is
// no network failure, such as "no responder found", is never retried.
type RetryPolicy struct {
	MaxRetries int           // retries after the first attempt; 0 disables retrying
	MinWait    time.Duration // first backoff; doubled with each retry, with jitter
	MaxWait    time.Duration // cap on any one wait, the server's included
}

// DefaultRetryPolicy retries 4 times from half a second, waiting at most 30 s.
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

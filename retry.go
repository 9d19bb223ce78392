package favorites

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"
)

// RetryPolicy says how often and how long a Client retries. Which failures
// are retried depends on the request's [RetryMode]:
//
//   - 429 Too Many Requests: always (the server refused the request).
//   - Errors before the request left (dial, DNS, TLS handshake): always.
//   - 502, 503, 504 and other network errors: only when the request is safe
//     to repeat (GET, HEAD, PUT, DELETE, or [RetryIdempotent]).
//   - Nothing for a request marked [RetryNever].
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

// RetryMode says which failures of one request may be retried.
type RetryMode int

const (
	// RetryByMethod treats GET, HEAD, OPTIONS, PUT and DELETE as safe to
	// repeat and every other method as not.
	RetryByMethod RetryMode = iota
	// RetryIdempotent marks a request whose repeat cannot change the
	// result, such as a POST that adds an item only if it is absent.
	RetryIdempotent
	// RetryNever forbids every retry.
	RetryNever
)

func (m RetryMode) safeToRepeat(method string) bool {
	switch m {
	case RetryIdempotent:
		return true
	case RetryByMethod:
		switch method {
		case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
			return true
		}
	}
	return false
}

type retryModeKey struct{}

type attemptInfo struct {
	mode   RetryMode
	method string
}

// checkRetry is the retryablehttp.CheckRetry of every Client.
func (p RetryPolicy) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	info, _ := ctx.Value(retryModeKey{}).(attemptInfo)
	if info.mode == RetryNever {
		return false, nil
	}
	safe := info.mode.safeToRepeat(info.method)
	if err != nil {
		switch {
		case permanentError(err):
			return false, nil
		case notSent(err):
			return true, nil
		}
		return safe, nil
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		return serverWait(resp) <= p.MaxWait, nil
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return safe && serverWait(resp) <= p.MaxWait, nil
	}
	return false, nil
}

// backoff is the retryablehttp.Backoff of every Client.
func (p RetryPolicy) backoff(_, _ time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if w := serverWait(resp); w > 0 {
			return min(w, p.MaxWait)
		}
	}
	wait := p.MinWait << min(attempt, 30)
	if wait <= 0 || wait > p.MaxWait {
		wait = p.MaxWait
	}
	// Full jitter on the upper half keeps concurrent clients apart.
	if half := int64(wait / 2); half > 0 {
		wait = time.Duration(half + rand.Int64N(half+1))
	}
	return wait
}

// serverWait is how long the response asks the client to wait: Retry-After,
// or on a 429 the time until X-RateLimit-Reset (Mastodon sends no
// Retry-After). 0 when it says nothing. Retries wait it and APIError reports
// it, so the two never disagree.
func serverWait(resp *http.Response) time.Duration {
	now := time.Now()
	if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), now); ok {
		return d
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		if t, ok := parseResetTime(resp.Header.Get("X-RateLimit-Reset")); ok && t.After(now) {
			return t.Sub(now)
		}
	}
	return 0
}

// parseRetryAfter reads Retry-After as delay-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s < 0 {
			return 0, false
		}
		return time.Duration(min(s, int64(24*time.Hour/time.Second))) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// parseResetTime reads X-RateLimit-Reset as an ISO 8601 time, as Mastodon
// sends it ("2026-11-23T07:00:00.123456Z").
func parseResetTime(v string) (time.Time, bool) {
	if v == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	return t, err == nil
}

// notSent reports errors raised before the request could reach the server.
func notSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	var rec tls.RecordHeaderError
	return errors.As(err, &dns) || errors.As(err, &rec)
}

// permanentError reports failures a retry cannot mend.
func permanentError(err error) bool {
	var unknownCA x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var host x509.HostnameError
	var verify *tls.CertificateVerificationError
	return errors.As(err, &unknownCA) || errors.As(err, &invalid) || errors.As(err, &host) ||
		errors.As(err, &verify) || errors.Is(err, ErrInvalidArgument) || errors.Is(err, ErrResponseTooLarge)
}

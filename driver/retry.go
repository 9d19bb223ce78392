package driver

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/netfail"
)

// RetryMode says which failures of one request may be retried.
type RetryMode int

const (
	// RetryByMethod treats GET, HEAD, OPTIONS, PUT and DELETE as safe to
	// repeat and every other method as not.
	RetryByMethod RetryMode = iota
	// RetryIdempotent marks a request whose repeat cannot change the
	// result, such as a POST that adds an item only if it is absent.
	RetryIdempotent
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

// checkRetry is the retryablehttp.CheckRetry of every Client, under p.
func checkRetry(ctx context.Context, p favorites.RetryPolicy, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	info, _ := ctx.Value(retryModeKey{}).(attemptInfo)
	safe := info.mode.safeToRepeat(info.method)
	if err != nil {
		switch {
		case permanentError(err):
			return false, nil
		case errors.As(err, new(*refusal)):
			return false, nil
		case netfail.NotSent(err):
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

// backoff is the retryablehttp.Backoff of every Client, under p.
func backoff(p favorites.RetryPolicy, attempt int, resp *http.Response) time.Duration {
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

// refusal is an error a caller's own transport gave that is no failure of
// the network, such as httpmock's "no responder found": the transport's
// answer, which a retry would only repeat, slowly. Its text and its chain
// are the transport's error's.
type refusal struct{ error }

func (r *refusal) Unwrap() error { return r.error }

// transportError marks err, from the caller's transport rt, as a refusal
// when rt is not net/http's own and err is not a network failure by its
// type ([netfail.Network]). Every error of net/http's *http.Transport is
// one of the network's, whatever its type (its "server closed idle
// connection" is a plain error value).
func transportError(rt http.RoundTripper, err error) error {
	if _, std := rt.(*http.Transport); std || netfail.Network(err) {
		return err
	}
	return &refusal{err}
}

// permanentError reports failures a retry cannot mend.
func permanentError(err error) bool {
	return netfail.Untrusted(err) || errors.Is(err, favorites.ErrInvalidArgument) ||
		errors.Is(err, favorites.ErrResponseTooLarge) || errors.Is(err, errNoTurn)
}

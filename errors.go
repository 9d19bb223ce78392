package favorites

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/favkit/favorites/internal/netfail"
)

// Sentinel errors. An [*APIError] matches the one for its status with
// [errors.Is]; providers may attach more (see [APIError.Kinds]).
var (
	ErrBadRequest       = errors.New("bad request")             // 400
	ErrUnauthorized     = errors.New("unauthorized")            // 401
	ErrForbidden        = errors.New("forbidden")               // 403
	ErrNotFound         = errors.New("not found")               // 404
	ErrMethodNotAllowed = errors.New("method not allowed")      // 405
	ErrConflict         = errors.New("conflict")                // 409
	ErrUnprocessable    = errors.New("unprocessable entity")    // 422
	ErrRateLimited      = errors.New("rate limited")            // 429, or a provider's own rate-limit answer
	ErrServer           = errors.New("server error")            // 5xx
	ErrAlreadyFavorited = errors.New("already a favourite")     // a provider's "already favourited" answer
	ErrInvalidArgument  = errors.New("invalid argument")        // refused before anything was sent
	ErrPaginationLoop   = errors.New("pagination loop")         // a next cursor came back, or MaxEmptyPages empty pages in a row
	ErrResponseTooLarge = errors.New("response body too large") // over the client's size cap
	ErrMalformedReply   = errors.New("malformed response body") // a success body that does not decode
)

// ErrCrossHostURL refuses a URL the credential must not go to, before
// anything is sent there: one off the service's base URL (its scheme, host
// and port), or a listing's link cursor, saved or the server's next link,
// that is off the listing's own path. (A redirect off the base host is
// followed without the credential instead.)
var ErrCrossHostURL = errors.New("URL off the base origin or the listing's path")

var statusSentinels = map[int]error{
	http.StatusBadRequest:          ErrBadRequest,
	http.StatusUnauthorized:        ErrUnauthorized,
	http.StatusForbidden:           ErrForbidden,
	http.StatusNotFound:            ErrNotFound,
	http.StatusMethodNotAllowed:    ErrMethodNotAllowed,
	http.StatusConflict:            ErrConflict,
	http.StatusUnprocessableEntity: ErrUnprocessable,
	http.StatusTooManyRequests:     ErrRateLimited,
}

// MaxErrorBody is how much of an error response's body an [APIError] keeps.
const MaxErrorBody = 4 << 10

// APIError is a response from a service with a status of 400 or more.
//
// It matches the sentinel of its status with [errors.Is] (404 is
// [ErrNotFound], any 5xx is [ErrServer], ...) and any sentinel in Kinds.
type APIError struct {
	Provider   string        // the provider's name, such as "mastodon"
	Method     string        // the request's method
	URL        string        // the request's URL, with any credential removed
	StatusCode int           // the HTTP status
	Message    string        // what the server said, or the status text
	Code       string        // the provider's error code, when it sends one
	RequestID  string        // the server's request ID, when it sends one
	RetryAfter time.Duration // how long the server asked to wait, when it did
	Body       []byte        // the start of the body, at most MaxErrorBody bytes

	// Kinds holds sentinels a provider's error decoder attached beyond the
	// status's own, such as ErrAlreadyFavorited.
	Kinds []error
}

// Error reads as "provider: METHOD URL: status: message".
func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.StatusCode)
	}
	return fmt.Sprintf("%s: %s %s: %d: %s", e.Provider, e.Method, e.URL, e.StatusCode, msg)
}

// Unwrap gives the sentinels e matches, for [errors.Is].
func (e *APIError) Unwrap() []error {
	errs := make([]error, 0, 1+len(e.Kinds))
	if s, ok := statusSentinels[e.StatusCode]; ok {
		errs = append(errs, s)
	} else if e.StatusCode >= 500 {
		errs = append(errs, ErrServer)
	}
	return append(errs, e.Kinds...)
}

// IsTemporary reports whether the same call may succeed if tried again
// later, unchanged: the service limited the rate (429, or a provider's own
// rate-limit answer such as e621's 503), is locked for now (423, as e621
// answers while it moves a user's favourites), or failed (5xx); or the call
// timed out, or the network failed on the way (a refused or reset
// connection, one closed before the answer, a DNS failure the resolver
// calls temporary). Everything else is false, unknown errors included: a
// refusal of the request itself, a reply that does not decode, an untrusted
// certificate, a cancelled context.
func IsTemporary(err error) bool {
	if err == nil {
		return false
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode == http.StatusTooManyRequests || apiErr.StatusCode == http.StatusLocked ||
			apiErr.StatusCode >= 500 || errors.Is(err, ErrRateLimited)
	}
	if netfail.Untrusted(err) || errors.Is(err, ErrInvalidArgument) || errors.Is(err, ErrResponseTooLarge) ||
		errors.Is(err, context.Canceled) {
		return false
	}
	return temporaryNetError(err)
}

// temporaryNetError reports the network failures that a later attempt may
// not meet.
func temporaryNetError(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	var dns *net.DNSError
	if errors.As(err, &dns) { // before net.Error: a name that does not exist stays so
		return dns.IsTimeout || dns.IsTemporary
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return true
	}
	var op *net.OpError
	if errors.As(err, &op) { // refused, reset, unreachable
		return true
	}
	var urlErr *url.Error // the server closed the connection before answering
	return errors.As(err, &urlErr) && errors.Is(urlErr.Err, io.EOF)
}

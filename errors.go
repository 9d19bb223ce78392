package favorites

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/favkit/favorites/internal/netfail"
)

// Sentinel errors, which an [*APIError] matches by status and Kinds.
var (
	ErrBadRequest       = errors.New("bad request")                                   // 400
	ErrUnauthorized     = errors.New("unauthorized")                                  // 401
	ErrForbidden        = errors.New("forbidden")                                     // 403
	ErrNotFound         = errors.New("not found")                                     // 404
	ErrMethodNotAllowed = errors.New("method not allowed")                            // 405
	ErrConflict         = errors.New("conflict")                                      // 409
	ErrUnprocessable    = errors.New("unprocessable entity")                          // 422
	ErrRateLimited      = errors.New("rate limited")                                  // 429, or a provider's own rate-limit answer
	ErrServer           = errors.New("server error")                                  // 5xx
	ErrAlreadyFavorited = errors.New("already a favourite")                           // a provider's "already favourited" answer
	ErrNoSuchItem       = errors.New("no such item")                                  // the service's own answer that it has no such item (with ErrNotFound)
	ErrInvalidArgument  = errors.New("invalid argument")                              // refused before anything was sent
	ErrPaginationLoop   = errors.New("pagination loop")                               // a next cursor came back, or MaxEmptyPages empty pages in a row
	ErrResponseTooLarge = errors.New("response body too large")                       // over the client's size cap
	ErrMalformedReply   = errors.New("malformed response body")                       // a success body that does not decode
	ErrCrossHostURL     = errors.New("URL off the base origin or the listing's path") // refused: the credential would go there
	ErrNoMorePages      = errors.New("no more pages")                                 // NextPage after the last page
	ErrPageLimit        = errors.New("page limit reached")                            // Pager.MaxPages reached; Cursor goes on
	ErrStaleMark        = errors.New("mark cannot be honoured")                       // a ChangeLister's mark of another list, or too old
	ErrListChanged      = errors.New("list changed while read")                       // too fast to tell that a walk read every item; temporary
)

// Bounds the SDK keeps.
const (
	DefaultMaxBodySize = 32 << 20 // a response body's cap unless the provider or WithMaxBodySize sets one
	MaxEmptyPages      = 16       // pages in a row with no item but a next cursor that end a walk: ErrPaginationLoop
)

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

// APIError is a 4xx or 5xx answer; it matches its status's sentinel and Kinds.
type APIError struct {
	Provider, Method, URL    string        // who was asked what; URL without credentials
	StatusCode               int           // the HTTP status
	Message, Code, RequestID string        // what the server said, its error code and request ID
	RetryAfter               time.Duration // how long the server asked to wait, when it did
	Body                     []byte        // the start of the body, at most 4 KiB

	Kinds []error // the provider's sentinels, such as ErrAlreadyFavorited
}

// Error reads "provider: METHOD URL: status: message".
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
	if e.StatusCode != http.StatusNotFound && slices.Contains(e.Kinds, ErrNoSuchItem) {
		errs = append(errs, ErrNotFound) // the service's own "no such item", whatever its status
	}
	return append(errs, e.Kinds...)
}

// IsTemporary reports whether the call may succeed later, unchanged: a rate
// limit, a lock, a 5xx, a timeout, a network failure or ErrListChanged.
// Unknown errors: false.
func IsTemporary(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrListChanged) {
		return true
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

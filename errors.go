package favorites

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
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
// anything is sent there: a URL given to NewRequest that is off the base
// URL's scheme, host and port, or a listing's link cursor (a saved one, or
// a server's next link) that is off them or off the listing's own path (see
// [LinkPager]). Redirects never produce it: one that leaves the base host is
// followed without the Authorization header.
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

// ErrorDecoder lets a provider refine an [APIError] built from a response:
// read its own body shape, attach sentinels to Kinds. It runs after the
// default decoding has filled Message, Code and RequestID.
type ErrorDecoder func(e *APIError, resp *http.Response)

// errorBody is the union of the error shapes the five services send.
type errorBody struct {
	Error            json.RawMessage `json:"error"`
	ErrorDescription string          `json:"error_description"`
	Message          string          `json:"message"`
	Reason           string          `json:"reason"`
	Detail           json.RawMessage `json:"detail"`
	Code             json.RawMessage `json:"code"`
}

// decodeErrorBody fills e.Message and e.Code from the body's JSON, or gives a
// clean message for HTML, text or an empty body.
func decodeErrorBody(e *APIError, body []byte) {
	var b errorBody
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' || json.Unmarshal(trimmed, &b) != nil {
		e.Message = plainMessage(e.StatusCode, trimmed)
		return
	}
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(jsonText(b.Error, "message"))
	add(b.ErrorDescription)
	add(b.Message)
	add(b.Reason)
	add(jsonText(b.Detail, "msg"))
	e.Message = strings.Join(parts, ": ")
	if e.Message == "" {
		e.Message = http.StatusText(e.StatusCode)
	}
	e.Code = jsonText(b.Code, "")
}

// jsonText reads raw as a string, a number, or an object's field key.
func jsonText(raw json.RawMessage, key string) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj map[string]json.RawMessage
	if key != "" && json.Unmarshal(raw, &obj) == nil {
		return jsonText(obj[key], "")
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil && len(list) > 0 {
		return jsonText(list[0], key) // FastAPI's validation errors: [{"msg":...}]
	}
	return strings.Trim(string(raw), `"`)
}

// oneLine makes a server's message safe to print and log: control
// characters and runs of white space become one space, so a hostile body
// cannot forge log lines, and an empty message becomes the status text, or
// "status N" for a status that has none. A message over maxMessage bytes is
// cut.
func oneLine(msg string, status int) string {
	msg = strings.Join(strings.FieldsFunc(msg, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if msg == "" {
		msg = http.StatusText(status)
	}
	if msg == "" {
		msg = fmt.Sprintf("status %d", status)
	}
	if len(msg) > maxMessage {
		msg = cutRunes(msg, maxMessage) + "..."
	}
	return msg
}

// maxMessage bounds APIError.Message: a server's message is for a log line,
// and the whole body is in Body (up to MaxErrorBody) for anyone who needs it.
const maxMessage = 512

// asciiLower lowercases A to Z only, so that an index into its result is
// one into b. bytes.ToLower is not: it turns each invalid UTF-8 byte into
// three, and some letters change length, which made a slice out of range.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// plainMessage makes a one-line message from a body that is not JSON: the
// HTML title when there is one, short plain text, or the status text.
func plainMessage(status int, body []byte) string {
	text := http.StatusText(status)
	if i := bytes.Index(asciiLower(body), []byte("<title>")); i >= 0 {
		rest := body[i+len("<title>"):]
		if j := bytes.Index(asciiLower(rest), []byte("</title>")); j >= 0 {
			if t := strings.TrimSpace(string(rest[:j])); t != "" { // oneLine folds its white space
				return t
			}
		}
		return text
	}
	if len(body) > 0 && len(body) <= 200 && body[0] != '<' && !bytes.ContainsAny(body, "\n\r") {
		return string(body)
	}
	return text
}

package favorites

import (
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
)

// An Option sets one of a client's [Settings]; a provider's New applies them.
type Option func(*Settings) error

// Settings are what the options set; none is a provider's credential.
type Settings struct {
	BaseURL      *url.URL     // the service's root: [WithBaseURL]
	HTTPClient   *http.Client // sends the requests: [WithHTTPClient]
	UserAgent    string       // [WithUserAgent]
	Header       http.Header  // sent with every request: [WithHeader]
	Retry        RetryPolicy  // [WithRetryPolicy]; [DefaultRetryPolicy] unless set
	Limiter      Limiter      // paces requests; nil: none ([WithRateLimiter])
	Logger       *slog.Logger // debug logging: [WithLogger]
	MaxBodySize  int64        // the response size cap: [WithMaxBodySize]
	InsecureHTTP bool         // a plain-http base URL off loopback: [WithInsecureHTTP]
}

// WithBaseURL sets the service's base URL: https, unless loopback or insecure.
func WithBaseURL(rawURL string) Option {
	return func(s *Settings) error {
		u, err := url.Parse(rawURL)
		if err != nil {
			return fmt.Errorf("%w: WithBaseURL: %v", ErrInvalidArgument, err)
		}
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
		if problem := baseURLProblem(u); problem != "" {
			return fmt.Errorf("%w: WithBaseURL: %s", ErrInvalidArgument, problem)
		}
		s.BaseURL = u
		return nil
	}
}

// baseURLProblem says why u cannot be a base URL, or "" when it can. The
// plain-http rule waits for [Settings.Validate], as [WithInsecureHTTP] may
// come after [WithBaseURL].
func baseURLProblem(u *url.URL) string {
	switch {
	case u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.Opaque != "":
		return fmt.Sprintf("%q is not an absolute http(s) URL", u.Redacted())
	case u.User != nil:
		// net/http would send them as Basic auth, to every path.
		return fmt.Sprintf("%q carries credentials; give them to the provider's New", u.Redacted())
	case u.RawQuery != "" || u.Fragment != "":
		return fmt.Sprintf("%q has a query or fragment", u.Redacted())
	case strings.HasSuffix(u.Path, "/"):
		// A request's path is added after a "/" of its own.
		return fmt.Sprintf("%q ends in /", u.Redacted())
	}
	return ""
}

// WithInsecureHTTP allows a plain-http base URL off loopback.
func WithInsecureHTTP() Option {
	return func(s *Settings) error { s.InsecureHTTP = true; return nil }
}

// WithHTTPClient sets the *http.Client (New reads its Timeout once).
func WithHTTPClient(hc *http.Client) Option {
	return func(s *Settings) error {
		if hc == nil {
			return fmt.Errorf("%w: WithHTTPClient: nil *http.Client", ErrInvalidArgument)
		}
		s.HTTPClient = hc
		return nil
	}
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(s *Settings) error {
		if problem := userAgentProblem(ua); problem != "" {
			return fmt.Errorf("%w: WithUserAgent: %s", ErrInvalidArgument, problem)
		}
		s.UserAgent = ua
		return nil
	}
}

// userAgentProblem says why ua cannot be the User-Agent, or "" when it can.
func userAgentProblem(ua string) string {
	if strings.TrimSpace(ua) == "" || !validHeaderValue(ua) {
		return fmt.Sprintf("%q is empty or holds a control character", ua)
	}
	return ""
}

// WithHeader adds a header to every request; not Authorization. The name
// must be an HTTP token and the value free of control characters but tab,
// as net/http requires: a header it refuses would fail every request.
func WithHeader(key, value string) Option {
	return func(s *Settings) error {
		if problem := headerProblem(key, value); problem != "" {
			return fmt.Errorf("%w: WithHeader: %s", ErrInvalidArgument, problem)
		}
		if s.Header == nil {
			s.Header = http.Header{}
		}
		s.Header.Set(key, value)
		return nil
	}
}

// headerProblem says why a header cannot be sent with every request, or
// "" when it can.
func headerProblem(key, value string) string {
	switch ck := http.CanonicalHeaderKey(key); {
	case !validHeaderName(key):
		return fmt.Sprintf("%q is not a valid header name", key)
	case reservedHeader(ck):
		return ck + " is not the caller's to set"
	case !validHeaderValue(value):
		return fmt.Sprintf("%s: the value %q holds a control character", ck, value)
	}
	return ""
}

// reservedHeader reports the headers an option may not set: the
// credential's, and the User-Agent, which has an option of its own.
func reservedHeader(canonical string) bool {
	return canonical == "Authorization" || canonical == "Proxy-Authorization" || canonical == "User-Agent"
}

// validHeaderName reports a non-empty RFC 9110 token, the names net/http
// sends.
func validHeaderName(name string) bool {
	for _, c := range []byte(name) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return name != ""
}

// validHeaderValue reports a value net/http sends: no control character
// (CR, LF, NUL, DEL, ...) but horizontal tab.
func validHeaderValue(value string) bool {
	for _, c := range []byte(value) {
		if c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// WithRetryPolicy replaces the [DefaultRetryPolicy].
func WithRetryPolicy(p RetryPolicy) Option {
	return func(s *Settings) error {
		if err := p.validate(); err != nil {
			return fmt.Errorf("WithRetryPolicy: %w", err)
		}
		s.Retry = p
		return nil
	}
}

// WithRateLimiter paces every request; nil removes the provider's default.
func WithRateLimiter(l Limiter) Option {
	return func(s *Settings) error {
		if isNilInside(l) {
			return fmt.Errorf("%w: WithRateLimiter: a nil %T", ErrInvalidArgument, l)
		}
		s.Limiter = l
		return nil
	}
}

// isNilInside reports an interface holding a nil pointer, map, func or
// channel: a value that is not nil but fails on its first call.
func isNilInside(v any) bool {
	if v == nil {
		return false
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.Interface, reflect.Slice:
		return rv.IsNil()
	}
	return false
}

// WithLogger logs each attempt at debug level, never with a credential.
func WithLogger(l *slog.Logger) Option {
	return func(s *Settings) error {
		if l == nil {
			return fmt.Errorf("%w: WithLogger: nil *slog.Logger", ErrInvalidArgument)
		}
		s.Logger = l
		return nil
	}
}

// WithMaxBodySize caps a response body; more is [ErrResponseTooLarge].
func WithMaxBodySize(n int64) Option {
	return func(s *Settings) error {
		if n < 1 {
			return fmt.Errorf("%w: WithMaxBodySize: %d is not positive", ErrInvalidArgument, n)
		}
		s.MaxBodySize = n
		return nil
	}
}

// Validate names the first option whose setting no client can work with.
// It holds what an Option written by hand set to the rules of the With
// functions: the base URL, the headers and the User-Agent are checked as
// [WithBaseURL], [WithHeader] and [WithUserAgent] check them.
func (s *Settings) Validate() error {
	var problem string
	switch {
	case s.BaseURL == nil:
		problem = "WithBaseURL: no base URL"
	case baseURLProblem(s.BaseURL) != "":
		problem = "WithBaseURL: " + baseURLProblem(s.BaseURL)
	case s.BaseURL.Scheme == "http" && !s.InsecureHTTP && !isLoopback(s.BaseURL.Hostname()):
		problem = fmt.Sprintf("WithBaseURL: %q is plain http and not loopback; use https or WithInsecureHTTP", s.BaseURL.Redacted())
	case s.HTTPClient == nil:
		problem = "WithHTTPClient: nil *http.Client"
	case s.Logger == nil:
		problem = "WithLogger: nil *slog.Logger"
	case s.MaxBodySize < 1:
		problem = fmt.Sprintf("WithMaxBodySize: %d is not positive", s.MaxBodySize)
	case isNilInside(s.Limiter):
		problem = fmt.Sprintf("WithRateLimiter: a nil %T", s.Limiter)
	case userAgentProblem(s.UserAgent) != "":
		problem = "WithUserAgent: " + userAgentProblem(s.UserAgent)
	case s.Retry.validate() != nil:
		return fmt.Errorf("WithRetryPolicy: %w", s.Retry.validate())
	}
	for _, key := range slices.Sorted(maps.Keys(s.Header)) {
		for _, value := range s.Header[key] {
			if p := headerProblem(key, value); p != "" && problem == "" {
				problem = "WithHeader: " + p
			}
		}
	}
	if problem != "" {
		return fmt.Errorf("%w: %s", ErrInvalidArgument, problem)
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

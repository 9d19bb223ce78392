package favorites

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"reflect"
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
		switch {
		case err != nil:
			return fmt.Errorf("%w: WithBaseURL: %v", ErrInvalidArgument, err)
		case u.Scheme != "https" && u.Scheme != "http" || u.Host == "":
			return fmt.Errorf("%w: WithBaseURL: %q is not an absolute http(s) URL", ErrInvalidArgument, u.Redacted())
		case u.User != nil:
			return fmt.Errorf("%w: WithBaseURL: %q carries credentials; give them to the provider's New", ErrInvalidArgument, u.Redacted())
		case u.RawQuery != "" || u.Fragment != "":
			return fmt.Errorf("%w: WithBaseURL: %q has a query or fragment", ErrInvalidArgument, u.Redacted())
		}
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
		s.BaseURL = u
		return nil
	}
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
		if strings.TrimSpace(ua) == "" || strings.ContainsAny(ua, "\r\n") {
			return fmt.Errorf("%w: WithUserAgent: %q is empty or spans lines", ErrInvalidArgument, ua)
		}
		s.UserAgent = ua
		return nil
	}
}

// WithHeader adds a header to every request; not Authorization.
func WithHeader(key, value string) Option {
	return func(s *Settings) error {
		switch ck := http.CanonicalHeaderKey(key); {
		case key == "" || strings.ContainsAny(key, " :\r\n") || strings.ContainsAny(value, "\r\n"):
			return fmt.Errorf("%w: WithHeader: %q: %q", ErrInvalidArgument, key, value)
		case reservedHeader(ck):
			return fmt.Errorf("%w: WithHeader: %s is not the caller's to set", ErrInvalidArgument, ck)
		default:
			if s.Header == nil {
				s.Header = http.Header{}
			}
			s.Header.Set(ck, value)
		}
		return nil
	}
}

// reservedHeader reports the headers an option may not set: the
// credential's, and the User-Agent, which has an option of its own.
func reservedHeader(canonical string) bool {
	return canonical == "Authorization" || canonical == "Proxy-Authorization" || canonical == "User-Agent"
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
func (s *Settings) Validate() error {
	var problem string
	switch {
	case s.BaseURL == nil:
		problem = "WithBaseURL: no base URL"
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
	case strings.TrimSpace(s.UserAgent) == "" || strings.ContainsAny(s.UserAgent, "\r\n"):
		problem = fmt.Sprintf("WithUserAgent: %q is empty or spans lines", s.UserAgent)
	case s.Retry.validate() != nil:
		return fmt.Errorf("WithRetryPolicy: %w", s.Retry.validate())
	}
	for key := range s.Header {
		if reservedHeader(http.CanonicalHeaderKey(key)) && problem == "" {
			problem = fmt.Sprintf("WithHeader: %s is not the caller's to set", key)
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

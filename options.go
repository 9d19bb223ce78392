package favorites

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// An Option configures a [Client]. Options are applied in order, so a later
// one overrides an earlier one; each checks its value and [New] returns the
// first error.
type Option func(*config) error

// Limiter paces requests. *rate.Limiter from golang.org/x/time/rate is one.
// Wait blocks until a request may go, or returns an error when ctx ends first.
type Limiter interface {
	Wait(ctx context.Context) error
}

type config struct {
	baseURL       *url.URL
	httpClient    *http.Client
	authorization string
	userAgent     string
	headers       http.Header
	retry         RetryPolicy
	limiter       Limiter
	logger        *slog.Logger
	maxBody       int64
	decodeError   ErrorDecoder
	allowHTTP     bool
}

// DefaultMaxBodySize is the largest response body a Client reads by default.
const DefaultMaxBodySize = 32 << 20

// WithBaseURL sets the service's base URL, such as "https://mastodon.social".
// Paths given to NewRequest are resolved below it. It must be absolute,
// without credentials, query or fragment, and https unless it is a loopback
// address or [WithInsecureHTTP] is given.
func WithBaseURL(rawURL string) Option {
	return func(c *config) error {
		u, err := url.Parse(rawURL)
		switch {
		case err != nil:
			return fmt.Errorf("%w: base URL: %v", ErrInvalidArgument, err)
		case u.Scheme != "https" && u.Scheme != "http" || u.Host == "":
			return fmt.Errorf("%w: base URL %q is not an absolute http(s) URL", ErrInvalidArgument, u.Redacted())
		case u.User != nil:
			return fmt.Errorf("%w: base URL %q carries credentials; use an auth option instead", ErrInvalidArgument, u.Redacted())
		case u.RawQuery != "" || u.Fragment != "":
			return fmt.Errorf("%w: base URL %q has a query or fragment", ErrInvalidArgument, u.Redacted())
		}
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
		c.baseURL = u
		return nil
	}
}

// WithInsecureHTTP allows a plain http:// base URL that is not a loopback
// address. Credentials then cross the network unencrypted.
func WithInsecureHTTP() Option {
	return func(c *config) error { c.allowHTTP = true; return nil }
}

// WithHTTPClient sets the *http.Client that sends requests, for its
// transport, proxy, TLS or cookie settings, or to mock it with httpmock. The
// client is read at each request, so httpmock.ActivateNonDefault may be called
// before or after New.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return fmt.Errorf("%w: nil *http.Client", ErrInvalidArgument)
		}
		c.httpClient = hc
		return nil
	}
}

// WithBearerToken authenticates with "Authorization: Bearer <token>".
func WithBearerToken(token string) Option {
	return func(c *config) error {
		if err := checkCredential("bearer token", token); err != nil {
			return err
		}
		c.authorization = "Bearer " + token
		return nil
	}
}

// WithBasicAuth authenticates with HTTP Basic auth.
func WithBasicAuth(user, password string) Option {
	return func(c *config) error {
		if err := checkCredential("basic auth user", user); err != nil {
			return err
		}
		if strings.Contains(user, ":") {
			return fmt.Errorf("%w: basic auth user contains ':'", ErrInvalidArgument)
		}
		if err := checkCredential("basic auth password", password); err != nil {
			return err
		}
		c.authorization = "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
		return nil
	}
}

func checkCredential(what, v string) error {
	if v == "" {
		return fmt.Errorf("%w: empty %s", ErrInvalidArgument, what)
	}
	if strings.ContainsFunc(v, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return fmt.Errorf("%w: %s contains a control character", ErrInvalidArgument, what)
	}
	return nil
}

// WithUserAgent sets the User-Agent header. It must not be empty.
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if strings.TrimSpace(ua) == "" || strings.ContainsAny(ua, "\r\n") {
			return fmt.Errorf("%w: User-Agent %q is empty or spans lines", ErrInvalidArgument, ua)
		}
		c.userAgent = ua
		return nil
	}
}

// WithHeader adds a header sent with every request, such as a version
// header. Authorization and User-Agent have options of their own.
func WithHeader(key, value string) Option {
	return func(c *config) error {
		switch ck := http.CanonicalHeaderKey(key); {
		case key == "" || strings.ContainsAny(key, " :\r\n") || strings.ContainsAny(value, "\r\n"):
			return fmt.Errorf("%w: header %q: %q", ErrInvalidArgument, key, value)
		case ck == "Authorization" || ck == "User-Agent":
			return fmt.Errorf("%w: set %s with its own option", ErrInvalidArgument, ck)
		default:
			c.headers.Set(ck, value)
		}
		return nil
	}
}

// WithRetryPolicy replaces the [DefaultRetryPolicy].
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		if err := p.validate(); err != nil {
			return err
		}
		c.retry = p
		return nil
	}
}

// WithRateLimiter paces every request, retries included, through l. nil
// removes the provider's default limiter.
func WithRateLimiter(l Limiter) Option {
	return func(c *config) error { c.limiter = l; return nil }
}

// WithLogger logs each attempt, response and retry at debug level. Log lines
// never carry a credential.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return fmt.Errorf("%w: nil *slog.Logger", ErrInvalidArgument)
		}
		c.logger = l
		return nil
	}
}

// WithMaxBodySize caps how many bytes of a response body are read; a larger
// body is an error matching [ErrResponseTooLarge].
func WithMaxBodySize(n int64) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("%w: max body size %d is not positive", ErrInvalidArgument, n)
		}
		c.maxBody = n
		return nil
	}
}

// WithErrorDecoder installs a provider's refinement of error responses.
func WithErrorDecoder(d ErrorDecoder) Option {
	return func(c *config) error { c.decodeError = d; return nil }
}

func (c *config) validate() error {
	if c.baseURL == nil {
		return fmt.Errorf("%w: no base URL", ErrInvalidArgument)
	}
	if c.baseURL.Scheme == "http" && !c.allowHTTP && !isLoopback(c.baseURL.Hostname()) {
		return fmt.Errorf("%w: base URL %q is plain http and not loopback; use https or WithInsecureHTTP",
			ErrInvalidArgument, c.baseURL.Redacted())
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

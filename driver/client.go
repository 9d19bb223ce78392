package driver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/onepass"
	"github.com/hashicorp/go-retryablehttp"
)

// Client is the HTTP machinery every provider shares: base URL, auth,
// User-Agent, rate limiting, retries, a response size cap and typed errors.
// Every request goes through [Client.NewRequest] and [Client.Do].
//
// A Client is safe for concurrent use and holds no global state.
type Client struct {
	provider    string
	base        *url.URL
	rc          *retryablehttp.Client
	cred        *credential
	userAgent   string
	headers     http.Header
	logger      *slog.Logger
	maxBody     int64
	decodeError ErrorDecoder
}

// credential is the Authorization value and the scrubber of its forms. The
// Client holds it behind a pointer so that fmt, when it walks the fields of
// a struct holding a Client (as it does for a verb the struct's type does
// not serve), prints an address, never the secret: a type wrapping a Client
// needs no printing methods of its own to be safe.
type credential struct {
	header string
	scrub  scrubber // the credential's forms, kept out of errors and logs
}

// Config is what a provider fixes about its client: its name, its
// credential and its reading of the service's errors. A caller's options
// cannot change any of it.
type Config struct {
	// Provider names the service in errors and logs, such as "mastodon".
	Provider string

	// Credential authenticates every request to the base URL; the zero
	// Credential sends none.
	Credential Credential

	// DecodeError, when set, refines each error response (see
	// [ErrorDecoder]).
	DecodeError ErrorDecoder

	// Defaults are the provider's own settings (its base URL, body cap,
	// limiter, headers), applied before the caller's options, which may
	// override them.
	Defaults []favorites.Option
}

// New builds a Client: the defaults of [favorites.Settings]
// ([DefaultUserAgent], [favorites.DefaultRetryPolicy], no
// limiter, logging off, a [favorites.DefaultMaxBodySize] cap), then
// cfg.Defaults, then opts. Settings that no client can work with are
// refused, naming the option (see [favorites.Settings.Validate]).
func New(cfg Config, opts ...favorites.Option) (*Client, error) {
	s := favorites.Settings{
		HTTPClient:  &http.Client{},
		UserAgent:   DefaultUserAgent(),
		Header:      http.Header{},
		Retry:       favorites.DefaultRetryPolicy(),
		Logger:      slog.New(slog.DiscardHandler),
		MaxBodySize: favorites.DefaultMaxBodySize,
	}
	for _, opt := range append(cfg.Defaults[:len(cfg.Defaults):len(cfg.Defaults)], opts...) {
		if opt == nil {
			return nil, fmt.Errorf("%s: %w: a nil Option", cfg.Provider, favorites.ErrInvalidArgument)
		}
		if err := opt(&s); err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.Provider, err)
		}
	}
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.Provider, err)
	}
	if cfg.Credential.c == nil {
		cfg.Credential = newCredential("")
	}
	c := &Client{
		provider:    cfg.Provider,
		base:        s.BaseURL,
		cred:        cfg.Credential.c,
		userAgent:   s.UserAgent,
		headers:     s.Header.Clone(),
		logger:      s.Logger,
		maxBody:     s.MaxBodySize,
		decodeError: cfg.DecodeError,
	}
	c.rc = newRetryClient(c, s)
	return c, nil
}

// newRetryClient is the retrying sender behind c, under settings s.
func newRetryClient(c *Client, s favorites.Settings) *retryablehttp.Client {
	policy := s.Retry
	return &retryablehttp.Client{
		HTTPClient: &http.Client{
			Transport: &pacer{user: s.HTTPClient, limiter: s.Limiter, maxWait: policy.MaxWait,
				maxBody: s.MaxBodySize},
			CheckRedirect: checkRedirect(c.base.Scheme, c.base.Host, s.HTTPClient.CheckRedirect),
			Timeout:       s.HTTPClient.Timeout,
		},
		RetryWaitMin: policy.MinWait,
		RetryWaitMax: policy.MaxWait,
		RetryMax:     policy.MaxRetries,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return checkRetry(ctx, policy, resp, err)
		},
		Backoff: func(_, _ time.Duration, attempt int, resp *http.Response) time.Duration {
			return backoff(policy, attempt, resp)
		},
		ErrorHandler:    retryablehttp.PassthroughErrorHandler,
		RequestLogHook:  c.logAttempt,
		ResponseLogHook: c.logResponse,
	}
}

// Provider names the service this client talks to.
func (c *Client) Provider() string { return c.provider }

// BaseURL returns a copy of the base URL.
func (c *Client) BaseURL() *url.URL { u := *c.base; return &u }

// String describes the client without its credentials: provider, base URL
// and whether auth is set.
func (c *Client) String() string {
	if c == nil {
		return "<nil>"
	}
	auth := "none"
	if c.cred.header != "" {
		auth = "set"
	}
	return fmt.Sprintf("driver.Client{provider: %s, base: %s, auth: %s}", c.provider, c.base, auth)
}

// GoString is String, for callers that ask for it by name.
func (c *Client) GoString() string { return c.String() }

// Format prints String under every fmt verb, so that a verb String does
// not serve (%d, %t, ...) gives the description, not fmt's walk of the
// fields. The credential stays out of either: see credential.
func (c *Client) Format(s fmt.State, verb rune) { formatText(s, verb, c.String()) }

// LogValue gives slog the String, never the fields.
func (c *Client) LogValue() slog.Value { return slog.StringValue(c.String()) }

// Do sends req, retrying as the [favorites.RetryPolicy] and req.Retry allow, and
// returns the response. A status of 400 or more is returned as an
// [*favorites.APIError] together with the Response. Otherwise, when v is not nil, the
// JSON body is decoded into v; an empty body leaves v untouched.
//
// The client's own credential is scrubbed from what Do returns: every field
// of an APIError and the text of any other error. A network error's text
// is scrubbed by a wrapper that unwraps to the original, so errors.As (such
// as to a net.Error) keeps working; the unwrapped error's own text is the
// transport's, as it said it.
func (c *Client) Do(ctx context.Context, req *Request, v any) (*favorites.Response, error) {
	resp, err := c.do(ctx, req, v)
	var apiErr *favorites.APIError
	if err != nil && !errors.As(err, &apiErr) { // an favorites.APIError is scrubbed field by field
		err = c.cred.scrub.Error(err)
	}
	return resp, err
}

func (c *Client) do(ctx context.Context, req *Request, v any) (*favorites.Response, error) {
	if req == nil {
		return nil, fmt.Errorf("%s: %w: nil *Request", c.provider, favorites.ErrInvalidArgument)
	}
	ctx = context.WithValue(ctx, retryModeKey{}, attemptInfo{mode: req.Retry, method: req.Method})
	var body any
	if req.body != nil {
		body = req.body
	}
	rreq, err := retryablehttp.NewRequestWithContext(ctx, req.Method, req.URL.String(), body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", c.provider, favorites.ErrInvalidArgument, err)
	}
	rreq.Header = req.Header // NewRequest made it the request's own; nothing below writes to it
	hresp, err := c.rc.Do(rreq)
	if err != nil {
		if hresp != nil {
			hresp.Body.Close()
		}
		return nil, fmt.Errorf("%s: %s %s: %w", c.provider, req.Method, redactURL(req.URL), err)
	}
	defer hresp.Body.Close()
	resp := newResponse(hresp)
	data, err := bodyBytes(hresp, c.maxBody)
	if err != nil {
		return resp, fmt.Errorf("%s: %s %s: %w", c.provider, req.Method, redactURL(req.URL), err)
	}
	if hresp.StatusCode >= 400 {
		return resp, c.apiError(req, hresp, data)
	}
	if v != nil && len(onepass.TrimSpace(data)) > 0 { // a "\v" is not white space to JSON
		if raw, ok := v.(*RawJSON); ok {
			// The caller decodes these bytes itself and checks their depth
			// (DecodeItems' first pass, or CheckDepth): checking them here
			// too would read every byte once more.
			*raw = onepass.TrimSpace(data)
			if string(*raw) == "null" {
				*raw = nil
			}
			return resp, nil
		}
		if err := CheckDepth(data); err != nil {
			return resp, fmt.Errorf("%s: %s %s: %w", c.provider, req.Method, redactURL(req.URL), err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			return resp, fmt.Errorf("%s: %s %s: %w: %v", c.provider, req.Method, redactURL(req.URL), favorites.ErrMalformedReply, err)
		}
	}
	return resp, nil
}

func (c *Client) apiError(req *Request, r *http.Response, body []byte) error {
	e := &favorites.APIError{
		Provider:   c.provider,
		Method:     req.Method,
		URL:        redactURL(req.URL),
		StatusCode: r.StatusCode,
		RequestID:  firstHeader(r.Header, "X-Request-Id", "X-Request-ID", "Request-Id", "Cf-Ray"),
	}
	// Scrubbed whole, then cut: cutting first could leave the start of an
	// echoed credential at the end. The clone lets the rest of a large body
	// go.
	clean := c.cred.scrub.Bytes(body)
	e.Body = bytes.Clone(clean[:min(len(clean), MaxErrorBody)])
	e.RetryAfter = serverWait(r) // the same wait the retry policy honoured
	decodeErrorBody(e, body)
	if c.decodeError != nil {
		c.decodeError(e, r)
	}
	c.scrubAPIError(e)
	return e
}

// scrubAPIError removes the credential from every text field of e, which a
// server or a provider's decoder filled, before e is returned or logged.
func (c *Client) scrubAPIError(e *favorites.APIError) {
	// Also after oneLine: folding white space might join a credential
	// that the server sent split across lines.
	e.Message = c.cred.scrub.String(oneLine(c.cred.scrub.String(e.Message), e.StatusCode))
	e.URL = c.cred.scrub.String(e.URL)
	e.Code = c.cred.scrub.String(e.Code)
	e.RequestID = c.cred.scrub.String(e.RequestID)
	e.Body = c.cred.scrub.Bytes(e.Body)
}

func firstHeader(h http.Header, keys ...string) string {
	for _, k := range keys {
		if v := h.Get(k); v != "" {
			return v
		}
	}
	return ""
}

// The log hooks check the level first: building the attributes (a redacted
// URL) costs allocations on every attempt, wasted when debug logging is off.
func (c *Client) logAttempt(_ retryablehttp.Logger, r *http.Request, attempt int) {
	if !c.logger.Enabled(r.Context(), slog.LevelDebug) {
		return
	}
	c.logger.LogAttrs(r.Context(), slog.LevelDebug, "favorites: request",
		slog.String("provider", c.provider), slog.String("method", r.Method),
		slog.String("url", c.cred.scrub.String(redactURL(r.URL))), slog.Int("attempt", attempt+1))
}

func (c *Client) logResponse(_ retryablehttp.Logger, r *http.Response) {
	if !c.logger.Enabled(r.Request.Context(), slog.LevelDebug) {
		return
	}
	c.logger.LogAttrs(r.Request.Context(), slog.LevelDebug, "favorites: response",
		slog.String("provider", c.provider), slog.String("method", r.Request.Method),
		slog.String("url", c.cred.scrub.String(redactURL(r.Request.URL))), slog.Int("status", r.StatusCode))
}

// DefaultUserAgent is the User-Agent a client sends unless the provider or
// favorites.WithUserAgent sets one: the SDK's name and version.
func DefaultUserAgent() string {
	return "favkit-favorites-go/" + favorites.Version() + " (+https://github.com/favkit/favorites)"
}

// HTTPClient returns an *http.Client that sends as this client does, for a
// library that makes requests of its own (golang.org/x/oauth2's token
// exchange): the caller's transport, cookie jar and timeout behind the
// client's rate limiter, its wait for a spent rate-limit window and its
// response cap, and redirects that drop the Authorization header off the
// base URL's origin. It adds no credential and never retries: what it
// sends is the caller's. Each call returns a new copy, so a change to it
// changes nothing here.
func (c *Client) HTTPClient() *http.Client {
	hc := *c.rc.HTTPClient
	return &hc
}

package favorites

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"

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

// New builds a Client for the provider named provider (used in errors and
// logs). A base URL is required; everything else has a default: no auth,
// [DefaultUserAgent], [DefaultRetryPolicy], no rate limiter, logging off, and
// a [DefaultMaxBodySize] cap.
func New(provider string, opts ...Option) (*Client, error) {
	cfg := config{
		httpClient: &http.Client{},
		userAgent:  DefaultUserAgent(),
		headers:    http.Header{},
		retry:      DefaultRetryPolicy(),
		logger:     slog.New(slog.DiscardHandler),
		maxBody:    DefaultMaxBodySize,
	}
	for _, opt := range opts {
		if err := opt(&cfg); err != nil {
			return nil, fmt.Errorf("%s: %w", provider, err)
		}
	}
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", provider, err)
	}
	c := &Client{
		provider:    provider,
		base:        cfg.baseURL,
		cred:        &credential{header: cfg.authorization, scrub: newScrubber(cfg.authorization)},
		userAgent:   cfg.userAgent,
		headers:     cfg.headers,
		logger:      cfg.logger,
		maxBody:     cfg.maxBody,
		decodeError: cfg.decodeError,
	}
	c.rc = &retryablehttp.Client{
		HTTPClient: &http.Client{
			Transport: &pacer{user: cfg.httpClient, limiter: cfg.limiter, maxWait: cfg.retry.MaxWait,
				maxBody: cfg.maxBody},
			CheckRedirect: checkRedirect(c.base.Scheme, c.base.Host, cfg.httpClient.CheckRedirect),
			Timeout:       cfg.httpClient.Timeout,
		},
		RetryWaitMin:    cfg.retry.MinWait,
		RetryWaitMax:    cfg.retry.MaxWait,
		RetryMax:        cfg.retry.MaxRetries,
		CheckRetry:      cfg.retry.checkRetry,
		Backoff:         cfg.retry.backoff,
		ErrorHandler:    retryablehttp.PassthroughErrorHandler,
		RequestLogHook:  c.logAttempt,
		ResponseLogHook: c.logResponse,
	}
	return c, nil
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
	return fmt.Sprintf("favorites.Client{provider: %s, base: %s, auth: %s}", c.provider, c.base, auth)
}

// GoString is String, for callers that ask for it by name.
func (c *Client) GoString() string { return c.String() }

// Format prints String under every fmt verb, so that a verb String does
// not serve (%d, %t, ...) gives the description, not fmt's walk of the
// fields. The credential stays out of either: see credential.
func (c *Client) Format(s fmt.State, verb rune) { formatText(s, verb, c.String()) }

// LogValue gives slog the String, never the fields.
func (c *Client) LogValue() slog.Value { return slog.StringValue(c.String()) }

// Do sends req, retrying as the [RetryPolicy] and req.Retry allow, and
// returns the response. A status of 400 or more is returned as an
// [*APIError] together with the Response. Otherwise, when v is not nil, the
// JSON body is decoded into v; an empty body leaves v untouched.
//
// The client's own credential is scrubbed from what Do returns: every field
// of an APIError and the text of any other error. A network error's text
// is scrubbed by a wrapper that unwraps to the original, so errors.As (such
// as to a net.Error) keeps working; the unwrapped error's own text is the
// transport's, as it said it.
func (c *Client) Do(ctx context.Context, req *Request, v any) (*Response, error) {
	resp, err := c.do(ctx, req, v)
	var apiErr *APIError
	if err != nil && !errors.As(err, &apiErr) { // an APIError is scrubbed field by field
		err = c.cred.scrub.Error(err)
	}
	return resp, err
}

func (c *Client) do(ctx context.Context, req *Request, v any) (*Response, error) {
	if req == nil {
		return nil, fmt.Errorf("%s: %w: nil *Request", c.provider, ErrInvalidArgument)
	}
	ctx = context.WithValue(ctx, retryModeKey{}, attemptInfo{mode: req.Retry, method: req.Method})
	var body any
	if req.body != nil {
		body = req.body
	}
	rreq, err := retryablehttp.NewRequestWithContext(ctx, req.Method, req.URL.String(), body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", c.provider, ErrInvalidArgument, err)
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
	if v != nil && len(bytes.TrimSpace(data)) > 0 {
		if err := checkDepth(data); err != nil {
			return resp, fmt.Errorf("%s: %s %s: %w", c.provider, req.Method, redactURL(req.URL), err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			return resp, fmt.Errorf("%s: %s %s: %w: %v", c.provider, req.Method, redactURL(req.URL), ErrMalformedReply, err)
		}
	}
	return resp, nil
}

func (c *Client) apiError(req *Request, r *http.Response, body []byte) error {
	e := &APIError{
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
func (c *Client) scrubAPIError(e *APIError) {
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
	if permanentError(err) || errors.Is(err, context.Canceled) {
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

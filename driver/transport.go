package driver

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/sleep"
)

// errNoTurn marks the limiter's refusal of a wait that would pass the
// context's deadline: a retry would only be refused again, so the caller
// hears of it at once.
var errNoTurn = errors.New("rate limiter: no turn before the deadline")

// pacer is the RoundTripper under retryablehttp: every attempt, retries and
// redirects included, waits for the limiter and for a rate-limit window the
// server said was used up, then goes to the caller's transport with the
// cookies of the caller's jar, if any.
type pacer struct {
	user    *http.Client // read at each request, so httpmock can swap its Transport late
	limiter favorites.Limiter
	maxWait time.Duration
	maxBody int64

	mu         sync.Mutex
	blockedTil time.Time // when the server's window reopens after Remaining hit 0
}

func (p *pacer) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if err := p.waitWindow(ctx); err != nil {
		return nil, err
	}
	if p.limiter != nil {
		if err := p.limiter.Wait(ctx); err != nil {
			switch {
			case ctx.Err() != nil:
				return nil, ctx.Err()
			case errors.Is(err, context.DeadlineExceeded):
				return nil, fmt.Errorf("%w: %w", errNoTurn, err)
			}
			return nil, fmt.Errorf("%w: %w: %v", errNoTurn, context.DeadlineExceeded, err)
		}
		// Again: while this request waited its turn, an answer to one
		// sent before it may have said the window is spent. Sending now
		// would cost a 429 and a retry.
		if err := p.waitWindow(ctx); err != nil {
			return nil, err
		}
	}
	rt := p.user.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	jar := p.user.Jar
	if jar != nil {
		// Here rather than in an http.Client: that adds the jar's cookies to
		// the request it is given, which retryablehttp sends again on every
		// attempt, so each retry carried the cookies once more.
		req = req.Clone(req.Context())
		for _, ck := range jar.Cookies(req.URL) {
			req.AddCookie(ck)
		}
	}
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return nil, transportError(rt, err)
	}
	if jar != nil {
		if set := resp.Cookies(); len(set) > 0 {
			jar.SetCookies(req.URL, set)
		}
	}
	if resp.Request == nil {
		resp.Request = req // mock transports may leave it out; links resolve against it
	}
	p.observe(ctx, resp)
	if err := readWhole(resp, p.maxBody); err != nil {
		return nil, err
	}
	return resp, nil
}

// observe remembers when the server said the next request may go
// ([favorites.Rate.Until]), never further off than maxWait, and tells the
// limiter what the response said when it listens.
func (p *pacer) observe(ctx context.Context, resp *http.Response) {
	now := time.Now()
	r := capRate(parseRate(resp.Header), now, p.maxWait)
	if until := r.Until(resp.StatusCode, now); until.After(now) {
		p.mu.Lock()
		if until.After(p.blockedTil) {
			p.blockedTil = until
		}
		p.mu.Unlock()
	}
	if o, ok := p.limiter.(favorites.RateObserver); ok {
		o.ObserveRate(ctx, resp.StatusCode, r)
	}
}

// capRate keeps r's waits within maxWait of now: a far-off reset never
// stalls the client, nor any other that shares its limiter.
func capRate(r favorites.Rate, now time.Time, maxWait time.Duration) favorites.Rate {
	if limit := now.Add(maxWait); r.Reset.After(limit) {
		r.Reset = limit
	}
	r.RetryAfter = min(r.RetryAfter, maxWait)
	return r
}

func (p *pacer) waitWindow(ctx context.Context) error {
	p.mu.Lock()
	d := time.Until(p.blockedTil)
	p.mu.Unlock()
	if d <= 0 {
		return nil
	}
	return sleep.For(ctx, d)
}

// errTooManyRedirects stops a redirect chain, as net/http does after 10.
var errTooManyRedirects = errors.New("stopped after 10 redirects")

// checkRedirect drops the credential on any redirect that leaves the base
// host or its scheme, then defers to the caller's own policy.
func checkRedirect(baseScheme, baseHost string, user func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if req.URL.Host != baseHost || req.URL.Scheme != baseScheme {
			req.Header.Del("Authorization")
		}
		if user != nil {
			return user(req, via)
		}
		if len(via) >= 10 {
			return errTooManyRedirects
		}
		return nil
	}
}

package driver

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/iotest"
	"time"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
)

// attemptCounter counts the attempts that reach next.
type attemptCounter struct {
	next  http.RoundTripper
	calls atomic.Int64
}

func (c *attemptCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.calls.Add(1)
	return c.next.RoundTrip(r)
}

// A request httpmock has no responder for fails on its first attempt under
// the default retry policy: the mock's answer is no network failure, and
// repeating it would only make a test slow to fail.
func TestNoResponderFailsAtOnce(t *testing.T) {
	for _, method := range []string{"GET", "DELETE"} {
		t.Run(method, func(t *testing.T) {
			rt := &attemptCounter{next: httpmock.NewMockTransport()}
			c, err := New(Config{Provider: "test"}, favorites.WithBaseURL(testBase),
				favorites.WithHTTPClient(&http.Client{Transport: rt}))
			if err != nil {
				t.Fatal(err)
			}
			req, _ := c.NewRequest(method, "x", nil, nil)
			_, err = c.Do(t.Context(), req, nil)
			if !errors.Is(err, httpmock.NoResponderFound) {
				t.Fatalf("err = %v, want httpmock's no responder found", err)
			}
			if n := rt.calls.Load(); n != 1 {
				t.Errorf("%d attempts, want 1", n)
			}
			if favorites.IsTemporary(err) {
				t.Errorf("IsTemporary(%v) = true", err)
			}
		})
	}
}

// Every error of net/http's own transport is the network's, whatever its
// type, and a request safe to repeat is retried after it: here a dial
// that fails with a plain error value.
func TestNetHTTPTransportErrorsAreRetried(t *testing.T) {
	var dials atomic.Int64
	tr := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		dials.Add(1)
		return nil, errRefused
	}}
	defer tr.CloseIdleConnections()
	c, err := New(Config{Provider: "test"}, favorites.WithBaseURL(testBase),
		favorites.WithHTTPClient(&http.Client{Transport: tr}), favorites.WithRetryPolicy(fastRetries))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := c.NewRequest("GET", "x", nil, nil)
	if _, err := c.Do(t.Context(), req, nil); !errors.Is(err, errRefused) {
		t.Fatalf("err = %v, want the dial's", err)
	}
	if n, want := dials.Load(), int64(1+fastRetries.MaxRetries); n != want {
		t.Errorf("%d dials, want %d", n, want)
	}
}

// errRefused is a custom transport's own error, as httpmock's "no
// responder found" is: no failure of the network.
var errRefused = errors.New("refused by the transport")

func TestRetryRules(t *testing.T) {
	dialErr := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	readErr := &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")}
	fail := func(status int) httpmock.Responder { return jsonResponder(status, `{"error":"x"}`) }
	cut := func(*http.Request) (*http.Response, error) { // the connection drops inside the body
		resp := httpmock.NewStringResponse(200, "")
		resp.Body = io.NopCloser(io.MultiReader(strings.NewReader(`{"a":`), iotest.ErrReader(io.ErrUnexpectedEOF)))
		return resp, nil
	}
	tests := []struct {
		name     string
		method   string
		mode     RetryMode
		first    httpmock.Responder
		attempts int // 1 = not retried, 2 = retried once and then succeeded
	}{
		{"GET 503", "GET", RetryByMethod, fail(503), 2},
		{"GET 502", "GET", RetryByMethod, fail(502), 2},
		{"GET 504", "GET", RetryByMethod, fail(504), 2},
		{"GET 500", "GET", RetryByMethod, fail(500), 1},
		{"GET 404", "GET", RetryByMethod, fail(404), 1},
		{"GET 429", "GET", RetryByMethod, fail(429), 2},
		{"GET read error", "GET", RetryByMethod, httpmock.NewErrorResponder(readErr), 2},
		{"GET body cut", "GET", RetryByMethod, cut, 2},
		{"DELETE 503", "DELETE", RetryByMethod, fail(503), 2},
		{"POST 503", "POST", RetryByMethod, fail(503), 1},
		{"POST 502", "POST", RetryByMethod, fail(502), 1},
		{"POST 429", "POST", RetryByMethod, fail(429), 2},
		{"POST read error", "POST", RetryByMethod, httpmock.NewErrorResponder(readErr), 1},
		{"POST body cut", "POST", RetryByMethod, cut, 1},
		{"idempotent POST body cut", "POST", RetryIdempotent, cut, 2},
		{"POST dial error", "POST", RetryByMethod, httpmock.NewErrorResponder(dialErr), 2},
		{"POST DNS error", "POST", RetryByMethod, httpmock.NewErrorResponder(&net.DNSError{Err: "no such host", Name: "x"}), 2},
		{"idempotent POST 503", "POST", RetryIdempotent, fail(503), 2},
		{"idempotent POST read error", "POST", RetryIdempotent, httpmock.NewErrorResponder(readErr), 2},
		{"GET connection reset", "GET", RetryByMethod, httpmock.NewErrorResponder(syscall.ECONNRESET), 2},
		{"GET connection closed", "GET", RetryByMethod, httpmock.NewErrorResponder(io.EOF), 2},
		{"GET transport's own error", "GET", RetryByMethod, httpmock.NewErrorResponder(errRefused), 1},
		{"idempotent POST transport's own error", "POST", RetryIdempotent, httpmock.NewErrorResponder(errRefused), 1},
		{"POST transport's own error", "POST", RetryByMethod, httpmock.NewErrorResponder(errRefused), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newMockClient(t)
			var bodies []string
			mt.RegisterResponder(tt.method, testBase+"/x", func(r *http.Request) (*http.Response, error) {
				if r.Body != nil {
					b := make([]byte, 64)
					n, _ := r.Body.Read(b)
					bodies = append(bodies, string(b[:n]))
				}
				if len(bodies) == 1 {
					return tt.first(r)
				}
				return httpmock.NewStringResponse(200, `{}`), nil
			})
			req, _ := c.NewRequest(tt.method, "x", nil, JSONBody(map[string]int{"id": 1}))
			req.Retry = tt.mode
			_, err := c.Do(t.Context(), req, nil)
			if got := mt.GetTotalCallCount(); got != tt.attempts {
				t.Fatalf("%d attempts, want %d (err %v)", got, tt.attempts, err)
			}
			if (err == nil) != (tt.attempts == 2) {
				t.Errorf("err = %v with %d attempts", err, tt.attempts)
			}
			for _, b := range bodies {
				if b != `{"id":1}` {
					t.Errorf("attempt sent body %q, want the whole body each time", b)
				}
			}
		})
	}
}

func TestRetryGivesUpWithTheServersError(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", testBase+"/x", jsonResponder(503, `{"error":"Service Unavailable","error_description":"try later"}`))
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err := c.Do(t.Context(), req, nil)
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || apiErr.Message != "Service Unavailable: try later" || !errors.Is(err, favorites.ErrServer) {
		t.Fatalf("err = %v, want the server's 503 text", err)
	}
	if n := mt.GetTotalCallCount(); n != 1+fastRetries.MaxRetries {
		t.Errorf("%d attempts, want %d", n, 1+fastRetries.MaxRetries)
	}
}

func TestRetryWaits(t *testing.T) {
	now := time.Now()
	p := favorites.RetryPolicy{MaxRetries: 3, MinWait: 10 * time.Millisecond, MaxWait: 10 * time.Second}
	tests := []struct {
		name     string
		status   int
		header   http.Header
		min, max time.Duration
		retried  bool
	}{
		{"Retry-After seconds", 429, http.Header{"Retry-After": {"3"}}, 3 * time.Second, 3 * time.Second, true},
		{"Retry-After date", 503, http.Header{"Retry-After": {now.Add(5 * time.Second).UTC().Format(http.TimeFormat)}},
			3 * time.Second, 5 * time.Second, true},
		{"X-RateLimit-Reset on 429", 429, http.Header{"X-Ratelimit-Reset": {now.Add(4 * time.Second).UTC().Format(time.RFC3339Nano)}},
			3 * time.Second, 4 * time.Second, true},
		{"Retry-After over the cap", 429, http.Header{"Retry-After": {"3600"}}, 0, 0, false},
		{"Reset over the cap", 429, http.Header{"X-Ratelimit-Reset": {now.Add(time.Hour).UTC().Format(time.RFC3339Nano)}}, 0, 0, false},
		{"no hint: backoff", 503, http.Header{}, 5 * time.Millisecond, 10 * time.Millisecond, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{StatusCode: tt.status, Header: tt.header}
			ctx := t.Context()
			retry, err := checkRetry(withAttempt(ctx, "GET"), p, resp, nil)
			if err != nil || retry != tt.retried {
				t.Fatalf("checkRetry = %v, %v; want %v", retry, err, tt.retried)
			}
			if !retry {
				return
			}
			if w := backoff(p, 0, resp); w < tt.min || w > tt.max {
				t.Errorf("wait %v, want between %v and %v", w, tt.min, tt.max)
			}
		})
	}
}

func TestBackoffGrowsAndIsCapped(t *testing.T) {
	p := favorites.RetryPolicy{MaxRetries: 10, MinWait: 100 * time.Millisecond, MaxWait: time.Second}
	for attempt, max := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		max *= time.Millisecond
		w := backoff(p, attempt, nil)
		if w < max/2 || w > max {
			t.Errorf("attempt %d: wait %v, want within [%v, %v]", attempt, w, max/2, max)
		}
	}
}

func TestAPIErrorCarriesRetryAfter(t *testing.T) {
	reset := time.Now().Add(2 * time.Hour).UTC().Format(time.RFC3339Nano)
	tests := []struct {
		name   string
		header []string
		min    time.Duration
	}{
		{"Retry-After", []string{"Retry-After", strconv.Itoa(7200)}, 2 * time.Hour},
		{"X-RateLimit-Reset alone, as Mastodon sends", []string{"X-RateLimit-Reset", reset}, 2*time.Hour - time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newMockClient(t)
			mt.RegisterResponder("GET", testBase+"/x", jsonResponder(429, `{"detail":"slow down"}`, tt.header...))
			req, _ := c.NewRequest("GET", "x", nil, nil)
			_, err := c.Do(t.Context(), req, nil)
			var apiErr *favorites.APIError
			if !errors.As(err, &apiErr) || apiErr.RetryAfter < tt.min || apiErr.RetryAfter > 2*time.Hour || !errors.Is(err, favorites.ErrRateLimited) {
				t.Fatalf("err = %#v, want a 429 with RetryAfter about 2h", err)
			}
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Errorf("a 2h wait was retried %d times", n-1)
			}
		})
	}
}

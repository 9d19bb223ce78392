package driver

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
)

const testBase = "https://api.example/v1"

// fastRetries keeps retry tests quick while still exercising every wait.
var fastRetries = favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}

// newMockClient returns a Client on testBase whose requests go to a fresh
// httpmock transport.
func newMockClient(t *testing.T, opts ...favorites.Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	return newMockClientAs(t, mustBearerToken(t, "s3cret-token"), opts...)
}

// newMockClientAs is newMockClient with the credential cred.
func newMockClientAs(t *testing.T, cred Credential, opts ...favorites.Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	return newMockClientWith(t, Config{Provider: "test", Credential: cred}, opts...)
}

// newMockClientWith is newMockClient with the Config cfg.
func newMockClientWith(t *testing.T, cfg Config, opts ...favorites.Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	all := append([]favorites.Option{
		favorites.WithBaseURL(testBase),
		favorites.WithHTTPClient(&http.Client{Transport: mt}),
		favorites.WithRetryPolicy(fastRetries),
	}, opts...)
	c, err := New(cfg, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, mt
}

func jsonResponder(status int, body string, header ...string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(status, body)
		r.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Add(header[i], header[i+1])
		}
		return r, nil
	}
}

// sequence answers with each responder in turn, repeating the last.
func sequence(rs ...httpmock.Responder) httpmock.Responder {
	var mu sync.Mutex
	n := 0
	return func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		i := min(n, len(rs)-1)
		n++
		mu.Unlock()
		return rs[i](r)
	}
}

// withAttempt marks ctx as Do does for a request with this method.
func withAttempt(ctx context.Context, method string) context.Context {
	return context.WithValue(ctx, retryModeKey{}, attemptInfo{method: method})
}

// mustBearerToken is BearerToken for a token the test knows is good.
func mustBearerToken(t testing.TB, token string) Credential {
	t.Helper()
	c, err := BearerToken(token)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mustBasicAuth is BasicAuth for a pair the test knows is good.
func mustBasicAuth(t testing.TB, user, password string) Credential {
	t.Helper()
	c, err := BasicAuth(user, password)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func collect[T any](t *testing.T, p *favorites.Pager[T]) ([]T, error) {
	t.Helper()
	var out []T
	for v, err := range p.All(t.Context()) {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// await fails the test rather than hang when the gated fetch never starts.
func await(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s never happened", what)
	}
}

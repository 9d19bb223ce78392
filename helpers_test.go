package favorites

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

const testBase = "https://api.example/v1"

// fastRetries keeps retry tests quick while still exercising every wait.
var fastRetries = RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}

// newMockClient returns a Client on testBase whose requests go to a fresh
// httpmock transport.
func newMockClient(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	all := append([]Option{
		WithBaseURL(testBase),
		WithHTTPClient(&http.Client{Transport: mt}),
		WithBearerToken("s3cret-token"),
		WithRetryPolicy(fastRetries),
	}, opts...)
	c, err := New("test", all...)
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

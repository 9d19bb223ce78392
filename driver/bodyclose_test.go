package driver

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
)

// countingTransport counts the response bodies it hands out that were not
// closed yet.
type countingTransport struct {
	next        http.RoundTripper
	open, total atomic.Int64
}

func (t *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(r)
	if resp != nil && resp.Body != nil {
		t.open.Add(1)
		t.total.Add(1)
		resp.Body = &countedBody{ReadCloser: resp.Body, open: &t.open}
	}
	return resp, err
}

type countedBody struct {
	io.ReadCloser
	once sync.Once
	open *atomic.Int64
}

func (b *countedBody) Close() error {
	b.once.Do(func() { b.open.Add(-1) })
	return b.ReadCloser.Close()
}

// stallingBody sends part of a body, then blocks until the request ends.
func stallingBody(r *http.Request) (*http.Response, error) {
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte(`["a",`))
		<-r.Context().Done()
		pw.CloseWithError(r.Context().Err())
	}()
	resp := httpmock.NewStringResponse(200, "")
	resp.Body = pr
	return resp, nil
}

// TestEveryResponseBodyIsClosed sends one request per row through a
// transport that counts open bodies, including the bodies of attempts the
// retry policy threw away, and wants none left open.
func TestEveryResponseBodyIsClosed(t *testing.T) {
	tests := []struct {
		name      string
		responder httpmock.Responder
		timeout   time.Duration
		attempts  int64
		wantErr   bool
	}{
		{"decoded", jsonResponder(200, `["a"]`), 0, 1, false},
		{"no content", jsonResponder(204, ``), 0, 1, false},
		{"not found", jsonResponder(404, `{"error":"gone"}`), 0, 1, true},
		{"server errors retried", jsonResponder(503, `{"error":"down"}`), 0, 4, true},
		{"429 beyond MaxWait", jsonResponder(429, `{}`, "Retry-After", "3600"), 0, 1, true},
		{"malformed", jsonResponder(200, `["a",`), 0, 1, true},
		{"over the cap", jsonResponder(200, `["`+strings.Repeat("a", 100)+`"]`), 0, 1, true},
		{"stalls past deadline", stallingBody, 50 * time.Millisecond, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mt := httpmock.NewMockTransport()
			mt.RegisterResponder("GET", testBase+"/x", tt.responder)
			ct := &countingTransport{next: mt}
			c, _ := newMockClient(t, favorites.WithHTTPClient(&http.Client{Transport: ct}), favorites.WithMaxBodySize(64))
			ctx := t.Context()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			req, _ := c.NewRequest("GET", "x", nil, nil)
			var v []string
			_, err := c.Do(ctx, req, &v)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Do = %v, want an error: %v", err, tt.wantErr)
			}
			if got := ct.total.Load(); got != tt.attempts {
				t.Errorf("%d responses, want %d", got, tt.attempts)
			}
			if n := ct.open.Load(); n != 0 {
				t.Fatalf("%d response bodies left open", n)
			}
		})
	}
}

// TestListingClosesBodiesWhenStoppedEarly breaks out of a listing, with and
// without a page fetched ahead, and wants every body closed.
func TestListingClosesBodiesWhenStoppedEarly(t *testing.T) {
	for _, prefetch := range []bool{false, true} {
		mt := httpmock.NewMockTransport()
		mt.RegisterResponder("GET", testBase+"/f", func(r *http.Request) (*http.Response, error) {
			return jsonResponder(200, `["a","b"]`, "Link", `<`+testBase+`/f?p=`+r.URL.Query().Get("p")+`x>; rel="next"`)(r)
		})
		ct := &countingTransport{next: mt}
		c, _ := newMockClient(t, favorites.WithHTTPClient(&http.Client{Transport: ct}))
		p := LinkPager[string](c, "f", nil, "", ItemRules[string]{})
		if prefetch {
			p.Prefetch()
		}
		n := 0
		for _, err := range p.All(t.Context()) {
			if err != nil {
				t.Fatal(err)
			}
			if n++; n == 5 {
				break
			}
		}
		if open, total := ct.open.Load(), ct.total.Load(); open != 0 || total < 3 {
			t.Fatalf("prefetch %v: %d of %d bodies left open", prefetch, open, total)
		}
	}
}

package waifuim_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/providers/waifuim"
)

const testToken = "test-token"

// noMatch is the service's answer to a /fav query that matches nothing.
const noMatch = `{"detail":"No image found matching the criteria given."}`

// sent is one request as the mock saw it.
type sent struct {
	Method, Path, Query string
	Header              http.Header
	Body                string
}

// recorder answers with canned responses and keeps every request.
type recorder struct {
	mu    sync.Mutex
	calls []sent
}

func (r *recorder) reply(status int, body string, header ...string) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		r.keep(req)
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		return resp, nil
	}
}

func (r *recorder) keep(req *http.Request) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, sent{req.Method, req.URL.Path, req.URL.RawQuery, req.Header.Clone(), string(body)})
}

func (r *recorder) sent() []sent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sent(nil), r.calls...)
}

// fastRetries keeps retry waits short so tests run quickly.
var fastRetries = favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second})

// mockClient returns a client whose requests go to a fresh mock transport;
// any request without a responder fails the test.
func mockClient(t *testing.T, opts ...favorites.Option) (*waifuim.Client, *httpmock.MockTransport, *recorder) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	rec := &recorder{}
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		rec.keep(req)
		t.Errorf("unexpected request %s %s", req.Method, req.URL)
		return httpmock.NewStringResponse(599, ""), nil
	})
	base := []favorites.Option{favorites.WithHTTPClient(&http.Client{Transport: mt}),
		favorites.WithRateLimiter(nil), fastRetries}
	c, err := waifuim.New(testToken, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, mt, rec
}

// checkSent asserts one request's method, path, query, headers and body.
func checkSent(t *testing.T, got sent, method, path, query, body string) {
	t.Helper()
	if got.Method != method || got.Path != path || got.Query != query {
		t.Errorf("sent %s %s?%s, want %s %s?%s", got.Method, got.Path, got.Query, method, path, query)
	}
	wantCT := ""
	if body != "" {
		wantCT = "application/json"
	}
	for key, want := range map[string]string{
		"Authorization":  "Bearer " + testToken,
		"User-Agent":     driver.DefaultUserAgent(),
		"Accept":         "application/json",
		"Accept-Version": "v5",
		"Content-Type":   wantCT,
	} {
		if v := got.Header.Get(key); v != want {
			t.Errorf("%s %s: header %s = %q, want %q", method, path, key, v, want)
		}
	}
	if got.Body != body {
		t.Errorf("%s %s: body %q, want %q", method, path, got.Body, body)
	}
}

func testdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "waifuim", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// onePage reads the one page of c.Favorites(q), as a caller that wants the
// page's Response does. waifu.im does not page, so a Pager that is not done
// after its first page is an error here.
func onePage(ctx context.Context, c *waifuim.Client, q *waifuim.FavoritesQuery) ([]*waifuim.Image, *favorites.Response, error) {
	p := c.Favorites(q)
	page, err := p.NextPage(ctx)
	if err == nil && (!p.Done() || p.Cursor() != "") {
		err = fmt.Errorf("the listing did not end after its one page: cursor %q", p.Cursor())
	}
	if err != nil {
		return nil, page.Response, err
	}
	return page.Items, page.Response, nil
}

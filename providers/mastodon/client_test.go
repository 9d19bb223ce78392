package mastodon_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/jarcoal/httpmock"
)

const (
	mockBase  = "https://mastodon.example"
	mockToken = "mock-token"
)

// call is one request as the mock transport got it.
type call struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   string
}

// answer is one canned response.
type answer struct {
	status int
	body   string
	header http.Header
}

// mockServer answers requests in turn from its answers (the last repeats)
// and records every request.
type mockServer struct {
	mu      sync.Mutex
	answers []answer
	calls   []call
}

func (m *mockServer) respond(r *http.Request) (*http.Response, error) {
	body := ""
	if r.Body != nil {
		b, _ := io.ReadAll(r.Body)
		body = string(b)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, call{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), body})
	a := m.answers[min(len(m.calls), len(m.answers))-1]
	resp := httpmock.NewStringResponse(a.status, a.body)
	resp.Header.Set("Content-Type", "application/json; charset=utf-8")
	for k, vs := range a.header {
		resp.Header[k] = vs
	}
	resp.Request = r
	return resp, nil
}

func (m *mockServer) Calls() []call {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]call(nil), m.calls...)
}

// newMock returns a client on mockBase whose transport is an httpmock
// MockTransport answering with answers in turn.
func newMock(t *testing.T, answers ...answer) (*mastodon.Client, *mockServer) {
	t.Helper()
	m := &mockServer{answers: answers}
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(m.respond)
	opts := append(fastOpts(), favorites.WithHTTPClient(&http.Client{Transport: mt}))
	c, err := mastodon.New(mockBase, mockToken, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c, m
}

// checkCall asserts method, path, query, headers and body of one request.
// Mastodon's requests here have no body, so no Content-Type either.
func checkCall(t *testing.T, got call, method, path, query string) {
	t.Helper()
	if got.Method != method || got.Path != path || got.RawQuery != query {
		t.Errorf("request %s %s?%s, want %s %s?%s", got.Method, got.Path, got.RawQuery, method, path, query)
	}
	want := map[string]string{
		"Authorization": "Bearer " + mockToken,
		"User-Agent":    driver.DefaultUserAgent(),
		"Accept":        "application/json",
		"Content-Type":  "",
	}
	for k, v := range want {
		if g := got.Header.Get(k); g != v {
			t.Errorf("%s %s: header %s = %q, want %q", method, path, k, g, v)
		}
	}
	if got.Body != "" {
		t.Errorf("%s %s: body %q, want none", method, path, got.Body)
	}
}

const oneStatus = `{"id":"%s","created_at":"2019-11-23T07:35:52.000Z","content":"<p>hi</p>","favourited":%t,"account":{"id":"1"}}`

func TestStatusRequests(t *testing.T) {
	tests := []struct {
		name, method, path string
		call               func(*mastodon.Client, string) (*mastodon.Status, *favorites.Response, error)
		favourited         bool
	}{
		{"Status", "GET", "/api/v1/statuses/%s", func(c *mastodon.Client, id string) (*mastodon.Status, *favorites.Response, error) {
			return c.Status(t.Context(), id)
		}, true},
		{"Favourite", "POST", "/api/v1/statuses/%s/favourite", func(c *mastodon.Client, id string) (*mastodon.Status, *favorites.Response, error) {
			return c.Favourite(t.Context(), id)
		}, true},
		{"Unfavourite", "POST", "/api/v1/statuses/%s/unfavourite", func(c *mastodon.Client, id string) (*mastodon.Status, *favorites.Response, error) {
			return c.Unfavourite(t.Context(), id)
		}, false},
	}
	// Mastodon IDs are numeric strings; other servers use ULIDs and more.
	for _, id := range []string{"103186075217296344", "01HZX7Q2W3-a_b~c"} {
		for _, tt := range tests {
			t.Run(tt.name+"/"+id, func(t *testing.T) {
				body := fmt.Sprintf(oneStatus, id, tt.favourited)
				c, m := newMock(t, answer{status: 200, body: body})
				st, resp, err := tt.call(c, id)
				if err != nil {
					t.Fatal(err)
				}
				if resp == nil || resp.StatusCode != 200 || resp.Request.URL.Path != fmt.Sprintf(tt.path, id) {
					t.Errorf("Response %+v, want the 200 of %s", resp, fmt.Sprintf(tt.path, id))
				}
				if st.ID != id || st.Favourited != tt.favourited || st.Content != "<p>hi</p>" {
					t.Errorf("status %+v", st)
				}
				calls := m.Calls()
				if len(calls) != 1 {
					t.Fatalf("%d requests, want 1", len(calls))
				}
				checkCall(t, calls[0], tt.method, fmt.Sprintf(tt.path, id), "")
			})
		}
	}
}

func TestInvalidIDsSendNothing(t *testing.T) {
	c, m := newMock(t, answer{status: 200, body: "{}"})
	ops := map[string]func(string) (*mastodon.Status, *favorites.Response, error){
		"Status":      func(id string) (*mastodon.Status, *favorites.Response, error) { return c.Status(t.Context(), id) },
		"Favourite":   func(id string) (*mastodon.Status, *favorites.Response, error) { return c.Favourite(t.Context(), id) },
		"Unfavourite": func(id string) (*mastodon.Status, *favorites.Response, error) { return c.Unfavourite(t.Context(), id) },
	}
	for name, op := range ops {
		for _, id := range []string{"", "1/2", "..", "1?x", "1#y", "1%2F", "a b"} {
			if _, resp, err := op(id); !errors.Is(err, favorites.ErrInvalidArgument) || resp != nil {
				t.Errorf("%s(%q) = %v, %v; want ErrInvalidArgument and no Response", name, id, resp, err)
			}
		}
	}
	if n := len(m.Calls()); n != 0 {
		t.Errorf("invalid IDs sent %d requests", n)
	}
}

func TestListRequests(t *testing.T) {
	page1 := answer{status: 200, body: `[{"id":"9"},{"id":"8"}]`, header: http.Header{"Link": {
		`<https://mastodon.example/api/v1/favourites?limit=2&max_id=23716836>; rel="next", ` +
			`<https://mastodon.example/api/v1/favourites?limit=2&min_id=23716978>; rel="prev"`}}}
	last := answer{status: 200, body: `[]`}
	tests := []struct {
		name      string
		opts      *mastodon.ListOptions
		wantQuery []string
	}{
		{"default limit is the cap", nil, []string{"limit=40", "limit=2&max_id=23716836"}},
		{"limit given", &mastodon.ListOptions{Limit: 2}, []string{"limit=2", "limit=2&max_id=23716836"}},
		{"resume from a cursor", &mastodon.ListOptions{Limit: 2,
			Cursor: mockBase + "/api/v1/favourites?limit=2&max_id=555"}, []string{"limit=2&max_id=555", "limit=2&max_id=23716836"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, page1, last)
			var ids []string
			for st, err := range c.Favourites(tt.opts).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, st.ID)
			}
			if fmt.Sprint(ids) != "[9 8]" {
				t.Errorf("listed %v, want [9 8]", ids)
			}
			calls := m.Calls()
			if len(calls) != len(tt.wantQuery) {
				t.Fatalf("%d requests, want %d", len(calls), len(tt.wantQuery))
			}
			for i, q := range tt.wantQuery {
				checkCall(t, calls[i], "GET", "/api/v1/favourites", q)
			}
		})
	}
}

func TestListRefusedBeforeSending(t *testing.T) {
	tests := []struct {
		name string
		opts *mastodon.ListOptions
		want error
	}{
		{"limit over 40", &mastodon.ListOptions{Limit: 41}, favorites.ErrInvalidArgument},
		{"negative limit", &mastodon.ListOptions{Limit: -1}, favorites.ErrInvalidArgument},
		{"cursor on another host", &mastodon.ListOptions{Cursor: "https://evil.example/api/v1/favourites?max_id=1"}, favorites.ErrCrossHostURL},
		{"cursor on http", &mastodon.ListOptions{Cursor: "http://mastodon.example/api/v1/favourites?max_id=1"}, favorites.ErrCrossHostURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, answer{status: 200, body: "[]"})
			_, err := c.Favourites(tt.opts).NextPage(t.Context())
			if !errors.Is(err, tt.want) || !errors.Is(err, favorites.ErrInvalidArgument) {
				t.Errorf("NextPage: %v, want %v", err, tt.want)
			}
			if n := len(m.Calls()); n != 0 {
				t.Errorf("sent %d requests", n)
			}
		})
	}
}

// A next link to another host is refused with its page, which Cursor
// stays at: the token never leaves the instance, and no cursor it would
// refuse is handed out.
func TestListRefusesCrossHostNextLink(t *testing.T) {
	c, m := newMock(t, answer{status: 200, body: `[{"id":"1"}]`, header: http.Header{"Link": {
		`<https://attacker.example/api/v1/favourites?max_id=5>; rel="next"`}}})
	p := c.Favourites(nil)
	_, err := p.NextPage(t.Context())
	if !errors.Is(err, favorites.ErrCrossHostURL) || !errors.Is(err, favorites.ErrMalformedReply) || p.Cursor() != "" {
		t.Fatalf("a page with a cross-host next link: %v, Cursor() %q; want ErrCrossHostURL at the first page", err, p.Cursor())
	}
	if n := len(m.Calls()); n != 1 {
		t.Errorf("%d requests, want only the first page", n)
	}
}

// Several Link headers, and next not first: every value is read.
func TestListReadsEveryLinkHeader(t *testing.T) {
	c, m := newMock(t,
		answer{status: 200, body: `[{"id":"2"}]`, header: http.Header{"Link": {
			`<https://mastodon.example/api/v1/favourites?min_id=7>; rel="prev"`,
			`<https://mastodon.example/api/v1/favourites?max_id=6>; rel="next"`}}},
		answer{status: 200, body: `[{"id":"1"}]`})
	p := c.Favourites(&mastodon.ListOptions{Limit: 1})
	page, err := p.NextPage(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if page.Response.NextURL != mockBase+"/api/v1/favourites?max_id=6" ||
		page.Response.PrevURL != mockBase+"/api/v1/favourites?min_id=7" || p.Cursor() != page.Response.NextURL {
		t.Errorf("next %q prev %q cursor %q", page.Response.NextURL, page.Response.PrevURL, p.Cursor())
	}
	if _, err := p.NextPage(t.Context()); err != nil {
		t.Fatal(err)
	}
	if !p.Done() || m.Calls()[1].RawQuery != "max_id=6" {
		t.Errorf("done %v, second query %q", p.Done(), m.Calls()[1].RawQuery)
	}
}

func TestRateHeadersReachResponse(t *testing.T) {
	reset := time.Now().Add(time.Hour).UTC().Truncate(time.Microsecond)
	c, _ := newMock(t, answer{status: 200, body: `[]`, header: http.Header{
		"X-Ratelimit-Limit":     {"300"},
		"X-Ratelimit-Remaining": {"299"},
		"X-Ratelimit-Reset":     {reset.Format("2006-01-02T15:04:05.000000Z")},
	}})
	page, err := c.Favourites(nil).NextPage(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if r := page.Response.Rate; r.Limit != 300 || r.Remaining != 299 || !r.Reset.Equal(reset) {
		t.Errorf("Rate = %+v, want 300/299 reset %v", r, reset)
	}
}

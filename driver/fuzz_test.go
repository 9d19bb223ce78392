package driver

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
)

// fuzzWire answers every request with the reply reply builds for it and
// keeps the requests, for the targets of this file.
type fuzzWire struct {
	mu   sync.Mutex
	sent []*http.Request
}

// FuzzErrorBody sends a fuzzed error status, Content-Type and body through
// Client.Do. The result is always an *APIError with that status, matching
// its status's sentinel, keeping the start of the body, and with a message
// that is one printable line whatever the server sent, with no credential.
func FuzzErrorBody(f *testing.F) {
	f.Fuzz(func(t *testing.T, status uint16, contentType string, body []byte) {
		code := 400 + int(status%200)
		w := &fuzzWire{}
		c := w.client(t, func(int) *http.Response {
			resp := httpmock.NewBytesResponse(code, body)
			resp.Header.Set("Content-Type", contentType)
			return resp
		})
		req, err := c.NewRequest(http.MethodGet, "/items", nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		_, err = c.Do(t.Context(), req, &v)
		var e *favorites.APIError
		if !errors.As(err, &e) || e.StatusCode != code {
			t.Fatalf("status %d gave %v, want an *APIError with that status", code, err)
		}
		var want error // the status's own sentinel, as APIError names it
		if kinds := (&favorites.APIError{StatusCode: code}).Unwrap(); len(kinds) > 0 {
			want = kinds[0]
		}
		if want != nil && !errors.Is(err, want) {
			t.Errorf("status %d: %v does not match %v", code, err, want)
		}
		if n := min(len(body), MaxErrorBody); !bytes.Equal(e.Body, body[:n]) {
			t.Errorf("Body keeps %d bytes, want the first %d", len(e.Body), n)
		}
		if e.Message == "" || strings.ContainsFunc(e.Message, unicode.IsControl) {
			t.Errorf("Message %q is empty or not one printable line", e.Message)
		}
		if msg := err.Error(); strings.Contains(msg, "s3cret-token") || !strings.Contains(msg, strconv.Itoa(code)) {
			t.Errorf("Error() = %q: a credential, or no status", msg)
		}
	})
}

// FuzzLinkPager walks a LinkPager whose pages carry fuzzed Link headers,
// one per line of links (the last repeating forever), from a fuzzed saved
// cursor. Every request stays on the base host; a next link elsewhere ends
// the walk with an error before anything is sent to it; and no URL
// is ever fetched twice. (A relative link such as "0/" leads somewhere new
// on every page, as a server may; a walk of distinct pages is no loop.)
func FuzzLinkPager(f *testing.F) {
	f.Fuzz(func(t *testing.T, cursor, links string) {
		script := strings.Split(links, "\n")
		w := &fuzzWire{}
		c := w.client(t, func(n int) *http.Response {
			resp := httpmock.NewStringResponse(http.StatusOK, "[1]")
			resp.Header.Set("Link", script[min(n, len(script))-1])
			return resp
		})
		p := LinkPager[int](c, "/items", url.Values{"limit": {"1"}}, cursor, ItemRules[int]{})
		bound := len(script) + 2
		var err error
		for range bound {
			if _, err = p.NextPage(t.Context()); err != nil {
				break
			}
		}
		sent := w.requests()
		if err != nil && !errors.Is(err, favorites.ErrNoMorePages) && !errors.Is(err, favorites.ErrPaginationLoop) &&
			!errors.Is(err, favorites.ErrInvalidArgument) && !errors.Is(err, favorites.ErrMalformedReply) {
			t.Fatalf("walk of %d requests ended with %v", len(sent), err)
		}
		// A Pager never hands out a cursor it would refuse.
		if at := p.Cursor(); at != "" {
			if _, err := LinkPager[int](c, "/items", url.Values{"limit": {"1"}}, at, ItemRules[int]{}).NextPage(t.Context()); errors.Is(err, favorites.ErrInvalidArgument) {
				t.Fatalf("Cursor() %q is refused as a saved cursor: %v", at, err)
			}
		}
		seen := map[string]bool{}
		for _, r := range sent {
			if r.URL.Scheme != "https" || r.URL.Host != "api.example" || r.URL.User != nil {
				t.Errorf("request sent off the base host: %s", r.URL)
			}
			if seen[r.URL.String()] {
				t.Errorf("%s requested twice", r.URL)
			}
			seen[r.URL.String()] = true
		}
	})
}

// FuzzRequestOptions fuzzes ListOptions.Values and how NewRequest encodes a
// path and a query parameter. Values refuses exactly a negative page size.
// A request either is refused with ErrInvalidArgument or goes to the base
// host, and its URL, read back from its text, holds the parameter intact.
func FuzzRequestOptions(f *testing.F) {
	f.Fuzz(func(t *testing.T, pageSize int, cursor, path, key, value string) {
		o := &favorites.ListOptions{PageSize: pageSize, Cursor: cursor}
		got, err := ListValues(o)
		if pageSize < 0 {
			if !errors.Is(err, favorites.ErrInvalidArgument) || got != (favorites.ListOptions{}) {
				t.Errorf("Values() of %+v = %+v, %v; want ErrInvalidArgument", o, got, err)
			}
		} else if err != nil || got != *o {
			t.Errorf("Values() of %+v = %+v, %v", o, got, err)
		}

		c, _ := newMockClient(t)
		vals := url.Values{"limit": {strconv.Itoa(pageSize)}}
		vals.Add(key, value)
		req, err := c.NewRequest(http.MethodGet, path, vals, nil)
		if err != nil {
			if !errors.Is(err, favorites.ErrInvalidArgument) {
				t.Errorf("NewRequest(%q) = %v, want ErrInvalidArgument", path, err)
			}
			return
		}
		u, err := url.Parse(req.URL.String())
		if err != nil || u.Scheme != "https" || u.Host != "api.example" || u.User != nil || u.Fragment != "" {
			t.Fatalf("NewRequest(%q) gave the URL %q (%v), off the base host", path, req.URL, err)
		}
		q := u.Query()
		if vs := q[key]; len(vs) == 0 || vs[len(vs)-1] != value {
			t.Errorf("NewRequest(%q) sent %q: parameter %q = %q, want %q last", path, u, key, vs, value)
		}
		if vs := q["limit"]; key != "limit" && (len(vs) == 0 || vs[len(vs)-1] != strconv.Itoa(pageSize)) {
			t.Errorf("NewRequest(%q) sent %q: limit = %q", path, u, vs)
		}
	})
}

func (w *fuzzWire) client(t *testing.T, reply func(n int) *http.Response) *Client {
	c, mt := newMockClient(t, favorites.WithRetryPolicy(favorites.RetryPolicy{}), favorites.WithRateLimiter(nil))
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		w.mu.Lock()
		w.sent = append(w.sent, r)
		n := len(w.sent)
		w.mu.Unlock()
		resp := reply(n)
		resp.Request = r
		return resp, nil
	})
	return c
}

func (w *fuzzWire) requests() []*http.Request {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]*http.Request(nil), w.sent...)
}

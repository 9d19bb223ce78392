package dch_test

import (
	"errors"
	"io"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/providers/dch"
	"github.com/jarcoal/httpmock"
)

const mockToken = "mock-token"

// seen is one request as the mock received it.
type seen struct {
	method, path, query string
	header              http.Header
	body                string
}

// recorder answers every request with status and body and keeps a copy of
// each request.
type recorder struct {
	mu   sync.Mutex
	reqs []seen
}

func (rec *recorder) responder(status int, body string) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		var b []byte
		if r.Body != nil {
			b, _ = io.ReadAll(r.Body)
		}
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, seen{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), string(b)})
		rec.mu.Unlock()
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	}
}

func (rec *recorder) requests() []seen {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]seen(nil), rec.reqs...)
}

// newMockClient returns a client on the default base URL whose requests go
// to a fresh mock transport answering status and body to everything.
func newMockClient(t *testing.T, status int, body string, opts ...favorites.Option) (*dch.Client, *recorder) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	rec := &recorder{}
	mt.RegisterNoResponder(rec.responder(status, body))
	all := append([]favorites.Option{
		favorites.WithHTTPClient(&http.Client{Transport: mt}),
		favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Second}),
	}, opts...)
	c, err := dch.New(mockToken, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

// checkRequest asserts one request's method, path, query, headers and body.
func checkRequest(t *testing.T, got seen, method, contentType, body string) {
	t.Helper()
	if got.method != method || got.path != "/v2/user/favourites" || got.query != "" {
		t.Errorf("request %s %s?%s, want %s /v2/user/favourites with no query", got.method, got.path, got.query, method)
	}
	wantHeaders := map[string]string{
		"Authorization": "Bearer " + mockToken,
		"User-Agent":    driver.DefaultUserAgent(),
		"Accept":        "application/json",
		"Content-Type":  contentType,
	}
	for k, want := range wantHeaders {
		if v := got.header.Get(k); v != want {
			t.Errorf("header %s = %q, want %q", k, v, want)
		}
	}
	if got.body != body {
		t.Errorf("body = %q, want %q", got.body, body)
	}
}

// deref gives the entries behind a page's pointers.
func deref(favs []*dch.Favourite) []dch.Favourite {
	out := make([]dch.Favourite, len(favs))
	for i, f := range favs {
		out[i] = *f
	}
	return out
}

// entriesOf adapts a call that answers a whole list to the table of
// TestClientRequests, which compares the entries.
func entriesOf(list *dch.FavouriteList, resp *favorites.Response, err error) ([]dch.Favourite, *favorites.Response, error) {
	if list == nil {
		return nil, resp, err
	}
	return list.Favourites, resp, err
}

func TestClientRequests(t *testing.T) {
	const form = "application/x-www-form-urlencoded"
	tests := []struct {
		name       string
		call       func(*dch.Client) ([]dch.Favourite, *favorites.Response, error)
		method, ct string
		body       string
		want       error // ErrNotApplied where the document's list contradicts the write
	}{
		{"Favourites", func(c *dch.Client) ([]dch.Favourite, *favorites.Response, error) {
			page, err := c.Favourites().NextPage(t.Context())
			return deref(page.Items), page.Response, err
		}, http.MethodGet, "", "", nil},
		{"AddFavourite", func(c *dch.Client) ([]dch.Favourite, *favorites.Response, error) {
			return entriesOf(c.AddFavourite(t.Context(), "23427-1"))
		}, http.MethodPost, form, "action=add&id=23427-1", nil},
		{"RemoveFavourite", func(c *dch.Client) ([]dch.Favourite, *favorites.Response, error) {
			return entriesOf(c.RemoveFavourite(t.Context(), "23427-3"))
		}, http.MethodPost, form, "action=delete&id=23427-3", dch.ErrNotApplied},
		{"RemoveFavourite of one not listed", func(c *dch.Client) ([]dch.Favourite, *favorites.Response, error) {
			return entriesOf(c.RemoveFavourite(t.Context(), "23427-2"))
		}, http.MethodPost, form, "action=delete&id=23427-2", nil},
		{"AddFavourite escapes the form", func(c *dch.Client) ([]dch.Favourite, *favorites.Response, error) {
			return entriesOf(c.AddFavourite(t.Context(), "a&b=c+d"))
		}, http.MethodPost, form, "action=add&id=a%26b%3Dc%2Bd", dch.ErrNotApplied},
	}
	doc := string(readTestdata(t, "favourites.json"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newMockClient(t, http.StatusOK, doc)
			favs, resp, err := tt.call(c)
			if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if resp == nil || resp.StatusCode != http.StatusOK {
				t.Errorf("Response = %+v, want the 200", resp)
			}
			got := withoutRaw(dch.FavouriteList{Favourites: favs}).Favourites
			if want := documentList().Favourites; !reflect.DeepEqual(got, want) {
				t.Errorf("entries = %+v, want the document's", got)
			}
			reqs := rec.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			checkRequest(t, reqs[0], tt.method, tt.ct, tt.body)
		})
	}
}

// The typed listing is one page with no next cursor, and nothing is sent
// before it is read.
func TestClientFavouritesIsOnePage(t *testing.T) {
	c, rec := newMockClient(t, http.StatusOK, string(readTestdata(t, "favourites.json")))
	p := c.Favourites()
	if n := len(rec.requests()); n != 0 {
		t.Fatalf("Favourites sent %d requests before the Pager was read", n)
	}
	var ids []string
	for f, err := range p.All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, f.ID)
	}
	if want := []string{"23427-1", "23427-3", "301"}; !reflect.DeepEqual(ids, want) || !p.Done() || p.Cursor() != "" {
		t.Errorf("listed %v (done %v, cursor %q), want %v in one page", ids, p.Done(), p.Cursor(), want)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// FavouritesUpdated gives the list's updated time, zero when the answer
// has none, and refuses what the listing refuses.
func TestClientFavouritesUpdated(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		want   time.Time
		err    error
	}{
		{"document", http.StatusOK, string(readTestdata(t, "favourites.json")), unix(1475074300), nil},
		{"no updated", http.StatusOK, `{"_links":{"favourites":[]}}`, time.Time{}, nil},
		{"null updated", http.StatusOK, `{"updated":null,"_links":{"favourites":[]}}`, time.Time{}, nil},
		{"no list", http.StatusOK, `{"updated":1}`, time.Time{}, favorites.ErrMalformedReply},
		{"entry without an id", http.StatusOK, `{"updated":1,"_links":{"favourites":[{"title":"x"}]}}`, time.Time{}, favorites.ErrMalformedReply},
		{"401", http.StatusUnauthorized, string(readTestdata(t, "error_token.json")), time.Time{}, favorites.ErrUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newMockClient(t, tt.status, tt.body)
			got, resp, err := c.FavouritesUpdated(t.Context())
			if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("updated = %v, want %v", got, tt.want)
			}
			if resp == nil || resp.StatusCode != tt.status {
				t.Errorf("Response = %+v, want the %d", resp, tt.status)
			}
			checkRequest(t, rec.requests()[0], http.MethodGet, "", "")
		})
	}
}

func TestClientBaseURLOption(t *testing.T) {
	c, rec := newMockClient(t, http.StatusOK, `{"updated":1,"_links":{"favourites":[]}}`,
		favorites.WithBaseURL("https://staging.example/api/v2/"))
	page, err := c.Favourites().NextPage(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if page.Items == nil || len(page.Items) != 0 {
		t.Errorf("items = %#v, want an empty list", page.Items)
	}
	if got := rec.requests(); len(got) != 1 || got[0].path != "/api/v2/user/favourites" {
		t.Errorf("requests %+v, want one to /api/v2/user/favourites", got)
	}
	if got := c.HTTP().BaseURL().String(); got != "https://staging.example/api/v2" {
		t.Errorf("BaseURL = %q", got)
	}
}

func TestNewRefusesBadToken(t *testing.T) {
	for _, token := range []string{"", "a\nb"} {
		if _, err := dch.New(token); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("New(%q) = %v, want ErrInvalidArgument", token, err)
		}
	}
}

func TestClientRefusesBadIDs(t *testing.T) {
	c, rec := newMockClient(t, http.StatusOK, `{}`)
	for _, id := range []string{"", "1/2", "..", "1?x", "a b", "%2F"} {
		if _, _, err := c.AddFavourite(t.Context(), id); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("AddFavourite(%q) = %v, want ErrInvalidArgument", id, err)
		}
		if _, _, err := c.RemoveFavourite(t.Context(), id); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("RemoveFavourite(%q) = %v, want ErrInvalidArgument", id, err)
		}
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("bad IDs sent %d requests", n)
	}
}

func TestClientMalformedReply(t *testing.T) {
	c, _ := newMockClient(t, http.StatusOK, `{"updated":"soon"}`)
	if _, err := c.Favourites().NextPage(t.Context()); !errors.Is(err, favorites.ErrMalformedReply) {
		t.Errorf("Favourites = %v, want ErrMalformedReply", err)
	}
}

package playplay_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/jarcoal/httpmock"
)

const (
	mockBase  = "https://api.playplay.example"
	mockToken = "mock-token"
)

// seen is one request as the mock received it.
type seen struct {
	method, path, query string
	header              http.Header
	body                string
}

// mock answers requests with queued responses (the last one repeats) and
// records each request.
type mock struct {
	mu      sync.Mutex
	reqs    []seen
	answers []answer
}

type answer struct {
	status int
	body   string
}

func (m *mock) respond(r *http.Request) (*http.Response, error) {
	var b []byte
	if r.Body != nil {
		b, _ = io.ReadAll(r.Body)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reqs = append(m.reqs, seen{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), string(b)})
	a := m.answers[min(len(m.reqs), len(m.answers))-1]
	resp := httpmock.NewStringResponse(a.status, a.body)
	resp.Header.Set("Content-Type", "application/json")
	return resp, nil
}

func (m *mock) requests() []seen {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]seen(nil), m.reqs...)
}

// newMockClient returns a client whose requests go to a fresh mock
// transport giving the answers in turn.
func newMockClient(t *testing.T, answers ...answer) (*playplay.Client, *mock) {
	t.Helper()
	return newMockClientWith(t, nil, answers...)
}

// newMockClientWith is newMockClient with more options given to New.
func newMockClientWith(t *testing.T, opts []favorites.Option, answers ...answer) (*playplay.Client, *mock) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	m := &mock{answers: answers}
	mt.RegisterNoResponder(m.respond)
	c, err := playplay.New(mockBase, mockToken, append([]favorites.Option{
		favorites.WithHTTPClient(&http.Client{Transport: mt}),
		favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Second}),
	}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, m
}

// checkRequest asserts one request's method, path, query, headers and body.
func checkRequest(t *testing.T, got seen, method, path, query, contentType, body string) {
	t.Helper()
	if got.method != method || got.path != path || got.query != query {
		t.Errorf("request %s %s?%s, want %s %s?%s", got.method, got.path, got.query, method, path, query)
	}
	want := map[string]string{
		"Authorization": "Bearer " + mockToken,
		"User-Agent":    driver.DefaultUserAgent(),
		"Accept":        "application/json",
		"Content-Type":  contentType,
	}
	for k, v := range want {
		if g := got.header.Get(k); g != v {
			t.Errorf("%s header %q, want %q", k, g, v)
		}
	}
	if got.body != body {
		t.Errorf("body %q, want %q", got.body, body)
	}
}

func TestFavoritesPagesByNextPage(t *testing.T) {
	page1 := `{"results":[{"results":[{"id":1,"type":"image","source":"upload","stock_id":null},{"id":2,"type":"video","source":"pexels","stock_id":"77"}],"next_page":2,"nb_results":2}],"nb_results":1}`
	page2 := `{"results":[{"results":[{"id":3,"type":"image","source":"upload","stock_id":null}],"next_page":null,"nb_results":1}],"nb_results":1}`
	c, m := newMockClient(t, answer{200, page1}, answer{200, page2})
	var ids []int64
	for media, err := range c.Favorites(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, media.ID)
	}
	if len(ids) != 3 || ids[0] != 1 || ids[1] != 2 || ids[2] != 3 {
		t.Errorf("listed %v, want [1 2 3] in the server's order", ids)
	}
	reqs := m.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	checkRequest(t, reqs[0], "GET", "/api/v2/users/me/favorites", "", "", "")
	checkRequest(t, reqs[1], "GET", "/api/v2/users/me/favorites", "page=2", "", "")
}

func TestFavoritesCursorNamesTheLastItem(t *testing.T) {
	body := `{"results":[{"results":[{"id":9,"type":"image","source":"upload","stock_id":null},{"id":8,"type":"image","source":"pexels","stock_id":"5"}],"next_page":2,"nb_results":2}],"nb_results":1}`
	c, _ := newMockClient(t, answer{200, body})
	p := c.Favorites(nil)
	if _, err := p.NextPage(t.Context()); err != nil {
		t.Fatal(err)
	}
	if want := "playplay.v2.l2.o2.aupload:9-pexels:8"; p.Cursor() != want || p.Done() {
		t.Errorf("after page 1, cursor %q done %v; want %q, false", p.Cursor(), p.Done(), want)
	}
}

func TestFavoritesRefusesBadCursor(t *testing.T) {
	for _, cursor := range []string{"4", "0", "-1", "two", "2?x=1", "02", // bare page numbers, as earlier versions gave
		"1.10.upload:1", "2.0.upload:1", "2.101.upload:1", "2.10.upload:0", "2.10.1", "2.10.upload:1~5",
		"2.10.up load:1", "2.10.", "2..upload:1", "02.10.upload:1"} {
		c, m := newMockClient(t, answer{200, `{}`})
		_, err := c.Favorites(&playplay.ListOptions{Cursor: cursor}).NextPage(t.Context())
		if !errors.Is(err, favorites.ErrInvalidArgument) || len(m.requests()) != 0 {
			t.Errorf("cursor %q: %v after %d requests; want ErrInvalidArgument and none", cursor, err, len(m.requests()))
		}
	}
}

func TestAddFavoriteRequest(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params playplay.AddParams
		body   string
	}{
		{"upload", playplay.AddParams{RawMediaID: 30452, Source: "upload"},
			`{"raw_media_id":30452,"source":"upload"}`},
		{"stock", playplay.AddParams{RawMediaID: 30452, Source: "pexels", StockID: "12345"},
			`{"raw_media_id":30452,"source":"pexels","stock_id":"12345"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newMockClient(t, answer{201, string(readTestdata(t, "favorites_store.json"))})
			media, resp, err := c.AddFavorite(t.Context(), tc.params)
			if err != nil || resp.StatusCode != 201 {
				t.Fatalf("AddFavorite: %v", err)
			}
			if media.ID != 30452 || media.Source != "pexels" || media.StockID != "12345" {
				t.Errorf("stored media %+v, want the document's", media)
			}
			checkRequest(t, m.requests()[0], "POST", "/api/v2/user/me/favorites", "", "application/json", tc.body)
		})
	}
}

func TestRemoveFavoriteRequest(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params playplay.RemoveParams
		query  string
	}{
		{"by raw media ID", playplay.RemoveByRawMediaID(30452), "raw_media_id=30452"},
		{"by stock ID", playplay.RemoveByStockID("pexels", "12345"), "source=pexels&stock_id=12345"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newMockClient(t, answer{204, ""})
			resp, err := c.RemoveFavorite(t.Context(), tc.params)
			if err != nil || resp.StatusCode != 204 {
				t.Fatalf("RemoveFavorite: %v", err)
			}
			checkRequest(t, m.requests()[0], "DELETE", "/api/v2/users/me/favorites", tc.query, "", "")
		})
	}
}

func TestWrongParamsSendNothing(t *testing.T) {
	c, m := newMockClient(t, answer{201, `{}`})
	for _, tc := range []struct {
		name string
		call func() error
		rule string
	}{
		{"store without raw_media_id", func() error {
			_, _, err := c.AddFavorite(t.Context(), playplay.AddParams{Source: "upload"})
			return err
		}, "raw_media_id is required"},
		{"store without source", func() error {
			_, _, err := c.AddFavorite(t.Context(), playplay.AddParams{RawMediaID: 1})
			return err
		}, "source is required"},
		{"store with a bad stock_id", func() error {
			_, _, err := c.AddFavorite(t.Context(), playplay.AddParams{RawMediaID: 1, Source: "pexels", StockID: "1/2"})
			return err
		}, "stock_id"},
		{"delete with nothing", func() error {
			_, err := c.RemoveFavorite(t.Context(), playplay.RemoveParams{})
			return err
		}, "raw_media_id, or stock_id with source; none given"},
		{"delete with both forms", func() error {
			_, err := c.RemoveFavorite(t.Context(), playplay.RemoveParams{RawMediaID: 1, StockID: "2", Source: "pexels"})
			return err
		}, "not both"},
		{"delete by stock_id without source", func() error {
			_, err := c.RemoveFavorite(t.Context(), playplay.RemoveByStockID("", "12345"))
			return err
		}, "stock_id and source go together"},
		{"delete by source alone", func() error {
			_, err := c.RemoveFavorite(t.Context(), playplay.RemoveParams{Source: "pexels"})
			return err
		}, "stock_id and source go together"},
		{"delete with a negative raw_media_id", func() error {
			_, err := c.RemoveFavorite(t.Context(), playplay.RemoveByRawMediaID(-3))
			return err
		}, "negative"},
		{"negative page", func() error {
			_, _, err := c.FavoritesPage(t.Context(), -1)
			return err
		}, "negative"},
	} {
		err := tc.call()
		if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tc.rule) {
			t.Errorf("%s: %v; want ErrInvalidArgument naming %q", tc.name, err, tc.rule)
		}
	}
	if n := len(m.requests()); n != 0 {
		t.Errorf("refused calls sent %d requests", n)
	}
}

func TestErrorsMapToSentinels(t *testing.T) {
	for _, tc := range []struct {
		status  int
		body    string
		want    []error
		message string
	}{
		{401, `{"message":"Unauthenticated."}`, []error{favorites.ErrUnauthorized}, "Unauthenticated."},
		{403, `{"message":"This action is unauthorized."}`, []error{favorites.ErrForbidden}, "This action is unauthorized."},
		{404, `{"message":"Media not found."}`, []error{favorites.ErrNotFound}, "Media not found."},
		{409, `{"message":"This media is already a favorite."}`,
			[]error{favorites.ErrConflict, favorites.ErrAlreadyFavorited}, "This media is already a favorite."},
		{422, `{"message":"The given data was invalid.","errors":{"source":["The source field is required."],"raw_media_id":["The raw media id must be an integer."]}}`,
			[]error{favorites.ErrUnprocessable},
			"The given data was invalid: The raw media id must be an integer.; The source field is required."},
		{422, `{"message":"Media already in favorites."}`,
			[]error{favorites.ErrUnprocessable, favorites.ErrAlreadyFavorited}, "Media already in favorites."},
	} {
		c, _ := newMockClient(t, answer{tc.status, tc.body})
		_, _, err := c.AddFavorite(t.Context(), playplay.AddParams{RawMediaID: 1, Source: "upload"})
		var apiErr *favorites.APIError
		if !errors.As(err, &apiErr) || apiErr.Message != tc.message {
			t.Errorf("%d: %v; want an APIError with message %q", tc.status, err, tc.message)
		}
		for _, s := range tc.want {
			if !errors.Is(err, s) {
				t.Errorf("%d: %v does not match %v", tc.status, err, s)
			}
		}
		if tc.status == 401 && errors.Is(err, favorites.ErrAlreadyFavorited) {
			t.Errorf("401 matches ErrAlreadyFavorited")
		}
	}
}

// TestConflictOnDeleteIsNotAlreadyFavorited: only the store's 409 means
// "already a favourite".
func TestConflictOnDeleteIsNotAlreadyFavorited(t *testing.T) {
	c, _ := newMockClient(t, answer{409, `{"message":"Conflict"}`})
	_, err := c.RemoveFavorite(t.Context(), playplay.RemoveByRawMediaID(1))
	if !errors.Is(err, favorites.ErrConflict) || errors.Is(err, favorites.ErrAlreadyFavorited) {
		t.Errorf("409 on delete: %v; want ErrConflict only", err)
	}
}

func TestTypedStoreIsNotRetriedAfterServerError(t *testing.T) {
	c, m := newMockClient(t, answer{503, `{"message":"down"}`}, answer{503, `{"message":"down"}`}, answer{201, `{"results":[],"nb_results":0}`})
	_, _, err := c.AddFavorite(t.Context(), playplay.AddParams{RawMediaID: 1, Source: "upload"})
	if !errors.Is(err, favorites.ErrServer) || len(m.requests()) != 1 {
		t.Errorf("typed store after a 503: %v in %d requests; want ErrServer in 1", err, len(m.requests()))
	}
	a := playplay.NewAdapter(c)
	if err := a.Add(t.Context(), favorites.Ref{ID: "1", Source: "upload"}); err != nil || len(m.requests()) != 3 {
		t.Errorf("portable Add: %v in %d requests in all; want a retry to succeed", err, len(m.requests()))
	}
}

func TestNewRefusesBadSetup(t *testing.T) {
	for _, tc := range []struct{ base, token string }{
		{"", "t"}, {"api.playplay.com", "t"}, {"https://api.playplay.com", ""},
		{"http://api.playplay.com", "t"},
	} {
		if _, err := playplay.New(tc.base, tc.token); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("New(%q, %q): %v, want ErrInvalidArgument", tc.base, tc.token, err)
		}
	}
	c, err := playplay.New("https://api.playplay.com/", "secret-token")
	if err != nil || strings.Contains(c.String(), "secret") || c.HTTP().Provider() != playplay.ProviderName {
		t.Errorf("New: %v; String %q must not show the token", err, c)
	}
}

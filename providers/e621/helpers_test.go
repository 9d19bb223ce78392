package e621_test

import (
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
)

const (
	testLogin = "alice"
	testKey   = "s3cret-key"
)

var wantUA = "favkit-favorites-go/" + favorites.Version() + " (by alice on e621)"

var wantAuth = "Basic " + base64.StdEncoding.EncodeToString([]byte(testLogin+":"+testKey))

// mockClient is a Client on e621.net whose requests go to a fresh httpmock
// transport, with no limiter and no retries unless opts say otherwise.
func mockClient(t *testing.T, opts ...favorites.Option) (*e621.Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	base := []favorites.Option{
		favorites.WithHTTPClient(&http.Client{Transport: mt}),
		favorites.WithRateLimiter(nil),
		favorites.WithRetryPolicy(favorites.RetryPolicy{}),
	}
	c, err := e621.New(testLogin, testKey, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, mt
}

// wantRequest is what one request must be, exactly.
type wantRequest struct {
	method, path string
	query        url.Values // nil: no query at all
	contentType  string     // "" : no Content-Type and no body
	body         string
}

// check asserts r is w, headers included.
func (w wantRequest) check(t *testing.T, r *http.Request) {
	t.Helper()
	if r.Method != w.method || r.URL.Path != w.path {
		t.Errorf("request %s %s, want %s %s", r.Method, r.URL.Path, w.method, w.path)
	}
	if got := r.URL.Query(); !(len(got) == 0 && len(w.query) == 0) && !reflect.DeepEqual(got, w.query) {
		t.Errorf("query %v, want %v", got, w.query)
	}
	for h, want := range map[string]string{
		"Authorization": wantAuth, "User-Agent": wantUA, "Accept": "application/json", "Content-Type": w.contentType,
	} {
		if got := r.Header.Get(h); got != want {
			t.Errorf("%s: %q, want %q", h, got, want)
		}
	}
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
	}
	if string(body) != w.body {
		t.Errorf("body %q, want %q", body, w.body)
	}
}

// respond checks each request against want and answers status and body.
func respond(t *testing.T, want wantRequest, status int, body string) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		want.check(t, r)
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json; charset=utf-8")
		return resp, nil
	}
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/e621/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// minimalPostFields are the fields every post e621 sends has, at their
// smallest values (the id goes before them).
const minimalPostFields = `"created_at":"2024-05-01T12:00:00.000-04:00","updated_at":"2024-05-01T12:00:00.000-04:00",` +
	`"file":{"width":1,"height":1,"ext":"png","size":1,"md5":"0123456789abcdef0123456789abcdef","url":null},` +
	`"preview":{"width":1,"height":1,"url":null},"sample":{"has":false,"height":1,"width":1,"url":null,"alternates":{}},` +
	`"score":{"up":0,"down":0,"total":0},"tags":{"general":[],"artist":[],"contributor":[],"copyright":[],"character":[],` +
	`"species":[],"invalid":[],"meta":[],"lore":[]},"change_seq":1,` +
	`"flags":{"pending":false,"flagged":false,"note_locked":false,"status_locked":false,"rating_locked":false,"deleted":false},` +
	`"rating":"s","fav_count":0,"sources":[],"relationships":{"parent_id":null,"has_children":false,` +
	`"has_active_children":false,"children":[]},"approver_id":null,"uploader_id":1,"comment_count":0,` +
	`"is_favorited":true,"has_notes":false,"duration":null`

// fullPost is a post with every field e621 sends, at its smallest, and
// extra fields (",..." or "") after them.
func fullPost(id int, extra string) string {
	return `{"id":` + strconv.Itoa(id) + `,` + minimalPostFields + extra + `}`
}

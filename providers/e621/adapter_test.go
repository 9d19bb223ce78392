package e621_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
)

func TestAdapterListMapsPosts(t *testing.T) {
	c, mt := mockClient(t, favorites.WithBaseURL(e621.E926BaseURL))
	want := wantRequest{method: http.MethodGet, path: "/favorites.json", query: url.Values{"page": {"1"}, "limit": {"320"}}}
	mt.RegisterResponder(http.MethodGet, "https://e926.net/favorites.json",
		respond(t, want, http.StatusOK, `{"posts":[`+postJSON+`,`+fullPost(7, `,"file":{"ext":"gif","width":10,"height":20}`)+`]}`))
	var favs []favorites.Favorite
	for f, err := range e621.NewAdapter(c).List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		favs = append(favs, f)
	}
	if len(favs) != 2 {
		t.Fatalf("listed %d, want 2", len(favs))
	}
	f := favs[0]
	created := time.Date(2023, 6, 1, 14, 20, 30, 123e6, time.UTC)
	if f.Provider != "e621" || f.Ref != (favorites.Ref{ID: "4242"}) || f.Kind != "video" ||
		f.Title != "#4242 by some_artist" || f.URL != "https://e926.net/posts/4242" ||
		f.PreviewURL != "https://static1.e621.net/data/preview/01/23/0123456789abcdef0123456789abcdef.jpg" ||
		f.Width != 1280 || f.Height != 720 || !f.CreatedAt.Equal(created) || !f.FavoritedAt.IsZero() {
		t.Errorf("favourite %+v", f)
	}
	if string(f.Raw) != postJSON {
		t.Errorf("Raw is not the post's JSON verbatim: %s", f.Raw)
	}
	var p *e621.Post
	if !f.As(&p) || p.ID != 4242 || p.FavCount != 321 {
		t.Errorf("As(*e621.Post) gave %v", p)
	}
	if g := favs[1]; g.Kind != "animation" || g.Title != "#7" || g.Width != 10 || g.Height != 20 ||
		!json.Valid(g.Raw) || g.URL != "https://e926.net/posts/7" {
		t.Errorf("second favourite %+v", g)
	}
}

func TestAdapterListOptions(t *testing.T) {
	tests := []struct {
		name  string
		opts  *favorites.ListOptions
		query url.Values
		err   bool
	}{
		{"page size and cursor", &favorites.ListOptions{PageSize: 25, Cursor: "e621.v1.l25.p4"}, url.Values{"page": {"4"}, "limit": {"25"}}, false},
		{"the cursor's page size", &favorites.ListOptions{Cursor: "e621.v1.l25.p4"}, url.Values{"page": {"4"}, "limit": {"25"}}, false},
		{"page size over 320", &favorites.ListOptions{PageSize: 321}, nil, true},
		{"another page size than the cursor's", &favorites.ListOptions{PageSize: 20, Cursor: "e621.v1.l25.p4"}, nil, true},
		{"a bare page number, the old cursor", &favorites.ListOptions{Cursor: "4"}, nil, true},
		{"cursor not a page", &favorites.ListOptions{Cursor: "abc"}, nil, true},
		{"cursor page 0", &favorites.ListOptions{Cursor: "e621.v1.l25.p0"}, nil, true},
		{"cursor page 751", &favorites.ListOptions{Cursor: "e621.v1.l25.p751.a5"}, nil, true},
		{"cursor limit 321", &favorites.ListOptions{Cursor: "e621.v1.l321.p2.a5"}, nil, true},
		{"anchors on page 1", &favorites.ListOptions{Cursor: "e621.v1.l25.p1.a5"}, nil, true},
		{"five anchors", &favorites.ListOptions{Cursor: "e621.v1.l25.p2.a1-2-3-4-5"}, nil, true},
		{"an anchor with a leading zero", &favorites.ListOptions{Cursor: "e621.v1.l25.p2.a05"}, nil, true},
		{"another version", &favorites.ListOptions{Cursor: "e621.v2.l25.p2.a5"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json",
				respond(t, wantRequest{method: http.MethodGet, path: "/favorites.json", query: tt.query}, http.StatusOK, `{"posts":[]}`))
			_, err := e621.NewAdapter(c).List(tt.opts).NextPage(t.Context())
			if tt.err != errors.Is(err, favorites.ErrInvalidArgument) || (!tt.err && err != nil) {
				t.Errorf("NextPage: %v, want invalid argument %v", err, tt.err)
			}
			if want := map[bool]int{true: 0, false: 1}[tt.err]; mt.GetTotalCallCount() != want {
				t.Errorf("%d requests, want %d", mt.GetTotalCallCount(), want)
			}
		})
	}
}

func TestAdapterAddRemove(t *testing.T) {
	already := `{"success":false,"message":"You have already favorited this post","code":null}`
	full := `{"success":false,"message":"You can only keep up to 100000 favorites.","code":null}`
	tests := []struct {
		name   string
		remove bool
		status int
		body   string
		want   error // nil: success
	}{
		{"add", false, 200, `{"post_id":5,"favorite_count":1}`, nil},
		{"add, already a favourite", false, 422, already, nil},
		{"add, list full", false, 422, full, e621.ErrFavoritesFull},
		{"add, unknown post", false, 404, `{"success":false,"reason":"not found"}`, favorites.ErrNotFound},
		{"add, transferring", false, 423, `{"success":false,"message":"Post favorites are being transferred, please try again later","code":null}`, e621.ErrTransferring},
		{"remove, documented 204", true, 204, "", nil},
		{"remove, live 200", true, 200, `{"post_id":5,"favorite_count":0}`, nil},
		{"remove, unknown post", true, 404, `{"success":false,"reason":"not found"}`, nil},
		{"remove, HTML 404", true, 404, `<!DOCTYPE html><html><head><title>Not Found</title></head></html>`, favorites.ErrNotFound},
		{"remove, empty 404", true, 404, ``, favorites.ErrNotFound},
		{"remove, 404 of another reason", true, 404, `{"success":false,"reason":"gone fishing"}`, favorites.ErrNotFound},
		{"remove, 404 of another shape", true, 404, `{"error":"not found"}`, favorites.ErrNotFound},
		{"remove, 200 with a garbled body", true, 200, `{"post_id":`, nil},
		{"add, 200 with a garbled body", false, 200, `{"post_id":5,`, nil},
		{"add, documented 201 with a garbled post", false, 201, `{"post":{"id":"x"}}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			a := e621.NewAdapter(c)
			ref := favorites.Ref{ID: "5"}
			var err error
			if tt.remove {
				mt.RegisterResponder(http.MethodDelete, "https://e621.net/favorites/5.json",
					respond(t, wantRequest{method: http.MethodDelete, path: "/favorites/5.json"}, tt.status, tt.body))
				err = a.Remove(t.Context(), ref)
			} else {
				mt.RegisterResponder(http.MethodPost, "https://e621.net/favorites.json",
					respond(t, wantRequest{method: http.MethodPost, path: "/favorites.json",
						contentType: "application/x-www-form-urlencoded", body: "post_id=5"}, tt.status, tt.body))
				err = a.Add(t.Context(), ref)
			}
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

func TestAdapterRefusesBadRefs(t *testing.T) {
	c, mt := mockClient(t)
	a := e621.NewAdapter(c)
	for _, ref := range []favorites.Ref{{ID: "0"}, {ID: "000"}, {ID: "-3"}, {ID: "+7"}, {ID: "abc"}, {ID: "5", Source: "x"},
		{ID: "5", Source: "e621"}, {ID: "1.5"}, {ID: "0x10"}, {ID: "1e3"}} {
		if _, err := a.Canonical(ref); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("Canonical(%#v) = %v", ref, err)
		}
		if err := a.Add(t.Context(), ref); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("Add(%#v) = %v", ref, err)
		}
		if err := a.Remove(t.Context(), ref); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("Remove(%#v) = %v", ref, err)
		}
	}
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

func TestAdapterCanonical(t *testing.T) {
	a := e621.NewAdapter(nil) // Canonical sends nothing
	tests := []struct{ in, want string }{
		{"4242", "4242"}, {"04242", "4242"}, {"0000001", "1"}, {"9223372036854775807", "9223372036854775807"},
	}
	for _, tt := range tests {
		got, err := a.Canonical(favorites.Ref{ID: tt.in})
		if err != nil || got != (favorites.Ref{ID: tt.want}) {
			t.Errorf("Canonical(%q) = %#v, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	_, err := a.Canonical(favorites.Ref{ID: "0042", Source: "e621"})
	if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), "(42)") {
		t.Errorf("Canonical of a ref with a source: %v, want ErrInvalidArgument naming 42", err)
	}
}

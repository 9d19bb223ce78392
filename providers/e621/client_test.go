package e621_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
)

func TestNewDefaultsAndOverrides(t *testing.T) {
	tests := []struct {
		name    string
		opts    []favorites.Option
		url, ua string
	}{
		{"defaults", nil, "https://e621.net/favorites/1.json", wantUA},
		{"e926", []favorites.Option{favorites.WithBaseURL(e621.E926BaseURL)}, "https://e926.net/favorites/1.json", wantUA},
		{"own User-Agent", []favorites.Option{favorites.WithUserAgent(e621.UserAgent("mybot", "2.0", "alice"))},
			"https://e621.net/favorites/1.json", "mybot/2.0 (by alice on e621)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t, tt.opts...)
			mt.RegisterResponder(http.MethodDelete, tt.url, func(r *http.Request) (*http.Response, error) {
				if got := r.Header.Get("User-Agent"); got != tt.ua {
					t.Errorf("User-Agent %q, want %q", got, tt.ua)
				}
				if got := r.Header.Get("Authorization"); got != wantAuth {
					t.Errorf("Authorization %q, want Basic", got)
				}
				return httpmock.NewStringResponse(http.StatusNoContent, ""), nil
			})
			if _, _, err := c.RemoveFavorite(t.Context(), 1); err != nil {
				t.Fatal(err)
			}
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

func TestNewRefusesBadCredentials(t *testing.T) {
	for _, cred := range [][2]string{{"", "key"}, {"alice", ""}, {"al:ice", "key"}, {"alice", "k\ney"}} {
		if _, err := e621.New(cred[0], cred[1]); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("New(%q, %q) = %v, want ErrInvalidArgument", cred[0], cred[1], err)
		}
	}
}

func TestPostURLOnClientHost(t *testing.T) {
	for base, want := range map[string]string{
		e621.DefaultBaseURL:                  "https://e621.net/posts/12",
		e621.E926BaseURL:                     "https://e926.net/posts/12",
		"http://127.0.0.1:8080/":             "http://127.0.0.1:8080/posts/12",
		"http://127.0.0.1:8080/mirror/e621/": "http://127.0.0.1:8080/mirror/e621/posts/12",
	} {
		c, err := e621.New("alice", "key", favorites.WithBaseURL(base))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.PostURL(12); got != want {
			t.Errorf("PostURL on %s = %q, want %q", base, got, want)
		}
	}
}

func TestFavoritesQuery(t *testing.T) {
	tests := []struct {
		name  string
		opts  *e621.FavoritesOptions
		query url.Values
	}{
		{"defaults", nil, url.Values{"page": {"1"}, "limit": {"320"}}},
		{"other user", &e621.FavoritesOptions{UserID: 7, Limit: 50, Page: 3},
			url.Values{"user_id": {"7"}, "page": {"3"}, "limit": {"50"}}},
		{"last page", &e621.FavoritesOptions{Limit: 1, Page: 750}, url.Values{"page": {"750"}, "limit": {"1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			want := wantRequest{method: http.MethodGet, path: "/favorites.json", query: tt.query}
			mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json",
				respond(t, want, http.StatusOK, `{"posts":[]}`))
			page, err := c.Favorites(tt.opts).NextPage(t.Context())
			if err != nil || len(page.Items) != 0 {
				t.Fatalf("NextPage = %v, %v", page.Items, err)
			}
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

// postsPage answers a page of n posts numbered from first.
func postsPage(first, n int) string {
	var items []string
	for i := range n {
		items = append(items, fullPost(first+i, ""))
	}
	return `{"posts":[` + strings.Join(items, ",") + `]}`
}

func TestFavoritesPagesUntilShortPage(t *testing.T) {
	c, mt := mockClient(t)
	sizes := map[string]int{"1": 2, "2": 2, "3": 1}
	mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json", func(r *http.Request) (*http.Response, error) {
		page := r.URL.Query().Get("page")
		wantRequest{method: http.MethodGet, path: "/favorites.json",
			query: url.Values{"page": {page}, "limit": {"2"}}}.check(t, r)
		n, ok := sizes[page]
		if !ok {
			t.Errorf("asked for page %s after the short page", page)
		}
		first, _ := strconv.Atoi(page)
		return httpmock.NewStringResponse(http.StatusOK, postsPage(first*10, n)), nil
	})
	var ids []int64
	for p, err := range c.Favorites(&e621.FavoritesOptions{Limit: 2}).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if want := []int64{10, 11, 20, 21, 30}; !slices.Equal(ids, want) {
		t.Errorf("listed %v, want %v", ids, want)
	}
	if n := mt.GetTotalCallCount(); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

func TestFavoritesRefusedBeforeSending(t *testing.T) {
	tests := []struct {
		name string
		opts *e621.FavoritesOptions
		want string
	}{
		{"negative limit", &e621.FavoritesOptions{Limit: -1}, "limit -1"},
		{"limit over 320", &e621.FavoritesOptions{Limit: 321}, "limit 321"},
		{"negative page", &e621.FavoritesOptions{Page: -1}, "page -1"},
		{"page past 750", &e621.FavoritesOptions{Page: 751}, "page 751"},
		{"negative user", &e621.FavoritesOptions{UserID: -4}, "user ID -4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			_, err := c.Favorites(tt.opts).NextPage(t.Context())
			if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NextPage = %v, want ErrInvalidArgument about %q", err, tt.want)
			}
			if n := mt.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent, want none", n)
			}
		})
	}
}

func TestFavoritesStopsBeforePage751(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json",
		respond(t, wantRequest{method: http.MethodGet, path: "/favorites.json",
			query: url.Values{"page": {"750"}, "limit": {"1"}}}, http.StatusOK, postsPage(1, 1)))
	p := c.Favorites(&e621.FavoritesOptions{Limit: 1, Page: 750})
	if _, err := p.NextPage(t.Context()); err != nil {
		t.Fatal(err)
	}
	_, err := p.NextPage(t.Context())
	if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), "no page past 750") {
		t.Errorf("page 751: %v, want an error saying e621 serves no page past 750", err)
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Errorf("%d requests, want 1 (page 751 never sent)", n)
	}
}

func TestAddFavoriteAnswers(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		count  int
		post   bool
	}{
		{"documented 201 with the post", http.StatusCreated, `{"post":` + postJSON + `}`, 321, true},
		{"live 200", http.StatusOK, `{"post_id":4242,"favorite_count":9}`, 9, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			want := wantRequest{method: http.MethodPost, path: "/favorites.json",
				contentType: "application/x-www-form-urlencoded", body: "post_id=4242"}
			mt.RegisterResponder(http.MethodPost, "https://e621.net/favorites.json", respond(t, want, tt.status, tt.body))
			ch, resp, err := c.AddFavorite(t.Context(), 4242)
			if err != nil {
				t.Fatal(err)
			}
			if resp == nil || resp.StatusCode != tt.status {
				t.Errorf("Response %v, want status %d", resp, tt.status)
			}
			if ch.PostID != 4242 || ch.FavoriteCount != tt.count || (ch.Post != nil) != tt.post {
				t.Errorf("change %+v, want post 4242, count %d, post given %v", ch, tt.count, tt.post)
			}
			if tt.post && ch.Post.ID != 4242 {
				t.Errorf("post %d, want 4242", ch.Post.ID)
			}
			if tt.post && string(ch.Post.Raw) != postJSON {
				t.Errorf("post's Raw %.60q, want the post's bytes in the answer, %.60q", ch.Post.Raw, postJSON)
			}
		})
	}
}

func TestRemoveFavoriteAnswers(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		count  int
	}{
		{"documented 204", http.StatusNoContent, "", -1},
		{"live 200", http.StatusOK, `{"post_id":4242,"favorite_count":8}`, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			want := wantRequest{method: http.MethodDelete, path: "/favorites/4242.json"}
			mt.RegisterResponder(http.MethodDelete, "https://e621.net/favorites/4242.json", respond(t, want, tt.status, tt.body))
			ch, resp, err := c.RemoveFavorite(t.Context(), 4242)
			if err != nil {
				t.Fatal(err)
			}
			if resp == nil || resp.StatusCode != tt.status {
				t.Errorf("Response %v, want status %d", resp, tt.status)
			}
			if ch.PostID != 4242 || ch.FavoriteCount != tt.count || ch.Post != nil {
				t.Errorf("change %+v, want post 4242, count %d", ch, tt.count)
			}
		})
	}
}

// TestChangeErrorKeepsResponse: a refused change still gives the Response
// it came in, so that a caller can read the status and headers of e621's
// refusal; a change refused before sending gives none.
func TestChangeErrorKeepsResponse(t *testing.T) {
	tests := []struct {
		name   string
		call   func(*e621.Client, context.Context) (*e621.FavoriteChange, *favorites.Response, error)
		status int // 0: nothing sent
		match  error
	}{
		{"add repeated", func(c *e621.Client, ctx context.Context) (*e621.FavoriteChange, *favorites.Response, error) {
			return c.AddFavorite(ctx, 4242)
		}, http.StatusUnprocessableEntity, favorites.ErrAlreadyFavorited},
		{"remove unknown", func(c *e621.Client, ctx context.Context) (*e621.FavoriteChange, *favorites.Response, error) {
			return c.RemoveFavorite(ctx, 4242)
		}, http.StatusNotFound, favorites.ErrNotFound},
		{"add of post 0", func(c *e621.Client, ctx context.Context) (*e621.FavoriteChange, *favorites.Response, error) {
			return c.AddFavorite(ctx, 0)
		}, 0, favorites.ErrInvalidArgument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			mt.RegisterResponder(http.MethodPost, "https://e621.net/favorites.json",
				httpmock.NewStringResponder(422, `{"success":false,"message":"You have already favorited this post"}`))
			mt.RegisterResponder(http.MethodDelete, "https://e621.net/favorites/4242.json",
				httpmock.NewStringResponder(404, `{"success":false,"reason":"not found"}`))
			ch, resp, err := tt.call(c, t.Context())
			if ch != nil || !errors.Is(err, tt.match) {
				t.Errorf("change %+v, error %v; want no change and %v", ch, err, tt.match)
			}
			switch {
			case tt.status == 0 && resp != nil:
				t.Errorf("Response %v for a call refused before sending", resp)
			case tt.status != 0 && (resp == nil || resp.StatusCode != tt.status):
				t.Errorf("Response %v, want status %d", resp, tt.status)
			}
		})
	}
}

func TestTypedCallsRefuseBadPostIDs(t *testing.T) {
	c, mt := mockClient(t)
	for _, id := range []int64{0, -1} {
		if _, _, err := c.AddFavorite(t.Context(), id); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("AddFavorite(%d) = %v", id, err)
		}
		if _, _, err := c.RemoveFavorite(t.Context(), id); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("RemoveFavorite(%d) = %v", id, err)
		}
	}
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

func TestFavoritesNullPostIsMalformed(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json",
		httpmock.NewStringResponder(http.StatusOK, `{"posts":[`+fullPost(1, "")+`,null]}`))
	if _, err := c.Favorites(nil).NextPage(t.Context()); !errors.Is(err, favorites.ErrMalformedReply) {
		t.Errorf("NextPage = %v, want ErrMalformedReply", err)
	}
}

func TestDefaultBodyCap(t *testing.T) {
	pad := func(n int) string { return `{"posts":[],"pad":"` + strings.Repeat("x", n) + `"}` }
	tests := []struct {
		name string
		opts []favorites.Option
		body string
		want error // nil: read
	}{
		{"just under the cap", nil, pad(e621.MaxBodySize - 100), nil},
		{"over the cap", nil, pad(e621.MaxBodySize), favorites.ErrResponseTooLarge},
		{"the caller's larger cap", []favorites.Option{favorites.WithMaxBodySize(e621.MaxBodySize * 2)}, pad(e621.MaxBodySize), nil},
		{"the caller's smaller cap", []favorites.Option{favorites.WithMaxBodySize(1000)}, pad(1000), favorites.ErrResponseTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t, tt.opts...)
			mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json", httpmock.NewStringResponder(http.StatusOK, tt.body))
			_, err := c.Favorites(nil).NextPage(t.Context())
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("a %d-byte page: %v, want %v", len(tt.body), err, tt.want)
			}
		})
	}
}

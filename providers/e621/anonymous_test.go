package e621_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// mockAnonymous is a client without credentials on mt, with no limiter and
// no retries.
func mockAnonymous(t *testing.T, mt *httpmock.MockTransport) *e621.Client {
	t.Helper()
	c, err := e621.New("", "", favorites.WithHTTPClient(&http.Client{Transport: mt}),
		favorites.WithRateLimiter(nil), favorites.WithRetryPolicy(favorites.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAnonymousReadsSendNoCredentials(t *testing.T) {
	mt := httpmock.NewMockTransport()
	c := mockAnonymous(t, mt)
	check := func(r *http.Request) (*http.Response, error) {
		if got := r.Header.Get("Authorization"); got != "" {
			t.Errorf("%s: Authorization %q, want none", r.URL, got)
		}
		if ua := r.UserAgent(); !strings.HasSuffix(ua, "(anonymous, on e621)") {
			t.Errorf("User-Agent %q", ua)
		}
		return httpmock.NewStringResponse(200, postsPage(5, 1)), nil
	}
	mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json", check)
	mt.RegisterResponder(http.MethodGet, "https://e621.net/posts.json", check)
	tests := []struct {
		name  string
		pager *favorites.Pager[*e621.Post]
	}{
		{"favorites by user_id", c.Favorites(&e621.FavoritesOptions{UserID: 7})},
		{"tag search by name", c.SearchFavorites(&e621.TagSearchOptions{Name: "alice"})},
	}
	for _, tt := range tests {
		if got := ids(t, tt.pager); !slices.Equal(got, []int64{5}) {
			t.Errorf("%s: %v, want [5]", tt.name, got)
		}
	}
	if n := mt.GetTotalCallCount(); n != len(tests) {
		t.Errorf("%d requests, want %d", n, len(tests))
	}
	if c.Login() != "" {
		t.Errorf("Login %q, want none", c.Login())
	}
}

func TestAnonymousRefusesWritesBeforeSending(t *testing.T) {
	srv := e621test.NewServer(e621test.WithRateLimit(0))
	t.Cleanup(srv.Close)
	post := srv.AddPosts(1)[0]
	if err := srv.Favorite(e621test.Login, post); err != nil {
		t.Fatal(err)
	}
	anon, err := e621.New("", "", fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	ref := favorites.Ref{ID: strconv.FormatInt(post, 10)}
	calls := []struct {
		name string
		call func(ctx context.Context) error
	}{
		{"AddFavorite", func(ctx context.Context) error { _, _, err := anon.AddFavorite(ctx, post); return err }},
		{"RemoveFavorite", func(ctx context.Context) error { _, _, err := anon.RemoveFavorite(ctx, post); return err }},
		{"Adapter.Add", func(ctx context.Context) error { return e621.NewAdapter(anon).Add(ctx, ref) }},
		{"Adapter.Remove", func(ctx context.Context) error { return e621.NewAdapter(anon).Remove(ctx, ref) }},
		{"tag-search Adapter.Add", func(ctx context.Context) error {
			return e621.NewTagSearchAdapter(anon, e621test.Login).Add(ctx, ref)
		}},
		{"own favourites", func(ctx context.Context) error { _, err := anon.Favorites(nil).NextPage(ctx); return err }},
		{"Adapter.List", func(ctx context.Context) error {
			_, err := e621.NewAdapter(anon).List(nil).NextPage(ctx)
			return err
		}},
	}
	for _, tt := range calls {
		err := tt.call(t.Context())
		if !errors.Is(err, e621.ErrNoCredentials) || !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("%s without credentials: %v, want ErrNoCredentials and ErrInvalidArgument", tt.name, err)
		}
	}
	if n := srv.Faults.Requests(); n != 0 {
		t.Errorf("refused calls sent %d requests", n)
	}
	if got := srv.Favorites(e621test.Login); !slices.Equal(got, []int64{post}) {
		t.Errorf("favourites changed to %v", got)
	}
	// The tag-search adapter reads without credentials.
	var listed []string
	for f, err := range e621.NewTagSearchAdapter(anon, e621test.Login, "solo").List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		listed = append(listed, f.Ref.ID)
	}
	if len(listed) != 1 || listed[0] != ref.ID {
		t.Errorf("anonymous tag-search List: %v, want [%s]", listed, ref.ID)
	}
}

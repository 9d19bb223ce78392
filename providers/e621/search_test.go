package e621_test

import (
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
	"github.com/favkit/favorites/providers/e621/e621test"
)

// searchServer starts a fake holding n favourites of its account that are
// rated s, between posts rated e that are favourites too, so a rating:s
// search must filter; it gives the rated-s favourites, newest first.
func searchServer(t *testing.T, n int) (*e621test.Server, []int64) {
	t.Helper()
	srv := e621test.NewServer(e621test.WithRateLimit(0))
	t.Cleanup(srv.Close)
	var want, all []int64
	for range n {
		s := srv.AddPost(e621test.Post{General: []string{"solo"}})
		e := srv.AddPost(e621test.Post{General: []string{"solo"}, Rating: "e"})
		want, all = append(want, s), append(all, s, e)
	}
	if err := srv.Favorite(e621test.Login, all...); err != nil {
		t.Fatal(err)
	}
	slices.Reverse(want)
	return srv, want
}

func ids(t *testing.T, p *favorites.Pager[*e621.Post]) []int64 {
	t.Helper()
	var out []int64
	for post, err := range p.All(t.Context()) {
		if err != nil {
			t.Fatalf("after %d posts: %v", len(out), err)
		}
		out = append(out, post.ID)
	}
	return out
}

func TestSearchFavoritesPagesPast750(t *testing.T) {
	// 760 pages of one: a walk by page number would meet e621's 410 at
	// page 751, as the fake answers; b<id> paging has no such wall.
	srv, want := searchServer(t, 760)
	anon, err := e621.New("", "", fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	p := anon.SearchFavorites(&e621.TagSearchOptions{Name: e621test.Login, Tags: []string{"rating:s"}, Limit: 1})
	if got := ids(t, p); !slices.Equal(got, want) {
		t.Fatalf("listed %d posts, want the %d rated s, newest first", len(got), len(want))
	}
	if n := srv.Faults.Requests(); n != len(want)+1 {
		t.Errorf("%d requests for %d full pages, want one more for the empty end", n, len(want))
	}
}

func TestSearchFavoritesQuery(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder(http.MethodGet, "https://e621.net/posts.json", func(r *http.Request) (*http.Response, error) {
		q := url.Values{"tags": {"fav:Some_User rating:s -animated"}, "limit": {"2"}}
		page := r.URL.Query().Get("page")
		if page != "" {
			q.Set("page", page)
		}
		wantRequest{method: http.MethodGet, path: "/posts.json", query: q}.check(t, r)
		if page == "" {
			return httpmock.NewStringResponse(200, `{"posts":[`+fullPost(29, "")+`,`+fullPost(28, "")+`]}`), nil
		}
		if page != "b28" {
			t.Errorf("asked for page %q after a page ending at 28", page)
		}
		return httpmock.NewStringResponse(200, postsPage(27, 1)), nil
	})
	got := ids(t, c.SearchFavorites(&e621.TagSearchOptions{Name: "Some_User", Tags: []string{"rating:s", "-animated"}, Limit: 2}))
	if !slices.Equal(got, []int64{29, 28, 27}) {
		t.Errorf("listed %v, want 29 28 27", got)
	}
	if n := mt.GetTotalCallCount(); n != 2 {
		t.Errorf("%d requests, want 2 (the short page ends it)", n)
	}
}

func TestSearchFavoritesResume(t *testing.T) {
	srv, want := searchServer(t, 9)
	c, err := e621.New(e621test.Login, e621test.APIKey, fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	opts := e621.TagSearchOptions{Tags: []string{"rating:s"}, Limit: 4}
	p := c.SearchFavorites(&opts)
	first, err := p.NextPage(t.Context())
	if err != nil || len(first.Items) != 4 {
		t.Fatalf("first page: %d posts, %v", len(first.Items), err)
	}
	saved := p.Cursor()
	// Between the runs: a newer favourite, and one below the cursor gone.
	newer := srv.AddPost(e621test.Post{})
	if err := srv.Favorite(e621test.Login, newer); err != nil {
		t.Fatal(err)
	}
	if err := srv.Unfavorite(e621test.Login, want[6]); err != nil {
		t.Fatal(err)
	}
	rest := slices.Delete(slices.Clone(want[4:]), 2, 3)
	for _, limit := range []int{0, 4, 1, e621.MaxLimit} {
		resumed := opts
		resumed.Limit, resumed.Cursor = limit, saved
		if got := ids(t, c.SearchFavorites(&resumed)); !slices.Equal(got, rest) {
			t.Errorf("resumed at limit %d: %v, want %v", limit, got, rest)
		}
	}
}

func TestSearchFavoritesRefusedBeforeSending(t *testing.T) {
	c, mt := mockClient(t)
	anon := mockAnonymous(t, mt)
	saved := "e621.s1.l4.b1234.q" + "0" // a digest no search has
	max := make([]string, e621.MaxSearchTags-1)
	for i := range max {
		max[i] = "tag_" + strconv.Itoa(i)
	}
	tests := []struct {
		name string
		c    *e621.Client
		opts e621.TagSearchOptions
		text string
	}{
		{"white space in a tag", c, e621.TagSearchOptions{Tags: []string{"rating:s -animated"}}, "white space"},
		{"tab in a tag", c, e621.TagSearchOptions{Tags: []string{"cat\tdog"}}, "white space"},
		{"empty tag", c, e621.TagSearchOptions{Tags: []string{""}}, "is empty"},
		{"order", c, e621.TagSearchOptions{Tags: []string{"order:score"}}, "paging"},
		{"negated order", c, e621.TagSearchOptions{Tags: []string{"-ORDER:id"}}, "paging"},
		{"limit tag", c, e621.TagSearchOptions{Tags: []string{"limit:5"}}, "paging"},
		{"41 tags with fav:", c, e621.TagSearchOptions{Tags: append(slices.Clone(max), "one_more")}, "41 tags"},
		{"short name", c, e621.TagSearchOptions{Name: "a"}, "2 to 20"},
		{"long name", c, e621.TagSearchOptions{Name: strings.Repeat("a", 21)}, "2 to 20"},
		{"name me", c, e621.TagSearchOptions{Name: "Me"}, "caller"},
		{"name with a space", c, e621.TagSearchOptions{Name: "some user"}, "holds ' '"},
		{"name as an ID", c, e621.TagSearchOptions{Name: "!123"}, "holds '!'"},
		{"name with a colon", c, e621.TagSearchOptions{Name: "a:b"}, "holds ':'"},
		{"limit", c, e621.TagSearchOptions{Limit: 321}, "limit 321"},
		{"not a cursor", c, e621.TagSearchOptions{Cursor: "e621.v1.l4.p2"}, "not an e621 tag search cursor"},
		{"another search's cursor", c, e621.TagSearchOptions{Cursor: saved}, "other tags"},
		{"cursor past the range", c, e621.TagSearchOptions{Cursor: "e621.s1.l4.b2147483648.qx"}, "not an e621 tag search"},
		{"anonymous without a name", anon, e621.TagSearchOptions{}, "needs an account"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.c.SearchFavorites(&tt.opts).NextPage(t.Context())
			if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("SearchFavorites(%+v): %v, want ErrInvalidArgument saying %q", tt.opts, err, tt.text)
			}
		})
	}
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Errorf("refused searches sent %d requests", n)
	}
	// The most tags e621 takes, and unlimited ones besides, are sent.
	mt.RegisterResponder(http.MethodGet, "https://e621.net/posts.json", httpmock.NewStringResponder(200, `{"posts":[]}`))
	opts := e621.TagSearchOptions{Tags: append(slices.Clone(max), "rating:safe", "-status:deleted", max[0])}
	if _, err := c.SearchFavorites(&opts).NextPage(t.Context()); err != nil {
		t.Errorf("%d tags with fav:, rating:safe, -status:deleted and a repeat: %v", e621.MaxSearchTags, err)
	}
}

func TestSearchFavoritesRefusesDisorderedPages(t *testing.T) {
	tests := []struct {
		name, first, second string
	}{
		{"rising ids", `{"posts":[` + fullPost(5, "") + `,` + fullPost(6, "") + `]}`, ""},
		{"repeated id", `{"posts":[` + fullPost(5, "") + `,` + fullPost(5, "") + `]}`, ""},
		{"next page not below", `{"posts":[` + fullPost(9, "") + `,` + fullPost(8, "") + `]}`,
			`{"posts":[` + fullPost(8, "") + `]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			mt.RegisterResponder(http.MethodGet, "https://e621.net/posts.json", func(r *http.Request) (*http.Response, error) {
				if r.URL.Query().Get("page") == "" {
					return httpmock.NewStringResponse(200, tt.first), nil
				}
				return httpmock.NewStringResponse(200, tt.second), nil
			})
			var err error
			for _, err = range c.SearchFavorites(&e621.TagSearchOptions{Limit: 2}).All(t.Context()) {
				if err != nil {
					break
				}
			}
			if !errors.Is(err, favorites.ErrMalformedReply) {
				t.Errorf("got %v, want ErrMalformedReply", err)
			}
		})
	}
}

func TestSearchHiddenFavorites(t *testing.T) {
	for _, mode := range []e621test.Mode{e621test.Live, e621test.Documented} {
		srv := e621test.NewServer(e621test.WithRateLimit(0), e621test.WithMode(mode))
		t.Cleanup(srv.Close)
		srv.AddUser("bob", "bob-key")
		post := srv.AddPost(e621test.Post{})
		if err := srv.Favorite("bob", post); err != nil {
			t.Fatal(err)
		}
		srv.SetHidden("bob", true)
		anon, _ := e621.New("", "", fastOptions(srv.URL)...)
		_, err := anon.SearchFavorites(&e621.TagSearchOptions{Name: "bob"}).NextPage(t.Context())
		if !errors.Is(err, e621.ErrFavoritesHidden) || !errors.Is(err, favorites.ErrForbidden) {
			t.Errorf("mode %d: another's search of hidden favourites: %v, want ErrFavoritesHidden", mode, err)
		}
		bob, _ := e621.New("bob", "bob-key", fastOptions(srv.URL)...)
		if got := ids(t, bob.SearchFavorites(nil)); !slices.Equal(got, []int64{post}) {
			t.Errorf("mode %d: bob's own search: %v, want [%d]", mode, got, post)
		}
	}
}

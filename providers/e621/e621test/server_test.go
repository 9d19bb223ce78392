package e621test_test

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// start runs a fake with opts and gives a client for its default account
// with no limiter and no retries, so each call is one request.
func start(t *testing.T, opts ...e621test.Option) (*e621test.Server, *e621.Client) {
	t.Helper()
	srv := e621test.NewServer(opts...)
	t.Cleanup(srv.Close)
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL),
		favorites.WithRateLimiter(nil), favorites.WithRetryPolicy(favorites.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

func TestDefaultLimiterNeverMeets503(t *testing.T) {
	srv := e621test.NewServer() // enforces 2 a second with 503, as e621 does
	t.Cleanup(srv.Close)
	ids := srv.AddPosts(3)
	// The default limiter, and no retries: a single 503 would be an error.
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL),
		favorites.WithRetryPolicy(favorites.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	const rounds = 3
	for i := range rounds {
		if _, _, err := c.AddFavorite(t.Context(), ids[i]); err != nil {
			t.Fatalf("round %d add: %v", i, err)
		}
		if _, err := c.Favorites(nil).NextPage(t.Context()); err != nil {
			t.Fatalf("round %d list: %v", i, err)
		}
		if _, _, err := c.RemoveFavorite(t.Context(), ids[i]); err != nil {
			t.Fatalf("round %d remove: %v", i, err)
		}
	}
	if n := srv.Faults.Requests(); n != 3*rounds {
		t.Errorf("the fake saw %d requests, want %d (none refused and repeated)", n, 3*rounds)
	}
}

func TestFakeAnswers503OverTheRate(t *testing.T) {
	srv, c := start(t) // no client limiter, the fake's default 2 a second
	limited := 0
	for range 6 {
		_, err := c.Favorites(nil).NextPage(t.Context())
		var apiErr *favorites.APIError
		switch {
		case err == nil:
		case errors.Is(err, favorites.ErrRateLimited) && errors.As(err, &apiErr) && apiErr.StatusCode == 503:
			limited++
		default:
			t.Fatalf("unexpected error %v", err)
		}
	}
	if limited == 0 {
		t.Errorf("6 requests at once, none refused with 503")
	}
	if n := srv.Faults.Requests(); n != 6 {
		t.Errorf("%d requests, want 6", n)
	}
}

func TestUserAgentRule(t *testing.T) {
	tests := []struct {
		ua      string
		blocked bool
	}{
		{"Go-http-client/1.1", true},
		{"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", true},
		{"python-requests/2.31.0", true},
		{driver.DefaultUserAgent(), true},
		{"mybot/1.0 (by tester on e621)", false},
	}
	for _, tt := range tests {
		t.Run(tt.ua, func(t *testing.T) {
			srv, _ := start(t, e621test.WithRateLimit(0))
			c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL),
				favorites.WithRateLimiter(nil), favorites.WithUserAgent(tt.ua))
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Favorites(nil).NextPage(t.Context())
			if !tt.blocked {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var apiErr *favorites.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != 403 || !errors.Is(err, favorites.ErrForbidden) {
				t.Fatalf("err %v, want a 403", err)
			}
			if want := "Access Denied: a descriptive User-Agent is required (e621 blocks"; !strings.HasPrefix(apiErr.Message, want) {
				t.Errorf("Message %q, want it to start %q", apiErr.Message, want)
			}
		})
	}
}

func TestNoUserAgentGetsHTML403(t *testing.T) {
	srv, _ := start(t, e621test.WithRateLimit(0))
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+"/favorites.json?user_id=1", nil)
	req.Header["User-Agent"] = []string{""} // net/http then sends none
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("no User-Agent: %d %s, want 403 HTML", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// get sends GET /favorites.json with a raw query, for values the typed
// call refuses to send.
func get(t *testing.T, c *e621.Client, query string) error {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	req, err := c.HTTP().NewRequest(http.MethodGet, "/favorites.json", q, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.HTTP().Do(t.Context(), req, nil)
	return err
}

func TestPagingBoundsAnswer410WithServerText(t *testing.T) {
	_, c := start(t, e621test.WithRateLimit(0))
	for query, want := range map[string]string{
		"limit=321":        "Limit must be between 0 and 320.",
		"limit=-1":         "Invalid limit.",
		"limit=many":       "Invalid limit.",
		"page=0":           "Invalid page number.",
		"page=751":         "You cannot go beyond page 750. Please narrow your search terms.",
		"limit=320&page=1": "",
	} {
		err := get(t, c, query)
		var apiErr *favorites.APIError
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", query, err)
		case want != "" && (!errors.As(err, &apiErr) || apiErr.StatusCode != 410 || apiErr.Message != want):
			t.Errorf("%s: %v, want 410 %q", query, err, want)
		}
	}
}

func TestListingEndsOnShortPage(t *testing.T) {
	for _, n := range []int{5, 4} {
		srv, c := start(t, e621test.WithRateLimit(0))
		ids := srv.AddPosts(n)
		if err := srv.Favorite(e621test.Login, ids...); err != nil {
			t.Fatal(err)
		}
		var got []int64
		for p, err := range c.Favorites(&e621.FavoritesOptions{Limit: 2}).All(t.Context()) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, p.ID)
		}
		if len(got) != n || got[0] != ids[n-1] {
			t.Errorf("%d favourites: listed %v, want newest first %v", n, got, ids)
		}
		if r := srv.Faults.Requests(); r != 3 {
			t.Errorf("%d favourites at 2 a page: %d requests, want 3", n, r)
		}
	}
}

func TestHiddenFavorites(t *testing.T) {
	for _, tt := range []struct {
		mode   e621test.Mode
		hidden bool // the error the document promises
	}{{e621test.Live, false}, {e621test.Documented, true}} {
		srv, c := start(t, e621test.WithRateLimit(0), e621test.WithMode(tt.mode))
		bob := srv.AddUser("bob", "bob-key")
		ids := srv.AddPosts(2)
		if err := srv.Favorite("bob", ids...); err != nil {
			t.Fatal(err)
		}
		srv.SetHidden("bob", true)
		page, err := c.Favorites(&e621.FavoritesOptions{UserID: bob}).NextPage(t.Context())
		if tt.hidden {
			if !errors.Is(err, e621.ErrFavoritesHidden) || !errors.Is(err, favorites.ErrForbidden) {
				t.Errorf("documented mode: %v, want ErrFavoritesHidden", err)
			}
		} else if err != nil || len(page.Items) != 0 {
			t.Errorf("live mode: %d items, %v; want an empty list", len(page.Items), err)
		}
		owner, _ := e621.New("bob", "bob-key", favorites.WithBaseURL(srv.URL), favorites.WithRateLimiter(nil))
		if page, err := owner.Favorites(nil).NextPage(t.Context()); err != nil || len(page.Items) != 2 {
			t.Errorf("owner sees %d, %v; want 2", len(page.Items), err)
		}
	}
}

func TestWriteAnswersByMode(t *testing.T) {
	for _, tt := range []struct {
		mode        e621test.Mode
		post        bool
		removeCount int
	}{{e621test.Live, false, 0}, {e621test.Documented, true, -1}} {
		srv, c := start(t, e621test.WithRateLimit(0), e621test.WithMode(tt.mode))
		id := srv.AddPost(e621test.Post{Ext: "webm", Duration: 3})
		ch, _, err := c.AddFavorite(t.Context(), id)
		if err != nil || ch.PostID != id || ch.FavoriteCount != 1 || (ch.Post != nil) != tt.post {
			t.Fatalf("mode %d add: %+v, %v", tt.mode, ch, err)
		}
		if tt.post && (!ch.Post.IsFavorited || ch.Post.Kind() != e621.KindVideo || *ch.Post.Duration != 3) {
			t.Errorf("documented post %+v", ch.Post)
		}
		ch, _, err = c.RemoveFavorite(t.Context(), id)
		if err != nil || ch.PostID != id || ch.FavoriteCount != tt.removeCount {
			t.Errorf("mode %d remove: %+v, %v", tt.mode, ch, err)
		}
		if got := srv.Favorites(e621test.Login); len(got) != 0 {
			t.Errorf("favourites left: %v", got)
		}
	}
}

func TestRepeatFullListAndTransfer(t *testing.T) {
	srv, c := start(t, e621test.WithRateLimit(0), e621test.WithMaxFavorites(2))
	ids := srv.AddPosts(3)
	a := e621.NewAdapter(c)
	if _, _, err := c.AddFavorite(t.Context(), ids[0]); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.AddFavorite(t.Context(), ids[0]); !errors.Is(err, favorites.ErrAlreadyFavorited) {
		t.Errorf("repeat: %v, want ErrAlreadyFavorited", err)
	}
	if err := a.Add(t.Context(), ref(ids[0])); err != nil {
		t.Errorf("portable repeat: %v, want nil", err)
	}
	if err := a.Add(t.Context(), ref(ids[1])); err != nil {
		t.Fatal(err)
	}
	// Full: the server checks this before "already favorited".
	for _, id := range []int64{ids[2], ids[0]} {
		_, _, err := c.AddFavorite(t.Context(), id)
		if !errors.Is(err, e621.ErrFavoritesFull) || errors.Is(err, favorites.ErrAlreadyFavorited) {
			t.Errorf("full list, post %d: %v, want ErrFavoritesFull only", id, err)
		}
	}
	if err := a.Add(t.Context(), ref(ids[2])); !errors.Is(err, e621.ErrFavoritesFull) {
		t.Errorf("portable Add on a full list: %v, want an error", err)
	}
	srv.SetTransferring(e621test.Login, true)
	if err := a.Remove(t.Context(), ref(ids[0])); !errors.Is(err, e621.ErrTransferring) {
		t.Errorf("while transferring: %v, want ErrTransferring", err)
	}
	srv.SetTransferring(e621test.Login, false)
	if err := a.Remove(t.Context(), ref(ids[0])); err != nil {
		t.Errorf("after the transfer: %v", err)
	}
	if got := srv.Favorites(e621test.Login); len(got) != 1 || got[0] != ids[1] {
		t.Errorf("favourites %v, want [%d]", got, ids[1])
	}
}

func ref(id int64) favorites.Ref { return favorites.Ref{ID: strconv.FormatInt(id, 10)} }

func TestUnknownPostsAndAnonymous(t *testing.T) {
	srv, c := start(t, e621test.WithRateLimit(0))
	if _, _, err := c.AddFavorite(t.Context(), 99); !errors.Is(err, favorites.ErrNotFound) {
		t.Errorf("add unknown: %v", err)
	}
	if _, _, err := c.RemoveFavorite(t.Context(), 99); !errors.Is(err, favorites.ErrNotFound) {
		t.Errorf("remove unknown: %v", err)
	}
	for path, want := range map[string]int{"/favorites.json": 404, "/favorites.json?user_id=1": 200, "/favorites.json?user_id=9": 404} {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+path, nil)
		req.Header.Set("User-Agent", "probe/1.0 (by tester on e621)")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("anonymous GET %s: %d, want %d", path, resp.StatusCode, want)
		}
	}
}

func TestPostAcceptsJSONBody(t *testing.T) {
	srv, c := start(t, e621test.WithRateLimit(0))
	id := srv.AddPost(e621test.Post{})
	req, err := c.HTTP().NewRequest(http.MethodPost, "/favorites.json", nil, driver.JSONBody(map[string]int64{"post_id": id}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.HTTP().Do(t.Context(), req, nil); err != nil {
		t.Fatal(err)
	}
	if got := srv.Favorites(e621test.Login); len(got) != 1 || got[0] != id {
		t.Errorf("favourites %v, want [%d]", got, id)
	}
}

package e621test_test

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// clientOn gives an anonymous client on srv, with no limiter and no
// retries.
func clientOn(t *testing.T, srv *e621test.Server) *e621.Client {
	t.Helper()
	c, err := e621.New("", "", favorites.WithBaseURL(srv.URL),
		favorites.WithRateLimiter(nil), favorites.WithRetryPolicy(favorites.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// searchIDs sends GET /posts.json with query and gives the IDs it lists.
func searchIDs(t *testing.T, srv *e621test.Server, query url.Values) ([]int64, error) {
	t.Helper()
	c := clientOn(t, srv)
	req, err := c.HTTP().NewRequest(http.MethodGet, "/posts.json", query, nil)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Posts []struct {
			ID int64 `json:"id"`
		} `json:"posts"`
	}
	if _, err := c.HTTP().Do(t.Context(), req, &body); err != nil {
		return nil, err
	}
	ids := []int64{}
	for _, p := range body.Posts {
		ids = append(ids, p.ID)
	}
	return ids, nil
}

func TestSearchAnswers(t *testing.T) {
	srv, _ := start(t, e621test.WithRateLimit(0), e621test.WithFirstID(1001))
	var ids []int64 // 1001 to 1008: even ones rated e, the first four tagged cat
	for i := range 8 {
		p := e621test.Post{General: []string{"solo"}, Rating: "s"}
		if i%2 == 1 {
			p.Rating = "e"
		}
		if i < 4 {
			p.General = append(p.General, "cat")
		}
		ids = append(ids, srv.AddPost(p))
	}
	if err := srv.Favorite(e621test.Login, ids[:6]...); err != nil {
		t.Fatal(err)
	}
	fav := "fav:" + strings.ToUpper(e621test.Login) // names match regardless of case
	tests := []struct {
		name string
		q    url.Values
		want []int64
	}{
		{"fav, newest post first", url.Values{"tags": {fav}}, []int64{1006, 1005, 1004, 1003, 1002, 1001}},
		{"fav and a tag", url.Values{"tags": {fav + " cat"}}, []int64{1004, 1003, 1002, 1001}},
		{"fav, rating, negation", url.Values{"tags": {fav + " rating:s -cat"}}, []int64{1005}},
		{"any of", url.Values{"tags": {"~rating:e ~cat solo"}}, []int64{1008, 1006, 1004, 1003, 1002, 1001}},
		{"limit", url.Values{"tags": {fav}, "limit": {"2"}}, []int64{1006, 1005}},
		{"limit metatag", url.Values{"tags": {fav + " limit:1"}}, []int64{1006}},
		{"numbered page", url.Values{"tags": {fav}, "limit": {"4"}, "page": {"2"}}, []int64{1002, 1001}},
		{"b<id>", url.Values{"tags": {fav}, "limit": {"2"}, "page": {"b1005"}}, []int64{1004, 1003}},
		{"b<id> at the end", url.Values{"tags": {fav}, "limit": {"2"}, "page": {"b1001"}}, []int64{}},
		{"a<id>", url.Values{"tags": {fav}, "limit": {"2"}, "page": {"a1002"}}, []int64{1004, 1003}},
		{"unknown user", url.Values{"tags": {"fav:nobody"}}, []int64{}},
		{"fav by id", url.Values{"tags": {"fav:!1 cat"}}, []int64{1004, 1003, 1002, 1001}},
		{"fav:me anonymous", url.Values{"tags": {"fav:me"}}, []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := searchIDs(t, srv, tt.q)
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("GET /posts.json?%s = %v, %v; want %v", tt.q.Encode(), got, err, tt.want)
			}
		})
	}
}

func TestSearchRefusals(t *testing.T) {
	srv, _ := start(t, e621test.WithRateLimit(0))
	srv.AddUser("bob", "bob-key")
	srv.SetHidden("bob", true)
	tooMany := []string{"fav:bob"}
	for i := range e621test.MaxSearchTags {
		tooMany = append(tooMany, "tag"+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	tests := []struct {
		name   string
		q      url.Values
		status int
		kind   error
		text   string
	}{
		{"hidden favourites", url.Values{"tags": {"fav:bob"}}, 403, e621.ErrFavoritesHidden, "This user's favorites are hidden"},
		{"hidden, negated", url.Values{"tags": {"-fav:bob"}}, 403, favorites.ErrForbidden, "hidden"},
		{"41 tags", url.Values{"tags": {strings.Join(tooMany, " ")}}, 422, favorites.ErrUnprocessable, "more than 40 tags"},
		{"page 751", url.Values{"tags": {"solo"}, "page": {"751"}}, 410, nil, "beyond page 750"},
		{"b out of range", url.Values{"page": {"b2147483648"}}, 410, nil, "out of valid range"},
		{"bad page", url.Values{"page": {"x12"}}, 410, nil, "Invalid page number"},
		{"bad limit", url.Values{"limit": {"321"}}, 410, nil, "between 0 and 320"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := searchIDs(t, srv, tt.q)
			var e *favorites.APIError
			if !errors.As(err, &e) || e.StatusCode != tt.status || !strings.Contains(e.Message, tt.text) ||
				(tt.kind != nil && !errors.Is(err, tt.kind)) {
				t.Errorf("GET /posts.json?%s = %v; want %d %q", tt.q.Encode(), err, tt.status, tt.text)
			}
		})
	}
	// Unlimited tags do not count: fav:, 39 tags, rating:s and
	// -status:deleted pass.
	ok := append([]string{"fav:" + e621test.Login}, tooMany[1:e621test.MaxSearchTags]...)
	ok = append(ok, "rating:s", "-status:deleted")
	if _, err := searchIDs(t, srv, url.Values{"tags": {strings.Join(ok, " ")}}); err != nil {
		t.Errorf("40 counted tags and 2 unlimited ones: %v", err)
	}
}

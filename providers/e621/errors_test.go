package e621_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
)

func TestErrorAnswers(t *testing.T) {
	html403 := "<!DOCTYPE html><html><head><title>Access Denied</title></head><body><h1>Blocked</h1></body></html>"
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		message     string // exact, or a prefix when prefix is set
		prefix      bool
		is, isNot   []error
	}{
		{"already favorited (document)", 422, "", readTestdata(t, "already_favorited_422.json"),
			"You have already favorited this post", false,
			[]error{favorites.ErrUnprocessable, favorites.ErrAlreadyFavorited}, []error{e621.ErrFavoritesFull}},
		{"full list", 422, "", `{"success":false,"message":"You can only keep up to 100000 favorites.","code":null}`,
			"You can only keep up to 100000 favorites.", false,
			[]error{favorites.ErrUnprocessable, e621.ErrFavoritesFull}, []error{favorites.ErrAlreadyFavorited}},
		{"hidden favourites (document)", 403, "", readTestdata(t, "favorites_hidden_403.json"),
			"Access Denied: This users favorites are hidden", false,
			[]error{favorites.ErrForbidden, e621.ErrFavoritesHidden}, nil},
		{"not found (document)", 404, "", readTestdata(t, "not_found_404.json"), "not found", false,
			[]error{favorites.ErrNotFound}, []error{favorites.ErrForbidden}},
		{"favourites disabled", 403, "", `{"success":false,"message":"Favorites are disabled","code":null}`,
			"Favorites are disabled", false, []error{favorites.ErrForbidden}, []error{e621.ErrFavoritesHidden}},
		{"transferring", 423, "", `{"success":false,"message":"Post favorites are being transferred, please try again later","code":"5d1e2f"}`,
			"Post favorites are being transferred, please try again later", false,
			[]error{e621.ErrTransferring}, []error{favorites.ErrRateLimited}},
		{"User-Agent blocked", 403, "text/html", html403, "Access Denied (e621 blocks", true,
			[]error{favorites.ErrForbidden}, []error{e621.ErrFavoritesHidden}},
		{"410 message shape", 410, "", `{"success":false,"message":"Invalid page number.","code":null}`,
			"Invalid page number.", false, nil, []error{favorites.ErrNotFound}},
		{"410 reason shape", 410, "", `{"success":false,"reason":"You cannot go beyond page 750. Please narrow your search terms."}`,
			"You cannot go beyond page 750. Please narrow your search terms.", false, nil, nil},
		{"503 rate limit", 503, "text/html", "<html><head><title>503 Service Temporarily Unavailable</title></head></html>",
			"503 Service Temporarily Unavailable", false, []error{favorites.ErrRateLimited, favorites.ErrServer}, nil},
		{"429 throttled", 429, "", `{"success":false,"message":"Throttled: Too many requests","code":null}`,
			"Throttled: Too many requests", false, []error{favorites.ErrRateLimited}, []error{favorites.ErrServer}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			mt.RegisterResponder(http.MethodPost, "https://e621.net/favorites.json", func(*http.Request) (*http.Response, error) {
				resp := httpmock.NewStringResponse(tt.status, tt.body)
				resp.Header.Set("Content-Type", tt.contentType)
				return resp, nil
			})
			_, _, err := c.AddFavorite(t.Context(), 5)
			var apiErr *favorites.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tt.status {
				t.Fatalf("err = %v, want an APIError with status %d", err, tt.status)
			}
			if got := apiErr.Message; got != tt.message && !(tt.prefix && strings.HasPrefix(got, tt.message)) {
				t.Errorf("Message %q, want %q", got, tt.message)
			}
			if strings.Contains(err.Error(), "<") || strings.Contains(err.Error(), testKey) {
				t.Errorf("error text %q carries HTML or the key", err)
			}
			for _, s := range tt.is {
				if !errors.Is(err, s) {
					t.Errorf("%v does not match %v", err, s)
				}
			}
			for _, s := range tt.isNot {
				if errors.Is(err, s) {
					t.Errorf("%v matches %v", err, s)
				}
			}
		})
	}
}

// sequence answers the given statuses in turn, then 200 with body.
func sequence(statuses []int, bodies []string, final string) (httpmock.Responder, *int) {
	calls := 0
	return func(*http.Request) (*http.Response, error) {
		calls++
		if calls <= len(statuses) {
			return httpmock.NewStringResponse(statuses[calls-1], bodies[calls-1]), nil
		}
		return httpmock.NewStringResponse(http.StatusOK, final), nil
	}, &calls
}

func TestRateLimitAnswersRetried(t *testing.T) {
	fast := favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: 1, MaxWait: 1000})
	busy := "<html><head><title>503 Service Temporarily Unavailable</title></head></html>"
	throttled := `{"success":false,"message":"Throttled: Too many requests","code":null}`
	live := `{"post_id":5,"favorite_count":1}`
	tests := []struct {
		name    string
		status  int
		body    string
		method  string
		url     string
		call    func(t *testing.T, c *e621.Client) error
		retried bool
	}{
		{"503 on a read", 503, busy, http.MethodGet, "https://e621.net/favorites.json",
			func(t *testing.T, c *e621.Client) error { _, err := c.Favorites(nil).NextPage(t.Context()); return err }, true},
		{"503 on portable Add", 503, busy, http.MethodPost, "https://e621.net/favorites.json",
			func(t *testing.T, c *e621.Client) error {
				return e621.NewAdapter(c).Add(t.Context(), favorites.Ref{ID: "5"})
			}, true},
		{"503 on portable Remove", 503, busy, http.MethodDelete, "https://e621.net/favorites/5.json",
			func(t *testing.T, c *e621.Client) error {
				return e621.NewAdapter(c).Remove(t.Context(), favorites.Ref{ID: "5"})
			}, true},
		{"503 on typed AddFavorite is not repeated", 503, busy, http.MethodPost, "https://e621.net/favorites.json",
			func(t *testing.T, c *e621.Client) error { _, _, err := c.AddFavorite(t.Context(), 5); return err }, false},
		{"429 on typed AddFavorite", 429, throttled, http.MethodPost, "https://e621.net/favorites.json",
			func(t *testing.T, c *e621.Client) error { _, _, err := c.AddFavorite(t.Context(), 5); return err }, true},
		{"429 on a read", 429, throttled, http.MethodGet, "https://e621.net/favorites.json",
			func(t *testing.T, c *e621.Client) error { _, err := c.Favorites(nil).NextPage(t.Context()); return err }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t, fast)
			final := live
			if tt.method == http.MethodGet {
				final = `{"posts":[]}`
			}
			r, calls := sequence([]int{tt.status, tt.status}, []string{tt.body, tt.body}, final)
			mt.RegisterResponder(tt.method, tt.url, r)
			err := tt.call(t, c)
			if tt.retried && (err != nil || *calls != 3) {
				t.Errorf("err %v after %d requests, want success on the 3rd", err, *calls)
			}
			if !tt.retried && (!errors.Is(err, favorites.ErrRateLimited) || *calls != 1) {
				t.Errorf("err %v after %d requests, want ErrRateLimited after 1", err, *calls)
			}
		})
	}
}

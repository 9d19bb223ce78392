package mastodontest_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// get sends a raw request, as any Mastodon client would, and decodes the
// JSON answer into v.
func get(t *testing.T, srv *mastodontest.Server, method, path, token string, v any) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := srv.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

func newSeeded(t *testing.T, n int, opts ...mastodontest.Option) (*mastodontest.Server, []string) {
	srv := mastodontest.NewServer(opts...)
	t.Cleanup(srv.Close)
	ids := srv.AddStatuses(n)
	if err := srv.Favorite(mastodontest.DefaultUser, ids...); err != nil {
		t.Fatal(err)
	}
	return srv, ids
}

var linkRE = regexp.MustCompile(`<([^>]+)>; rel="(next|prev)"`)

func links(resp *http.Response) map[string]string {
	out := map[string]string{}
	for _, h := range resp.Header.Values("Link") {
		for _, m := range linkRE.FindAllStringSubmatch(h, -1) {
			out[m[2]] = m[1]
		}
	}
	return out
}

func TestLimitDefaultAndCap(t *testing.T) {
	tests := []struct {
		query string
		opts  []mastodontest.Option
		want  int
	}{
		{"", nil, 20},
		{"?limit=5", nil, 5},
		{"?limit=100", nil, 40},
		{"?limit=-3", nil, 3}, // Mastodon takes the absolute value
		{"?limit=40", []mastodontest.Option{mastodontest.WithMaxLimit(10)}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			srv, _ := newSeeded(t, 45, tt.opts...)
			var page []map[string]any
			resp := get(t, srv, "GET", "/api/v1/favourites"+tt.query, mastodontest.Token, &page)
			if len(page) != tt.want {
				t.Errorf("%d statuses, want %d", len(page), tt.want)
			}
			if _, ok := links(resp)["next"]; !ok {
				t.Errorf("full page without a next link: %q", resp.Header.Values("Link"))
			}
		})
	}
}

// Links page by favourite IDs: next goes older, prev from the first item
// goes newer, and the last page, when it is exactly full, links to an empty
// page.
func TestLinksWalkBothWays(t *testing.T) {
	srv, ids := newSeeded(t, 6)
	var p1, p2, p3, back []map[string]any
	r1 := get(t, srv, "GET", "/api/v1/favourites?limit=3", mastodontest.Token, &p1)
	next := links(r1)["next"]
	r2 := get(t, srv, "GET", next[len(srv.URL):], mastodontest.Token, &p2)
	r3 := get(t, srv, "GET", links(r2)["next"][len(srv.URL):], mastodontest.Token, &p3)
	get(t, srv, "GET", links(r2)["prev"][len(srv.URL):], mastodontest.Token, &back)
	idsOf := func(p []map[string]any) (out []string) {
		for _, s := range p {
			out = append(out, s["id"].(string))
		}
		return out
	}
	if g, w := idsOf(p1), []string{ids[5], ids[4], ids[3]}; !slices.Equal(g, w) {
		t.Errorf("page 1 %v, want %v", g, w)
	}
	if g, w := idsOf(p2), []string{ids[2], ids[1], ids[0]}; !slices.Equal(g, w) {
		t.Errorf("page 2 %v, want %v", g, w)
	}
	if len(p3) != 0 || len(links(r3)) != 0 {
		t.Errorf("page 3 %v with links %v, want empty and unlinked", p3, links(r3))
	}
	if g, w := idsOf(back), idsOf(p1); !slices.Equal(g, w) {
		t.Errorf("prev of page 2 gave %v, want page 1 %v", g, w)
	}
	for _, id := range ids {
		if regexp.MustCompile(`_id=` + id + `\b`).MatchString(next) {
			t.Errorf("link %s uses a status ID", next)
		}
	}
}

func TestStatusViewAndAuth(t *testing.T) {
	srv, ids := newSeeded(t, 1)
	var anon, mine map[string]any
	get(t, srv, "GET", "/api/v1/statuses/"+ids[0], "", &anon)
	get(t, srv, "GET", "/api/v1/statuses/"+ids[0], mastodontest.Token, &mine)
	if _, ok := anon["favourited"]; ok || anon["favourites_count"] != 1.0 {
		t.Errorf("status without a token: %v", anon)
	}
	if mine["favourited"] != true {
		t.Errorf("status with the owner's token: favourited %v", mine["favourited"])
	}
	var e map[string]string
	tests := []struct {
		method, path, token string
		status              int
		msg                 string
	}{
		{"GET", "/api/v1/favourites", "", 401, "The access token is invalid"},
		{"GET", "/api/v1/favourites", mastodontest.AppToken, 422, "This method requires an authenticated user"},
		{"POST", "/api/v1/statuses/" + ids[0] + "/favourite", mastodontest.ReadOnlyToken, 403, "This action is outside the authorized scopes"},
		{"POST", "/api/v1/statuses/nope/unfavourite", mastodontest.Token, 404, "Record not found"},
		{"GET", "/api/v1/nothing", mastodontest.Token, 404, "Not Found"},
	}
	for _, tt := range tests {
		resp := get(t, srv, tt.method, tt.path, tt.token, &e)
		if resp.StatusCode != tt.status || e["error"] != tt.msg {
			t.Errorf("%s %s: %d %q, want %d %q", tt.method, tt.path, resp.StatusCode, e["error"], tt.status, tt.msg)
		}
	}
}

func TestRateBudgetHeaders(t *testing.T) {
	srv, _ := newSeeded(t, 1, mastodontest.WithRateLimit(2, time.Minute))
	var v any
	for i, want := range []struct {
		status    int
		remaining string
	}{{200, "1"}, {200, "0"}, {429, "0"}} {
		resp := get(t, srv, "GET", "/api/v1/favourites", mastodontest.Token, &v)
		reset, err := time.Parse(time.RFC3339Nano, resp.Header.Get("X-RateLimit-Reset"))
		if resp.StatusCode != want.status || resp.Header.Get("X-RateLimit-Remaining") != want.remaining ||
			resp.Header.Get("X-RateLimit-Limit") != "2" || err != nil || time.Until(reset) <= 0 {
			t.Errorf("request %d: %d, headers %v", i+1, resp.StatusCode, resp.Header)
		}
		if want.status == 429 && resp.Header.Get("Retry-After") != "" {
			t.Error("a 429 with Retry-After; Mastodon sends none")
		}
	}
	if srv.Throttled() != 1 {
		t.Errorf("Throttled() = %d, want 1", srv.Throttled())
	}
}

func TestAddTokenAndUsers(t *testing.T) {
	srv, ids := newSeeded(t, 2)
	srv.AddToken("bob-token", "bob", "write:favourites", "read:favourites")
	var st map[string]any
	get(t, srv, "POST", "/api/v1/statuses/"+ids[0]+"/favourite", "bob-token", &st)
	get(t, srv, "POST", "/api/v1/statuses/"+ids[0]+"/favourite", "bob-token", &st)
	if st["favourited"] != true || st["favourites_count"] != 2.0 {
		t.Errorf("bob's favourite: %v", st)
	}
	if got := srv.Favorites("bob"); !slices.Equal(got, ids[:1]) {
		t.Errorf("bob's favourites %v", got)
	}
	if got := srv.Favorites(mastodontest.DefaultUser); !slices.Equal(got, []string{ids[1], ids[0]}) {
		t.Errorf("alice's favourites %v", got)
	}
	if err := srv.Favorite("bob", "missing"); err == nil {
		t.Error("Favorite of an unknown status: no error")
	}
	id := srv.AddStatus(mastodontest.Status{ID: "01ULIDLIKE", Content: "<p>x</p>", Acct: "c@far.example"})
	get(t, srv, "GET", "/api/v1/statuses/"+id, "", &st)
	if st["id"] != id || st["account"].(map[string]any)["acct"] != "c@far.example" {
		t.Errorf("custom status %v", st)
	}
}

// The seeding calls: Favorite adds in order (the last newest), Unfavorite
// removes at once, both refuse an unknown user or status and then change
// nothing, and Favorites reads the state back newest first.
func TestSeeding(t *testing.T) {
	type call struct {
		unfav   bool
		user    string
		ids     []int // indexes into the seeded statuses; -1 is an unknown status
		wantErr bool
	}
	tests := []struct {
		name  string
		calls []call
		want  []int // DefaultUser's favourites, newest first
	}{
		{"in order, last newest", []call{{false, mastodontest.DefaultUser, []int{0, 2, 1}, false}}, []int{1, 2, 0}},
		{"again keeps its place", []call{
			{false, mastodontest.DefaultUser, []int{0, 1}, false},
			{false, mastodontest.DefaultUser, []int{0}, false},
		}, []int{1, 0}},
		{"unfavorite", []call{
			{false, mastodontest.DefaultUser, []int{0, 1, 2}, false},
			{true, mastodontest.DefaultUser, []int{1, 0}, false},
		}, []int{2}},
		{"unfavorite of a non-favourite", []call{{true, mastodontest.DefaultUser, []int{1}, false}}, nil},
		{"unknown status changes nothing", []call{{false, mastodontest.DefaultUser, []int{0, -1}, true}}, nil},
		{"unknown user", []call{{false, "nobody", []int{0}, true}}, nil},
		{"app token's empty user", []call{{false, "", []int{0}, true}}, nil},
		{"unfavorite with an unknown status changes nothing", []call{
			{false, mastodontest.DefaultUser, []int{0}, false},
			{true, mastodontest.DefaultUser, []int{0, -1}, true},
		}, []int{0}},
		{"unfavorite for an unknown user", []call{{true, "nobody", []int{0}, true}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := mastodontest.NewServer(mastodontest.WithUnfavouriteDelay(time.Hour))
			t.Cleanup(srv.Close)
			seeded := srv.AddStatuses(3)
			pick := func(idx []int) []string {
				var ids []string
				for _, i := range idx {
					if i < 0 {
						ids = append(ids, "missing")
					} else {
						ids = append(ids, seeded[i])
					}
				}
				return ids
			}
			for i, c := range tt.calls {
				seed := srv.Favorite
				if c.unfav {
					seed = srv.Unfavorite
				}
				if err := seed(c.user, pick(c.ids)...); (err != nil) != c.wantErr {
					t.Errorf("call %d: error %v, want one: %v", i+1, err, c.wantErr)
				}
			}
			want := pick(tt.want)
			if got := srv.Favorites(mastodontest.DefaultUser); !slices.Equal(got, want) {
				t.Errorf("Favorites = %v, want %v", got, want)
			}
			// The listing agrees at once, the unfavourite delay
			// notwithstanding: seeding is not a request in flight.
			var listed []struct{ ID string }
			get(t, srv, "GET", "/api/v1/favourites", mastodontest.Token, &listed)
			var got []string
			for _, st := range listed {
				got = append(got, st.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("listing = %v, want %v", got, want)
			}
		})
	}
}

// A user becomes known to the seeding calls through a token of its own.
func TestSeedingUserFromAddToken(t *testing.T) {
	srv, ids := newSeeded(t, 1)
	if err := srv.Favorite("carol", ids[0]); err == nil {
		t.Error("Favorite for carol before her token: no error")
	}
	srv.AddToken("carol-token", "carol", "read")
	if err := srv.Favorite("carol", ids[0]); err != nil {
		t.Fatal(err)
	}
	if got := srv.Favorites("carol"); !slices.Equal(got, ids) {
		t.Errorf("carol's favourites %v, want %v", got, ids)
	}
}

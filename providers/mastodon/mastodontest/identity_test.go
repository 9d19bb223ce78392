package mastodontest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// newServers starts n fakes, each with the same seeding: statuses favourited
// by DefaultUser.
func newServers(t *testing.T, n, statuses int) ([]*mastodontest.Server, [][]string) {
	t.Helper()
	var srvs []*mastodontest.Server
	var ids [][]string
	for range n {
		srv, seeded := newSeeded(t, statuses)
		srvs, ids = append(srvs, srv), append(ids, seeded)
	}
	return srvs, ids
}

// Two fakes seeded alike are two instances: no status, favourite or
// account ID of one is the other's.
func TestTwoFakesShareNoID(t *testing.T) {
	srvs, ids := newServers(t, 2, 30)
	statusIDs := map[string]bool{}
	for _, id := range ids[0] {
		statusIDs[id] = true
	}
	for _, id := range ids[1] {
		if statusIDs[id] {
			t.Errorf("status ID %s on both fakes", id)
		}
	}
	favs := [2]map[string]int64{favIDs(t, srvs[0], 30), favIDs(t, srvs[1], 30)}
	ownFav := map[int64]bool{}
	for _, f := range favs[0] {
		ownFav[f] = true
	}
	for _, f := range favs[1] {
		if ownFav[f] {
			t.Errorf("favourite ID %d on both fakes", f)
		}
	}
	var a, b map[string]any
	get(t, srvs[0], "GET", "/api/v1/statuses/"+ids[0][0], "", &a)
	get(t, srvs[1], "GET", "/api/v1/statuses/"+ids[1][0], "", &b)
	accountA, accountB := a["account"].(map[string]any), b["account"].(map[string]any)
	if accountA["acct"] != accountB["acct"] || accountA["id"] == accountB["id"] {
		t.Errorf("bob is %v on one fake and %v on the other, want two IDs of one name", accountA["id"], accountB["id"])
	}
}

// A program that copies favourites between two instances by raw status ID
// is wrong, and against two fakes it fails: every favourite it sends is of
// a status the target does not have, though the target holds as many
// statuses, seeded alike.
func TestCopyByRawIDFails(t *testing.T) {
	srvs, _ := newServers(t, 2, 20)
	from, to := srvs[0], srvs[1]
	if err := to.Unfavorite(mastodontest.DefaultUser, to.Favorites(mastodontest.DefaultUser)...); err != nil {
		t.Fatal(err)
	}
	src, err := from.Client(favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	dst, err := to.Client(favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	copied, refused := 0, 0
	for st, err := range src.Favourites(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		switch _, _, err := dst.Favourite(t.Context(), st.ID); {
		case err == nil:
			copied++
		case errors.Is(err, favorites.ErrNotFound):
			refused++
		default:
			t.Fatalf("favourite of %s on the target: %v", st.ID, err)
		}
	}
	if copied != 0 || refused != 20 {
		t.Errorf("copy by raw ID: %d favourited on the target, %d refused; want 0 and 20", copied, refused)
	}
	if got := to.Favorites(mastodontest.DefaultUser); len(got) != 0 {
		t.Errorf("the target holds %d favourites of statuses it never had", len(got))
	}
}

// Local statuses and accounts live at the fake's own scheme and host: it
// serves plain http, and its URIs say so.
func TestURIsNameTheFakesOwnOrigin(t *testing.T) {
	srv, ids := newSeeded(t, 1)
	var st map[string]any
	get(t, srv, "GET", "/api/v1/statuses/"+ids[0], "", &st)
	account := st["account"].(map[string]any)
	for key, v := range map[string]any{"uri": st["uri"], "url": st["url"], "account.url": account["url"],
		"account.uri": account["uri"], "account.avatar": account["avatar"]} {
		if s, _ := v.(string); !strings.HasPrefix(s, srv.URL+"/") {
			t.Errorf("%s = %v, want it under %s", key, v, srv.URL)
		}
	}
	if want := srv.URL + "/users/bob/statuses/" + ids[0]; st["uri"] != want {
		t.Errorf("uri = %v, want %s", st["uri"], want)
	}
}

// A status can stand for one on another server: the URI and URL the test
// gives, an author on that server, and an ID of the fake's own.
func TestStatusFromAnotherServer(t *testing.T) {
	origin := mastodontest.NewServer()
	t.Cleanup(origin.Close)
	originHost := strings.TrimPrefix(origin.URL, "http://")
	tests := []struct {
		name                string
		in                  mastodontest.Status
		uri, url, acct, who string // who: the account's uri
	}{
		{"another fake's, its author named by the URI",
			mastodontest.Status{Acct: "carol", URI: origin.URL + "/users/carol/statuses/42", URL: origin.URL + "/@carol/42"},
			origin.URL + "/users/carol/statuses/42", origin.URL + "/@carol/42", "carol@" + originHost, origin.URL + "/users/carol"},
		{"a remote author without a URI",
			mastodontest.Status{Acct: "dave@far.example"},
			"https://far.example/users/dave/statuses/", "https://far.example/@dave/", "dave@far.example", "https://far.example/users/dave"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := mastodontest.NewServer()
			t.Cleanup(srv.Close)
			id := srv.AddStatus(tt.in)
			var st map[string]any
			get(t, srv, "GET", "/api/v1/statuses/"+id, "", &st)
			account := st["account"].(map[string]any)
			uri, link := tt.uri, tt.url
			if tt.in.URI == "" { // the default names the status by its local ID
				uri, link = uri+id, link+id
			}
			if st["uri"] != uri || st["url"] != link || account["acct"] != tt.acct || account["uri"] != tt.who {
				t.Errorf("uri %v, url %v, acct %v, account uri %v; want %s, %s, %s, %s",
					st["uri"], st["url"], account["acct"], account["uri"], uri, link, tt.acct, tt.who)
			}
			if id == "42" || st["id"] != id {
				t.Errorf("local ID %q (served %v), want one of the fake's own", id, st["id"])
			}
			if _, ok := st["application"]; ok {
				t.Error("a remote status names its posting app")
			}
		})
	}
}

// AddAccount adds accounts with names and tokens of their own; each
// account's client acts as that account, and its token is unknown to
// another fake.
func TestAddAccount(t *testing.T) {
	srv, ids := newSeeded(t, 3)
	bob, carol := srv.AddAccount(), srv.AddAccount()
	if bob.User == carol.User || bob.Token == carol.Token || bob.User == mastodontest.DefaultUser || bob.Token == mastodontest.Token {
		t.Fatalf("two accounts %+v and %+v share a name or token", bob, carol)
	}
	if err := bob.Favorite(ids[2]); err != nil {
		t.Fatal(err)
	}
	c, err := bob.Client(favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Favourite(t.Context(), ids[0]); err != nil {
		t.Fatal(err)
	}
	if got := bob.Favorites(); len(got) != 2 || got[0] != ids[0] || got[1] != ids[2] {
		t.Errorf("bob's favourites %v, want [%s %s]", got, ids[0], ids[2])
	}
	if got := carol.Favorites(); len(got) != 0 {
		t.Errorf("carol's favourites %v, want none", got)
	}
	if got := srv.Favorites(mastodontest.DefaultUser); len(got) != 3 {
		t.Errorf("alice's favourites %v, want her 3", got)
	}
	other := mastodontest.NewServer()
	t.Cleanup(other.Close)
	var e map[string]string
	if resp := get(t, other, "GET", "/api/v1/favourites", bob.Token, &e); resp.StatusCode != 401 {
		t.Errorf("bob's token on another fake: %d, want 401", resp.StatusCode)
	}
}

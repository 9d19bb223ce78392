package mastodon_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// ResolveStatus asks the search endpoint for one status by URL, with
// resolve, and reads the first status of the answer.
func TestResolveStatusRequest(t *testing.T) {
	uri := "https://other.example/users/carol/statuses/1"
	body := `{"accounts":[],"statuses":[` + fmt.Sprintf(oneStatus, "555", false) + `],"hashtags":[]}`
	c, m := newMock(t, answer{status: 200, body: body})
	st, resp, err := c.ResolveStatus(t.Context(), uri)
	if err != nil || st.ID != "555" || resp.StatusCode != 200 {
		t.Fatalf("ResolveStatus = %+v, %v, %v", st, resp, err)
	}
	calls := m.Calls()
	if len(calls) != 1 {
		t.Fatalf("%d requests, want 1", len(calls))
	}
	checkCall(t, calls[0], "GET", "/api/v2/search", "limit=1&q=https%3A%2F%2Fother.example%2Fusers%2Fcarol%2Fstatuses%2F1&resolve=true&type=statuses")
}

// The answers ResolveStatus refuses or reads as not found, each with what
// its error must match.
func TestResolveStatusAnswers(t *testing.T) {
	st := func(id string) string { return fmt.Sprintf(oneStatus, id, false) }
	many := strings.Repeat(st("1")+",", mastodon.MaxSearchStatuses) + st("2")
	tests := []struct {
		name string
		a    answer
		want []error
		says string
	}{
		{"no status", answer{status: 200, body: `{"accounts":[],"statuses":[],"hashtags":[]}`},
			[]error{favorites.ErrNotFound}, "deleted, private or not visible to this account, or its server could not be reached"},
		{"no statuses list", answer{status: 200, body: `{"accounts":[]}`}, []error{favorites.ErrMalformedReply}, "without its statuses list"},
		{"a null list", answer{status: 200, body: `{"statuses":null}`}, []error{favorites.ErrMalformedReply}, ""},
		{"not a list", answer{status: 200, body: `{"statuses":{}}`}, []error{favorites.ErrMalformedReply}, ""},
		{"too many", answer{status: 200, body: `{"statuses":[` + many + `]}`}, []error{favorites.ErrMalformedReply}, "more than"},
		{"a status without an ID", answer{status: 200, body: `{"statuses":[{"uri":"x"}]}`}, []error{favorites.ErrMalformedReply}, ""},
		{"401", answer{status: 401, body: `{"error":"Search queries that resolve remote resources are not supported without authentication"}`},
			[]error{favorites.ErrUnauthorized}, "not supported without authentication"},
		{"403", answer{status: 403, body: `{"error":"This action is outside the authorized scopes"}`},
			[]error{favorites.ErrForbidden}, "outside the authorized scopes"},
		{"403 not allowed", answer{status: 403, body: `{"error":"This action is not allowed"}`},
			[]error{favorites.ErrForbidden, favorites.ErrNotFound}, "is not visible to this account"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newMock(t, tt.a)
			st, _, err := c.ResolveStatus(t.Context(), "https://other.example/@carol/1")
			if st != nil || err == nil {
				t.Fatalf("ResolveStatus = %+v, %v; want an error", st, err)
			}
			for _, w := range tt.want {
				if !errors.Is(err, w) {
					t.Errorf("error %v does not match %v", err, w)
				}
			}
			if tt.name != "no status" && tt.name != "403 not allowed" && errors.Is(err, favorites.ErrNotFound) {
				t.Errorf("error %v reads as not found", err)
			}
			if !strings.Contains(err.Error(), tt.says) || strings.Contains(err.Error(), mockToken) {
				t.Errorf("error %q does not say %q, or holds the token", err, tt.says)
			}
		})
	}
}

// A URI Mastodon would not resolve as a URL is refused before sending.
func TestResolveStatusRefusesNonURLs(t *testing.T) {
	c, m := newMock(t, answer{status: 200, body: `{"statuses":[]}`})
	for _, uri := range []string{"", "carol", "ftp://other.example/x", "https://", "/users/carol/statuses/1", "https://a b/"} {
		if _, _, err := c.ResolveStatus(t.Context(), uri); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("ResolveStatus(%q) = %v, want ErrInvalidArgument", uri, err)
		}
	}
	if n := len(m.Calls()); n != 0 {
		t.Errorf("%d requests sent for refused URIs", n)
	}
}

// movedFrom starts two federated fakes: source, where alice has favourited
// n statuses, and target with a fresh account; it returns alice's
// favourites, oldest first, and the target account's client.
func movedFrom(t *testing.T, n int) (source, target *mastodontest.Server, favs []favorites.Favorite, to *mastodon.Client) {
	source, target = newFake(t), newFake(t)
	target.Federate(source)
	ids := source.AddStatuses(n)
	if err := source.Favorite(mastodontest.DefaultUser, ids...); err != nil {
		t.Fatal(err)
	}
	for fav, err := range mastodon.NewAdapter(newClient(t, source, mastodontest.Token)).List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		favs = append([]favorites.Favorite{fav}, favs...)
	}
	acct := target.AddAccount()
	return source, target, favs, newClient(t, target, acct.Token)
}

// Restore with a Resolver moves favourites to another instance: each is
// found there by its URI and favourited under the target's own ID, in the
// source's order; one deleted at the source since is reported as not
// found, with the reasons, and never added.
func TestResolverMovesFavouritesBetweenInstances(t *testing.T) {
	source, target, favs, to := movedFrom(t, 6)
	if err := source.DeleteStatus(favs[2].Ref.ID); err != nil {
		t.Fatal(err)
	}
	if mastodon.NewAdapter(to).Client() != to {
		t.Error("Adapter.Client is not the client it was made of")
	}
	resolve, err := mastodon.Resolver(to, source.URL)
	if err != nil {
		t.Fatal(err)
	}
	seq := func(yield func(favorites.Favorite, error) bool) {
		for _, f := range favs {
			if !yield(f, nil) {
				return
			}
		}
	}
	rep, err := favorites.Restore(t.Context(), mastodon.NewAdapter(to), seq, &favorites.RestoreOptions{Resolve: resolve})
	if err != nil || rep.Err() != nil {
		t.Fatal(err, rep.Err())
	}
	if len(rep.Added) != 5 || len(rep.NotFound) != 1 || rep.NotFound[0].Favorite.Ref != favs[2].Ref {
		t.Fatalf("report: %d added, not found %+v; want 5 and the deleted one", len(rep.Added), rep.NotFound)
	}
	if !errors.Is(rep.NotFound[0].Err, favorites.ErrNotFound) || !strings.Contains(rep.NotFound[0].Err.Error(), "deleted, private") {
		t.Errorf("not found because %v", rep.NotFound[0].Err)
	}
	var got []string
	for fav, err := range mastodon.NewAdapter(to).List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		var st *mastodon.Status
		if !fav.As(&st) {
			t.Fatalf("%v is no status", fav.Ref)
		}
		got = append(got, st.URI)
	}
	var want []string
	for i := len(favs) - 1; i >= 0; i-- {
		if i != 2 {
			var st *mastodon.Status
			favs[i].As(&st)
			want = append(want, st.URI)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("target lists\n%v\nwant the source's order\n%v", got, want)
	}
	for _, ref := range rep.Added {
		for _, f := range favs {
			if ref == f.Ref {
				t.Errorf("added %v, an ID of the source's", ref)
			}
		}
	}
	if n := len(target.Favorites(mastodontest.DefaultUser)); n != 0 {
		t.Errorf("the target's default user has %d favourites; the restore was into another account", n)
	}
}

// Within one instance the Resolver keeps each ref and sends nothing.
func TestResolverSameInstanceSendsNothing(t *testing.T) {
	source, _, favs, _ := movedFrom(t, 3)
	other := source.AddAccount()
	to := newClient(t, source, other.Token)
	spelled := strings.Replace(source.URL, "http://", "HTTP://", 1) + "/"
	resolve, err := mastodon.Resolver(to, spelled)
	if err != nil {
		t.Fatal(err)
	}
	before := source.Faults.Requests()
	for _, f := range favs {
		if ref, err := resolve(t.Context(), f); err != nil || ref != f.Ref {
			t.Errorf("resolve %v = %v, %v; want its own ref", f.Ref, ref, err)
		}
	}
	if n := source.Faults.Requests() - before; n != 0 {
		t.Errorf("%d requests within one instance", n)
	}
}

// What the Resolver refuses, naming it.
func TestResolverRefusals(t *testing.T) {
	_, _, _, to := movedFrom(t, 1)
	if _, err := mastodon.Resolver(to, "mastodon.social"); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("a base URL without a scheme: %v", err)
	}
	if _, err := mastodon.Resolver(nil, ""); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("no target: %v", err)
	}
	resolve, err := mastodon.Resolver(to, "https://elsewhere.example")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    favorites.Favorite
		says string
	}{
		{"another provider's", favorites.Favorite{Provider: "e621", Ref: favorites.Ref{ID: "1"}}, `a favourite of "e621"`},
		{"no uri or url", favorites.Favorite{Provider: "mastodon", Ref: favorites.Ref{ID: "1"}}, "has no uri or url"},
	}
	for _, tt := range tests {
		if _, err := resolve(t.Context(), tt.f); !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: %v, want ErrInvalidArgument saying %q", tt.name, err, tt.says)
		}
	}
}

// A favourite without its Raw is found by its Favorite.URL.
func TestResolverFallsBackToTheURL(t *testing.T) {
	source, _, favs, to := movedFrom(t, 1)
	resolve, err := mastodon.Resolver(to, source.URL)
	if err != nil {
		t.Fatal(err)
	}
	bare := favorites.Favorite{Provider: "mastodon", Ref: favs[0].Ref, URL: favs[0].URL}
	ref, err := resolve(t.Context(), bare)
	if err != nil || ref.ID == "" || ref == favs[0].Ref {
		t.Errorf("by URL %s: %v, %v; want the target's own ID", favs[0].URL, ref, err)
	}
}

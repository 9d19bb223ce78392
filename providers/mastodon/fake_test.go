package mastodon_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// seedShuffled adds n statuses and favourites them in a shuffled order, so
// favourite order differs from status order, and returns the status IDs
// newest favourite first.
func seedShuffled(t *testing.T, srv *mastodontest.Server, n int) []string {
	t.Helper()
	ids := srv.AddStatuses(n)
	rand.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	if err := srv.Favorite(mastodontest.DefaultUser, ids...); err != nil {
		t.Fatal(err)
	}
	slices.Reverse(ids)
	return ids
}

// Listing follows the server's links, whose max_id is an internal
// favourite ID, and takes ceil(N/40) requests, plus one empty page when N
// fills the last page exactly.
func TestListFollowsFavouriteIDLinks(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		opts      []mastodontest.Option
		wantPages int
	}{
		{"85 in pages of 40", 85, nil, 3},
		{"80: a full last page, then an empty one", 80, nil, 3},
		{"none", 0, nil, 1},
		{"server caps limit at 10", 25, []mastodontest.Option{mastodontest.WithMaxLimit(10)}, 3},
		{"split Link headers", 41, []mastodontest.Option{mastodontest.WithSplitLinkHeaders()}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t, tt.opts...)
			want := seedShuffled(t, srv, tt.n)
			p := newClient(t, srv, mastodontest.Token).Favourites(nil)
			var got []string
			pages := 0
			for {
				page, err := p.NextPage(t.Context())
				if errors.Is(err, favorites.ErrNoMorePages) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				pages++
				for _, st := range page.Items {
					got = append(got, st.ID)
				}
				if next := page.Response.NextURL; next != "" {
					u, _ := url.Parse(next)
					if slices.Contains(want, u.Query().Get("max_id")) {
						t.Errorf("next link %s pages by a status ID", next)
					}
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("listed %v,\nwant newest favourite first %v", got, want)
			}
			if pages != tt.wantPages || srv.Faults.Requests() != tt.wantPages {
				t.Errorf("%d pages in %d requests, want %d", pages, srv.Faults.Requests(), tt.wantPages)
			}
		})
	}
}

// A cursor saved mid-listing resumes in a new Pager.
func TestListResumesFromSavedCursor(t *testing.T) {
	srv := newFake(t)
	want := seedShuffled(t, srv, 12)
	c := newClient(t, srv, mastodontest.Token)
	p := c.Favourites(&mastodon.ListOptions{Limit: 5})
	first, err := p.NextPage(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	got := []string{first.Items[0].ID, first.Items[1].ID, first.Items[2].ID, first.Items[3].ID, first.Items[4].ID}
	for st, err := range c.Favourites(&mastodon.ListOptions{Limit: 5, Cursor: p.Cursor()}).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, st.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("resumed listing gave %v, want %v", got, want)
	}
}

// When X-RateLimit-Remaining reaches 0 the client waits for the reset
// instead of earning a 429 (the core's pacer, seen through the fake).
func TestRemainingZeroWaitsForReset(t *testing.T) {
	srv := newFake(t)
	ids := srv.AddStatuses(1)
	c := newClient(t, srv, mastodontest.Token)
	srv.SetRateLimit(3, 3, 300*time.Millisecond)
	for i := range 5 {
		st, _, err := c.Status(t.Context(), ids[0])
		if err != nil || st.ID != ids[0] {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	if n := srv.Throttled(); n != 0 {
		t.Errorf("the fake refused %d requests with 429; the client should have waited", n)
	}
	if n := srv.Faults.Requests(); n != 5 {
		t.Errorf("%d requests reached the fake, want 5", n)
	}
}

// A 429 without Retry-After is retried once X-RateLimit-Reset has passed.
// The fake refuses every request until its window resets, so a retry that
// it accepts at the first try came after the reset: one 429 in two
// requests shows the client waited, with no clock in the test.
func TestTooManyRequestsWaitsForReset(t *testing.T) {
	srv := newFake(t)
	ids := srv.AddStatuses(1)
	c := newClient(t, srv, mastodontest.Token)
	srv.SetRateLimit(10, 0, 200*time.Millisecond)
	if _, _, err := c.Favourite(t.Context(), ids[0]); err != nil {
		t.Fatal(err)
	}
	if srv.Throttled() != 1 || srv.Faults.Requests() != 2 {
		t.Errorf("throttled %d of %d requests, want 1 of 2: a retry before the reset is refused again", srv.Throttled(), srv.Faults.Requests())
	}
	if got := srv.Favorites(mastodontest.DefaultUser); !slices.Equal(got, ids) {
		t.Errorf("favourites %v", got)
	}
}

// A favourite whose answer is lost after the server applied it is retried,
// and the repeat changes nothing.
func TestFavouriteRetriedAfterCutConnection(t *testing.T) {
	for _, op := range []string{"Favourite", "Unfavourite"} {
		t.Run(op, func(t *testing.T) {
			srv := newFake(t)
			ids := srv.AddStatuses(2)
			if err := srv.Favorite(mastodontest.DefaultUser, ids[1]); err != nil {
				t.Fatal(err)
			}
			c := newClient(t, srv, mastodontest.Token)
			srv.Faults.Inject(1, favoritestest.Fault{CutAfter: true})
			var st *mastodon.Status
			var err error
			want := []string{ids[0], ids[1]}
			if op == "Favourite" {
				st, _, err = c.Favourite(t.Context(), ids[0])
			} else {
				st, _, err = c.Unfavourite(t.Context(), ids[1])
				want = nil
			}
			if err != nil {
				t.Fatal(err)
			}
			if st.Favourited != (op == "Favourite") || srv.Faults.Requests() != 2 {
				t.Errorf("favourited %v after %d requests", st.Favourited, srv.Faults.Requests())
			}
			if got := srv.Favorites(mastodontest.DefaultUser); !slices.Equal(got, want) {
				t.Errorf("favourites %v, want %v", got, want)
			}
		})
	}
}

func TestFakeErrors(t *testing.T) {
	srv := newFake(t)
	ids := srv.AddStatuses(1)
	tests := []struct {
		name, token, id string
		want            error
		msg             string
	}{
		{"read-only token writes", mastodontest.ReadOnlyToken, ids[0], favorites.ErrForbidden, "This action is outside the authorized scopes"},
		{"app token", mastodontest.AppToken, ids[0], favorites.ErrUnprocessable, "This method requires an authenticated user"},
		{"bad token", "nope", ids[0], favorites.ErrUnauthorized, "The access token is invalid"},
		{"unknown status", mastodontest.Token, "404404", favorites.ErrNotFound, "Record not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := newClient(t, srv, tt.token).Favourite(t.Context(), tt.id)
			var apiErr *favorites.APIError
			if !errors.Is(err, tt.want) || !errors.As(err, &apiErr) || apiErr.Message != tt.msg {
				t.Errorf("Favourite: %v, want %v %q", err, tt.want, tt.msg)
			}
		})
	}
	if got := srv.Favorites(mastodontest.DefaultUser); len(got) != 0 {
		t.Errorf("refused requests changed the favourites to %v", got)
	}
}

// Mastodon applies an unfavourite in the background: the answer and a
// lookup say false at once, a listing may still hold the status a moment.
func TestUnfavouriteAppliedInBackground(t *testing.T) {
	srv := newFake(t, mastodontest.WithUnfavouriteDelay(500*time.Millisecond))
	ids := srv.AddStatuses(1)
	if err := srv.Favorite(mastodontest.DefaultUser, ids[0]); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, srv, mastodontest.Token)
	a := mastodon.NewAdapter(c)
	st, _, err := c.Unfavourite(t.Context(), ids[0])
	if err != nil || st.Favourited {
		t.Fatalf("Unfavourite: %+v, %v", st, err)
	}
	if fav, err := a.IsFavorite(t.Context(), favorites.Ref{ID: ids[0]}); err != nil || fav {
		t.Errorf("IsFavorite right after: %v, %v", fav, err)
	}
	if page, err := c.Favourites(nil).NextPage(t.Context()); err != nil || len(page.Items) != 1 {
		t.Errorf("listing right after: %d items, %v; want the status still there", len(page.Items), err)
	}
	// Then the listing drops it. The test asserts that it does, not how
	// soon: it asks again until the status is gone, giving up after far
	// longer than the fake's half second.
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for {
		page, err := c.Favourites(nil).NextPage(ctx)
		if err != nil {
			t.Fatalf("listing after the unfavourite: %v", err)
		}
		if len(page.Items) == 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatal("the listing still holds the unfavourited status 30 s after the unfavourite")
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func TestAdapterRefusesBeforeSending(t *testing.T) {
	srv := newFake(t)
	a := mastodon.NewAdapter(newClient(t, srv, mastodontest.Token))
	ref := favorites.Ref{ID: "1", Source: "elsewhere"}
	if err := a.Add(t.Context(), ref); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("Add of a ref with a source: %v", err)
	}
	if _, err := a.IsFavorite(t.Context(), ref); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("IsFavorite of a ref with a source: %v", err)
	}
	if _, err := a.List(&favorites.ListOptions{PageSize: 41}).NextPage(t.Context()); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("List with PageSize 41: %v", err)
	}
	if n := srv.Faults.Requests(); n != 0 {
		t.Errorf("%d requests sent", n)
	}
	if a.Provider() != mastodon.ProviderName || mastodon.ProviderName != "mastodon" {
		t.Errorf("Provider() = %q", a.Provider())
	}
}

func TestClientStringHidesToken(t *testing.T) {
	c := newClient(t, newFake(t), "secret-token-123")
	for _, s := range []string{c.String(), fmt.Sprintf("%v %+v %#v", c, c, c)} {
		if strings.Contains(s, "secret-token-123") {
			t.Errorf("%q shows the token", s)
		}
	}
}

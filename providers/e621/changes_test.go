package e621_test

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// hookTransport runs a function before the request of a given number
// (1-based, counted over the transport's life) goes out: a change made
// on the site while a run is between two pages.
type hookTransport struct {
	mu     sync.Mutex
	sent   int
	before map[int]func()
}

func (h *hookTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.sent++
	f := h.before[h.sent]
	delete(h.before, h.sent)
	h.mu.Unlock()
	if f != nil {
		f()
	}
	return http.DefaultTransport.RoundTrip(r)
}

// at makes f run before the nth request from now.
func (h *hookTransport) at(n int, f func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.before[h.sent+n] = f
}

// changesFake is a fake without a rate limit holding n favourites, and an
// adapter on it with the default page size whose requests pass through a
// hookTransport. The fake counts requests in srv.Faults.Requests().
func changesFake(t *testing.T, n int) (*e621test.Server, *e621.Adapter, *hookTransport) {
	t.Helper()
	srv := e621test.NewServer(e621test.WithRateLimit(0))
	t.Cleanup(srv.Close)
	if err := srv.Favorite(e621test.Login, srv.AddPosts(n)...); err != nil {
		t.Fatal(err)
	}
	h := &hookTransport{before: map[int]func(){}}
	opts := append(fastOptions(srv.URL), favorites.WithHTTPClient(&http.Client{Transport: h}))
	c, err := e621.New(e621test.Login, e621test.APIKey, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return srv, e621.NewAdapter(c), h
}

// addFavs makes k new posts favourites of the default account, one after
// the other, and returns their IDs newest favourite first, as e621 lists
// them.
func addFavs(t *testing.T, srv *e621test.Server, k int) []int64 {
	t.Helper()
	ids := srv.AddPosts(k)
	if err := srv.Favorite(e621test.Login, ids...); err != nil {
		t.Error(err)
	}
	slices.Reverse(ids)
	return ids
}

// startMark is the mark of now, checked to have cost one request.
func startMark(t *testing.T, srv *e621test.Server, a *e621.Adapter) string {
	t.Helper()
	before := srv.Faults.Requests()
	ch, err := a.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if n := srv.Faults.Requests() - before; n != 1 || len(ch.Added) != 0 || ch.RemovalsKnown {
		t.Fatalf(`Changes("") sent %d requests, added %d, RemovalsKnown %v; want 1, 0, false`, n, len(ch.Added), ch.RemovalsKnown)
	}
	return ch.Mark
}

// TestChangesRequestCount measures, with N = 1,000 favourites and k added
// since the mark, the requests one Changes sends with the default page
// size (MaxLimit), against the bound ceil(k/page)+1.
func TestChangesRequestCount(t *testing.T) {
	const n, page = 1000, e621.MaxLimit
	for _, tc := range []struct{ k, want int }{
		{0, 1}, {1, 1}, {page - 1, 2}, {page, 2}, {page + 1, 2},
		{page - 8, 1}, // the eight anchors end page 1: found, no page 2
	} {
		t.Run(fmt.Sprintf("k=%d", tc.k), func(t *testing.T) {
			t.Parallel()
			srv, a, _ := changesFake(t, n)
			mark := startMark(t, srv, a)
			added := addFavs(t, srv, tc.k)
			before := srv.Faults.Requests()
			ch, err := a.Changes(t.Context(), mark)
			if err != nil {
				t.Fatal(err)
			}
			got, bound := srv.Faults.Requests()-before, (tc.k+page-1)/page+1
			if got != tc.want || got > bound {
				t.Errorf("requests = %d, want %d (bound %d)", got, tc.want, bound)
			}
			if ids := postIDs(ch.Added); !slices.Equal(ids, added) {
				t.Errorf("added %d posts %v..., want the %d added, newest first", len(ids), ids[:min(len(ids), 5)], len(added))
			}
		})
	}
}

// step is one run of Changes: k favourites added before it, and during
// it, before its request number at, more.
type step struct{ before, at, during int }

// TestChangesWhileListMoves adds favourites between runs and while a run
// reads its pages, and checks that the runs together yield each exactly
// once.
func TestChangesWhileListMoves(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		steps []step
	}{
		{"between runs", 40, []step{{before: 3}, {before: 1}, {}}},
		{"before a run's only page", 40, []step{{before: 2, at: 1, during: 2}, {}}},
		{"between a run's pages", 400, []step{{before: 330, at: 2, during: 5}, {before: 1}}},
		{"before a run's third page", 10, []step{{before: 700, at: 3, during: 10}, {at: 1, during: 1}}},
		{"every run", 5, []step{{before: 1, at: 1, during: 1}, {before: 321, at: 2, during: 320}, {before: 2}}},
		{"empty list", 0, []step{{}, {before: 4}, {before: 1, at: 1, during: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, a, h := changesFake(t, tc.n)
			mark := startMark(t, srv, a)
			var want, got []int64
			for i, s := range append(tc.steps, step{}) { // a last run takes what the one before left
				want = append(want, addFavs(t, srv, s.before)...)
				if s.during > 0 {
					h.at(s.at, func() { want = append(want, addFavs(t, srv, s.during)...) })
				}
				ch, err := a.Changes(t.Context(), mark)
				if err != nil {
					t.Fatalf("run %d: %v", i+1, err)
				}
				got, mark = append(got, postIDs(ch.Added)...), ch.Mark
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("the runs added %d posts, want the %d added (no repeats, no gaps)", len(got), len(want))
			}
		})
	}
}

// TestChangesAnchorsMoved changes the favourites the mark remembers
// between two runs.
func TestChangesAnchorsMoved(t *testing.T) {
	for _, tc := range []struct {
		name   string
		n      int
		change func(t *testing.T, srv *e621test.Server, old []int64) (added []int64)
	}{
		{"newest three unfavourited", 50, func(t *testing.T, srv *e621test.Server, old []int64) []int64 {
			unfavorite(t, srv, old[:3]...)
			return addFavs(t, srv, 2)
		}},
		{"all but the oldest anchor unfavourited", 50, func(t *testing.T, srv *e621test.Server, old []int64) []int64 {
			unfavorite(t, srv, old[:7]...)
			return addFavs(t, srv, 4)
		}},
		{"an anchor favourited again", 50, func(t *testing.T, srv *e621test.Server, old []int64) []int64 {
			added := addFavs(t, srv, 3)
			unfavorite(t, srv, old[0])
			if err := srv.Favorite(e621test.Login, old[0]); err != nil {
				t.Fatal(err)
			}
			return append([]int64{old[0]}, added...)
		}},
		{"fewer favourites than anchors", 3, func(t *testing.T, srv *e621test.Server, _ []int64) []int64 {
			return addFavs(t, srv, 2)
		}},
		{"an anchor just past the page", 50, func(t *testing.T, srv *e621test.Server, old []int64) []int64 {
			unfavorite(t, srv, old[1:]...)
			return addFavs(t, srv, e621.MaxLimit-1)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, a, _ := changesFake(t, tc.n)
			mark := startMark(t, srv, a)
			want := tc.change(t, srv, srv.Favorites(e621test.Login))
			ch, err := a.Changes(t.Context(), mark)
			if err != nil {
				t.Fatal(err)
			}
			if got := postIDs(ch.Added); !slices.Equal(got, want) {
				t.Errorf("added %v, want %v", got, want)
			}
		})
	}
}

func unfavorite(t *testing.T, srv *e621test.Server, ids ...int64) {
	t.Helper()
	if err := srv.Unfavorite(e621test.Login, ids...); err != nil {
		t.Fatal(err)
	}
}

// TestChangesStaleAfterAllAnchorsGone: with every post the mark remembers
// unfavourited, the run cannot tell what is new, and says so.
func TestChangesStaleAfterAllAnchorsGone(t *testing.T) {
	srv, a, _ := changesFake(t, 30)
	mark := startMark(t, srv, a)
	unfavorite(t, srv, srv.Favorites(e621test.Login)[:8]...)
	addFavs(t, srv, 2)
	ch, err := a.Changes(t.Context(), mark)
	if !errors.Is(err, favorites.ErrStaleMark) || errors.Is(err, favorites.ErrInvalidArgument) || ch != nil {
		t.Errorf("Changes = %v, %v; want only ErrStaleMark", ch, err)
	}
}

// TestChangesRefusesMarks: a mark of another provider, account or site,
// or text that is no mark, is refused before anything is sent.
func TestChangesRefusesMarks(t *testing.T) {
	srv, a, _ := changesFake(t, 20)
	own := startMark(t, srv, a)
	account := strings.Split(own, ".")[2]
	srv.AddUser("bob", "bob-key")
	bob, err := e621.New("bob", "bob-key", fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	bobMark := startMark(t, srv, e621.NewAdapter(bob))
	otherSrv, otherSite, _ := changesFake(t, 20)
	siteMark := startMark(t, otherSrv, otherSite)
	for _, tc := range []struct {
		name, mark string
		invalid    bool // refused before sending: also ErrInvalidArgument
	}{
		{"another account", bobMark, true},
		{"another site", siteMark, true},
		{"another provider", "mastodon.m1.x.y", true}, // the kit refuses it as no e621 mark
		{"another version", "e621.m2." + account + ".a5", true},
		{"a listing cursor", "e621.v1.l320.p2.a1181", true},
		{"garbage", "not a mark", true},
		{"too long", own + strings.Repeat("1", 300), true},
		{"a leading zero", "e621.m1." + account + ".a01", true},
		{"a repeated anchor", "e621.m1." + account + ".a5-5", true},
		{"nine anchors", "e621.m1." + account + ".a1-2-3-4-5-6-7-8-9", true},
		{"a negative anchor", "e621.m1." + account + ".a-5", true},
		{"no anchors", "e621.m1." + account + ".a", true},
		{"an upper-case account", "e621.m1.ABCDEF012345.a5", true},
		{"a short account", "e621.m1.abc.a5", true},
		{"nothing after the account", "e621.m1." + account + ".", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := srv.Faults.Requests()
			ch, err := a.Changes(t.Context(), tc.mark)
			if !errors.Is(err, favorites.ErrStaleMark) || errors.Is(err, favorites.ErrInvalidArgument) != tc.invalid || ch != nil {
				t.Errorf("Changes(%.40q) = %v, %v; want ErrStaleMark, ErrInvalidArgument %v", tc.mark, ch, err, tc.invalid)
			}
			if n := srv.Faults.Requests() - before; n != 0 {
				t.Errorf("sent %d requests, want none", n)
			}
		})
	}
}

// TestChangesRefusesBeforeSending: an anonymous client has no favourites
// of its own, and a tag-search view lists by post, not by favourite.
func TestChangesRefusesBeforeSending(t *testing.T) {
	srv, _, _ := changesFake(t, 5)
	anon, err := e621.New("", "", fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	own, err := e621.New(e621test.Login, e621test.APIKey, fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		a    *e621.Adapter
		want error
	}{
		{"anonymous", e621.NewAdapter(anon), e621.ErrNoCredentials},
		{"tag search", e621.NewTagSearchAdapter(own, "", "solo"), favorites.ErrInvalidArgument},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := tc.a.Changes(t.Context(), "")
			if !errors.Is(err, tc.want) || !errors.Is(err, favorites.ErrInvalidArgument) || ch != nil {
				t.Errorf("Changes = %v, %v; want %v", ch, err, tc.want)
			}
			if n := srv.Faults.Requests(); n != 0 {
				t.Errorf("sent %d requests, want none", n)
			}
		})
	}
}

// TestMarkText: a mark is versioned, bounded, and holds neither the API
// key nor the login; the typed call gives the same posts and mark.
func TestMarkText(t *testing.T) {
	srv, a, _ := changesFake(t, 30)
	mark := startMark(t, srv, a)
	c, err := e621.New(e621test.Login, e621test.APIKey, fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	added := addFavs(t, srv, 2)
	posts, next, err := c.FavoritesSince(t.Context(), mark)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := a.Changes(t.Context(), mark)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, p := range posts {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, added) || !slices.Equal(postIDs(ch.Added), added) || next != ch.Mark {
		t.Errorf("FavoritesSince = %v, %q; Changes = %v, %q; want %v and one mark", ids, next, postIDs(ch.Added), ch.Mark, added)
	}
	for _, m := range []string{mark, next} {
		if !strings.HasPrefix(m, "e621.m1.") || len(m) > 256 ||
			strings.Contains(m, e621test.APIKey) || strings.Contains(m, e621test.Login) {
			t.Errorf("mark %q: want e621.m1., at most 256 bytes, no key or login", m)
		}
	}
}

// TestChangesWhileFavouritesAreRemoved unfavourites posts near the top,
// which a run has read (below the eight a mark keeps), while it reads the
// pages below them: the rest
// moves up, and no favourite added before the run may slip past it
// unread. The posts removed may be given or not; every other one added
// is given once, by this run or the next.
func TestChangesWhileFavouritesAreRemoved(t *testing.T) {
	for _, tc := range []struct {
		name    string
		k       int         // favourites added before the run
		removed map[int]int // request number of the run: this many unfavourited before it, from the tenth newest on
	}{
		{"one before page 2", 700, map[int]int{2: 1}},
		{"three before every page", 1200, map[int]int{2: 3, 3: 3, 4: 3, 5: 3}},
		{"more than the overlap before page 2", 700, map[int]int{2: 40}},
		{"before page 1 and page 3", 700, map[int]int{1: 2, 3: 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, a, h := changesFake(t, 1000)
			mark := startMark(t, srv, a)
			added := addFavs(t, srv, tc.k)
			gone := map[int64]bool{}
			for at, r := range tc.removed {
				h.at(at, func() {
					ids := srv.Favorites(e621test.Login)[10 : 10+r]
					unfavorite(t, srv, ids...)
					for _, id := range ids {
						gone[id] = true
					}
				})
			}
			var got []int64
			for run := range 2 {
				ch, err := a.Changes(t.Context(), mark)
				if err != nil {
					t.Fatalf("run %d: %v", run+1, err)
				}
				got, mark = append(got, postIDs(ch.Added)...), ch.Mark
			}
			count := map[int64]int{}
			for _, id := range got {
				count[id]++
			}
			for _, id := range added {
				if n := count[id]; n > 1 || (n == 0 && !gone[id]) {
					t.Errorf("post %d (gone: %v) given %d times, want once", id, gone[id], n)
				}
				delete(count, id)
			}
			if len(count) > 0 {
				t.Errorf("the runs gave %d posts that were not added: %v", len(count), count)
			}
		})
	}
}

// TestChangesListMovingTooFast: favourites removed above the read before
// every request move the list past each walk; the call says so with an
// error a later call may mend, and the mark still holds.
func TestChangesListMovingTooFast(t *testing.T) {
	srv, a, h := changesFake(t, 1000)
	mark := startMark(t, srv, a)
	added := addFavs(t, srv, 700)
	for at := 2; at <= 6; at += 2 { // before each walk's page 2
		h.at(at, func() { unfavorite(t, srv, srv.Favorites(e621test.Login)[:40]...) })
	}
	ch, err := a.Changes(t.Context(), mark)
	if !errors.Is(err, favorites.ErrListChanged) || !favorites.IsTemporary(err) || ch != nil {
		t.Fatalf("Changes = %v, %v; want a temporary ErrListChanged", ch, err)
	}
	ch, err = a.Changes(t.Context(), mark)
	if err != nil {
		t.Fatal(err)
	}
	if want := added[120:]; !slices.Equal(postIDs(ch.Added), want) {
		t.Errorf("the next call added %d posts, want the %d added and not removed", len(ch.Added), len(want))
	}
}

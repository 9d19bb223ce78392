package waifuim_test

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// addedIDs gives the image IDs of a run's Added, in order.
func addedIDs(t *testing.T, ch *favorites.Changes) []int64 {
	t.Helper()
	ids := make([]int64, len(ch.Added))
	for i, f := range ch.Added {
		var im *waifuim.Image
		if !f.As(&im) {
			t.Fatalf("Added[%d] holds no *waifuim.Image", i)
		}
		ids[i] = im.ImageID
	}
	return ids
}

// TestChangesRequests holds the cost: one request a run, whatever the
// list's size and the number added. With no paging the one page is the
// whole list, so k runs to past N, the page at the mark.
func TestChangesRequests(t *testing.T) {
	const n = 1000
	for _, k := range []int{0, 1, n - 1, n, n + 1} {
		t.Run("", func(t *testing.T) {
			srv := waifuimtest.NewServer()
			defer srv.Close()
			ids := srv.GenerateImages(n + k)
			if err := srv.Favorite(waifuimtest.UserID, ids[:n]...); err != nil {
				t.Fatal(err)
			}
			c, err := srv.NewClient(waifuimtest.Token) // default options
			if err != nil {
				t.Fatal(err)
			}
			a := waifuim.NewAdapter(c)
			first, err := a.Changes(t.Context(), "")
			if err != nil || len(first.Added) != 0 || srv.Faults.Requests() != 1 {
				t.Fatalf("from now: %d added, %d requests, %v; want 0, 1, nil", len(first.Added), srv.Faults.Requests(), err)
			}
			if err := srv.Favorite(waifuimtest.UserID, ids[n:]...); err != nil {
				t.Fatal(err)
			}
			ch, err := a.Changes(t.Context(), first.Mark)
			if err != nil {
				t.Fatal(err)
			}
			if got := srv.Faults.Requests() - 1; got != 1 {
				t.Errorf("N=%d k=%d: %d requests, want 1", n, k, got)
			}
			want := slices.Clone(ids[n:])
			slices.Reverse(want) // liked last, listed first
			if got := addedIDs(t, ch); !slices.Equal(got, want) {
				t.Errorf("k=%d: added %d images %v..., want %d newest first", k, len(got), got[:min(3, len(got))], len(want))
			}
			if !ch.RemovalsKnown || len(ch.Removed) != 0 {
				t.Errorf("k=%d: RemovalsKnown %v, Removed %v; want true, none", k, ch.RemovalsKnown, ch.Removed)
			}
			if limit := 3 * (n + k); len(ch.Mark) > limit {
				t.Errorf("mark of %d images is %d bytes, over %d", n+k, len(ch.Mark), limit)
			}
		})
	}
}

// TestChangesRemovals: one answer is the whole list, so what left it since
// the mark is reported beside what joined it.
func TestChangesRemovals(t *testing.T) {
	cases := []struct {
		name           string
		like, unlike   []int // indexes into the catalogue, after the mark
		added, removed []int
	}{
		{"nothing", nil, nil, []int{}, []int{}},
		{"one removed", nil, []int{1}, []int{}, []int{1}},
		{"all removed", nil, []int{0, 1, 2}, []int{}, []int{0, 1, 2}},
		{"added and removed", []int{4, 3}, []int{0, 2}, []int{3, 4}, []int{0, 2}},
		{"removed and liked again", []int{1}, []int{1}, []int{}, []int{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := waifuimtest.NewServer()
			defer srv.Close()
			ids := srv.GenerateImages(5)
			if err := srv.Favorite(waifuimtest.UserID, ids[:3]...); err != nil {
				t.Fatal(err)
			}
			a := fakeAdapter(t, srv, waifuimtest.Token)
			first, err := a.Changes(t.Context(), "")
			if err != nil {
				t.Fatal(err)
			}
			pick := func(idx []int) []int64 {
				out := []int64{}
				for _, i := range idx {
					out = append(out, ids[i])
				}
				return out
			}
			if err := srv.Unfavorite(waifuimtest.UserID, pick(tc.unlike)...); err != nil {
				t.Fatal(err)
			}
			if err := srv.Favorite(waifuimtest.UserID, pick(tc.like)...); err != nil {
				t.Fatal(err)
			}
			ch, err := a.Changes(t.Context(), first.Mark)
			if err != nil {
				t.Fatal(err)
			}
			if got := addedIDs(t, ch); !slices.Equal(got, pick(tc.added)) {
				t.Errorf("added %v, want %v", got, pick(tc.added))
			}
			if !ch.RemovalsKnown || !slices.Equal(ch.Removed, refs(pick(tc.removed))) {
				t.Errorf("removed %v (known %v), want %v", ch.Removed, ch.RemovalsKnown, refs(pick(tc.removed)))
			}
		})
	}
}

// seeding is a RoundTripper that likes one image just before the n-th
// request reaches the fake and one just after its answer came back: the
// first is in that answer, the second only in the next.
type seeding struct {
	srv          *waifuimtest.Server
	n            int64
	before, late int64
	calls        atomic.Int64
}

func (s *seeding) RoundTrip(r *http.Request) (*http.Response, error) {
	hit := s.calls.Add(1) == s.n
	if hit {
		_ = s.srv.Favorite(waifuimtest.UserID, s.before)
	}
	resp, err := http.DefaultTransport.RoundTrip(r)
	if hit {
		_ = s.srv.Favorite(waifuimtest.UserID, s.late)
	}
	return resp, err
}

// TestChangesWhileTheListMoves likes images between runs and during them;
// the union of the runs' Added must be exactly what was liked, each once.
func TestChangesWhileTheListMoves(t *testing.T) {
	for _, during := range []int64{2, 3, 4} { // the run whose request is seeded
		t.Run("", func(t *testing.T) {
			srv := waifuimtest.NewServer()
			defer srv.Close()
			ids := srv.GenerateImages(12)
			if err := srv.Favorite(waifuimtest.UserID, ids[:2]...); err != nil {
				t.Fatal(err)
			}
			rt := &seeding{srv: srv, n: during, before: ids[10], late: ids[11]}
			a := fakeAdapter(t, srv, waifuimtest.Token, favorites.WithHTTPClient(&http.Client{Transport: rt}))
			ch, err := a.Changes(t.Context(), "")
			if err != nil {
				t.Fatal(err)
			}
			seen := map[int64]int{}
			between := [][]int64{ids[2:5], ids[5:6], nil, ids[6:10], nil}
			for run, liked := range between {
				if err := srv.Favorite(waifuimtest.UserID, liked...); err != nil {
					t.Fatal(err)
				}
				if ch, err = a.Changes(t.Context(), ch.Mark); err != nil {
					t.Fatalf("run %d: %v", run, err)
				}
				for _, id := range addedIDs(t, ch) {
					seen[id]++
				}
			}
			for _, id := range ids[2:] {
				if seen[id] != 1 {
					t.Errorf("image %d was in %d runs' Added, want 1", id, seen[id])
				}
			}
			if len(seen) != len(ids[2:]) {
				t.Errorf("runs added %d images, want %d: %v", len(seen), len(ids[2:]), seen)
			}
		})
	}
}

// TestChangesBadMark: a mark this client cannot honour is refused before
// anything is sent, never read as a full listing.
func TestChangesBadMark(t *testing.T) {
	srv := waifuimtest.NewServer()
	defer srv.Close()
	ids := srv.GenerateImages(3)
	if err := srv.Favorite(waifuimtest.UserID, ids...); err != nil {
		t.Fatal(err)
	}
	mark := func(token string, opts ...favorites.Option) string {
		ch, err := fakeAdapter(t, srv, token, opts...).Changes(t.Context(), "")
		if err != nil {
			t.Fatal(err)
		}
		return ch.Mark
	}
	good := mark(waifuimtest.Token)
	dot := strings.LastIndex(good, ".")
	account, set := good[:dot], good[dot+1:]
	cases := []struct {
		name, mark string
		malformed  bool
	}{
		{"another provider", "e621.v1.l75.p2.a1181", true},
		{"a cursor", "waifuim.v1.p2", true},
		{"white space", " " + good, true},
		{"no set", account, true},
		{"bad base64", account + ".!!", true},
		{"padded base64", account + "." + set + "==", true},
		{"count not met", account + ".AQI", true},      // numbers: 2 IDs, none given
		{"ID twice", account + ".AQIBAA", true},        // numbers: 1, then a step of 0
		{"bytes left over", account + ".AQEBAQ", true}, // numbers: 1 ID, then a stray byte
		{"padded uvarint", account + ".AYEABQ", true},  // numbers: a count of 1 spelt 0x81 0x00, then ID 5
		{"too long", account + "." + strings.Repeat("A", 400_000), true},
		{"another account", mark(srv.AddUser(7, waifuimtest.ViewFavorites)), false},
		{"another token, same user", mark(srv.AddUser(waifuimtest.UserID, waifuimtest.ViewFavorites, waifuimtest.ManageFavorites)), false},
		{"another server", "waifuim.mark.v1." + strings.Repeat("A", 11) + "." + set, false},
	}
	a := fakeAdapter(t, srv, waifuimtest.Token)
	before := srv.Faults.Requests()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := a.Changes(t.Context(), tc.mark)
			if ch != nil || !errors.Is(err, favorites.ErrStaleMark) {
				t.Fatalf("Changes = %v, %v; want an error matching ErrStaleMark", ch, err)
			}
			if errors.Is(err, favorites.ErrInvalidArgument) != tc.malformed {
				t.Errorf("%v: matches ErrInvalidArgument %v, want %v", err, !tc.malformed, tc.malformed)
			}
			if strings.Contains(err.Error(), waifuimtest.Token) {
				t.Errorf("error shows the token: %v", err)
			}
		})
	}
	if got := srv.Faults.Requests() - before; got != 0 {
		t.Errorf("refused marks sent %d requests, want 0", got)
	}
	if strings.Contains(good, waifuimtest.Token) {
		t.Errorf("mark %q holds the token", good)
	}
	if _, err := a.Changes(t.Context(), good); err != nil {
		t.Errorf("the account's own mark: %v", err)
	}
}

// TestChangesServiceErrors: a failed run gives an error and no mark, so
// the caller keeps the old one and loses nothing.
func TestChangesServiceErrors(t *testing.T) {
	cases := []struct {
		name   string
		status int
		want   error
	}{
		{"unauthorized", http.StatusUnauthorized, favorites.ErrUnauthorized},
		{"forbidden", http.StatusForbidden, favorites.ErrForbidden},
		{"server error", http.StatusInternalServerError, favorites.ErrServer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := waifuimtest.NewServer()
			defer srv.Close()
			ids := srv.GenerateImages(2)
			if err := srv.Favorite(waifuimtest.UserID, ids...); err != nil {
				t.Fatal(err)
			}
			a := fakeAdapter(t, srv, waifuimtest.Token)
			first, err := a.Changes(t.Context(), "")
			if err != nil {
				t.Fatal(err)
			}
			srv.Faults.FailNext(10, tc.status)
			ch, err := a.Changes(t.Context(), first.Mark)
			if ch != nil || !errors.Is(err, tc.want) || errors.Is(err, favorites.ErrStaleMark) {
				t.Errorf("Changes = %v, %v; want only %v", ch, err, tc.want)
			}
		})
	}
}

// TestChangesEmptyList: the service's 404 for no favourites is an empty
// set, so a list that empties shows every favourite removed.
func TestChangesEmptyList(t *testing.T) {
	srv := waifuimtest.NewServer()
	defer srv.Close()
	ids := srv.GenerateImages(2)
	a := fakeAdapter(t, srv, waifuimtest.Token)
	empty, err := a.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Favorite(waifuimtest.UserID, ids...); err != nil {
		t.Fatal(err)
	}
	full, err := a.Changes(t.Context(), empty.Mark)
	if err != nil || len(full.Added) != 2 {
		t.Fatalf("after liking 2: %v, %v", full, err)
	}
	if err := srv.Unfavorite(waifuimtest.UserID, ids...); err != nil {
		t.Fatal(err)
	}
	gone, err := a.Changes(t.Context(), full.Mark)
	if err != nil || len(gone.Added) != 0 || len(gone.Removed) != 2 || gone.Mark != empty.Mark {
		t.Errorf("after removing both: %+v, %v; want 2 removed and the empty list's mark", gone, err)
	}
}

// TestChangesRequest: a run is one GET /fav ordered by liked_at, with no
// filter that could leave a favourite out of the set.
func TestChangesRequest(t *testing.T) {
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodGet, "https://api.waifu.im/fav", rec.reply(http.StatusNotFound, noMatch))
	ch, _, err := c.Changes(t.Context(), "")
	if err != nil || len(ch.Added) != 0 || ch.Mark == "" {
		t.Fatalf("Changes(\"\") = %+v, %v", ch, err)
	}
	calls := rec.sent()
	if len(calls) != 1 {
		t.Fatalf("%d requests, want 1", len(calls))
	}
	checkSent(t, calls[0], http.MethodGet, "/fav", "order_by=LIKED_AT", "")
}

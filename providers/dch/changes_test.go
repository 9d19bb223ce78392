package dch_test

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
)

// fakeWith starts a fake whose catalogue holds n items, the first favs of
// them favourites, and returns it with the items' IDs.
func fakeWith(t *testing.T, n, favs int, opts ...dchtest.Option) (*dchtest.Server, []string) {
	t.Helper()
	srv := dchtest.NewServer(opts...)
	t.Cleanup(srv.Close)
	items := catalogue(n)
	srv.AddItems(items...)
	ids := make([]string, n)
	for i, it := range items {
		ids[i] = it.ID
	}
	if err := srv.Favorite(ids[:favs]...); err != nil {
		t.Fatal(err)
	}
	return srv, ids
}

func addedIDs(ch *favorites.Changes) []string {
	ids := make([]string, len(ch.Added))
	for i, f := range ch.Added {
		ids[i] = f.Ref.ID
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
			srv, ids := fakeWith(t, n+k, n)
			c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL)) // default options
			if err != nil {
				t.Fatal(err)
			}
			a := dch.NewAdapter(c)
			first, err := a.Changes(t.Context(), "")
			if err != nil || len(first.Added) != 0 || srv.Faults.Requests() != 1 {
				t.Fatalf("from now: %d added, %d requests, %v; want 0, 1, nil", len(first.Added), srv.Faults.Requests(), err)
			}
			if err := srv.Favorite(ids[n:]...); err != nil {
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
			slices.Reverse(want) // made last, listed first
			if got := addedIDs(ch); !slices.Equal(got, want) {
				t.Errorf("k=%d: added %d items %v..., want %d newest first", k, len(got), got[:min(3, len(got))], len(want))
			}
			if !ch.RemovalsKnown || len(ch.Removed) != 0 {
				t.Errorf("k=%d: RemovalsKnown %v, Removed %v; want true, none", k, ch.RemovalsKnown, ch.Removed)
			}
			if limit := 6 * (n + k); len(ch.Mark) > limit {
				t.Errorf("mark of %d items is %d bytes, over %d", n+k, len(ch.Mark), limit)
			}
		})
	}
}

// TestChangesRemovals: one answer is the whole list, so what left it since
// the mark is reported beside what joined it.
func TestChangesRemovals(t *testing.T) {
	cases := []struct {
		name           string
		add, remove    []int // indexes into the catalogue, after the mark
		added, removed []int
	}{
		{"nothing", nil, nil, []int{}, []int{}},
		{"one removed", nil, []int{1}, []int{}, []int{1}},
		{"all removed", nil, []int{0, 1, 2}, []int{}, []int{0, 1, 2}},
		{"added and removed", []int{3, 4}, []int{0, 2}, []int{4, 3}, []int{0, 2}},
		{"removed and made again", []int{1}, []int{1}, []int{}, []int{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, ids := fakeWith(t, 5, 3)
			a := newAdapter(t, dchtest.Token, srv.URL)
			first, err := a.Changes(t.Context(), "")
			if err != nil {
				t.Fatal(err)
			}
			pick := func(idx []int) []string {
				out := []string{}
				for _, i := range idx {
					out = append(out, ids[i])
				}
				return out
			}
			if err := srv.Unfavorite(pick(tc.remove)...); err != nil {
				t.Fatal(err)
			}
			if err := srv.Favorite(pick(tc.add)...); err != nil {
				t.Fatal(err)
			}
			ch, err := a.Changes(t.Context(), first.Mark)
			if err != nil {
				t.Fatal(err)
			}
			if got := addedIDs(ch); !slices.Equal(got, pick(tc.added)) {
				t.Errorf("added %v, want %v", got, pick(tc.added))
			}
			var removed []string
			for _, r := range ch.Removed {
				removed = append(removed, r.String())
			}
			if !ch.RemovalsKnown || !slices.Equal(removed, pick(tc.removed)) {
				t.Errorf("removed %v (known %v), want %v", removed, ch.RemovalsKnown, pick(tc.removed))
			}
		})
	}
}

// seeding is a RoundTripper that makes one favourite just before the n-th
// request reaches the fake and one just after its answer came back: the
// first is in that answer, the second only in the next.
type seeding struct {
	srv          *dchtest.Server
	n            int64
	before, late string
	calls        atomic.Int64
}

func (s *seeding) RoundTrip(r *http.Request) (*http.Response, error) {
	hit := s.calls.Add(1) == s.n
	if hit {
		_ = s.srv.Favorite(s.before)
	}
	resp, err := http.DefaultTransport.RoundTrip(r)
	if hit {
		_ = s.srv.Favorite(s.late)
	}
	return resp, err
}

// TestChangesWhileTheListMoves makes favourites between runs and during
// them; the union of the runs' Added must be exactly what was made, each
// once.
func TestChangesWhileTheListMoves(t *testing.T) {
	for _, during := range []int64{2, 3, 4} { // the run whose request is seeded
		t.Run("", func(t *testing.T) {
			srv, ids := fakeWith(t, 12, 2)
			rt := &seeding{srv: srv, n: during, before: ids[10], late: ids[11]}
			a := newAdapter(t, dchtest.Token, srv.URL, favorites.WithHTTPClient(&http.Client{Transport: rt}))
			ch, err := a.Changes(t.Context(), "")
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]int{}
			between := [][]string{ids[2:5], ids[5:6], nil, ids[6:10], nil}
			for run, made := range between {
				if err := srv.Favorite(made...); err != nil {
					t.Fatal(err)
				}
				if ch, err = a.Changes(t.Context(), ch.Mark); err != nil {
					t.Fatalf("run %d: %v", run, err)
				}
				for _, id := range addedIDs(ch) {
					seen[id]++
				}
			}
			for _, id := range ids[2:] {
				if seen[id] != 1 {
					t.Errorf("item %s was in %d runs' Added, want 1", id, seen[id])
				}
			}
			if len(seen) != len(ids[2:]) {
				t.Errorf("runs added %d items, want %d: %v", len(seen), len(ids[2:]), seen)
			}
		})
	}
}

// TestChangesBadMark: a mark this client cannot honour is refused before
// anything is sent, never read as a full listing.
func TestChangesBadMark(t *testing.T) {
	srv, _ := fakeWith(t, 3, 3)
	good, err := newAdapter(t, dchtest.Token, srv.URL).Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	otherMark := func(token, base string) string {
		c, err := dch.New(token, favorites.WithBaseURL(base), favorites.WithHTTPClient(&http.Client{Transport: emptyList{}}))
		if err != nil {
			t.Fatal(err)
		}
		ch, _, err := c.Changes(t.Context(), "")
		if err != nil {
			t.Fatal(err)
		}
		return ch.Mark
	}
	dot := strings.LastIndex(good.Mark, ".")
	account, set := good.Mark[:dot], good.Mark[dot+1:]
	cases := []struct {
		name, mark string
		malformed  bool
	}{
		{"another provider", "waifuim.mark.v1.q2Xo0b1Ui5E.AsY7ggM", true},
		{"white space", good.Mark + " ", true},
		{"no set", account, true},
		{"bad base64", account + ".!!", true},
		{"padded base64", account + "." + set + "==", true},
		{"count not met", account + ".Ag", true},            // 2 IDs, none given
		{"out of order", account + ".AgABYgABYQ", true},     // "b", then "a"
		{"twice", account + ".AgABYQEA", true},              // "a", then "a" again
		{"shared past the ID", account + ".AQUBYQ", true},   // shares 5 bytes of ""
		{"an ID no call takes", account + ".AQACYS8", true}, // "a/"
		{"bytes left over", account + ".AQABYQE", true},     // "a", then a stray byte
		{"padded uvarint", account + ".gQAAAWE", true},      // a count of 1 spelt 0x81 0x00, then "a"
		{"too long", account + "." + strings.Repeat("A", 8_000_000), true},
		{"another account", otherMark("another-token", srv.URL), false},
		{"another server", otherMark(dchtest.Token, "https://api.digitalconcerthall.com/v2"), false},
	}
	a := newAdapter(t, dchtest.Token, srv.URL)
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
		})
	}
	if got := srv.Faults.Requests() - before; got != 0 {
		t.Errorf("refused marks sent %d requests, want 0", got)
	}
	if strings.Contains(good.Mark, dchtest.Token) {
		t.Errorf("mark %q holds the token", good.Mark)
	}
	if _, err := a.Changes(t.Context(), good.Mark); err != nil {
		t.Errorf("the account's own mark: %v", err)
	}
}

// emptyList answers every request with an empty favourites list, never
// reaching the network: a client of any base URL can make a mark with it.
type emptyList struct{}

func (emptyList) RoundTrip(r *http.Request) (*http.Response, error) {
	body := `{"updated":null,"_links":{"favourites":[]}}`
	return &http.Response{
		StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: r,
	}, nil
}

// TestClientChanges: the typed call is one GET of the list, and gives the
// typed entries, the list's updated time and its removals.
func TestClientChanges(t *testing.T) {
	srv, ids := fakeWith(t, 4, 2)
	c, err := dch.New(dchtest.Token, fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	first, _, err := c.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Unfavorite(ids[0]); err != nil {
		t.Fatal(err)
	}
	if err := srv.Favorite(ids[3]); err != nil {
		t.Fatal(err)
	}
	ch, resp, err := c.Changes(t.Context(), first.Mark)
	if err != nil || resp == nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("Changes: %v, %v", resp, err)
	}
	if len(ch.Added) != 1 || ch.Added[0].ID != ids[3] || ch.Added[0].Title != "Item 3" || len(ch.Added[0].Raw) == 0 {
		t.Errorf("added %+v, want item %s with its fields", ch.Added, ids[3])
	}
	if !slices.Equal(ch.Removed, ids[:1]) || ch.Updated.IsZero() || ch.Mark == first.Mark {
		t.Errorf("removed %v, updated %v, mark moved %v; want %v, a time, true", ch.Removed, ch.Updated, ch.Mark != first.Mark, ids[:1])
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
		{"server error", http.StatusInternalServerError, favorites.ErrServer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := fakeWith(t, 2, 2)
			a := newAdapter(t, dchtest.Token, srv.URL)
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

package playplay_test

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// library is a fake holding uploads 1..n, of which 1..favs are
// favourites, 1 the oldest.
func library(t *testing.T, n, favs int64, opts ...playplaytest.Option) *playplaytest.Server {
	t.Helper()
	srv := playplaytest.NewServer(opts...)
	t.Cleanup(srv.Close)
	ids := make([]int64, 0, favs)
	for i := range n {
		srv.AddMedia(playplaytest.Upload(i + 1))
		if i < favs {
			ids = append(ids, i+1)
		}
	}
	mark(t, srv, ids...)
	return srv
}

// span is the IDs from hi down to lo, newest favourite first as the fake
// lists what is favourited in ascending order.
func span(hi, lo int64) []int64 {
	var out []int64
	for id := hi; id >= lo; id-- {
		out = append(out, id)
	}
	return out
}

// oldestFirst is ids, newest first, in the order to favourite them.
func oldestFirst(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Reverse(out)
	return out
}

// Issue 19.2: with 1,000 favourites and k added since the mark, a call
// costs at most ceil(k/page)+1 requests with the default options (the
// fake's page is the document's 10), and "from now" costs one.
func TestChangesRequestCount(t *testing.T) {
	const n, page = 1000, playplaytest.DefaultPageSize
	for _, tt := range []struct {
		k, want int
	}{
		{0, 1}, {1, 1}, {page - 1, 2}, {page, 2}, {page + 1, 2},
	} {
		srv := library(t, n+page+1, n)
		c, err := playplay.New(srv.URL, srv.Token())
		if err != nil {
			t.Fatal(err)
		}
		a := playplay.NewAdapter(c)
		first, err := a.Changes(t.Context(), "")
		if err != nil || len(first.Added) != 0 || srv.Faults.Requests() != 1 {
			t.Fatalf("k=%d: from now: %v, %d added, %d requests; want none added, 1 request",
				tt.k, err, len(first.Added), srv.Faults.Requests())
		}
		added := span(int64(n+tt.k), n+1)
		mark(t, srv, oldestFirst(added)...)
		got, err := a.Changes(t.Context(), first.Mark)
		if err != nil {
			t.Fatalf("k=%d: %v", tt.k, err)
		}
		reqs := srv.Faults.Requests() - 1
		bound := (tt.k+page-1)/page + 1
		if reqs != tt.want || reqs > bound {
			t.Errorf("k=%d: %d requests, want %d (bound %d)", tt.k, reqs, tt.want, bound)
		}
		if !slices.Equal(ids(got.Added), added) || got.RemovalsKnown || got.Removed != nil {
			t.Errorf("k=%d: added %v (removals known %v, %v), want %v", tt.k, ids(got.Added),
				got.RemovalsKnown, got.Removed, added)
		}
	}
}

// hook is a RoundTripper that runs the function set for the Nth request
// (from 1) before sending it: the list changes in the middle of a call.
type hook struct {
	next http.RoundTripper
	mu   sync.Mutex
	n    int
	on   map[int]func()
}

func (h *hook) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.n++
	f := h.on[h.n]
	h.mu.Unlock()
	if f != nil {
		f()
	}
	return h.next.RoundTrip(r)
}

// arm resets the count and sets the functions of the coming call.
func (h *hook) arm(on map[int]func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.n, h.on = 0, on
}

// run is one call of a moving-list scenario: what changes before it, and
// what is favourited before its Nth request.
type run struct {
	add, remove []int64         // before the call, oldest first
	during      map[int][]int64 // before the Nth request of the call
}

// Issue 19.3: a favourite added between calls or during one is given by
// that call or the next, once each time it is stored; removals of older
// favourites (the mark's own media included, short of all five) lose
// nothing. Library: uploads
// 1..100, favourites 1..20 when the first mark is taken, five a page.
func TestChangesWhileTheListMoves(t *testing.T) {
	tests := []struct {
		name string
		runs []run
	}{
		{"added between calls", []run{{add: []int64{21, 22}}, {add: span(40, 23)}, {}}},
		{"added before the first page", []run{{during: map[int][]int64{1: {21}}}, {}}},
		{"added between pages", []run{{add: span(30, 21), during: map[int][]int64{2: {31}, 3: {32, 33}}}, {}}},
		{"added while a from-now mark is read", []run{{during: map[int][]int64{1: {21}}}, {during: map[int][]int64{1: {22}}}, {}}},
		{"newest two removed", []run{{remove: []int64{20, 19}, add: []int64{21, 22}}, {}}},
		{"newest four removed: one of the mark left", []run{{remove: []int64{20, 19, 18, 17}, add: span(30, 21)}, {}}},
		{"an anchor removed and stored again", []run{{add: []int64{21, 22, 23}}, {add: []int64{24, 25}}, {remove: []int64{23}, add: []int64{26, 28, 29, 30, 31, 23, 27}}, {}}},
		{"older ones removed", []run{{remove: []int64{3, 7}, add: span(35, 21)}, {}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := library(t, 100, 20, playplaytest.WithPageSize(5))
			h := &hook{next: &http.Transport{}}
			t.Cleanup(h.next.(*http.Transport).CloseIdleConnections)
			a := newAdapter(t, srv.URL, srv.Token(), favorites.WithHTTPClient(&http.Client{Transport: h}))
			first, err := a.Changes(t.Context(), "")
			if err != nil {
				t.Fatal(err)
			}
			got, want := runAll(t, srv, a, h, first.Mark, tt.runs)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("the calls gave %v, want each of %v once each time it was stored", got, want)
			}
		})
	}
}

// runAll makes the calls of runs from mark and returns the IDs they gave
// (all of them, repeats too) and the IDs favourited since mark (one stored
// again, twice: it is a new favourite). Every
// call's Added must be in the order of the list.
func runAll(t *testing.T, srv *playplaytest.Server, a *playplay.Adapter, h *hook, mark string, runs []run) (got, want []int64) {
	t.Helper()
	for i, r := range runs {
		unmark(t, srv, r.remove...)
		favourite(t, srv, r.add...)
		want = append(want, r.add...)
		on := map[int]func(){}
		for n, ids := range r.during {
			want = append(want, ids...)
			on[n] = func() { favourite(t, srv, ids...) }
		}
		h.arm(on)
		ch, err := a.Changes(t.Context(), mark)
		if err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
		given := ids(ch.Added)
		if list := srv.Favorites(); !isSubsequence(given, list) {
			t.Errorf("call %d gave %v, not in the list's order %v", i+1, given, list)
		}
		got, mark = append(got, given...), ch.Mark
	}
	return got, want
}

// favourite is mark, safe to call from a request's goroutine (it reports
// with Errorf, not Fatal).
func favourite(t *testing.T, srv *playplaytest.Server, ids ...int64) {
	if err := srv.Favorite(ids...); err != nil {
		t.Errorf("favourite %v: %v", ids, err)
	}
}

func isSubsequence(sub, list []int64) bool {
	i := 0
	for _, id := range list {
		if i < len(sub) && sub[i] == id {
			i++
		}
	}
	return i == len(sub)
}

// newCounted is a client of srv with the default options, its first mark
// ("from now"), and srv's request count after it.
func newCounted(t *testing.T, srv *playplaytest.Server) (*playplay.Adapter, string, int) {
	t.Helper()
	c, err := playplay.New(srv.URL, srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	a := playplay.NewAdapter(c)
	ch, err := a.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	return a, ch.Mark, srv.Faults.Requests()
}

// A mark made with another token on the same server is another account's:
// the listing is "me", so the token is all that names the account.
func TestChangesRefusesAnotherTokensMark(t *testing.T) {
	srv := library(t, 10, 5)
	_, good, sent := newCounted(t, srv)
	c, err := playplay.New(srv.URL, "another-token")
	if err != nil {
		t.Fatal(err)
	}
	_, err = playplay.NewAdapter(c).Changes(t.Context(), good)
	if !errors.Is(err, favorites.ErrStaleMark) || !strings.Contains(err.Error(), "another base URL or token") {
		t.Errorf("another token's client given the mark: %v, want ErrStaleMark naming the token", err)
	}
	if n := srv.Faults.Requests() - sent; n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

// A mark this client cannot read is refused before anything is sent, with
// both sentinels and the reason.
func TestChangesRefusesUnreadableMarks(t *testing.T) {
	srv := library(t, 10, 5)
	other := library(t, 10, 5)
	a, good, sent := newCounted(t, srv)
	_, foreign, _ := newCounted(t, other)
	account := strings.Split(good, ".")[3]
	pre := "playplay.mark.v1." + account + "." // the earlier form, read and checked alike
	for _, tt := range []struct{ name, mark, why string }{
		{"another provider's", "e621.v1.l75.p1.a5-4", "not a playplay mark"},
		{"a cursor", "3.10.pexels:201", "not a playplay mark"},
		{"a cursor of this version", "playplay.v2.l10.o20.aupload:5", "listing cursor"},
		{"another version", strings.Replace(good, ".v2.", ".v3.", 1), "another version"},
		{"no account tag", "playplay.mark.v1.upload:1", "no account tag"},
		{"another server's", foreign, "another base URL"},
		{"another server's, earlier form", "playplay.mark.v1." + strings.Split(foreign, ".")[3] + ".upload:5", "another base URL"},
		{"no anchors", "playplay.mark.v2." + account + ".a", "not written as a mark"},
		{"an anchor not canonical", "playplay.mark.v2." + account + ".aupload:05", "not a canonical ref"},
		{"an escape not canonical", "playplay.mark.v2." + account + ".aupload%3A5", "not written as"},
		{"a ref without source", pre + "5", "not a canonical ref"},
		{"raw media ID 0", pre + "upload:0", "not a canonical ref"},
		{"a leading zero", pre + "upload:05", "not a canonical ref"},
		{"the long spelling", pre + "pexels:5~123", "not a canonical ref"},
		{"a source with /", pre + "a%2Fb:5", "not a canonical ref"},
		{"an empty ref", pre + "upload:5/", "empty ID"},
		{"a ref twice", pre + "upload:5/upload:5", "twice"},
		{"six refs", pre + "upload:1/upload:2/upload:3/upload:4/upload:5/upload:6", "more than 5"},
		{"too long", pre + strings.Repeat("x", playplay.MaxMarkLen), "more than any mark"},
	} {
		_, err := a.Changes(t.Context(), tt.mark)
		if !errors.Is(err, favorites.ErrStaleMark) || !errors.Is(err, favorites.ErrInvalidArgument) ||
			!strings.Contains(err.Error(), tt.why) {
			t.Errorf("%s: %v, want ErrStaleMark and ErrInvalidArgument saying %q", tt.name, err, tt.why)
		}
		if n := srv.Faults.Requests(); n != sent {
			t.Errorf("%s: %d requests sent", tt.name, n-sent)
		}
	}
}

// A mark the list no longer honours is stale, after reading no more than
// it must: to the end of the list, or MaxChangesPages pages.
func TestChangesStaleMarks(t *testing.T) {
	for _, tt := range []struct {
		name     string
		pageSize int
		change   func(t *testing.T, srv *playplaytest.Server)
		requests int
	}{
		{"all of its media removed", 10, func(t *testing.T, s *playplaytest.Server) {
			unmark(t, s, 10, 9, 8, 7, 6)
			mark(t, s, 11)
		}, 1},
		{"more new than MaxChangesPages pages", 1, func(t *testing.T, s *playplaytest.Server) {
			mark(t, s, span(100, 11)...)
		}, playplay.MaxChangesPages},
	} {
		srv := library(t, 100, 10, playplaytest.WithPageSize(tt.pageSize))
		a, m, sent := newCounted(t, srv)
		tt.change(t, srv)
		got, err := a.Changes(t.Context(), m)
		if !errors.Is(err, favorites.ErrStaleMark) || errors.Is(err, favorites.ErrInvalidArgument) || got != nil {
			t.Errorf("%s: %v, %v; want ErrStaleMark alone", tt.name, got, err)
		}
		if n := srv.Faults.Requests() - sent; n != tt.requests {
			t.Errorf("%s: %d requests, want %d", tt.name, n, tt.requests)
		}
	}
}

// A mark of an empty list takes everything listed next as new; the typed
// call gives the media themselves. The mark holds no credential and
// rewrites as itself.
func TestFavoritesSinceAnEmptyList(t *testing.T) {
	srv := library(t, 20, 0, playplaytest.WithPageSize(2))
	c, err := playplay.New(srv.URL, srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	var got [][]int64
	m := ""
	for _, add := range [][]int64{nil, {1, 2, 3}, nil, {4}} {
		mark(t, srv, add...)
		media, next, err := c.FavoritesSince(t.Context(), m)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, it := range media {
			if len(it.Raw) == 0 || it.Source != playplay.SourceUpload {
				t.Errorf("media %d: source %q, Raw %q", it.ID, it.Source, it.Raw)
			}
			ids = append(ids, it.ID)
		}
		got = append(got, ids)
		if back, err := playplay.ParseMark(next, c); err != nil || back != next || strings.Contains(next, srv.Token()) {
			t.Errorf("mark %q: reads back as %q, %v", next, back, err)
		}
		m = next
	}
	want := [][]int64{nil, {3, 2, 1}, nil, {4}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("calls gave %v, want %v", got, want)
	}
}

// Whatever text is given as a mark, it is read back as itself (a mark of
// the earlier form: as one of the current form that reads back as itself)
// or refused with both sentinels and a short error.
func FuzzParseMark(f *testing.F) {
	c, err := playplay.New("https://"+fuzzHost, mockToken)
	if err != nil {
		f.Fatal(err)
	}
	v1 := "playplay.mark.v1." + playplay.MarkHost(c) + "."
	v2 := "playplay.mark.v2." + playplay.MarkHost(c) + "."
	for _, s := range []string{"", v1, v1 + "upload:1/pexels:2", v1 + "a%3Ab:1", v1 + "a%3ab:1",
		"playplay.mark.v1.12345678.upload:1", "3.10.upload:1", v2 + "e", v2 + "aupload:1-pexels:2", v2 + "aa%253Ab:1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		back, err := playplay.ParseMark(s, c)
		switch {
		case err == nil && back != s && !strings.HasPrefix(s, v1):
			t.Errorf("%q reads back as %q", s, back)
		case err == nil && strings.HasPrefix(s, v1):
			if again, err := playplay.ParseMark(back, c); err != nil || again != back {
				t.Errorf("%q reads as %q, which reads back as %q, %v", s, back, again, err)
			}
		case err != nil && (!errors.Is(err, favorites.ErrStaleMark) || !errors.Is(err, favorites.ErrInvalidArgument)):
			t.Errorf("%q: %v lacks a sentinel", s, err)
		case err != nil && len(err.Error()) > 400:
			t.Errorf("%q: an error of %d bytes", s, len(err.Error()))
		}
	})
}

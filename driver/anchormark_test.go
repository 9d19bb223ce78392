package driver

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

// marksOf is an AnchorMark on l: eight anchors, pages of up to 320 the
// client picks (or the server's), of an account "acct".
func marksOf(l *pagedList, maxPages int) *AnchorMark[int64, int64] {
	return &AnchorMark[int64, int64]{List: walkOf(l, 320, 750), Prefix: "test.m1.", Keep: 8, MaxPages: maxPages,
		Account: AccountTag("test", "https://test.example", "acct"), Whose: "site or login"}
}

// since is one call of m.Since, checked to send nothing but reads.
func since(t *testing.T, m *AnchorMark[int64, int64], mark string) ([]int64, string) {
	t.Helper()
	added, next, err := m.Since(t.Context(), mark)
	if err != nil {
		t.Fatal(err)
	}
	return added, next
}

// TestAnchorMarkRequestCount: with 1,000 items and k added since the mark,
// a call costs ceil(k/page)+1 requests at most, and "from now" one, for
// pages the client sizes (320) and pages the server sizes (10).
func TestAnchorMarkRequestCount(t *testing.T) {
	for _, page := range []int{320, 10} {
		for _, tc := range []struct{ k, want int }{
			{0, 1}, {1, 1}, {page - 1, 2}, {page, 2}, {page + 1, 2}, {page - 8, 1}, {3 * page, 4},
		} {
			t.Run(fmt.Sprintf("page %d, k=%d", page, tc.k), func(t *testing.T) {
				l := newPagedList(1000)
				if page == 10 {
					l.server = 10
				}
				m := marksOf(l, 0)
				_, mark := since(t, m, "")
				if l.sent() != 1 {
					t.Fatalf("from now: %d requests, want 1", l.sent())
				}
				added := l.add(tc.k)
				got, _ := since(t, m, mark)
				if n := l.sent() - 1; n != tc.want || n > (tc.k+page-1)/page+1 {
					t.Errorf("%d requests, want %d", n, tc.want)
				}
				if !slices.Equal(got, added) {
					t.Errorf("added %d items, want the %d added, newest first", len(got), len(added))
				}
			})
		}
	}
}

// TestAnchorMarkWhileTheListMoves adds items between calls and while a call
// reads its pages, and checks that the calls together give each once.
func TestAnchorMarkWhileTheListMoves(t *testing.T) {
	type step struct{ before, at, during int }
	for _, tc := range []struct {
		name   string
		n      int
		server bool
		steps  []step
	}{
		{"between calls", 40, false, []step{{before: 3}, {before: 1}, {}}},
		{"between a call's pages", 400, false, []step{{before: 330, at: 2, during: 5}, {before: 1}}},
		{"every call", 5, false, []step{{before: 1, at: 1, during: 1}, {before: 321, at: 2, during: 320}, {before: 2}}},
		{"empty list", 0, false, []step{{}, {before: 4}, {before: 1, at: 1, during: 1}}},
		{"server: between a call's pages", 20, true, []step{{before: 10, at: 2, during: 1}, {before: 25, at: 3, during: 2}}},
		{"server: empty list", 0, true, []step{{}, {before: 4}, {}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newPagedList(tc.n)
			if tc.server {
				l.server = 5
			}
			m := marksOf(l, 0)
			_, mark := since(t, m, "")
			var want, got []int64
			for _, s := range append(tc.steps, step{}) { // a last call takes what the one before left
				want = append(want, l.add(s.before)...)
				if s.during > 0 {
					l.at(s.at, func() { want = append(want, l.add(s.during)...) })
				}
				added, next := since(t, m, mark)
				got, mark = append(got, added...), next
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("the calls gave %v, want each of %v once", got, want)
			}
		})
	}
}

// TestAnchorMarkAnchorsMoved changes what the mark remembers between two
// calls.
func TestAnchorMarkAnchorsMoved(t *testing.T) {
	for _, tc := range []struct {
		name   string
		n      int
		server int // the server's page size; 0: the client's 320
		change func(l *pagedList, old []int64) (added []int64)
	}{
		{"newest three removed", 50, 0, func(l *pagedList, old []int64) []int64 {
			l.remove(old[:3]...)
			return l.add(2)
		}},
		{"all but the oldest anchor removed", 50, 0, func(l *pagedList, old []int64) []int64 {
			l.remove(old[:7]...)
			return l.add(4)
		}},
		{"an anchor added again", 50, 0, func(l *pagedList, old []int64) []int64 {
			added := l.add(3)
			l.readd(old[2])
			return append([]int64{old[2]}, added...)
		}},
		{"an anchor added again above a page of new ones", 50, 5, func(l *pagedList, old []int64) []int64 {
			added := l.add(6)
			l.readd(old[2])
			return append([]int64{old[2]}, added...)
		}},
		{"fewer items than anchors", 3, 0, func(l *pagedList, _ []int64) []int64 { return l.add(2) }},
		{"one anchor just past the page", 50, 0, func(l *pagedList, old []int64) []int64 {
			l.remove(old[1:]...)
			return l.add(319)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newPagedList(tc.n)
			l.server = tc.server
			m := marksOf(l, 0)
			_, mark := since(t, m, "")
			want := tc.change(l, l.snapshot())
			if got, _ := since(t, m, mark); !slices.Equal(got, want) {
				t.Errorf("added %v, want %v", got, want)
			}
		})
	}
}

// TestAnchorMarkWhileItemsAreRemoved removes items a call has read, below
// its anchors, while it reads the pages below them: the rest moves up, and
// no item added before the call may slip past it unread.
func TestAnchorMarkWhileItemsAreRemoved(t *testing.T) {
	for _, tc := range []struct {
		name    string
		k       int
		removed map[int]int // request number: this many removed before it, from the tenth newest on
	}{
		{"one before page 2", 700, map[int]int{2: 1}},
		{"three before every page", 1200, map[int]int{2: 3, 3: 3, 4: 3, 5: 3}},
		{"more than the overlap before page 2", 700, map[int]int{2: 40}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newPagedList(1000)
			m := marksOf(l, 0)
			_, mark := since(t, m, "")
			added := l.add(tc.k)
			gone := map[int64]bool{}
			for at, r := range tc.removed {
				l.at(at, func() {
					ids := l.snapshot()[10 : 10+r]
					l.remove(ids...)
					for _, id := range ids {
						gone[id] = true
					}
				})
			}
			count := map[int64]int{}
			for range 2 {
				got, next := since(t, m, mark)
				for _, id := range got {
					count[id]++
				}
				mark = next
			}
			for _, id := range added {
				if n := count[id]; n > 1 || n == 0 && !gone[id] {
					t.Errorf("item %d (gone: %v) given %d times, want once", id, gone[id], n)
				}
			}
		})
	}
}

// TestAnchorMarkListMovingTooFast: items removed above the read before
// every request move the list past each walk; the call says so with a
// temporary error, and the mark still holds.
func TestAnchorMarkListMovingTooFast(t *testing.T) {
	l := newPagedList(1000)
	m := marksOf(l, 0)
	_, mark := since(t, m, "")
	added := l.add(700)
	for at := 2; at <= 6; at += 2 { // before each walk's page 2
		l.at(at, func() { l.remove(l.snapshot()[:40]...) })
	}
	got, _, err := m.Since(t.Context(), mark)
	if !errors.Is(err, favorites.ErrListChanged) || !favorites.IsTemporary(err) || got != nil {
		t.Fatalf("Since = %v, %v; want a temporary ErrListChanged", got, err)
	}
	if got, _ = since(t, m, mark); !slices.Equal(got, added[120:]) {
		t.Errorf("the next call added %d items, want the %d added and not removed", len(got), len(added)-120)
	}
}

// TestAnchorMarkStale: a mark whose anchors are gone, or lie deeper than
// MaxPages, is stale once the pages read show it, and only stale.
func TestAnchorMarkStale(t *testing.T) {
	for _, tc := range []struct {
		name     string
		maxPages int
		change   func(l *pagedList)
		requests int
	}{
		{"every anchor removed", 0, func(l *pagedList) { l.remove(l.snapshot()[:8]...); l.add(2) }, 5}, // to the end: 24 items
		{"more added than MaxPages pages", 3, func(l *pagedList) { l.add(20) }, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newPagedList(30)
			l.server = 5
			m := marksOf(l, tc.maxPages)
			_, mark := since(t, m, "")
			tc.change(l)
			sent := l.sent()
			got, _, err := m.Since(t.Context(), mark)
			if !errors.Is(err, favorites.ErrStaleMark) || errors.Is(err, favorites.ErrInvalidArgument) || got != nil {
				t.Errorf("Since = %v, %v; want ErrStaleMark alone", got, err)
			}
			if n := l.sent() - sent; n != tc.requests {
				t.Errorf("%d requests, want %d", n, tc.requests)
			}
		})
	}
}

// TestAnchorMarkText: a mark is read back as itself; one this client
// cannot read is refused with both sentinels, saying why, and nothing
// sent; an earlier version's is read through OldMark and checked alike.
func TestAnchorMarkText(t *testing.T) {
	l := newPagedList(20)
	m := marksOf(l, 0)
	m.OldMark = func(text string) (string, []string, bool) { // "old:<account>:<id>,<id>"
		rest, ok := strings.CutPrefix(text, "old:")
		account, ids, _ := strings.Cut(rest, ":")
		return account, strings.Split(ids, ","), ok
	}
	own := m.Account
	other := AccountTag("test", "https://test.example", "someone else")
	for _, tc := range []struct {
		name, mark, why string
		anchors         []int64 // read back
	}{
		{"own", "test.m1." + own + ".a5-4", "", []int64{5, 4}},
		{"empty list", "test.m1." + own + ".e", "", nil},
		{"old form", "old:" + own + ":5,4", "", []int64{5, 4}},
		{"another account", "test.m1." + other + ".a5-4", "another site or login", nil},
		{"another version", "test.m2." + own + ".a5", "another version", nil},
		{"a listing cursor", "test.v2.l320.o632.a5", "listing cursor", nil},
		{"another provider's", "e621.m1." + own + ".a5", "not a test mark", nil},
		{"garbage", "not a mark", "not a test mark", nil},
		{"too long", "test.m1." + own + ".a" + strings.Repeat("1", m.MaxLen()), "more than any mark", nil},
		{"a leading zero", "test.m1." + own + ".a05", "not a positive integer", nil},
		{"a repeated anchor", "test.m1." + own + ".a5-5", "twice", nil},
		{"nine anchors", "test.m1." + own + ".a1-2-3-4-5-6-7-8-9", "more than 8", nil},
		{"a negative anchor", "test.m1." + own + ".a-5", "not written as a mark", nil},
		{"no anchors", "test.m1." + own + ".a", "not written as a mark", nil},
		{"nothing after the account", "test.m1." + own + ".", "not written as a mark", nil},
		{"a short account", "test.m1.abc.a5", "no account tag", nil},
		{"old form, checked", "old:" + own + ":5,x", "not a positive integer", nil},
		{"old form, no account", "old:5", "no account tag", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			anchors, err := m.Parse(tc.mark)
			if tc.why == "" {
				if err != nil || !slices.Equal(anchors, tc.anchors) {
					t.Errorf("Parse = %v, %v; want %v", anchors, err, tc.anchors)
				}
				if back := m.Format(anchors); tc.name != "old form" && back != tc.mark {
					t.Errorf("Format = %q, want %q", back, tc.mark)
				}
				return
			}
			if !errors.Is(err, favorites.ErrStaleMark) || !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tc.why) {
				t.Errorf("Parse = %v; want ErrStaleMark and ErrInvalidArgument saying %q", err, tc.why)
			}
			if _, _, err := m.Since(t.Context(), tc.mark); err == nil || l.sent() != 0 {
				t.Errorf("Since sent %d requests for a refused mark (%v)", l.sent(), err)
			}
		})
	}
}

// FuzzAnchorMark: whatever text is given as a mark, it is read back as
// itself, or as the current form of an old one, or refused with both
// sentinels.
func FuzzAnchorMark(f *testing.F) {
	m := marksOf(newPagedList(0), 0)
	for _, s := range []string{"", "test.m1." + m.Account + ".a5-4", "test.m1." + m.Account + ".e", "test.m2.x.a5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		anchors, err := m.Parse(text)
		switch {
		case err == nil && m.Format(anchors) != text:
			t.Errorf("%q reads back as %q", text, m.Format(anchors))
		case err != nil && (!errors.Is(err, favorites.ErrStaleMark) || !errors.Is(err, favorites.ErrInvalidArgument)):
			t.Errorf("%q: %v lacks a sentinel", text, err)
		}
	})
}

package favorites_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

func refs(ids ...string) []favorites.Ref {
	out := make([]favorites.Ref, len(ids))
	for i, id := range ids {
		out[i] = favorites.Ref{ID: id}
	}
	return out
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name                string
		current, want       []favorites.Ref
		wantAdd, wantRemove []favorites.Ref
	}{
		{"empty", nil, nil, nil, nil},
		{"all new", nil, refs("a", "b"), refs("a", "b"), nil},
		{"all gone", refs("a", "b"), nil, nil, refs("a", "b")},
		{"mixed keeps order", refs("c", "b", "a"), refs("d", "a", "e"), refs("d", "e"), refs("c", "b")},
		{"duplicates count once", refs("a", "a", "x", "x"), refs("b", "b", "a"), refs("b"), refs("x")},
		{"source matters", []favorites.Ref{{ID: "1", Source: "upload"}}, []favorites.Ref{{ID: "1", Source: "pexels"}},
			[]favorites.Ref{{ID: "1", Source: "pexels"}}, []favorites.Ref{{ID: "1", Source: "upload"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			add, remove := favorites.Diff(tt.current, tt.want)
			if !slices.Equal(add, tt.wantAdd) || !slices.Equal(remove, tt.wantRemove) {
				t.Errorf("Diff = add %v remove %v; want add %v remove %v", add, remove, tt.wantAdd, tt.wantRemove)
			}
		})
	}
}

func TestSync(t *testing.T) {
	tests := []struct {
		name        string
		opts        favorites.SyncOptions
		wantFinal   []string
		wantAdded   int
		wantRemoved int
	}{
		{"adds only by default", favorites.SyncOptions{}, []string{"d", "e", "a", "b", "c"}, 2, 0},
		{"prune", favorites.SyncOptions{Prune: true}, []string{"d", "e", "a"}, 2, 2},
		{"dry run", favorites.SyncOptions{DryRun: true, Prune: true}, []string{"a", "b", "c"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := favoritestest.NewMemory("mem", refs("a", "b", "c")...)
			m.PageSize = 2
			var events atomic.Int64
			tt.opts.Progress = func(favorites.SyncEvent) { events.Add(1) }
			rep, err := favorites.Sync(t.Context(), m, refs("a", "d", "e"), &tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.Refs(); !sameRefs(got, refs(tt.wantFinal...)) {
				t.Errorf("final %v, want %v", got, tt.wantFinal)
			}
			if len(rep.Added) != tt.wantAdded || len(rep.Removed) != tt.wantRemoved || rep.Unchanged != 1 {
				t.Errorf("report %+v", rep)
			}
			if len(rep.ToAdd) != 2 {
				t.Errorf("plan ToAdd %v", rep.ToAdd)
			}
			if int(events.Load()) != tt.wantAdded+tt.wantRemoved {
				t.Errorf("%d progress events", events.Load())
			}
		})
	}
}

func sameRefs(a, b []favorites.Ref) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	less := func(x, y favorites.Ref) int { return strings.Compare(x.String(), y.String()) }
	slices.SortFunc(a, less)
	slices.SortFunc(b, less)
	return slices.Equal(a, b)
}

func TestSyncListingFailureChangesNothing(t *testing.T) {
	m := favoritestest.NewMemory("mem", refs("a", "b", "c", "d")...)
	m.PageSize = 2
	m.Fail = func(op string, _ favorites.Ref) error {
		if op == "list" && m.Calls("list") == 2 {
			return errors.New("503 on page 2")
		}
		return nil
	}
	rep, err := favorites.Sync(t.Context(), m, refs("x"), &favorites.SyncOptions{Prune: true})
	if err == nil || rep != nil {
		t.Fatalf("Sync = %v, %v; want an error and no report", rep, err)
	}
	for _, want := range []string{"listing failed after 2 favourites", "nothing changed", "503 on page 2"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if m.Calls("add")+m.Calls("remove") != 0 || len(m.Refs()) != 4 {
		t.Errorf("changes made after a failed listing: %v", m.Refs())
	}
}

func TestSyncFailureDoesNotStopOthersAndRerunFinishes(t *testing.T) {
	m := favoritestest.NewMemory("mem", refs("old1", "old2")...)
	var failed sync.Map
	m.Fail = func(op string, r favorites.Ref) error {
		// each of these fails once, the first time it is tried
		if r.ID == "n3" || r.ID == "old2" {
			if _, again := failed.LoadOrStore(r, true); !again {
				return fmt.Errorf("injected failure for %s", r)
			}
		}
		return nil
	}
	want := refs("n1", "n2", "n3", "n4")
	opts := &favorites.SyncOptions{Prune: true, Concurrency: 3}
	rep, err := favorites.Sync(t.Context(), m, want, opts)
	if err == nil || len(rep.Failed) != 2 || len(rep.Added) != 3 || len(rep.Removed) != 1 {
		t.Fatalf("first run: %+v, %v", rep, err)
	}
	rep, err = favorites.Sync(t.Context(), m, want, opts)
	if err != nil || len(rep.Added) != 1 || len(rep.Removed) != 1 || rep.Unchanged != 3 {
		t.Fatalf("rerun: %+v, %v", rep, err)
	}
	if !sameRefs(m.Refs(), want) {
		t.Fatalf("final %v, want %v", m.Refs(), want)
	}
}

func TestSyncStopsStartingWhenContextEnds(t *testing.T) {
	m := favoritestest.NewMemory("mem")
	ctx, cancel := context.WithCancel(t.Context())
	var want []favorites.Ref
	for i := range 20 {
		want = append(want, favorites.Ref{ID: "n" + strconv.Itoa(i)})
	}
	rep, err := favorites.Sync(ctx, m, want, &favorites.SyncOptions{Concurrency: 1,
		Progress: func(e favorites.SyncEvent) {
			if e.Done == 5 {
				cancel()
			}
		}})
	if err == nil || len(rep.Added) != 5 || len(rep.NotStarted) != 15 {
		t.Fatalf("after cancel at 5: added %d, not started %d, err %v", len(rep.Added), len(rep.NotStarted), err)
	}
	if len(m.Refs()) != 5 {
		t.Errorf("%d favourites, want the 5 finished", len(m.Refs()))
	}
}

func TestSyncBoundsConcurrencyAndSerialisesProgress(t *testing.T) {
	m := favoritestest.NewMemory("mem")
	var inFlight, most, inProgress atomic.Int64
	m.Fail = func(op string, _ favorites.Ref) error {
		if op == "add" {
			n := inFlight.Add(1)
			for cur := most.Load(); n > cur && !most.CompareAndSwap(cur, n); cur = most.Load() {
			}
			time.Sleep(2 * time.Millisecond) // hold the slot so that others pile up if unbounded
			inFlight.Add(-1)
		}
		return nil
	}
	var want []favorites.Ref
	for i := range 40 {
		want = append(want, favorites.Ref{ID: "n" + strconv.Itoa(i)})
	}
	var overlapped atomic.Bool
	_, err := favorites.Sync(t.Context(), m, want, &favorites.SyncOptions{Concurrency: 3,
		Progress: func(favorites.SyncEvent) {
			if inProgress.Add(1) != 1 {
				overlapped.Store(true)
			}
			inProgress.Add(-1)
		}})
	if err != nil {
		t.Fatal(err)
	}
	if n := most.Load(); n > 3 {
		t.Errorf("%d adds in flight at once, want at most 3", n)
	}
	if overlapped.Load() {
		t.Error("Progress was called from two goroutines at once")
	}
}

// spelled is a Memory whose items have a second spelling, Source "alt",
// as PlayPlay's refs do: Canonical drops it, and a ref of any other source
// is refused.
type spelled struct{ *favoritestest.Memory }

func (s spelled) Canonical(r favorites.Ref) (favorites.Ref, error) {
	switch r.Source {
	case "alt":
		r.Source = ""
	case "":
	default:
		return favorites.Ref{}, fmt.Errorf("%w: source %q; the canonical form has none", favorites.ErrInvalidArgument, r.Source)
	}
	return s.Memory.Canonical(r)
}

func TestSyncComparesCanonicalRefs(t *testing.T) {
	tests := []struct {
		name        string
		want        []favorites.Ref
		add, remove []favorites.Ref
		err         error
	}{
		{"other spelling of a listed item", []favorites.Ref{{Source: "alt", ID: "1"}, {ID: "2"}}, nil, nil, nil},
		{"other spelling of a new item", []favorites.Ref{{ID: "1"}, {ID: "2"}, {Source: "alt", ID: "3"}}, refs("3"), nil, nil},
		{"both spellings of one item", []favorites.Ref{{ID: "1"}, {Source: "alt", ID: "1"}}, nil, refs("2"), nil},
		{"a spelling the adapter refuses", []favorites.Ref{{ID: "1"}, {Source: "bad", ID: "2"}}, nil, nil, favorites.ErrInvalidArgument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := favoritestest.NewMemory("mem", refs("1", "2")...)
			rep, err := favorites.Sync(t.Context(), spelled{m}, tt.want, &favorites.SyncOptions{Prune: true})
			if tt.err != nil {
				if !errors.Is(err, tt.err) || m.Calls("list")+m.Calls("add")+m.Calls("remove") != 0 {
					t.Fatalf("Sync: %v after %d lists, want %v before anything", err, m.Calls("list"), tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !sameRefs(rep.Added, tt.add) || !sameRefs(rep.Removed, tt.remove) {
				t.Fatalf("Sync added %v, removed %v; want %v and %v", rep.Added, rep.Removed, tt.add, tt.remove)
			}
		})
	}
}

// slowAdds is a Memory whose Add waits, as a client waits out a rate
// limit, and gives up when its context ends.
type slowAdds struct {
	*favoritestest.Memory
	wait time.Duration
}

func (s slowAdds) Add(ctx context.Context, ref favorites.Ref) error {
	select {
	case <-time.After(s.wait):
		return s.Memory.Add(ctx, ref)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ItemTimeout is the grace of a change in flight after ctx ends, not a
// deadline while it runs: a change that waits longer than it (a rate
// limit) still succeeds.
func TestSyncDoesNotTimeAChangeWhileCtxLives(t *testing.T) {
	f := slowAdds{favoritestest.NewMemory("memory"), 30 * time.Millisecond}
	rep, err := favorites.Sync(t.Context(), f, []favorites.Ref{{ID: "1"}, {ID: "2"}}, &favorites.SyncOptions{ItemTimeout: time.Millisecond})
	if err != nil || len(rep.Added) != 2 {
		t.Fatalf("Sync: %v, added %v", err, rep.Added)
	}
}

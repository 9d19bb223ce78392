package favorites_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// favs are n favourites of provider, "1" the oldest.
func favs(provider string, n int) []favorites.Favorite {
	out := make([]favorites.Favorite, n)
	for i := range out {
		out[i] = favorites.Favorite{Provider: provider, Ref: favorites.Ref{ID: fmt.Sprint(i + 1)}}
	}
	return out
}

func seqOf(fs []favorites.Favorite) iter.Seq2[favorites.Favorite, error] {
	return func(yield func(favorites.Favorite, error) bool) {
		for _, f := range fs {
			if !yield(f, nil) {
				return
			}
		}
	}
}

func refsOf(fs []favorites.Favorite) []favorites.Ref {
	out := make([]favorites.Ref, len(fs))
	for i, f := range fs {
		out[i] = f.Ref
	}
	return out
}

// The target lists the restored favourites as the source did, newest
// first, however long each resolve takes.
func TestRestoreKeepsTheOrder(t *testing.T) {
	src := favs("toy", 40)
	target := favoritestest.NewMemory("toy")
	rep, err := favorites.Restore(t.Context(), target, seqOf(src), &favorites.RestoreOptions{
		Concurrency: 8,
		Resolve: func(ctx context.Context, f favorites.Favorite) (favorites.Ref, error) {
			time.Sleep(time.Duration(rand.IntN(3)) * time.Millisecond) // resolves finish out of order
			return f.Ref, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := refsOf(src)
	slices.Reverse(want)
	if got := target.Refs(); !slices.Equal(got, want) {
		t.Errorf("target lists %v, want %v", got, want)
	}
	if len(rep.Added) != 40 || rep.Position != 40 || rep.Err() != nil {
		t.Errorf("report: %d added, position %d, %v", len(rep.Added), rep.Position, rep.Err())
	}
}

// A favourite the target has is counted, not added; nor is one the source
// names twice.
func TestRestoreIsIdempotent(t *testing.T) {
	src := favs("toy", 5)
	src = append(src, src[0])
	target := favoritestest.NewMemory("toy", favorites.Ref{ID: "2"}, favorites.Ref{ID: "4"})
	rep, err := favorites.Restore(t.Context(), target, seqOf(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if target.Calls("add") != 3 || len(rep.Added) != 3 || len(rep.AlreadyThere) != 3 {
		t.Errorf("%d adds sent, report %d added %d already there; want 3, 3, 3", target.Calls("add"), len(rep.Added), len(rep.AlreadyThere))
	}
}

// A restore stopped part-way goes on from its Position: together the two
// runs add each favourite once, in order.
func TestRestoreResumes(t *testing.T) {
	src := favs("toy", 12)
	target := favoritestest.NewMemory("toy")
	ctx, cancel := context.WithCancel(t.Context())
	rep, err := favorites.Restore(ctx, target, seqOf(src), &favorites.RestoreOptions{
		Progress: func(ev favorites.RestoreEvent) {
			if ev.Position == 5 {
				cancel()
			}
		},
	})
	if !errors.Is(err, context.Canceled) || rep.Position != 5 || target.Calls("add") != 5 {
		t.Fatalf("first run: %v at position %d after %d adds; want Canceled at 5 after 5", err, rep.Position, target.Calls("add"))
	}
	rep, err = favorites.Restore(t.Context(), target, seqOf(src), &favorites.RestoreOptions{Start: rep.Position})
	if err != nil || rep.Position != 12 || len(rep.Added) != 7 || len(rep.AlreadyThere) != 0 {
		t.Fatalf("second run: %v, position %d, %d added, %d there", err, rep.Position, len(rep.Added), len(rep.AlreadyThere))
	}
	if target.Calls("add") != 12 {
		t.Errorf("%d adds in all, want 12", target.Calls("add"))
	}
	want := refsOf(src)
	slices.Reverse(want)
	if got := target.Refs(); !slices.Equal(got, want) {
		t.Errorf("target lists %v, want %v", got, want)
	}
}

// Not found and failed are reported with the ref and the reason, never
// counted as added.
func TestRestoreReports(t *testing.T) {
	src := favs("toy", 6)
	src = append(src, favorites.Favorite{Provider: "other", Ref: favorites.Ref{ID: "9"}})
	target := favoritestest.NewMemory("toy")
	boom := errors.New("boom")
	target.Fail = func(op string, ref favorites.Ref) error {
		switch {
		case op == "add" && ref.ID == "2":
			return fmt.Errorf("toy: %w", favorites.ErrNotFound)
		case op == "add" && ref.ID == "3":
			return boom
		}
		return nil
	}
	var events []favorites.RestoreEvent
	rep, err := favorites.Restore(t.Context(), target, seqOf(src), &favorites.RestoreOptions{
		Resolve: func(ctx context.Context, f favorites.Favorite) (favorites.Ref, error) {
			if f.Ref.ID == "5" {
				return favorites.Ref{}, fmt.Errorf("no status with that URI on the target: %w", favorites.ErrNotFound)
			}
			if f.Provider != "toy" {
				return favorites.Ref{}, fmt.Errorf("%w: not a toy favourite", favorites.ErrInvalidArgument)
			}
			return f.Ref, nil
		},
		Progress: func(ev favorites.RestoreEvent) { events = append(events, ev) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 3 || len(rep.NotFound) != 2 || len(rep.Failed) != 2 {
		t.Fatalf("added %v, not found %v, failed %v", rep.Added, rep.NotFound, rep.Failed)
	}
	if rep.NotFound[0].Ref.ID != "2" || rep.NotFound[1].Position != 5 || !errors.Is(rep.Failed[0].Err, boom) ||
		!errors.Is(rep.Failed[1].Err, favorites.ErrInvalidArgument) {
		t.Errorf("not found %+v, failed %+v", rep.NotFound, rep.Failed)
	}
	if !errors.Is(rep.Err(), boom) {
		t.Errorf("Err() = %v, want the failure", rep.Err())
	}
	for i, ev := range events {
		if ev.Position != i+1 {
			t.Errorf("event %d has position %d: progress out of order", i, ev.Position)
		}
	}
	if got := fmt.Sprint(events[1].Outcome, ", ", events[2].Outcome); got != "not found, failed" {
		t.Errorf("outcomes read %q", got)
	}
}

// A dry run lists and resolves, says what it would add, and adds nothing.
func TestRestoreDryRun(t *testing.T) {
	target := favoritestest.NewMemory("toy", favorites.Ref{ID: "1"})
	rep, err := favorites.Restore(t.Context(), target, seqOf(favs("toy", 3)), &favorites.RestoreOptions{DryRun: true})
	if err != nil || len(rep.Added) != 2 || len(rep.AlreadyThere) != 1 || target.Calls("add") != 0 {
		t.Errorf("dry run: %v, %d would be added, %d there, %d adds sent", err, len(rep.Added), len(rep.AlreadyThere), target.Calls("add"))
	}
}

// The source's error, a bad Start and a target without the provider's
// favourites end it with an error saying so.
func TestRestoreRefuses(t *testing.T) {
	target := favoritestest.NewMemory("toy")
	broken := func(yield func(favorites.Favorite, error) bool) {
		if yield(favs("toy", 1)[0], nil) {
			yield(favorites.Favorite{}, errors.New("line 2: not JSON"))
		}
	}
	rep, err := favorites.Restore(t.Context(), target, broken, nil)
	if err == nil || rep.Position != 1 || len(rep.Added) != 1 {
		t.Errorf("a broken source: %v, position %d", err, rep.Position)
	}
	if _, err := favorites.Restore(t.Context(), target, seqOf(nil), &favorites.RestoreOptions{Start: -1}); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("Start -1: %v", err)
	}
	target.Fail = func(op string, _ favorites.Ref) error {
		if op == "list" {
			return favorites.ErrServer
		}
		return nil
	}
	if _, err := favorites.Restore(t.Context(), target, seqOf(favs("toy", 1)), nil); !errors.Is(err, favorites.ErrServer) || target.Calls("add") != 1 {
		t.Errorf("a target that cannot be listed: %v, %d adds", err, target.Calls("add"))
	}
}

// waiting is a Memory whose adds first wait d, as a client waits out a
// rate limit, ending with ctx.
type waiting struct {
	*favoritestest.Memory
	d       time.Duration
	started func() // when set, called as each add begins
}

func (w waiting) Add(ctx context.Context, ref favorites.Ref) error {
	if w.started != nil {
		w.started()
	}
	select {
	case <-time.After(w.d):
	case <-ctx.Done():
		return ctx.Err()
	}
	return w.Memory.Add(ctx, ref)
}

// A resolve and an add that take longer than ItemTimeout, as when they
// wait out a rate limit, are no failures while ctx lasts.
func TestRestoreWaitsOutSlowCalls(t *testing.T) {
	target := waiting{Memory: favoritestest.NewMemory("toy"), d: 30 * time.Millisecond}
	rep, err := favorites.Restore(t.Context(), target, seqOf(favs("toy", 3)), &favorites.RestoreOptions{
		ItemTimeout: time.Millisecond,
		Resolve: func(ctx context.Context, f favorites.Favorite) (favorites.Ref, error) {
			select {
			case <-time.After(30 * time.Millisecond):
				return f.Ref, nil
			case <-ctx.Done():
				return favorites.Ref{}, ctx.Err()
			}
		},
	})
	if err != nil || len(rep.Added) != 3 || len(rep.Failed) != 0 {
		t.Errorf("slow calls: %v, %d added, failed %v", err, len(rep.Added), rep.Failed)
	}
}

// The add in flight when ctx ends goes on for ItemTimeout at most: one
// that finishes within it is added and counted; one that does not ends
// with an error, reported as failed, and nothing is left in doubt.
func TestRestoreInterruptGivesTheAddInFlightItsTime(t *testing.T) {
	tests := []struct {
		name  string
		grace time.Duration
		added int
	}{
		{"finishes within the grace", time.Second, 1},
		{"outlasts the grace", time.Millisecond, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			target := waiting{Memory: favoritestest.NewMemory("toy"), d: 50 * time.Millisecond, started: cancel} // the interrupt comes as the first add waits
			rep, err := favorites.Restore(ctx, target, seqOf(favs("toy", 3)), &favorites.RestoreOptions{ItemTimeout: tt.grace})
			if !errors.Is(err, context.Canceled) || len(rep.Added) != tt.added || len(rep.Added)+len(rep.Failed) != 1 || rep.Position != 1 {
				t.Errorf("%v: %d added, %d failed, position %d; want %d added of the one in flight", err, len(rep.Added), len(rep.Failed), rep.Position, tt.added)
			}
			if got := len(target.Refs()); got != tt.added {
				t.Errorf("the target holds %d", got)
			}
		})
	}
}

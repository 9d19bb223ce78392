package watch_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/watch"
)

var fast = &watch.Options{Interval: time.Millisecond, MaxBackoff: 4 * time.Millisecond}

func refs(ids ...string) []favorites.Ref {
	out := make([]favorites.Ref, len(ids))
	for i, id := range ids {
		out[i] = favorites.Ref{ID: id}
	}
	return out
}

// take runs Added from mark until n events came, and returns them.
func take(t *testing.T, m *favoritestest.Memory, mark string, n int) []watch.Event {
	t.Helper()
	var got []watch.Event
	for ev, err := range watch.Added(t.Context(), m, mark, fast) {
		if err != nil {
			t.Fatalf("after %d events: %v", len(got), err)
		}
		if got = append(got, ev); len(got) == n {
			break
		}
	}
	return got
}

func ids(evs []watch.Event) []string {
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.Favorite.Ref.ID
	}
	return out
}

func add(t *testing.T, m *favoritestest.Memory, ids ...string) {
	t.Helper()
	for _, r := range refs(ids...) {
		if err := m.Add(t.Context(), r); err != nil {
			t.Fatal(err)
		}
	}
}

// Each favourite added since the mark comes once, oldest first, and a
// restart from any event's mark neither repeats nor skips one.
func TestAddedResumesFromEveryMark(t *testing.T) {
	m := favoritestest.NewMemory("toy", refs("old1", "old2")...)
	first, err := m.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	add(t, m, "a", "b", "c")
	evs := take(t, m, first.Mark, 3)
	if got := ids(evs); len(got) != 3 || got[0] != "a" || got[1] != "b" || got[2] != "c" {
		t.Fatalf("first run gave %v, want [a b c]", got)
	}
	add(t, m, "d")
	for i, want := range [][]string{{"b", "c", "d"}, {"c", "d"}, {"d"}} {
		got := ids(take(t, m, evs[i].Mark, len(want)))
		for j := range want {
			if got[j] != want[j] {
				t.Errorf("from the mark after event %d: %v, want %v", i, got, want)
				break
			}
		}
	}
}

// A temporary failure is yielded and the watch goes on; any other ends it.
func TestAddedOnFailures(t *testing.T) {
	for _, tt := range []struct {
		name   string
		err    error
		goesOn bool
	}{
		{"503", &favorites.APIError{StatusCode: http.StatusServiceUnavailable}, true},
		{"429", &favorites.APIError{StatusCode: http.StatusTooManyRequests}, true},
		{"401", &favorites.APIError{StatusCode: http.StatusUnauthorized}, false},
		{"403", &favorites.APIError{StatusCode: http.StatusForbidden}, false},
		{"stale mark", favorites.ErrStaleMark, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := favoritestest.NewMemory("toy")
			first, _ := m.Changes(t.Context(), "")
			add(t, m, "a")
			failed := false
			m.Fail = func(op string, _ favorites.Ref) error {
				if op == "changes" && !failed {
					failed = true
					return tt.err
				}
				return nil
			}
			var errs, items int
			for ev, err := range watch.Added(t.Context(), m, first.Mark, fast) {
				if err != nil {
					if errs++; !errors.Is(err, tt.err) {
						t.Errorf("error %v, want %v", err, tt.err)
					}
					continue
				}
				if items++; ev.Favorite.Ref.ID != "a" {
					t.Errorf("event %+v, want a", ev)
				}
				break
			}
			if errs != 1 || (items == 1) != tt.goesOn {
				t.Errorf("%d errors and %d items; want 1 error and the watch going on: %v", errs, items, tt.goesOn)
			}
		})
	}
}

// nilChanges is a ChangeLister that breaks its contract.
type nilChanges struct{}

func (nilChanges) Changes(context.Context, string) (*favorites.Changes, error) { return nil, nil }

// A ChangeLister that answers nothing and no error ends the watch with an
// error, not a panic.
func TestAddedRefusesANilAnswer(t *testing.T) {
	n := 0
	for _, err := range watch.Added(t.Context(), nilChanges{}, "", fast) {
		if n++; !errors.Is(err, favorites.ErrMalformedReply) {
			t.Errorf("yield %d: %v, want ErrMalformedReply", n, err)
		}
	}
	if n != 1 {
		t.Errorf("%d yields, want the one error", n)
	}
}

// Marks that are not the list's are refused before anything is asked.
func TestAddedRefusesForeignMarks(t *testing.T) {
	for _, mark := range []string{"memory.v1.other.3", "watch.v1.!!", "watch.v1.e30"} {
		m := favoritestest.NewMemory("toy")
		n := 0
		for _, err := range watch.Added(t.Context(), m, mark, fast) {
			if n++; !errors.Is(err, favorites.ErrStaleMark) {
				t.Errorf("mark %q: %v, want ErrStaleMark", mark, err)
			}
		}
		if n != 1 {
			t.Errorf("mark %q: %d yields, want one error", mark, n)
		}
	}
}

// The watch ends quietly when its context does.
func TestAddedEndsWithTheContext(t *testing.T) {
	m := favoritestest.NewMemory("toy")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	first, _ := m.Changes(ctx, "")
	add(t, m, "a")
	n := 0
	for _, err := range watch.Added(ctx, m, first.Mark, fast) {
		if n++; err != nil {
			t.Fatal(err)
		}
		cancel()
	}
	if n != 1 {
		t.Errorf("%d events after the context ended, want the 1 before", n)
	}
}

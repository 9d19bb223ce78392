package drivertest

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// The checks of a favorites.ChangeLister, which watch and backup stand on:
// "" is "from now", each favourite added since a mark comes back once,
// newest first, and a mark that is not this list's is stale, refused
// before anything is sent.

// changeChecks run on an adapter that is a ChangeLister with marks.
var changeChecks = []check{
	{"ChangesFromNow", checkChangesFromNow},
	{"ChangesNewestFirstOnce", checkChangesNewestFirst},
	{"ChangesStaleMarks", checkChangesStaleMarks},
}

// changesAdded is how many favourites the suite adds between two marks:
// more than a page of the fakes' smaller pages.
const changesAdded = 12

func changeLister(t *testing.T, f favorites.Favorites) favorites.ChangeLister {
	t.Helper()
	cl, ok := f.(favorites.ChangeLister)
	if !ok {
		t.Fatalf("%T is no favorites.ChangeLister", f)
	}
	return cl
}

// checkChangesFromNow: Changes("") gives a mark and no items, in one
// request, however many favourites there are.
func checkChangesFromNow(t *testing.T, h Harness) {
	env := newEnv(t, h, 3)
	before := env.Faults.Requests()
	ch, err := changeLister(t, env.Favorites).Changes(t.Context(), "")
	if err != nil {
		t.Fatalf(`Changes(""): %v`, err)
	}
	if n := env.Faults.Requests() - before; n != 1 {
		t.Errorf(`Changes("") sent %d requests, want 1`, n)
	}
	if len(ch.Added) != 0 || len(ch.Removed) != 0 || ch.Mark == "" {
		t.Errorf(`Changes("") on 3 favourites gave %d added, %d removed and mark %q; want none, none and a mark`,
			len(ch.Added), len(ch.Removed), ch.Mark)
	}
}

// checkChangesNewestFirst adds favourites one by one through the adapter
// and removes a seeded one: Changes from the mark before gives each
// addition once, newest first, and no more; the mark it gives, nothing.
func checkChangesNewestFirst(t *testing.T, h Harness) {
	env := newEnv(t, h, changesAdded)
	cl := changeLister(t, env.Favorites)
	start, err := cl.Changes(t.Context(), "")
	if err != nil {
		t.Fatalf(`Changes(""): %v`, err)
	}
	added := env.Absent[:changesAdded]
	for _, ref := range added {
		if err := env.Favorites.Add(t.Context(), ref); err != nil {
			t.Fatalf("Add(%v): %v", ref, err)
		}
	}
	gone := env.Seeded[0]
	if err := env.Favorites.Remove(t.Context(), gone); err != nil {
		t.Fatalf("Remove(%v): %v", gone, err)
	}
	ch, err := cl.Changes(t.Context(), start.Mark)
	if err != nil {
		t.Fatalf("Changes since the first mark: %v", err)
	}
	want := slices.Clone(added)
	slices.Reverse(want)
	if got := refsOf(ch.Added); !slices.Equal(got, want) {
		t.Fatalf("after adding %v in turn, Changes gave %v; want each once, newest first: %v", added, got, want)
	}
	for _, f := range ch.Added {
		if f.Provider != env.Favorites.Provider() {
			t.Errorf("Changes gave %v with Provider %q, want %q", f.Ref, f.Provider, env.Favorites.Provider())
		}
		checkAs(t, env, f)
	}
	if ch.RemovalsKnown && !slices.Equal(ch.Removed, []favorites.Ref{gone}) {
		t.Errorf("Changes knows removals and gave %v, want [%v]", ch.Removed, gone)
	}
	if !ch.RemovalsKnown && slices.ContainsFunc(ch.Removed, func(r favorites.Ref) bool { return r != gone }) {
		t.Errorf("Changes gave as removed %v, of which only %v was", ch.Removed, gone)
	}
	next, err := cl.Changes(t.Context(), ch.Mark)
	if err != nil {
		t.Fatalf("Changes since the second mark: %v", err)
	}
	if len(next.Added) != 0 || len(next.Removed) != 0 {
		t.Errorf("with nothing changed since its mark, Changes gave %v added and %v removed", refsOf(next.Added), next.Removed)
	}
}

// checkChangesStaleMarks gives Changes marks of another account, of
// another provider, and text that is no mark: each is ErrStaleMark, with
// nothing sent.
func checkChangesStaleMarks(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	provider := env.Favorites.Provider()
	own, err := changeLister(t, env.Favorites).Changes(t.Context(), "")
	if err != nil {
		t.Fatalf(`Changes(""): %v`, err)
	}
	other, err := changeLister(t, env.OtherAccount).Changes(t.Context(), "")
	if err != nil {
		t.Fatalf(`OtherAccount's Changes(""): %v`, err)
	}
	memory, err := favoritestest.NewMemory("not-"+provider).Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	marks := []struct{ name, mark string }{
		{"another account's", other.Mark},
		{"another provider's (a favoritestest.Memory's)", memory.Mark},
		{"no mark at all", "not a mark"},
	}
	if strings.Contains(own.Mark, provider) {
		marks = append(marks, struct{ name, mark string }{"this one's under another provider's name",
			strings.Replace(own.Mark, provider, "not-"+provider, 1)})
	} else {
		t.Logf("the adapter's mark %q does not hold its provider's name %q", Clip(own.Mark, 60), provider)
	}
	for _, m := range marks {
		before := env.Faults.Requests()
		_, err := changeLister(t, env.Favorites).Changes(t.Context(), m.mark)
		if !errors.Is(err, favorites.ErrStaleMark) {
			t.Errorf("Changes of %s mark %q: %v, want ErrStaleMark", m.name, Clip(m.mark, 60), err)
		}
		if n := env.Faults.Requests() - before; n != 0 {
			t.Errorf("Changes of %s mark sent %d requests, want none", m.name, n)
		}
	}
}

// checkChangesRefused: an adapter whose marks the harness says are refused
// refuses "" with ErrInvalidArgument, sending nothing.
func checkChangesRefused(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	before := env.Faults.Requests()
	_, err := changeLister(t, env.Favorites).Changes(t.Context(), "")
	if !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf(`Changes(""), which the harness says is refused: %v, want ErrInvalidArgument`, err)
	}
	if n := env.Faults.Requests() - before; n != 0 {
		t.Errorf(`a refused Changes("") sent %d requests, want none`, n)
	}
	t.Logf("Changes is refused: %s", env.ChangesRefused)
}

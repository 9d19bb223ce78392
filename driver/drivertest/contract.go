package drivertest

import (
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// The checks of the Favorites contract that keep a bot from losing a
// favourite: one ref per item, one meaning of Remove and Add, writes that
// count once the server said 2xx, and no listing silently short.

// checkListedRefsAreCanonical: every listed ref is its own canonical form,
// or Sync would compare two spellings of one item.
func checkListedRefsAreCanonical(t *testing.T, h Harness) {
	env := newEnv(t, h, 3)
	for _, ref := range listAll(t, env.Favorites, nil) {
		if got, err := env.Favorites.Canonical(ref); err != nil || got != ref {
			t.Errorf("Canonical(%v) of a listed ref = %v, %v; want it unchanged", ref, got, err)
		}
	}
}

// checkSpellings syncs, with Prune, from every spelling the adapter accepts
// of each seeded item: nothing wanted may be removed, nothing added twice.
func checkSpellings(t *testing.T, h Harness) {
	env := newEnv(t, h, 3)
	var want []favorites.Ref
	for _, ref := range env.Seeded {
		for _, s := range spellings(env, ref) {
			if got, err := env.Favorites.Canonical(s); err != nil || got != ref {
				t.Errorf("Canonical(%#v) = %v, %v; want the listed %v", s, got, err, ref)
			}
			want = append(want, s)
		}
	}
	before := env.Faults.Requests()
	rep, err := favorites.Sync(t.Context(), env.Favorites, want, &favorites.SyncOptions{Prune: true})
	if err != nil {
		t.Fatalf("Sync with Prune to every spelling of the seeded items: %v", err)
	}
	if len(rep.ToAdd)+len(rep.ToRemove) != 0 {
		t.Errorf("Sync to the seeded items in other spellings planned to add %v and remove %v", rep.ToAdd, rep.ToRemove)
	}
	if got := listAll(t, env.Favorites, nil); !sameSet(got, env.Seeded) {
		t.Fatalf("after Sync to the same items in other spellings, List gave %v, want %v", got, env.Seeded)
	}
	if env.Faults.Requests() == before {
		t.Error("Sync sent nothing: it did not list")
	}
	// Add and Remove take every spelling too, for the same item.
	absent := env.Absent[0]
	for _, s := range spellings(env, absent) {
		if err := env.Favorites.Add(t.Context(), s); err != nil {
			t.Fatalf("Add(%#v): %v", s, err)
		}
		if got := listAll(t, env.Favorites, nil); countOf(got, absent) != 1 || len(got) != len(env.Seeded)+1 {
			t.Fatalf("after Add(%#v), List gave %v: want %v once more", s, got, absent)
		}
		if err := env.Favorites.Remove(t.Context(), s); err != nil {
			t.Fatalf("Remove(%#v): %v", s, err)
		}
		if got := listAll(t, env.Favorites, nil); !sameSet(got, env.Seeded) {
			t.Fatalf("after Remove(%#v), List gave %v", s, got)
		}
	}
}

// spellings is ref and every other spelling the harness says the adapter
// accepts for it.
func spellings(env *Env, ref favorites.Ref) []favorites.Ref {
	out := []favorites.Ref{ref}
	if env.Spellings != nil {
		out = append(out, env.Spellings(ref)...)
	}
	return out
}

func countOf(refs []favorites.Ref, ref favorites.Ref) int {
	n := 0
	for _, r := range refs {
		if r == ref {
			n++
		}
	}
	return n
}

// checkMissingItems: Remove of an item the service does not have is nil,
// twice; Add of one is ErrNotFound; neither changes the list.
func checkMissingItems(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	for _, ref := range env.Missing {
		for i := range 2 {
			if err := env.Favorites.Remove(t.Context(), ref); err != nil {
				t.Errorf("Remove #%d of %v, an item the service does not have: %v, want nil", i+1, ref, err)
			}
		}
		if err := env.Favorites.Add(t.Context(), ref); !errors.Is(err, favorites.ErrNotFound) {
			t.Errorf("Add of %v, an item the service does not have: %v, want ErrNotFound", ref, err)
		}
	}
	if got := listAll(t, env.Favorites, nil); !sameSet(got, env.Seeded) {
		t.Fatalf("writes of missing items changed the list to %v", got)
	}
}

// unreadable404s are answers to a write that a server at the wrong address,
// or a proxy, gives: none of them says the item is not a favourite, so
// Remove must not read them as done.
var unreadable404s = []struct {
	name, contentType, body string
}{
	{"HTML", "text/html", "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>nginx</body></html>"},
	{"empty", "", ""},
	{"JSON of no known shape", "application/json", `{"status":404,"path":"/somewhere/else"}`},
	{"plain text", "text/plain", "404 page not found"},
}

// checkRemoveReadsTheAnswer: a 404 that is not the service's own "not a
// favourite" or "no such item" answer is an error from Remove and Add.
func checkRemoveReadsTheAnswer(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	for _, tt := range unreadable404s {
		for _, op := range []struct {
			name string
			ref  favorites.Ref
			call func(favorites.Ref) error
		}{
			{"Remove", env.Seeded[0], func(r favorites.Ref) error { return env.Favorites.Remove(t.Context(), r) }},
			{"Remove of an absent ref", env.Absent[0], func(r favorites.Ref) error { return env.Favorites.Remove(t.Context(), r) }},
			{"Add", env.Absent[0], func(r favorites.Ref) error { return env.Favorites.Add(t.Context(), r) }},
		} {
			env.Faults.Inject(1, favoritestest.Fault{Status: http.StatusNotFound, Body: tt.body,
				Header: http.Header{"Content-Type": {tt.contentType}}})
			if err := op.call(op.ref); err == nil {
				t.Errorf("%s(%v) answered by a 404 (%s): nil, want an error", op.name, op.ref, tt.name)
			}
			env.Faults.Reset()
		}
	}
	if got := listAll(t, env.Favorites, nil); !sameSet(got, env.Seeded) {
		t.Fatalf("refused writes changed the list to %v", got)
	}
}

// checkWriteAfter2xx: once the server answered 2xx the write happened; a
// body cut short or garbled after that must not make Add or Remove fail.
func checkWriteAfter2xx(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	want := slices.Clone(env.Seeded)
	for _, op := range []struct {
		name  string
		ref   favorites.Ref
		call  func(favorites.Ref) error
		after func()
	}{
		{"Add", env.Absent[0], func(r favorites.Ref) error { return env.Favorites.Add(t.Context(), r) },
			func() { want = append(want, env.Absent[0]) }},
		{"Remove", env.Seeded[0], func(r favorites.Ref) error { return env.Favorites.Remove(t.Context(), r) },
			func() { want = slices.DeleteFunc(want, func(r favorites.Ref) bool { return r == env.Seeded[0] }) }},
	} {
		env.Faults.Inject(1, favoritestest.Fault{TruncateBody: true})
		if err := op.call(op.ref); err != nil {
			t.Errorf("%s(%v) answered 2xx with a body cut short: %v, want nil", op.name, op.ref, err)
		}
		env.Faults.Reset()
		op.after()
	}
	if got := listAll(t, env.Favorites, nil); !sameSet(got, want) {
		t.Fatalf("after Add and Remove answered with cut bodies, List gave %v, want %v", got, want)
	}
}

// checkRemovalBetweenPages reads the first page, removes a favourite it
// showed, and lists on, in the same walk and, on a fresh fake, from the
// cursor in a new one: the first page and the rest must together hold
// every favourite still there, each once. Where the harness gives the
// provider's reason a walk may skip one (RemovalMaySkip), the same walk
// logs the reason and fails only on duplicates and unknown refs; a walk
// resumed from the cursor skips nothing on every provider.
func checkRemovalBetweenPages(t *testing.T, h Harness) {
	for _, resume := range []bool{false, true} {
		name := map[bool]string{false: "SameWalk", true: "ResumedFromCursor"}[resume]
		t.Run(name, func(t *testing.T) {
			env := newEnv(t, h, Seeded)
			opts := &favorites.ListOptions{PageSize: env.PageSize}
			p := env.Favorites.List(opts)
			first, err := p.NextPage(t.Context())
			if err != nil || len(first.Items) == 0 {
				t.Fatalf("first page: %d favourites, %v", len(first.Items), err)
			}
			gone := first.Items[0].Ref
			if err := env.Favorites.Remove(t.Context(), gone); err != nil {
				t.Fatalf("Remove(%v): %v", gone, err)
			}
			got := refsOf(first.Items)
			switch {
			case p.Done():
				t.Logf("the first page held all %d favourites: no page boundary to skip at", len(got))
			case resume:
				got = append(got, listAll(t, env.Favorites, &favorites.ListOptions{PageSize: env.PageSize, Cursor: p.Cursor()})...)
			default:
				for f, err := range p.All(t.Context()) {
					if err != nil {
						t.Fatalf("the walk after a removal: %v", err)
					}
					got = append(got, f.Ref)
				}
			}
			skipped := skippedAfterRemoval(t, env.Seeded, gone, got)
			switch {
			case len(skipped) == 0:
			case !resume && env.RemovalMaySkip != "":
				t.Logf("a removal above the read may skip a favourite in one walk here (%d skipped: %v): %s", len(skipped), skipped, env.RemovalMaySkip)
			default:
				t.Errorf("after removing %v, shown on the first page, the listing read on skipped %v", gone, skipped)
			}
		})
	}
}

// skippedAfterRemoval checks that got, a listing read while gone was
// removed from seeded, holds no ref twice or unknown, and returns the
// seeded refs other than gone that it does not hold.
func skippedAfterRemoval(t *testing.T, seeded []favorites.Ref, gone favorites.Ref, got []favorites.Ref) []favorites.Ref {
	t.Helper()
	seen := map[favorites.Ref]bool{}
	for _, r := range got {
		if seen[r] || !slices.Contains(seeded, r) {
			t.Errorf("the listing read on after a removal gave %v twice, or never seeded: %v", r, got)
		}
		seen[r] = true
	}
	var skipped []favorites.Ref
	for _, r := range seeded {
		if r != gone && !seen[r] {
			skipped = append(skipped, r)
		}
	}
	return skipped
}

package cli

import (
	"net/http"
	"slices"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// TestSyncUnderFaultsReachesWantedState runs Sync on every provider's fake
// while a fifth of requests fail with a 503 and some writes have their
// connection cut after the change was applied. Sync, rerun as a bot would
// after a failed run, must end with exactly the wanted favourites: nothing
// added twice, nothing removed that was wanted.
func TestSyncUnderFaultsReachesWantedState(t *testing.T) {
	for _, provider := range Providers {
		t.Run(provider, func(t *testing.T) {
			s, err := openDemo(provider)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var want []favorites.Ref
			for i := 0; i < len(s.Catalogue); i += 2 {
				want = append(want, s.Catalogue[i])
			}
			s.Faults.FailEvery(5, favoritestest.Fault{Status: http.StatusServiceUnavailable,
				Body: `{"error":"injected"}`, Header: http.Header{"Content-Type": {"application/json"}}})
			isWrite := func(r *http.Request) bool { return r.Method != http.MethodGet }
			s.Faults.Inject(4, favoritestest.Fault{CutAfter: true, Match: isWrite})

			var runs int
			for runs = 1; runs <= 3; runs++ {
				if _, err = favorites.Sync(t.Context(), s.Favorites, want, &favorites.SyncOptions{Prune: true}); err == nil {
					break
				}
				t.Logf("run %d: %v", runs, err)
			}
			if err != nil {
				t.Fatalf("three runs of Sync did not finish: %v", err)
			}
			s.Faults.FailEvery(0, favoritestest.Fault{})
			got := listRefs(t, s.Favorites)
			if !sameSet(got, want) {
				t.Fatalf("after %d runs: %d favourites, want %d\nmissing %v\nextra %v",
					runs, len(got), len(want), minus(want, got), minus(got, want))
			}
			if s.Faults.Pending() != 0 {
				t.Errorf("%d cut-after faults never hit a write", s.Faults.Pending())
			}
		})
	}
}

func listRefs(t *testing.T, f favorites.Favorites) []favorites.Ref {
	t.Helper()
	var refs []favorites.Ref
	for fav, err := range f.List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(refs, fav.Ref) {
			t.Fatalf("%v listed twice", fav.Ref)
		}
		refs = append(refs, fav.Ref)
	}
	return refs
}

func sameSet(a, b []favorites.Ref) bool {
	return len(a) == len(b) && len(minus(a, b)) == 0
}

func minus(a, b []favorites.Ref) []string {
	var out []string
	for _, r := range a {
		if !slices.Contains(b, r) {
			out = append(out, r.String())
		}
	}
	return out
}

package providers_test

import (
	"errors"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// Every adapter is a Verifier: each fake's own account passes the check
// of a job that reads and writes, and a credential the fake does not know
// is refused with ErrUnauthorized, before any job starts.
func TestEveryAdapterVerifies(t *testing.T) {
	for name, start := range theFakes() {
		t.Run(name+"/own account", func(t *testing.T) {
			f := start()
			defer f.close()
			fav, err := f.dflt.client(favoritestest.Options()...)
			if err != nil {
				t.Fatal(err)
			}
			v, ok := fav.(favorites.Verifier)
			if !ok {
				t.Fatalf("%T is not a favorites.Verifier", fav)
			}
			if err := v.Verify(t.Context(), favorites.ReadAccess|favorites.WriteAccess); err != nil {
				t.Fatalf("Verify: %v", err)
			}
		})
	}
	for name, start := range fakes() {
		t.Run(name+"/unknown credential", func(t *testing.T) {
			f := start()
			defer f.close()
			_, fav, err := f.open(f.url, favoritestest.Options()...)
			if err != nil {
				t.Fatal(err)
			}
			if err := favorites.Verify(t.Context(), fav, favorites.ReadAccess); !errors.Is(err, favorites.ErrUnauthorized) {
				t.Fatalf("Verify: %v, want ErrUnauthorized", err)
			}
		})
	}
}

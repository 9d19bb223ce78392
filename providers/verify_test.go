package providers_test

import (
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// Every adapter the SDK ships is a favorites.Verifier, so that Restore,
// Sync and watch check its credential before a job starts. What Verify
// does (the own account passes a job that reads and writes, a credential
// the service refuses is ErrUnauthorized) is the conformance suite's
// Verify check, which runs on every adapter that is one.
func TestEveryAdapterIsAVerifier(t *testing.T) {
	for name, start := range theFakes() {
		t.Run(name, func(t *testing.T) {
			f := start()
			defer f.close()
			fav, err := f.dflt.client(favoritestest.Options()...)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := fav.(favorites.Verifier); !ok {
				t.Fatalf("%T is not a favorites.Verifier", fav)
			}
		})
	}
}

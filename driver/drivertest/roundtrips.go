package drivertest

import (
	"context"
	"iter"
	"testing"

	"github.com/favkit/favorites/favoritestest"
)

// Count drains a listing and returns how many items it held, or the first
// error, for tests that only need the number.
func Count[T any](seq iter.Seq2[T, error]) (int, error) {
	n := 0
	for _, err := range seq {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// CheckRoundTrips runs list, which lists everything once and returns how
// many items it got, and fails t unless that is n items in exactly want
// requests as faults counted them: a listing costs the fewest round trips
// its API allows, no more.
func CheckRoundTrips(t *testing.T, faults *favoritestest.Faults, n, want int, list func(context.Context) (int, error)) {
	t.Helper()
	before := faults.Requests()
	got, err := list(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if reqs := faults.Requests() - before; got != n || reqs != want {
		t.Errorf("listed %d in %d requests, want %d in %d", got, reqs, n, want)
	}
}

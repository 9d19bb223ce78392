package drivertest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/favkit/favorites"
)

// The concurrency check's shape: 64 goroutines on one adapter, three in four
// writing, the rest listing, and some favourites nobody touches.
const (
	writers   = 48
	listers   = 16
	untouched = 4
)

// checkConcurrent shares one adapter between 64 goroutines: each writer
// removes a seeded favourite of its own and then adds an absent item of
// its own, while the listers page through the list. The final set must be
// exactly what the writes imply. Removing before adding keeps the list no
// longer than the seeded one, so a fake's rate budget is not spent on pages.
func checkConcurrent(t *testing.T, h Harness) {
	env := newEnv(t, h, writers+untouched)
	known := append(slices.Clone(env.Seeded), env.Absent...)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	errs := make(chan error, 2*writers+listers) // room for every error, so no goroutine blocks
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			<-start
			if err := env.Favorites.Remove(ctx, env.Seeded[i]); err != nil {
				errs <- fmt.Errorf("writer %d: Remove(%v): %w", i, env.Seeded[i], err)
			}
			if err := env.Favorites.Add(ctx, env.Absent[i]); err != nil {
				errs <- fmt.Errorf("writer %d: Add(%v): %w", i, env.Absent[i], err)
			}
		})
	}
	for i := range listers {
		wg.Go(func() {
			<-start
			errs <- listKnown(ctx, env.Favorites, known, i)
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	want := append(slices.Clone(env.Absent[:writers]), env.Seeded[writers:]...)
	got := listAll(t, env.Favorites, nil)
	if !sameSet(got, want) {
		t.Fatalf("after %d writers and %d listers, List gave %d refs %v, want %d %v",
			writers, listers, len(got), got, len(want), want)
	}
	t.Logf("%d goroutines: %d removed and added one each, %d listed; final set of %d as implied",
		writers+listers, writers, listers, len(got))
}

// listKnown lists every page and checks each item is one the fake knows.
// Duplicates are allowed: page-number paging shifts under concurrent writes.
func listKnown(ctx context.Context, f favorites.Favorites, known []favorites.Ref, i int) error {
	for fav, err := range f.List(nil).All(ctx) {
		if err != nil {
			return fmt.Errorf("lister %d: %w", i, err)
		}
		if !slices.Contains(known, fav.Ref) {
			return fmt.Errorf("lister %d: List gave %v, which the fake never held", i, fav.Ref)
		}
	}
	return nil
}

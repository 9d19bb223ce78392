package favorites_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// A Pager walks any listing; All yields items and fetches pages on demand.
func ExampleNewPager() {
	pages := map[string]favorites.Page[string]{
		"":   {Items: []string{"a", "b"}, Next: "p2"},
		"p2": {Items: []string{"c"}},
	}
	p := favorites.NewPager(func(_ context.Context, cursor string) (favorites.Page[string], error) {
		return pages[cursor], nil
	}, "")
	for item, err := range p.All(context.Background()) {
		if err != nil {
			panic(err)
		}
		fmt.Print(item, " ")
	}
	fmt.Println("done:", p.Done())
	// Output: a b c done: true
}

func ExampleParseRef() {
	ref := favorites.Ref{ID: "30452", Source: "upload"}
	back, err := favorites.ParseRef(ref.String())
	fmt.Println(ref, back == ref, err)
	// Output: upload:30452 true <nil>
}

func ExampleDiff() {
	current := []favorites.Ref{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	want := []favorites.Ref{{ID: "3"}, {ID: "4"}}
	add, remove := favorites.Diff(current, want)
	fmt.Println("add", add, "remove", remove)
	// Output: add [4] remove [1 2]
}

// Sync brings any Favorites to a wanted list; favoritestest.Memory stands in
// for a provider here.
func ExampleSync() {
	f := favoritestest.NewMemory("memory", favorites.Ref{ID: "1"}, favorites.Ref{ID: "2"})
	want := []favorites.Ref{{ID: "2"}, {ID: "3"}}
	report, err := favorites.Sync(context.Background(), f, want, &favorites.SyncOptions{Prune: true})
	if err != nil {
		panic(err)
	}
	fmt.Println("added", report.Added, "removed", report.Removed, "unchanged", report.Unchanged)
	fmt.Println("now", f.Refs())
	// Output:
	// added [3] removed [1] unchanged 1
	// now [3 2]
}

// Restore replays favourites, oldest first, into another account; one the
// target has already is counted, not added again. favoritestest.Memory
// stands in for a provider here.
func ExampleRestore() {
	backup := []favorites.Favorite{ // oldest first, as a backup reads back
		{Provider: "memory", Ref: favorites.Ref{ID: "10"}},
		{Provider: "memory", Ref: favorites.Ref{ID: "11"}},
		{Provider: "memory", Ref: favorites.Ref{ID: "12"}},
	}
	target := favoritestest.NewMemory("memory", favorites.Ref{ID: "11"})
	source := func(yield func(favorites.Favorite, error) bool) {
		for _, f := range backup {
			if !yield(f, nil) {
				return
			}
		}
	}
	report, err := favorites.Restore(context.Background(), target, source, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println("added", report.Added, "already there", report.AlreadyThere, "go on from", report.Position)
	fmt.Println("target lists", target.Refs())
	// Output:
	// added [10 12] already there [11] go on from 3
	// target lists [12 10 11]
}

// One Budget paces every client it is given, and what any of them reads of
// the server's limit holds back all of them: here a client read
// "X-RateLimit-Remaining: 0" until a reset long after the deadline of the
// next request, which the budget refuses at once instead of waiting.
func ExampleBudget() {
	budget, err := favorites.NewBudget(5, 1) // waifu.im's 5 a second, no burst
	if err != nil {
		panic(err)
	}
	// Every client of the account gets the same budget, for example
	// waifuim.New(token, favorites.WithRateLimiter(budget)).
	budget.ObserveRate(context.Background(), 200, favorites.Rate{Limit: 5, Remaining: 0, Reset: time.Now().Add(time.Hour)})

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	err = budget.Wait(ctx)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), ctx.Err() == nil)
	// Output: true true
}

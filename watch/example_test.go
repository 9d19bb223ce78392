package watch_test

import (
	"context"
	"fmt"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/watch"
)

// A bot saves the mark after handling each new favourite, so that a restart
// goes on where it stopped.
func ExampleAdded() {
	ctx := context.Background()
	list := favoritestest.NewMemory("toy", favorites.Ref{ID: "old"})
	start, _ := list.Changes(ctx, "") // from now: "old" is not new
	list.Add(ctx, favorites.Ref{ID: "1"})
	list.Add(ctx, favorites.Ref{ID: "2"})

	var saved string
	for ev, err := range watch.Added(ctx, list, start.Mark, &watch.Options{Interval: time.Second}) {
		if err != nil {
			fmt.Println("error:", err)
			continue // a temporary failure; any other ends the loop
		}
		fmt.Println("new favourite", ev.Favorite.Ref)
		if saved = ev.Mark; ev.Favorite.Ref.ID == "2" {
			break
		}
	}
	list.Add(ctx, favorites.Ref{ID: "3"})
	for ev := range watch.Added(ctx, list, saved, nil) {
		fmt.Println("after a restart:", ev.Favorite.Ref)
		break
	}
	// Output:
	// new favourite 1
	// new favourite 2
	// after a restart: 3
}

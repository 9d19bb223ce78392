package backup_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/favoritestest"
)

// A full backup, then a run of changes; the file reads back in the order
// the favourites were made, for favorites.Restore.
func Example() {
	var file bytes.Buffer
	w := backup.NewWriter(&file)
	f := func(id string) favorites.Favorite {
		return favorites.Favorite{Provider: "e621", Ref: favorites.Ref{ID: id}}
	}

	w.Begin(backup.Header{Kind: backup.Full, Provider: "e621", BaseURL: "https://e621.net"})
	for _, id := range []string{"30", "20", "10"} { // a listing: newest first
		w.Favorite(f(id))
	}
	w.Begin(backup.Header{Kind: backup.Changes, Provider: "e621", BaseURL: "https://e621.net"})
	w.Favorite(f("40")) // added since
	w.Removed(favorites.Ref{ID: "20"})

	b, err := backup.Read(bytes.NewReader(file.Bytes()), int64(file.Len()))
	if err != nil {
		panic(err)
	}
	for fav, err := range b.Favorites() {
		if err != nil {
			panic(err)
		}
		fmt.Print(fav.Ref, " ")
	}
	fmt.Println("of", b.Provider())
	// Output: 10 30 40 of e621
}

// A whole backup of an account in one call, read back oldest first: the
// order favorites.Restore replays it in.
func ExampleWriteFull() {
	m := favoritestest.NewMemory("e621", favorites.Ref{ID: "30"}, favorites.Ref{ID: "20"}, favorites.Ref{ID: "10"})
	var file bytes.Buffer
	n, err := backup.WriteFull(context.Background(), &file, m, "https://e621.net")
	if err != nil {
		panic(err)
	}
	b, err := backup.Read(bytes.NewReader(file.Bytes()), int64(file.Len()))
	if err != nil {
		panic(err)
	}
	for fav, err := range b.Favorites() {
		if err != nil {
			panic(err)
		}
		fmt.Print(fav.Ref, " ")
	}
	fmt.Println("of", n, "from", b.BaseURL())
	// Output: 10 20 30 of 3 from https://e621.net
}

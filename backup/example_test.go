package backup_test

import (
	"bytes"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
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

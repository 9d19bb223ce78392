package playplay_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// exampleServer starts a fake holding uploads 1-3 (favourites) and pexels
// stock media 4 (not a favourite), two favourites a page.
func exampleServer() *playplaytest.Server {
	srv := playplaytest.NewServer(playplaytest.WithPageSize(2))
	srv.AddMedia(playplaytest.Upload(1), playplaytest.Upload(2), playplaytest.Upload(3),
		playplaytest.Stock(4, "pexels", "12345"))
	if err := srv.Favorite(1, 2, 3); err != nil {
		panic(err)
	}
	return srv
}

// List the favourites page by page with the typed client: the Pager follows
// next_page. Its cursor is the page size, how far the listing read and the
// last media given, so that a listing resumed from it goes on exactly
// after them.
func ExampleClient_Favorites() {
	srv := exampleServer()
	defer srv.Close()
	c, err := playplay.New(srv.URL, srv.Token())
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	p := c.Favorites(nil)
	for !p.Done() {
		page, err := p.NextPage(ctx)
		if err != nil {
			panic(err)
		}
		for _, m := range page.Items {
			fmt.Printf("%d %s %s\n", m.ID, m.Type, m.Name)
		}
		fmt.Printf("next cursor: %q\n", p.Cursor())
	}
	// Output:
	// 3 image upload-3.jpeg
	// 2 image upload-2.jpeg
	// next cursor: "playplay.v2.l2.o2.aupload:3-upload:2"
	// 1 image upload-1.jpeg
	// next cursor: ""
}

// Add and remove stock media through the portable interface. The ref is
// source:raw_media_id, what the store and the delete need; the long
// spelling with the stock ID, as earlier versions listed it, names the same
// media.
func ExampleAdapter() {
	srv := exampleServer()
	defer srv.Close()
	c, err := playplay.New(srv.URL, srv.Token())
	if err != nil {
		panic(err)
	}
	var fav favorites.Favorites = playplay.NewAdapter(c)
	ctx := context.Background()

	ref, err := favorites.ParseRef("pexels:4~12345")
	if err != nil {
		panic(err)
	}
	for range 2 { // Add is idempotent: the second is nil too
		if err := fav.Add(ctx, ref); err != nil {
			panic(err)
		}
	}
	for f, err := range fav.List(nil).All(ctx) {
		if err != nil {
			panic(err)
		}
		fmt.Println(f.Ref, f.Kind, f.Title)
	}
	if err := fav.Remove(ctx, ref); err != nil {
		panic(err)
	}
	fmt.Println("favourites left:", srv.Favorites())
	// Output:
	// pexels:4 image pexels-photo-12345.jpeg
	// upload:3 image upload-3.jpeg
	// upload:2 image upload-2.jpeg
	// upload:1 image upload-1.jpeg
	// favourites left: [3 2 1]
}

// List the favourites through the portable interface, one page per
// request, then resume a listing from a saved cursor, as a program that
// stopped half way would. Each Favorite holds the service's item: As gives
// it back as a *Media.
func ExampleAdapter_List() {
	srv := exampleServer()
	defer srv.Close()
	c, err := playplay.New(srv.URL, srv.Token())
	if err != nil {
		panic(err)
	}
	a := playplay.NewAdapter(c)
	ctx := context.Background()

	p := a.List(nil)
	first, err := p.NextPage(ctx)
	if err != nil {
		panic(err)
	}
	for _, f := range first.Items {
		var m *playplay.Media
		if f.As(&m) {
			fmt.Println(f.Ref, f.Kind, f.Title, m.Data.Subtype, m.Width, m.Height)
		}
	}
	saved := p.Cursor() // what a program writes down before it stops
	fmt.Printf("saved cursor %q\n", saved)

	for f, err := range a.List(&favorites.ListOptions{Cursor: saved}).All(ctx) {
		if err != nil {
			panic(err)
		}
		fmt.Println(f.Ref, f.Kind, f.Title)
	}
	// Output:
	// upload:3 image upload-3.jpeg jpeg 867 1300
	// upload:2 image upload-2.jpeg jpeg 867 1300
	// saved cursor "playplay.v2.l2.o2.aupload:3-upload:2"
	// upload:1 image upload-1.jpeg
}

// The typed client keeps the service's meaning: a repeat store is an error
// matching favorites.ErrAlreadyFavorited, and a wrong combination of delete
// parameters is refused before anything is sent.
func ExampleClient_AddFavorite() {
	srv := exampleServer()
	defer srv.Close()
	c, err := playplay.New(srv.URL, srv.Token())
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	m, _, err := c.AddFavorite(ctx, playplay.AddParams{RawMediaID: 4, Source: "pexels", StockID: "12345"})
	fmt.Println(m.ID, m.Source, m.StockID, err)

	_, _, err = c.AddFavorite(ctx, playplay.AddParams{RawMediaID: 4, Source: "pexels"})
	fmt.Println(errors.Is(err, favorites.ErrAlreadyFavorited))

	_, err = c.RemoveFavorite(ctx, playplay.RemoveByStockID("", "12345"))
	fmt.Println(err)
	// Output:
	// 4 pexels 12345 <nil>
	// true
	// playplay: invalid argument: delete takes raw_media_id, or stock_id with source; stock_id and source go together
}

// MediaRef turns a media into the portable ref and back; the long spelling
// with a stock ID reads as the same media.
func ExampleMediaRef() {
	ref := playplay.MediaRef{RawMediaID: 30452, Source: "pexels"}.Ref()
	fmt.Println(ref)
	back, err := playplay.SplitRef(favorites.Ref{ID: "30452~12345", Source: "pexels"})
	fmt.Printf("%+v %v\n", back, err)
	fmt.Println(playplay.MediaRef{RawMediaID: 30452, Source: playplay.SourceUpload}.Ref())
	// Output:
	// pexels:30452
	// {RawMediaID:30452 Source:pexels} <nil>
	// upload:30452
}

// List only what was added since the last run. The first call, with no
// mark, gives none and a mark to save; the next gives the favourites added
// since, newest first, for a request or two however long the list is. A
// mark that is not this client's is refused before anything is sent.
func ExampleAdapter_Changes() {
	srv := exampleServer()
	defer srv.Close()
	c, err := playplay.New(srv.URL, srv.Token())
	if err != nil {
		panic(err)
	}
	a := playplay.NewAdapter(c)
	ctx := context.Background()
	first, err := a.Changes(ctx, "") // from now
	if err != nil {
		panic(err)
	}
	fmt.Println("from now:", len(first.Added), "added")

	srv.AddMedia(playplaytest.Upload(5))
	if err := srv.Favorite(4, 5); err != nil {
		panic(err)
	}
	changes, err := a.Changes(ctx, first.Mark)
	if err != nil {
		panic(err)
	}
	for _, f := range changes.Added {
		fmt.Println("added", f.Ref)
	}
	fmt.Println("removals known:", changes.RemovalsKnown, "requests:", srv.Faults.Requests())

	_, err = a.Changes(ctx, "e621.v1.l75.p1")
	fmt.Println("another provider's mark is stale:", errors.Is(err, favorites.ErrStaleMark))
	// Output:
	// from now: 0 added
	// added upload:5
	// added pexels:4
	// removals known: false requests: 3
	// another provider's mark is stale: true
}

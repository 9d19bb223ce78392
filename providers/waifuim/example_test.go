package waifuim_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// exampleServer starts a fake with six images, the first four favourites,
// numbered from 1000 so that the output reads the same on every run.
func exampleServer() (*waifuimtest.Server, []int64) {
	srv := waifuimtest.NewServer(waifuimtest.WithFirstID(1000))
	ids := srv.GenerateImages(6)
	if err := srv.Favorite(waifuimtest.UserID, ids[:4]...); err != nil {
		log.Fatal(err)
	}
	return srv, ids
}

func ExampleClient_Favorites() {
	srv, _ := exampleServer()
	defer srv.Close()
	// Against the real service: waifuim.New(token).
	c, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	images := c.Favorites(&waifuim.FavoritesQuery{
		GIF:     waifuim.Bool(false),
		Width:   waifuim.AtLeast(1000),
		OrderBy: waifuim.OrderUploadedAt,
	})
	for im, err := range images.All(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(im.ImageID, im.Extension, im.Width, "x", im.Height)
	}
	// No match is an empty page, not the service's 404; NextPage gives
	// the page's Response too.
	page, err := c.Favorites(&waifuim.FavoritesQuery{IncludedTags: []string{"no-such-tag"}}).NextPage(ctx)
	fmt.Println(len(page.Items), page.Response.StatusCode, err)
	// A bad filter is refused before anything is sent.
	_, err = c.Favorites(&waifuim.FavoritesQuery{OrderBy: "NEWEST"}).NextPage(ctx)
	fmt.Println(errors.Is(err, favorites.ErrInvalidArgument))
	// Output:
	// 1003 .jpg 1230 x 1830
	// 1001 .jpg 1210 x 1810
	// 1000 .jpg 1800 x 1200
	// 0 404 <nil>
	// true
}

func ExampleClient_Insert() {
	srv, ids := exampleServer()
	defer srv.Close()
	c, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	state, _, err := c.Insert(context.Background(), waifuim.Edit{ImageID: ids[4]})
	fmt.Println(state, err)
	_, _, err = c.Insert(context.Background(), waifuim.Edit{ImageID: ids[4]})
	fmt.Println(errors.Is(err, favorites.ErrAlreadyFavorited))
	// Output:
	// INSERTED <nil>
	// true
}

func ExampleAdapter() {
	srv, ids := exampleServer()
	defer srv.Close()
	c, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	var favs favorites.Favorites = waifuim.NewAdapter(c)
	ctx := context.Background()
	for fav, err := range favs.List(nil).All(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(fav.Ref, fav.Kind, fav.FavoritedAt.Format("15:04"))
	}
	ref := favorites.Ref{ID: fmt.Sprint(ids[0])}
	fmt.Println(favs.Remove(ctx, ref), favs.Remove(ctx, ref)) // idempotent
	// Output:
	// 1003 image 12:04
	// 1002 gif 12:03
	// 1001 image 12:02
	// 1000 image 12:01
	// <nil> <nil>
}

func ExampleAdapter_Toggle() {
	srv, ids := exampleServer()
	defer srv.Close()
	c, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	a := waifuim.NewAdapter(c)
	ref := waifuim.Ref(&waifuim.Image{ImageID: ids[5]})
	for range 2 {
		added, err := a.Toggle(context.Background(), ref)
		fmt.Println("added:", added, err)
	}
	// Output:
	// added: true <nil>
	// added: false <nil>
}

// The portable listing: every favourite in one page, with the provider's
// own *Image a Favorite.As away.
func ExampleAdapter_List() {
	srv, _ := exampleServer()
	defer srv.Close()
	c, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	var favs favorites.Favorites = waifuim.NewAdapter(c)
	p := favs.List(nil)
	for fav, err := range p.All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		var im *waifuim.Image
		if fav.As(&im) {
			fmt.Println(fav.Ref, fav.Title, im.Tags[len(im.Tags)-1].Name, im.IsNSFW)
		}
	}
	// One page, nothing to resume from.
	fmt.Printf("done %v, cursor %q\n", p.Done(), p.Cursor())
	// Output:
	// 1003 e359e9c5b8d42647.jpg ero true
	// 1002 4522700c3989aa32.gif maid false
	// 1001 a6eaf652ba3f2e1d.jpg selfies false
	// 1000 08b37c993af4b208.jpg maid false
	// done true, cursor ""
}

// A bot that runs again and again asks only what changed since its last
// run: one request each time, whatever the list's size. It saves the mark
// after each run; the empty mark starts from now.
func ExampleAdapter_Changes() {
	srv, ids := exampleServer() // four favourites: ids[0] to ids[3]
	defer srv.Close()
	// Against the real service: waifuim.New(token).
	c, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	favs := waifuim.NewAdapter(c)
	ctx := context.Background()
	first, err := favs.Changes(ctx, "") // from now: no items, a mark
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(first.Added), "added at first")

	// Between runs, two images are liked and one is removed.
	if err := srv.Favorite(waifuimtest.UserID, ids[4], ids[5]); err != nil {
		log.Fatal(err)
	}
	if err := srv.Unfavorite(waifuimtest.UserID, ids[0]); err != nil {
		log.Fatal(err)
	}
	next, err := favs.Changes(ctx, first.Mark)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range next.Added {
		fmt.Println("added", f.Ref.ID, f.FavoritedAt.Format("15:04"))
	}
	fmt.Println("removed", next.Removed, "known:", next.RemovalsKnown)

	// Another account's mark, or text that is none, is refused unsent.
	_, err = favs.Changes(ctx, "e621.v1.l75.p2")
	fmt.Println(errors.Is(err, favorites.ErrStaleMark), errors.Is(err, favorites.ErrInvalidArgument))
	// Output:
	// 0 added at first
	// added 1005 12:06
	// added 1004 12:05
	// removed [1000] known: true
	// true true
}

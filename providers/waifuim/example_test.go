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

// exampleServer starts a fake with six images, the first four favourites.
func exampleServer() (*waifuimtest.Server, []int64) {
	srv := waifuimtest.NewServer()
	ids := srv.GenerateImages(6)
	srv.SetFavorite(waifuimtest.UserID, ids[:4]...)
	return srv, ids
}

func ExampleClient_Favorites() {
	srv, _ := exampleServer()
	defer srv.Close()
	// Against the real service: waifuim.New(token).
	c, err := srv.NewClient(waifuimtest.Token)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	images, _, err := c.Favorites(ctx, &waifuim.FavoritesQuery{
		GIF:     waifuim.Bool(false),
		Width:   waifuim.AtLeast(1000),
		OrderBy: waifuim.OrderUploadedAt,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, im := range images {
		fmt.Println(im.ImageID, im.Extension, im.Width, "x", im.Height)
	}
	// No match is an empty list, not the service's 404.
	none, _, err := c.Favorites(ctx, &waifuim.FavoritesQuery{IncludedTags: []string{"no-such-tag"}})
	fmt.Println(len(none), err)
	// Output:
	// 1003 .jpg 1230 x 1830
	// 1001 .jpg 1210 x 1810
	// 1000 .jpg 1800 x 1200
	// 0 <nil>
}

func ExampleClient_Insert() {
	srv, ids := exampleServer()
	defer srv.Close()
	c, err := srv.NewClient(waifuimtest.Token)
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
	c, err := srv.NewClient(waifuimtest.Token)
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
	c, err := srv.NewClient(waifuimtest.Token)
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

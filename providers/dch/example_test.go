package dch_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
)

// startFake starts the fake with the document's three items, two of them
// favourites.
func startFake() *dchtest.Server {
	srv := dchtest.NewServer()
	srv.AddItems(dchtest.DocumentItems()...)
	if err := srv.Favorite("301", "23427-3"); err != nil {
		log.Fatal(err)
	}
	return srv
}

// List every favourite with the typed client: the service answers the
// whole list at once, so the Pager has one page. Against the real service,
// leave out WithBaseURL.
func ExampleClient_Favourites() {
	srv := startFake()
	defer srv.Close()
	c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	for f, err := range c.Favourites().All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-7s %-9s free=%-5v image=%-5v %s\n", f.ID, f.Type, f.IsFree, f.Image.Overview != nil, f.Title)
	}
	// Output:
	// 23427-3 interview free=true  image=false Introduction by Sir Simon Rattle
	// 301     film      free=false image=true  “Guardians of Unity”: Conductors in conversation
}

// Ask when the favourites last changed, a removal included; the fake's
// clock is fixed here so the output is stable.
func ExampleClient_FavouritesUpdated() {
	at := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	srv := dchtest.NewServer(dchtest.WithClock(func() time.Time { return at }))
	defer srv.Close()
	srv.AddItems(dchtest.DocumentItems()...)
	if err := srv.Favorite("301"); err != nil {
		log.Fatal(err)
	}
	at = at.Add(time.Hour)
	if err := srv.Unfavorite("301"); err != nil {
		log.Fatal(err)
	}
	c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	updated, _, err := c.FavouritesUpdated(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(updated)
	// Output:
	// 2024-05-01 13:00:00 +0000 UTC
}

// Add a favourite; the service answers with the updated list.
func ExampleClient_AddFavourite() {
	srv := startFake()
	defer srv.Close()
	c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	list, _, err := c.AddFavourite(context.Background(), "23427-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(list.Favourites), "favourites, newest:", list.Favourites[0].Title)
	// Output:
	// 3 favourites, newest: [Éclat] (1st Version for 15 instruments from 1965)
}

func ExampleImageTemplate_URL() {
	t := dch.ImageTemplate("https://www.digitalconcerthall.com/cms/thumbnails/{width}x{height}/images/core/a.jpg")
	fmt.Println(t.URL(1280, 720))
	var none *dch.ImageTemplate // a null image
	fmt.Printf("%q\n", none.URL(1280, 720))
	// Output:
	// https://www.digitalconcerthall.com/cms/thumbnails/1280x720/images/core/a.jpg
	// ""
}

// The portable view: list, then make sure of one favourite and remove
// another; both calls are idempotent.
func ExampleAdapter() {
	srv := startFake()
	defer srv.Close()
	c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	var f favorites.Favorites = dch.NewAdapter(c)
	ctx := context.Background()
	for fav, err := range f.List(nil).All(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(fav.Kind, fav.Ref, fav.FavoritedAt.IsZero())
	}
	for range 2 {
		if err := f.Add(ctx, favorites.Ref{ID: "23427-1"}); err != nil {
			log.Fatal(err)
		}
		if err := f.Remove(ctx, favorites.Ref{ID: "301"}); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println(srv.Favorites())
	// Output:
	// interview 23427-3 false
	// film 301 false
	// [23427-1 23427-3]
}

// List through the portable view and reach the service's own entry
// behind each Favorite with As.
func ExampleAdapter_List() {
	srv := startFake()
	defer srv.Close()
	c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	for fav, err := range dch.NewAdapter(c).List(nil).All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		var entry *dch.Favourite
		if !fav.As(&entry) {
			log.Fatalf("%v holds no DCH entry", fav)
		}
		fmt.Printf("%-9s %-7s free=%-5v %s\n", fav.Kind, fav.Ref, entry.IsFree, fav.Title)
	}
	// Output:
	// interview 23427-3 free=true  Introduction by Sir Simon Rattle
	// film      301     free=false “Guardians of Unity”: Conductors in conversation
}

// A refused token is an *APIError matching favorites.ErrUnauthorized, with
// the service's own text; the listing's page carries it.
func ExampleClient_Favourites_unauthorized() {
	srv := startFake()
	defer srv.Close()
	c, err := dch.New("expired-token", favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.Favourites().NextPage(context.Background())
	var apiErr *favorites.APIError
	if errors.Is(err, favorites.ErrUnauthorized) && errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Message)
	}
	// Output:
	// 401 A Token was not found in the TokenStorage.
}

// A bot that runs again and again asks only what changed since its last
// run: one request each time, whatever the list's size. It saves the mark
// after each run; the empty mark starts from now.
func ExampleAdapter_Changes() {
	srv := startFake() // favourites: 23427-3, 301
	defer srv.Close()
	c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	favs := dch.NewAdapter(c)
	ctx := context.Background()
	first, err := favs.Changes(ctx, "") // from now: no items, a mark
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(first.Added), "added at first")

	// Between runs, one item is made a favourite and one removed.
	if err := srv.Favorite("23427-1"); err != nil {
		log.Fatal(err)
	}
	if err := srv.Unfavorite("301"); err != nil {
		log.Fatal(err)
	}
	next, err := favs.Changes(ctx, first.Mark)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range next.Added {
		fmt.Println("added", f.Ref.ID, f.Kind, f.Title)
	}
	fmt.Println("removed", next.Removed, "known:", next.RemovalsKnown)

	// Another provider's mark, or text that is none, is refused unsent.
	_, err = favs.Changes(ctx, "waifuim.mark.v1.q2Xo0b1Ui5E.AsY7ggM")
	fmt.Println(errors.Is(err, favorites.ErrStaleMark), errors.Is(err, favorites.ErrInvalidArgument))
	// Output:
	// 0 added at first
	// added 23427-1 work [Éclat] (1st Version for 15 instruments from 1965)
	// removed [301] known: true
	// true true
}

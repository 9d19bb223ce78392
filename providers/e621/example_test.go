package e621_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// fake starts an e621test server holding n favourites of the default
// account. Real code leaves out WithBaseURL and talks to e621.net.
func fake(n int) *e621test.Server {
	srv := e621test.NewServer()
	if err := srv.Favorite(e621test.Login, srv.AddPosts(n)...); err != nil {
		log.Fatal(err)
	}
	return srv
}

// List the favourites page by page with the typed client.
func ExampleClient_Favorites() {
	srv := fake(5)
	defer srv.Close()
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	pager := c.Favorites(&e621.FavoritesOptions{Limit: 2})
	for {
		page, err := pager.NextPage(context.Background())
		if errors.Is(err, favorites.ErrNoMorePages) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Print("page:")
		for _, p := range page.Items {
			fmt.Printf(" %d (%s)", p.ID, p.File.Ext)
		}
		fmt.Println()
	}
	// Output:
	// page: 1005 (png) 1004 (gif)
	// page: 1003 (webm) 1002 (jpg)
	// page: 1001 (png)
}

// The typed AddFavorite keeps e621's meaning: a repeat is an error.
func ExampleClient_AddFavorite() {
	srv := fake(1)
	defer srv.Close()
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.AddFavorite(context.Background(), 1001)
	fmt.Println("already favourited:", errors.Is(err, favorites.ErrAlreadyFavorited))
	var apiErr *favorites.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Message)
	}

	_, err = c.AddFavorite(context.Background(), 9999)
	fmt.Println("not found:", errors.Is(err, favorites.ErrNotFound))
	// Output:
	// already favourited: true
	// 422 You have already favorited this post
	// not found: true
}

// The portable adapter: list, then add and remove idempotently.
func ExampleAdapter() {
	srv := fake(2)
	defer srv.Close()
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	var f favorites.Favorites = e621.NewAdapter(c)
	ctx := context.Background()
	for fav, err := range f.List(nil).All(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(fav.Ref, fav.Kind, fav.Title)
	}
	fmt.Println(f.Add(ctx, favorites.Ref{ID: "1001"}))    // already a favourite: nil
	fmt.Println(f.Remove(ctx, favorites.Ref{ID: "1002"})) // removed
	fmt.Println(f.Remove(ctx, favorites.Ref{ID: "1002"})) // already gone: nil
	fmt.Println(srv.Favorites(e621test.Login))
	// Output:
	// 1002 image #1002 by artist_1
	// 1001 image #1001 by artist_0
	// <nil>
	// <nil>
	// <nil>
	// [1001]
}

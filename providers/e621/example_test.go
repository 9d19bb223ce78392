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
// account, its posts numbered from 1001 so that the output reads the same on
// every run. Real code leaves out WithBaseURL and talks to e621.net.
func fake(n int) *e621test.Server {
	srv := e621test.NewServer(e621test.WithFirstID(1001))
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

// The typed AddFavorite keeps e621's meaning: a repeat is an error. Each
// call also returns the Response, whose status tells the live answer (200)
// from the documented one (201).
func ExampleClient_AddFavorite() {
	srv := fake(1)
	defer srv.Close()
	srv.AddPost(e621test.Post{ID: 1002})
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	ch, resp, err := c.AddFavorite(ctx, 1002)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, "post", ch.PostID, "now has", ch.FavoriteCount, "favourite")

	_, resp, err = c.AddFavorite(ctx, 1001)
	fmt.Println("already favourited:", errors.Is(err, favorites.ErrAlreadyFavorited), resp.StatusCode)
	var apiErr *favorites.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Message)
	}

	_, _, err = c.AddFavorite(ctx, 9999)
	fmt.Println("not found:", errors.Is(err, favorites.ErrNotFound))
	// Output:
	// 200 post 1002 now has 1 favourite
	// already favourited: true 422
	// You have already favorited this post
	// not found: true
}

// Resume a typed listing: save the Pager's cursor after a page, and give
// it back in FavoritesOptions.Cursor to go on from the next one.
func ExampleClient_Favorites_resume() {
	srv := fake(5)
	defer srv.Close()
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	pager := c.Favorites(&e621.FavoritesOptions{Limit: 2})
	fmt.Printf("cursor before the first page: %q\n", pager.Cursor())
	page, err := pager.NextPage(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first run:", page.Items[0].ID, page.Items[1].ID)
	saved := pager.Cursor() // written to disk; the program stops here

	for p, err := range c.Favorites(&e621.FavoritesOptions{Cursor: saved}).All(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("resumed:", p.ID)
	}
	// Output:
	// cursor before the first page: ""
	// first run: 1005 1004
	// resumed: 1003
	// resumed: 1002
	// resumed: 1001
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

// List through the portable interface, as a program that serves every
// provider does: the same loop lists any of them. A Favorite carries the
// post's JSON, and As gives the e621 post back from it.
func ExampleAdapter_List() {
	srv := fake(3)
	defer srv.Close()
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	var f favorites.Favorites = e621.NewAdapter(c)
	for fav, err := range f.List(nil).All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		var p *e621.Post
		if fav.As(&p) {
			fmt.Println(fav.Ref, fav.Kind, fav.Title, p.File.Ext, p.File.Width, p.File.Height)
		}
	}
	// Output:
	// 1003 video #1003 by artist_2 webm 800 600
	// 1002 image #1002 by artist_1 jpg 800 600
	// 1001 image #1001 by artist_0 png 800 600
}

// Search a public user's favourites by tags, without an account, and save
// where the walk stands so that a later run resumes there.
func ExampleClient_SearchFavorites() {
	srv := e621test.NewServer(e621test.WithFirstID(1001))
	defer srv.Close()
	for _, rating := range []string{"s", "e", "s", "s"} {
		id := srv.AddPost(e621test.Post{Rating: rating, General: []string{"solo"}})
		if err := srv.Favorite(e621test.Login, id); err != nil {
			log.Fatal(err)
		}
	}
	anon, err := e621.New("", "", favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	opts := e621.TagSearchOptions{Name: e621test.Login, Tags: []string{"rating:s", "solo"}, Limit: 2}
	pager := anon.SearchFavorites(&opts)
	page, err := pager.NextPage(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range page.Items {
		fmt.Println(p.ID)
	}
	opts.Cursor = pager.Cursor() // saved; a later run resumes from it
	for p, err := range anon.SearchFavorites(&opts).All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.ID, "(resumed)")
	}
	// Output:
	// 1004
	// 1003
	// 1001 (resumed)
}

// Learn what was favourited since the last run, in requests that grow with
// what is new, not with the whole list: save the mark after each run and
// pass it to the next. Removals are not reported (RemovalsKnown is false);
// a full List and favorites.Diff find those.
func ExampleAdapter_Changes() {
	srv := fake(500)
	defer srv.Close()
	c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	var f favorites.ChangeLister = e621.NewAdapter(c)
	ctx := context.Background()
	first, err := f.Changes(ctx, "") // from now: no items, just a mark to save
	if err != nil {
		log.Fatal(err)
	}
	if err := srv.Favorite(e621test.Login, srv.AddPosts(2)...); err != nil { // favourited on the site
		log.Fatal(err)
	}
	sent := srv.Faults.Requests()
	next, err := f.Changes(ctx, first.Mark)
	if err != nil {
		log.Fatal(err)
	}
	for _, fav := range next.Added {
		fmt.Println(fav.Ref, fav.Title)
	}
	fmt.Println("requests:", srv.Faults.Requests()-sent, "removals known:", next.RemovalsKnown)
	// Output:
	// 1502 #1502 by artist_1
	// 1501 #1501 by artist_0
	// requests: 1 removals known: false
}

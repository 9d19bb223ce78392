package mastodon_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// List the favourites page by page. The fake stands in for an instance such
// as https://mastodon.social.
func Example() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	for _, id := range srv.AddStatuses(5) {
		_ = srv.MarkFavourite(mastodontest.DefaultUser, id)
	}

	c, err := mastodon.New(srv.URL, mastodontest.Token)
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	p := c.Favourites(&mastodon.ListOptions{Limit: 2})
	for {
		page, err := p.NextPage(ctx)
		if errors.Is(err, favorites.ErrNoMorePages) {
			break
		}
		if err != nil {
			panic(err)
		}
		fmt.Printf("page of %d:", len(page.Items))
		for _, st := range page.Items {
			fmt.Printf(" %q", mastodon.PlainText(st.Content))
		}
		fmt.Println()
	}
	// Output:
	// page of 2: "Status 5" "Status 4"
	// page of 2: "Status 3" "Status 2"
	// page of 1: "Status 1"
}

func ExampleClient_Favourite() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	id := srv.AddStatus(mastodontest.Status{Content: "<p>Hello, fediverse!</p>"})

	c, _ := mastodon.New(srv.URL, mastodontest.Token)
	st, err := c.Favourite(context.Background(), id)
	if err != nil {
		panic(err)
	}
	fmt.Println(st.Favourited, st.FavouritesCount)
	st, _ = c.Unfavourite(context.Background(), id)
	fmt.Println(st.Favourited, st.FavouritesCount)
	// Output:
	// true 1
	// false 0
}

// Errors match the sentinels of the favorites package.
func ExampleClient_Favourite_errors() {
	srv := mastodontest.NewServer()
	defer srv.Close()

	c, _ := mastodon.New(srv.URL, mastodontest.Token)
	_, err := c.Favourite(context.Background(), "12345")
	var apiErr *favorites.APIError
	if errors.Is(err, favorites.ErrNotFound) && errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Message)
	}

	_, err = c.Favourite(context.Background(), "../admin")
	fmt.Println(errors.Is(err, favorites.ErrInvalidArgument))
	// Output:
	// 404 Record not found
	// true
}

// The portable adapter: the same calls work on every provider.
func ExampleNewAdapter() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	ids := srv.AddStatuses(3)
	_ = srv.MarkFavourite(mastodontest.DefaultUser, ids[0])

	c, _ := mastodon.New(srv.URL, mastodontest.Token)
	var f favorites.Favorites = mastodon.NewAdapter(c)
	ctx := context.Background()
	_ = f.Add(ctx, favorites.Ref{ID: ids[1]})
	_ = f.Add(ctx, favorites.Ref{ID: ids[1]}) // already a favourite: nil
	_ = f.Remove(ctx, favorites.Ref{ID: ids[0]})
	for fav, err := range f.List(nil).All(ctx) {
		if err != nil {
			panic(err)
		}
		var st *mastodon.Status
		fav.As(&st)
		fmt.Println(fav.Kind, fav.Title, st.Account.Acct)
	}
	// Output:
	// status Status 2 bob
}

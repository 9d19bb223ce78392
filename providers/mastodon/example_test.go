package mastodon_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// List the favourites page by page. The fake stands in for an instance such
// as https://mastodon.social.
func Example() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	if err := srv.Favorite(mastodontest.DefaultUser, srv.AddStatuses(5)...); err != nil {
		panic(err)
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

// The typed listing: every favourited status, newest favourite first,
// fetched page by page as the loop asks for more.
func ExampleClient_Favourites() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	ids := []string{
		srv.AddStatus(mastodontest.Status{Content: "<p>First post</p>", Acct: "carol@social.example"}),
		srv.AddStatus(mastodontest.Status{Content: "<p>Second &amp; last</p>"}),
	}
	if err := srv.Favorite(mastodontest.DefaultUser, ids...); err != nil {
		panic(err)
	}

	c, err := mastodon.New(srv.URL, mastodontest.Token)
	if err != nil {
		panic(err)
	}
	for st, err := range c.Favourites(nil).All(context.Background()) {
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: %s\n", st.Account.Acct, mastodon.PlainText(st.Content))
	}
	// Output:
	// bob: Second & last
	// carol@social.example: First post
}

// Status says whether the caller has favourited a status.
func ExampleClient_Status() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	ids := srv.AddStatuses(2)
	if err := srv.Favorite(mastodontest.DefaultUser, ids[1]); err != nil {
		panic(err)
	}

	c, _ := mastodon.New(srv.URL, mastodontest.Token)
	for _, id := range ids {
		st, _, err := c.Status(context.Background(), id)
		if err != nil {
			panic(err)
		}
		fmt.Println(mastodon.PlainText(st.Content), st.Favourited)
	}
	// Output:
	// Status 1 false
	// Status 2 true
}

func ExampleClient_Favourite() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	id := srv.AddStatus(mastodontest.Status{Content: "<p>Hello, fediverse!</p>"})

	c, _ := mastodon.New(srv.URL, mastodontest.Token)
	st, resp, err := c.Favourite(context.Background(), id)
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.StatusCode, st.Favourited, st.FavouritesCount)
	st, _, err = c.Unfavourite(context.Background(), id)
	if err != nil {
		panic(err)
	}
	fmt.Println(st.Favourited, st.FavouritesCount)
	// Output:
	// 200 true 1
	// false 0
}

// Errors match the sentinels of the favorites package.
func ExampleClient_Favourite_errors() {
	srv := mastodontest.NewServer()
	defer srv.Close()

	c, _ := mastodon.New(srv.URL, mastodontest.Token)
	_, _, err := c.Favourite(context.Background(), "12345")
	var apiErr *favorites.APIError
	if errors.Is(err, favorites.ErrNotFound) && errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Message)
	}

	_, _, err = c.Favourite(context.Background(), "../admin")
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
	if err := srv.Favorite(mastodontest.DefaultUser, ids[0]); err != nil {
		panic(err)
	}

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
		if fav.As(&st) {
			fmt.Println(fav.Kind, fav.Title, st.Account.Acct)
		}
	}
	// Output:
	// status Status 2 bob
}

// A portable listing saved as JSON (a backup) and read back: Raw travels
// with each favourite, so As still gives the whole status.
func ExampleAdapter_List() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	id := srv.AddStatus(mastodontest.Status{Content: "<p>Worth keeping</p>", Acct: "dave@example.org"})
	if err := srv.Favorite(mastodontest.DefaultUser, id); err != nil {
		panic(err)
	}

	c, _ := mastodon.New(srv.URL, mastodontest.Token)
	var saved []byte
	for fav, err := range mastodon.NewAdapter(c).List(nil).All(context.Background()) {
		if err != nil {
			panic(err)
		}
		if saved, err = json.Marshal(fav); err != nil {
			panic(err)
		}
	}

	var back favorites.Favorite
	if err := json.Unmarshal(saved, &back); err != nil {
		panic(err)
	}
	var st *mastodon.Status
	if back.As(&st) {
		fmt.Println(back.Provider, back.Title, st.ID == id, st.Account.Acct)
	}
	// Output:
	// mastodon Worth keeping true dave@example.org
}

// A bot that runs again and again asks only for what was added since its
// last run: save the mark each run gives, and pass it to the next. The
// first call, with the empty mark, starts from now.
func ExampleAdapter_Changes() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	ids := srv.AddStatuses(3)
	if err := srv.Favorite(mastodontest.DefaultUser, ids[0]); err != nil {
		panic(err)
	}
	c, err := mastodon.New(srv.URL, mastodontest.Token)
	if err != nil {
		panic(err)
	}
	a := mastodon.NewAdapter(c)
	ctx := context.Background()

	ch, err := a.Changes(ctx, "") // from now: a mark, no items
	if err != nil {
		panic(err)
	}
	mark := ch.Mark // saved between runs
	fmt.Println("first run:", len(ch.Added), "added")

	if err := srv.Favorite(mastodontest.DefaultUser, ids[1], ids[2]); err != nil {
		panic(err)
	}
	if ch, err = a.Changes(ctx, mark); err != nil {
		panic(err)
	}
	for _, f := range ch.Added {
		fmt.Println("added:", f.Title)
	}
	fmt.Println("removals known:", ch.RemovalsKnown) // removals need List and favorites.Diff

	_, err = a.Changes(ctx, "e621.v1.l75.p2") // not a mark of this list
	fmt.Println("stale:", errors.Is(err, favorites.ErrStaleMark))
	// Output:
	// first run: 0 added
	// added: Status 3
	// added: Status 2
	// removals known: false
	// stale: true
}

// Moving favourites to another instance: each status is found on the
// target by its URI and favourited there under the target's own ID, in the
// order they were made; one deleted since is reported, never moved.
func ExampleResolver() {
	ctx := context.Background()
	source, target := mastodontest.NewServer(), mastodontest.NewServer()
	defer source.Close()
	defer target.Close()
	target.Federate(source) // the two instances know each other
	ids := source.AddStatuses(3)
	if err := source.Favorite(mastodontest.DefaultUser, ids...); err != nil {
		panic(err)
	}
	from, err := source.Client(favoritestest.Options()...)
	if err != nil {
		panic(err)
	}
	var saved []favorites.Favorite // a backup, oldest first
	for fav, err := range mastodon.NewAdapter(from).List(nil).All(ctx) {
		if err != nil {
			panic(err)
		}
		saved = append([]favorites.Favorite{fav}, saved...)
	}
	if err := source.DeleteStatus(ids[1]); err != nil { // deleted after the backup
		panic(err)
	}

	to, err := target.AddAccount().Client(favoritestest.Options()...)
	if err != nil {
		panic(err)
	}
	resolve, err := mastodon.Resolver(to, source.URL)
	if err != nil {
		panic(err)
	}
	backup := func(yield func(favorites.Favorite, error) bool) {
		for _, f := range saved {
			if !yield(f, nil) {
				return
			}
		}
	}
	rep, err := favorites.Restore(ctx, mastodon.NewAdapter(to), backup, &favorites.RestoreOptions{Resolve: resolve})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(rep.Added), "moved,", len(rep.NotFound), "not found:", errors.Is(rep.NotFound[0].Err, favorites.ErrNotFound))
	for st, err := range to.Favourites(nil).All(ctx) {
		if err != nil {
			panic(err)
		}
		fmt.Println(mastodon.PlainText(st.Content))
	}
	// Output:
	// 2 moved, 1 not found: true
	// Status 3
	// Status 1
}

package mastodontest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// The one way from a fake to a client, and to a second account with a
// token of its own, as docs/testing.md shows; every fake of the SDK has the same
// calls.
func ExampleServer_AddAccount() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	ids := srv.AddStatuses(3)
	if err := srv.Favorite(mastodontest.DefaultUser, ids[0]); err != nil {
		panic(err)
	}
	alice, err := srv.Client(favoritestest.Options()...) // DefaultUser's client
	if err != nil {
		panic(err)
	}
	bob := srv.AddAccount() // another account, with a token of its own
	if err := bob.Favorite(ids[1], ids[2]); err != nil {
		panic(err)
	}
	bobs, err := bob.Client(favoritestest.Options()...)
	if err != nil {
		panic(err)
	}

	for _, c := range []*mastodon.Client{alice, bobs} {
		var listed []string
		for st, err := range c.Favourites(nil).All(context.Background()) {
			if err != nil {
				panic(err)
			}
			listed = append(listed, mastodon.PlainText(st.Content))
		}
		fmt.Println(strings.Join(listed, ", "))
	}
	// Output:
	// Status 1
	// Status 3, Status 2
}

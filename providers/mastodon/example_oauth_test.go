package mastodon_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// Sign a user in from a program: register an app once, send the user to
// the authorization URL, exchange the code the page shows for a token,
// and check what the token can do before a long job. The fake stands in
// for an instance, and its Approve for the user's browser.
func ExampleOAuth() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	o, err := mastodon.NewOAuth(srv.URL)
	if err != nil {
		panic(err)
	}
	app, err := o.RegisterApp(ctx, mastodon.AppOptions{Name: "my favourites bot"}) // keep app: it revokes tokens
	if err != nil {
		panic(err)
	}
	auth, err := o.Authorize(ctx, app, nil) // out of band: the page shows the code
	if err != nil {
		panic(err)
	}
	fmt.Println("PKCE:", auth.PKCE)

	page, err := srv.Approve(auth.URL) // a real program prints auth.URL and reads the code the user pastes
	if err != nil {
		panic(err)
	}
	tok, err := auth.Exchange(ctx, page.Query().Get("code"))
	if err != nil {
		panic(err)
	}
	fmt.Println(tok) // a Token prints without its secret

	c, err := mastodon.New(srv.URL, tok.AccessToken)
	if err != nil {
		panic(err)
	}
	acct, _, err := c.VerifyCredentials(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println("signed in as", acct.Acct)
	if err := mastodon.NewAdapter(c).Verify(ctx, favorites.ReadAccess|favorites.WriteAccess); err != nil {
		panic(err)
	}

	if err := o.Revoke(ctx, app, tok.AccessToken); err != nil {
		panic(err)
	}
	_, _, err = c.VerifyCredentials(ctx)
	fmt.Println("after revoking:", errors.Is(err, favorites.ErrUnauthorized))
	// Output:
	// PKCE: true
	// mastodon.Token{scopes: read:favourites write:favourites read:search read:accounts}
	// signed in as alice
	// after revoking: true
}

// A token without a scope the job needs fails before the job, naming it.
func ExampleAdapter_Verify() {
	srv := mastodontest.NewServer()
	defer srv.Close()
	c, err := mastodon.New(srv.URL, mastodontest.ReadOnlyToken)
	if err != nil {
		panic(err)
	}
	err = mastodon.NewAdapter(c).Verify(context.Background(), favorites.ReadAccess|favorites.WriteAccess)
	fmt.Println(err)
	fmt.Println(errors.Is(err, favorites.ErrMissingScope))
	// Output:
	// mastodon: the credential lacks the scope write:favourites (it has read:favourites read:statuses); sign in again asking for it
	// true
}

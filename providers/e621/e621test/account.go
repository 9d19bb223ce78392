package e621test

import (
	"crypto/rand"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
)

// Account is an account of the fake with credentials of its own, as
// [Server.AddAccount] makes it. Its methods seed and read its favourites
// and make its client.
type Account struct {
	// ID is the account's user ID, as FavoritesOptions.UserID takes it.
	ID int64
	// Login and APIKey are its credentials.
	Login, APIKey string

	srv *Server
}

// Client returns an e621 client of the account [Login]'s at this server,
// with [APIKey] and the SDK's default settings; opts come after, so they
// win. favoritestest.Options() makes a test fail fast: start the fake
// [WithRateLimit](0) then, as no client-side limiter keeps to its 2 a
// second.
func (s *Server) Client(opts ...favorites.Option) (*e621.Client, error) {
	return Account{Login: Login, APIKey: APIKey, srv: s}.Client(opts...)
}

// AddAccount adds an account with a fresh login ("user1", ...), a random
// API key of its own and no favourites.
func (s *Server) AddAccount() Account {
	key := "e621test-" + rand.Text()
	s.mu.Lock()
	login := ""
	for n := len(s.users); login == "" || s.users[login] != nil; n++ {
		login = fmt.Sprintf("user%d", n)
	}
	s.mu.Unlock()
	return Account{ID: s.AddUser(login, key), Login: login, APIKey: key, srv: s}
}

// Client returns an e621 client of the account's at its server, with its
// login and API key; opts come after, so they win.
func (a Account) Client(opts ...favorites.Option) (*e621.Client, error) {
	return e621.New(a.Login, a.APIKey, append([]favorites.Option{favorites.WithBaseURL(a.srv.URL)}, opts...)...)
}

// Favorite makes the posts the account's favourites: [Server.Favorite] for
// its login.
func (a Account) Favorite(ids ...int64) error { return a.srv.Favorite(a.Login, ids...) }

// Unfavorite removes the posts from the account's favourites:
// [Server.Unfavorite] for its login.
func (a Account) Unfavorite(ids ...int64) error { return a.srv.Unfavorite(a.Login, ids...) }

// Favorites returns the account's favourite post IDs, newest first:
// [Server.Favorites] for its login.
func (a Account) Favorites() []int64 { return a.srv.Favorites(a.Login) }

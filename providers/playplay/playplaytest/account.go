package playplaytest

import (
	"crypto/rand"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
)

// Account is an account of the fake with a token of its own, as
// [Server.AddAccount] makes it: the same media library, favourites of its
// own. Its methods seed and read its favourites and make its client.
type Account struct {
	// Token is the account's bearer token.
	Token string

	srv *Server
}

// Client returns a playplay client of the default account's at this
// server, with its token ([Server.Token]) and the SDK's default settings;
// opts come after, so they win (favoritestest.Options() makes a test fail
// fast).
func (s *Server) Client(opts ...favorites.Option) (*playplay.Client, error) {
	return Account{Token: s.token, srv: s}.Client(opts...)
}

// AddAccount adds an account with a random token of its own and no
// favourites.
func (s *Server) AddAccount() Account {
	token := "playplaytest-" + rand.Text()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.accounts[token] = &account{}
	return Account{Token: token, srv: s}
}

// Client returns a playplay client of the account's at its server, with its
// token; opts come after, so they win.
func (a Account) Client(opts ...favorites.Option) (*playplay.Client, error) {
	return playplay.New(a.srv.URL, a.Token, opts...)
}

// Favorite makes media of the library the account's favourites, as
// [Server.Favorite] does for the default account.
func (a Account) Favorite(ids ...int64) error { return a.srv.favorite(a.Token, ids) }

// Unfavorite removes media from the account's favourites, as
// [Server.Unfavorite] does for the default account.
func (a Account) Unfavorite(ids ...int64) error { return a.srv.unfavorite(a.Token, ids) }

// Favorites returns the raw media IDs of the account's favourites, newest
// first.
func (a Account) Favorites() []int64 { return a.srv.favorites(a.Token) }

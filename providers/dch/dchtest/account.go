package dchtest

import (
	"crypto/rand"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/dch"
)

// Account is an account of the fake with a token of its own, as
// [Server.AddAccount] makes it: the same catalogue, favourites of its own.
// Its methods seed and read its favourites and make its client.
type Account struct {
	// Token is the account's access token.
	Token string

	srv *Server
}

// Client returns a dch client of the default account's at this server,
// with its token ([Token], or the one [WithToken] gave) and the SDK's
// default settings; opts come after, so they win (favoritestest.Options()
// makes a test fail fast).
func (s *Server) Client(opts ...favorites.Option) (*dch.Client, error) {
	return Account{Token: s.token, srv: s}.Client(opts...)
}

// AddAccount adds an account with a random token of its own and no
// favourites.
func (s *Server) AddAccount() Account {
	token := "dchtest-" + rand.Text()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.accounts[token] = &account{updated: s.now()}
	return Account{Token: token, srv: s}
}

// Client returns a dch client of the account's at its server, with its
// token; opts come after, so they win.
func (a Account) Client(opts ...favorites.Option) (*dch.Client, error) {
	return dch.New(a.Token, append([]favorites.Option{favorites.WithBaseURL(a.srv.URL)}, opts...)...)
}

// Favorite makes catalogue items the account's favourites, as
// [Server.Favorite] does for the default account.
func (a Account) Favorite(ids ...string) error { return a.srv.seed(a.Token, ids, (*Server).add) }

// Unfavorite removes catalogue items from the account's favourites, as
// [Server.Unfavorite] does for the default account.
func (a Account) Unfavorite(ids ...string) error { return a.srv.seed(a.Token, ids, (*Server).remove) }

// Favorites returns the IDs of the account's favourites, newest first.
func (a Account) Favorites() []string { return a.srv.favorites(a.Token) }

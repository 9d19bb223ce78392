package mastodontest

import (
	"crypto/rand"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
)

// Account is an account of the fake with a token of its own, as
// [Server.AddAccount] makes it. Its methods seed and read its favourites
// and make its client.
type Account struct {
	// User is the account's username, as [Server.Favorite] takes it.
	User string
	// Token is its bearer token, with the read and write scopes.
	Token string

	srv *Server
}

// Client returns a mastodon client of [DefaultUser]'s at this server, with
// [Token] and the SDK's default settings; opts come after, so they win
// (favoritestest.Options() makes a test fail fast).
func (s *Server) Client(opts ...favorites.Option) (*mastodon.Client, error) {
	return Account{User: DefaultUser, Token: Token, srv: s}.Client(opts...)
}

// AddAccount adds an account with a fresh username ("user1", ...) and a
// random token of its own with the read and write scopes, and no
// favourites.
func (s *Server) AddAccount() Account {
	token := "mastodontest-" + rand.Text()
	s.mu.Lock()
	defer s.mu.Unlock()
	var user string
	for user == "" || s.knownUser(user) {
		s.nextAccount++
		user = fmt.Sprintf("user%d", s.nextAccount)
	}
	s.tokens[token] = tokenInfo{user: user, scopes: []string{"read", "write"}}
	return Account{User: user, Token: token, srv: s}
}

// Client returns a mastodon client of the account's at its server, with its
// token; opts come after, so they win.
func (a Account) Client(opts ...favorites.Option) (*mastodon.Client, error) {
	return mastodon.New(a.srv.URL, a.Token, opts...)
}

// Favorite makes the statuses the account's favourites: [Server.Favorite]
// for its user.
func (a Account) Favorite(ids ...string) error { return a.srv.Favorite(a.User, ids...) }

// Unfavorite removes the statuses from the account's favourites:
// [Server.Unfavorite] for its user.
func (a Account) Unfavorite(ids ...string) error { return a.srv.Unfavorite(a.User, ids...) }

// Favorites returns the status IDs the account has favourited, newest
// first: [Server.Favorites] for its user.
func (a Account) Favorites() []string { return a.srv.Favorites(a.User) }

package waifuimtest

import (
	"crypto/rand"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
)

// Account is a user of the fake with a token of its own, as
// [Server.AddAccount] makes it. Its methods seed and read its favourites
// and make its client.
type Account struct {
	// UserID is the user's ID, as [Server.Favorite] takes it.
	UserID int64
	// Token is its token, with view_favorites and manage_favorites.
	Token string

	srv *Server
}

// Client returns a waifuim client of [UserID]'s at this server, with
// [Token] and the SDK's default settings; opts come after, so they win
// (favoritestest.Options() makes a test fail fast).
func (s *Server) Client(opts ...favorites.Option) (*waifuim.Client, error) {
	return Account{UserID: UserID, Token: Token, srv: s}.Client(opts...)
}

// AddAccount adds a user with the first free ID after [AdminUserID], a
// random token of its own with view_favorites and manage_favorites, and no
// favourites.
func (s *Server) AddAccount() Account {
	token := "waifuimtest-" + rand.Text()
	s.mu.Lock()
	id := AdminUserID + 1
	for s.users[id] != nil {
		id++
	}
	s.user(id) // taken before another AddAccount can look
	s.mu.Unlock()
	s.addUser(id, token, ViewFavorites, ManageFavorites)
	return Account{UserID: id, Token: token, srv: s}
}

// Client returns a waifuim client of the account's at its server, with its
// token; opts come after, so they win.
func (a Account) Client(opts ...favorites.Option) (*waifuim.Client, error) {
	return clientAt(a.srv.URL, a.Token, opts)
}

// clientAt is a waifuim client at base with token, opts after the base.
func clientAt(base, token string, opts []favorites.Option) (*waifuim.Client, error) {
	return waifuim.New(token, append([]favorites.Option{favorites.WithBaseURL(base)}, opts...)...)
}

// Favorite makes the images the account's favourites: [Server.Favorite]
// for its user.
func (a Account) Favorite(imageIDs ...int64) error { return a.srv.Favorite(a.UserID, imageIDs...) }

// Unfavorite removes the images from the account's favourites:
// [Server.Unfavorite] for its user.
func (a Account) Unfavorite(imageIDs ...int64) error { return a.srv.Unfavorite(a.UserID, imageIDs...) }

// Favorites returns the account's favourite image IDs, most recently liked
// first: [Server.Favorites] for its user.
func (a Account) Favorites() []int64 { return a.srv.Favorites(a.UserID) }

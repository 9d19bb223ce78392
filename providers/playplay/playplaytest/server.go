// Package playplaytest is a stateful fake of PlayPlay's favourites API, for
// testing code that uses package playplay (or talks to PlayPlay directly).
//
// It serves exactly the document's paths: GET and DELETE
// /api/v2/users/me/favorites, POST /api/v2/user/me/favorites (singular
// "user"). It checks the bearer token, pages with the nested body and
// next_page, validates the parameter rules (422 with a message), answers 201
// to a store and 204 to a delete, and injects faults through its Faults
// field.
//
// The fake's media library is one for all its accounts, as an item's ID is
// on PlayPlay; each account has its own favourites. [Server.Client] is a
// client of the default account's (the one [Token] or [WithToken] names);
// [Server.AddAccount] adds another account, with a token of its own, and
// its [Account.Client] is that account's client. The same two calls exist
// on every fake of this SDK.
//
//	srv := playplaytest.NewServer()
//	defer srv.Close()
//	srv.AddMedia(playplaytest.Upload(1), playplaytest.Stock(2, "pexels", "12345"))
//	if err := srv.Favorite(1); err != nil {
//		// ...
//	}
//	c, err := srv.Client()
//	bob := srv.AddAccount()
//	if err := bob.Favorite(2); err != nil { ... }
//	cb, err := bob.Client()
//
// Its answers for media, the shapes package playplay reads:
//   - store of a media the library does not have: 404
//     {"message":"Media not found."}; of a favourite already there: 409
//     {"message":"This media is already a favorite."}.
//   - delete of a media that is not a favourite: 204, as for one that is;
//     of a media the library does not have: 404 {"message":"Media not
//     found."}.
//   - any other path: the 404 of the mux, plain text, which no client may
//     read as "not found" of a media.
package playplaytest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"

	"github.com/favkit/favorites/favoritestest"
)

// Token is the bearer token the fake accepts unless [WithToken] says
// otherwise.
const Token = "playplay-test-token"

// DefaultPageSize is how many favourites a page holds unless [WithPageSize]
// says otherwise. The document's example page has 10.
const DefaultPageSize = 10

// Server is the fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give playplay.New.
	URL string

	// Faults injects failures into every request the fake serves.
	Faults *favoritestest.Faults

	srv      *httptest.Server
	token    string
	pageSize int

	mu       sync.Mutex
	media    map[int64]Media
	accounts map[string]*account // by bearer token
}

// account is one account's state: its favourites, newest first.
type account struct{ favs []int64 }

// Option configures a Server.
type Option func(*Server)

// WithToken sets the default account's bearer token, instead of [Token].
func WithToken(token string) Option { return func(s *Server) { s.token = token } }

// WithPageSize sets how many favourites a page holds; n below 1 is taken
// as 1, since a page of none would never end a listing.
func WithPageSize(n int) Option { return func(s *Server) { s.pageSize = max(n, 1) } }

// SetPageSize changes how many favourites a page holds (n below 1 is taken
// as 1), as a server reconfigured between two listings would: pages
// served from then on are cut at the new size.
func (s *Server) SetPageSize(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pageSize = max(n, 1)
}

// NewServer starts a fake with no media and no favourites. Close it when
// done.
func NewServer(opts ...Option) *Server {
	s := &Server{
		Faults:   &favoritestest.Faults{},
		token:    Token,
		pageSize: DefaultPageSize,
		media:    map[int64]Media{},
		accounts: map[string]*account{},
	}
	for _, o := range opts {
		o(s)
	}
	s.accounts[s.token] = &account{}
	s.srv = httptest.NewServer(s.Faults.Wrap(s.routes()))
	s.URL = s.srv.URL
	return s
}

// Close shuts the fake down, releasing any stalled request first.
func (s *Server) Close() {
	s.Faults.Close()
	s.srv.Close()
}

// Token returns the default account's bearer token: [Token], or the one
// [WithToken] gave.
func (s *Server) Token() string { return s.token }

// AddMedia puts media into the fake's library (replacing any with the same
// ID), so that they can be stored as favourites. It does not favourite them.
func (s *Server) AddMedia(ms ...Media) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range ms {
		s.media[m.ID] = m
	}
}

// Favorite makes media of the library favourites of the default account,
// each in turn becoming
// the newest, as if stored one after the other; one already a favourite
// moves to the front, as a store after a delete would put it. An ID the
// library does not hold is an error and marks nothing, so a test never
// lists a half-seeded state.
func (s *Server) Favorite(ids ...int64) error { return s.favorite(s.token, ids) }

func (s *Server) favorite(token string, ids []int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.known(ids); err != nil {
		return err
	}
	a := s.accounts[token]
	for _, id := range ids {
		a.add(id)
	}
	return nil
}

// Unfavorite makes media no longer favourites of the default account, as a
// delete would, leaving
// them in the library; tests use it to change the list between two
// listings. A media of the library that is not a favourite is left as it
// is (the delete's 204); an ID the library does not hold is an error and
// removes nothing.
func (s *Server) Unfavorite(ids ...int64) error { return s.unfavorite(s.token, ids) }

func (s *Server) unfavorite(token string, ids []int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.known(ids); err != nil {
		return err
	}
	a := s.accounts[token]
	for _, id := range ids {
		a.favs = removeID(a.favs, id)
	}
	return nil
}

// Favorites returns the raw media IDs of the default account's favourites
// in the order the listing gives them: newest first.
func (s *Server) Favorites() []int64 { return s.favorites(s.token) }

func (s *Server) favorites(token string) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.accounts[token].favs)
}

// known checks that the library holds every id; s.mu is held.
func (s *Server) known(ids []int64) error {
	for _, id := range ids {
		if _, ok := s.media[id]; !ok {
			return fmt.Errorf("playplaytest: no media %d; add it with AddMedia first", id)
		}
	}
	return nil
}

// IsFavorite reports whether the media with raw media ID id is a
// favourite of the default account; false for an ID the library does not
// hold.
func (s *Server) IsFavorite(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Contains(s.accounts[s.token].favs, id)
}

// add puts id first; s.mu is held.
func (a *account) add(id int64) {
	a.favs = slices.Insert(slices.DeleteFunc(a.favs, func(f int64) bool { return f == id }), 0, id)
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v2/users/me/favorites", s.list)
	mux.HandleFunc("DELETE /api/v2/users/me/favorites", s.remove)
	mux.HandleFunc("POST /api/v2/user/me/favorites", s.store)
	return s.authorize(mux)
}

// authorize refuses a request without the bearer token of one of the
// fake's accounts.
func (s *Server) authorize(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		a := s.caller(r)
		s.mu.Unlock()
		if a == nil {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Unauthenticated."})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// caller is the account whose bearer token r carries, or nil; s.mu is
// held. An account, once added, is never removed, so a handler finds the
// one authorize found.
func (s *Server) caller(r *http.Request) *account {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return nil
	}
	return s.accounts[token]
}

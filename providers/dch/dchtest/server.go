// Package dchtest is a stateful fake of the Digital Concert Hall favourites
// API, for testing programs that use package dch (or speak to the service
// directly).
//
// It serves GET and POST /v2/user/favourites as the API document describes:
// a Bearer token is required (401 {"message":"A Token was not found in the
// TokenStorage."} otherwise), the POST takes the form fields action=add|delete
// and id (and, as one third-party script sends it, the JSON body
// {"action":"add"|"remove","id":...}), every success answers with the HAL
// list built from the fake's state, and a wrong method answers 405 with the
// document's {"error":{"message":"No route found ..."}} body (an unknown
// path 404 with the same shape).
//
// The document does not say how the service answers an ID it does not
// have; the fake answers add and delete of an item not in its catalogue
// with 404 {"message":"Item \"ID\" does not exist."}, the service's own
// error shape, and changes nothing. Adding a favourite or deleting one
// that is not a favourite answers the list, unchanged.
//
// A test starts a server, seeds a catalogue and favourites, points the
// client at it and inspects the state afterwards:
//
//	srv := dchtest.NewServer()
//	defer srv.Close()
//	srv.AddItems(dchtest.DocumentItems()...)
//	if err := srv.Favorite("301"); err != nil { ... }
//	c, _ := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
//	...
//	ids := srv.Favorites()
//
// Faults injects failures: srv.Faults.FailNext(1, 503), a stall, a cut
// connection; see [favoritestest.Faults].
//
// The catalogue is one for all the fake's accounts, as an item's ID is on
// the service; each account has its own favourites. [Server.Client] is a
// client of the default account's (the one [Token] or [WithToken] names);
// [Server.AddAccount] adds another account, with a token of its own, and
// its [Account.Client] is that account's client. The same two calls exist
// on every fake of this SDK:
//
//	c, err := srv.Client()
//	bob := srv.AddAccount()
//	if err := bob.Favorite("301"); err != nil { ... }
//	cb, err := bob.Client()
package dchtest

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"sync"
	"time"

	"github.com/favkit/favorites/favoritestest"
)

// Token is the default account's access token unless [WithToken] says
// otherwise.
const Token = "dchtest-access-token"

// Option configures a Server.
type Option func(*Server)

// WithToken makes token the default account's, instead of [Token].
func WithToken(token string) Option { return func(s *Server) { s.token = token } }

// WithClock sets the clock that stamps favourites and the list's updated
// time; the default is time.Now.
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// Server is the fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL, ending in /v2, to give to favorites.WithBaseURL.
	URL string

	// Faults injects failures into every request the fake serves.
	Faults *favoritestest.Faults

	srv   *httptest.Server
	token string
	now   func() time.Time

	mu       sync.Mutex
	items    map[string]Item
	accounts map[string]*account // by access token
}

// account is one account's list: its favourites and when it last changed.
type account struct {
	favs    []favourite // newest first
	updated time.Time
}

type favourite struct {
	id string
	at time.Time
}

// NewServer starts a fake with an empty catalogue and no favourites.
func NewServer(opts ...Option) *Server {
	s := &Server{Faults: &favoritestest.Faults{}, token: Token, now: time.Now, items: map[string]Item{},
		accounts: map[string]*account{}}
	for _, opt := range opts {
		opt(s)
	}
	s.accounts[s.token] = &account{updated: s.now()}
	s.srv = httptest.NewServer(s.Faults.Wrap(s.handler()))
	s.URL = s.srv.URL + "/v2"
	return s
}

// Close shuts the fake down and releases stalled requests.
func (s *Server) Close() {
	s.Faults.Close()
	s.srv.Close()
}

// AddItems puts items in the catalogue, replacing any with the same ID.
// Only catalogue items can become favourites.
func (s *Server) AddItems(items ...Item) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range items {
		s.items[it.ID] = it
	}
}

// Favorite makes the catalogue items with these IDs favourites of the
// default account, as add
// requests in this order would: the last one given is the newest, and one
// that already is a favourite stays where it is. An ID not in the
// catalogue is an error and changes nothing, so a test's seeding either
// happens whole or fails.
func (s *Server) Favorite(ids ...string) error { return s.seed(s.token, ids, (*Server).add) }

// Unfavorite removes the catalogue items with these IDs from the default
// account's favourites, as delete requests would; one that is not a favourite is
// left as it is, as the service's delete does. An ID not in the catalogue
// is an error and changes nothing.
func (s *Server) Unfavorite(ids ...string) error { return s.seed(s.token, ids, (*Server).remove) }

// seed applies change to each of ids on the account of token, after
// checking them all against the catalogue.
func (s *Server) seed(token string, ids []string, change func(*Server, *account, string)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.inCatalogue(ids); err != nil {
		return err
	}
	a := s.accounts[token]
	for _, id := range ids {
		change(s, a, id)
	}
	return nil
}

// Favorites returns the IDs of the default account's favourites, newest
// first, the order in which the list answer gives them.
func (s *Server) Favorites() []string { return s.favorites(s.token) }

func (s *Server) favorites(token string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	favs := s.accounts[token].favs
	ids := make([]string, 0, len(favs))
	for _, f := range favs {
		ids = append(ids, f.id)
	}
	return ids
}

// inCatalogue refuses the first ID the catalogue does not hold. s.mu is
// held.
func (s *Server) inCatalogue(ids []string) error {
	for _, id := range ids {
		if _, ok := s.items[id]; !ok {
			return fmt.Errorf("dchtest: no item %q in the catalogue", id)
		}
	}
	return nil
}

// add makes id a's newest favourite unless it already is one. s.mu is
// held.
func (s *Server) add(a *account, id string) {
	if slices.ContainsFunc(a.favs, func(f favourite) bool { return f.id == id }) {
		return
	}
	now := s.now()
	a.favs = slices.Insert(a.favs, 0, favourite{id: id, at: now})
	a.updated = now
}

// remove drops id from a's favourites, if there. s.mu is held.
func (s *Server) remove(a *account, id string) {
	before := len(a.favs)
	a.favs = slices.DeleteFunc(a.favs, func(f favourite) bool { return f.id == id })
	if len(a.favs) != before {
		a.updated = s.now()
	}
}

// Package e621test is a stateful fake of e621's favourites API, for testing
// the e621 package and programs built on it.
//
// It behaves as the live service does: HTTP Basic auth checked, the
// User-Agent rule (a missing, browser or library User-Agent gets a 403 HTML
// page), 410 for limits and pages out of bounds, a short last page, 503 for
// more than two requests a second, users who hide their favourites, 422 on a
// repeated favourite and on a full list, and 423 while a user's favourites
// are being transferred. GET /posts.json searches the same posts and
// favourites by tags (fav:<name>, rating:, plain tags), paged by number,
// b<id> or a<id>, and answers 403 to a fav: search of another user's
// hidden favourites, as e621 does. A path it has no route for gets e621's
// HTML 404, and an unknown post its JSON 404
// {"success":false,"reason":"not found"}. Where the live service and its document
// disagree, [WithMode] picks which answers it gives; it accepts requests in
// either form. Its Faults field injects failures.
//
// Each Server stands for a server of its own: the IDs of the posts it
// makes start from a base it draws at random, so two Servers never share
// one by chance ([WithFirstID] fixes it, for output that must not change).
//
// [Server.Client] is a client of the account [Login]'s; [Server.AddAccount]
// adds another account, with credentials of its own, and its
// [Account.Client] is that account's client. The same two calls exist on
// every fake of this SDK.
//
//	srv := e621test.NewServer(e621test.WithRateLimit(0))
//	defer srv.Close()
//	ids := srv.AddPosts(3)
//	if err := srv.Favorite(e621test.Login, ids...); err != nil { ... }
//	c, err := srv.Client()
//	bob := srv.AddAccount()
//	cb, err := bob.Client()
package e621test

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites/favoritestest"
)

// The account every Server starts with.
const (
	Login  = "tester"
	APIKey = "tester-api-key"
)

// DefaultMaxFavorites is how many favourites a user may keep, as on e621.
const DefaultMaxFavorites = 100000

// Mode picks the answers where e621's live service and its document differ.
type Mode int

const (
	// Live answers as the live server does: POST 200
	// {"post_id","favorite_count"}, DELETE 200 with the same body, and an
	// empty list for another user's hidden favourites.
	Live Mode = iota
	// Documented answers as the API document says: POST 201 {"post":{...}},
	// DELETE 204, and 403 for hidden favourites.
	Documented
)

// String names the mode as its constant does: "Live" or "Documented".
func (m Mode) String() string {
	switch m {
	case Live:
		return "Live"
	case Documented:
		return "Documented"
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// Option configures a Server.
type Option func(*Server)

// WithMode picks the live (default) or the documented answers.
func WithMode(m Mode) Option { return func(s *Server) { s.mode = m } }

// WithRateLimit answers 503 to requests beyond perSecond a second (a bucket
// of perSecond that refills at that rate), as e621's front end does with 2.
// 0 turns the limit off. The default is 2.
func WithRateLimit(perSecond int) Option {
	return func(s *Server) {
		s.limiter = nil
		if perSecond > 0 {
			s.limiter = rate.NewLimiter(rate.Limit(perSecond), perSecond)
		}
	}
}

// WithFirstID makes the IDs of the posts the fake makes start at id (and go
// up by one), for output that must read the same on every run, such as an
// Example's. By default they start at a base each fake draws at random;
// two fakes given the same first ID share their IDs.
func WithFirstID(id int64) Option { return func(s *Server) { s.nextPost = max(id, 1) - 1 } }

// WithMaxFavorites sets how many favourites a user may keep before POST
// answers 422 "You can only keep up to N favorites.".
func WithMaxFavorites(n int) Option { return func(s *Server) { s.maxFavs = n } }

// Server is the fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give favorites.WithBaseURL.
	URL string

	// Faults injects failures; every request passes through it first.
	Faults *favoritestest.Faults

	srv     *httptest.Server
	mode    Mode
	limiter *rate.Limiter
	maxFavs int

	mu       sync.Mutex
	users    map[string]*user // by login
	posts    map[int64]*Post
	favCount map[int64]int // how many users hold each post
	nextUser int64
	nextPost int64
}

type user struct {
	id           int64
	login        string
	apiKey       string
	favs         []int64        // newest first
	has          map[int64]bool // the IDs in favs, for lookups without a walk
	hidden       bool
	transferring bool
}

// NewServer starts a fake holding the account Login/APIKey and no posts.
func NewServer(opts ...Option) *Server {
	s := &Server{
		Faults:   &favoritestest.Faults{},
		limiter:  rate.NewLimiter(2, 2),
		maxFavs:  DefaultMaxFavorites,
		users:    map[string]*user{},
		posts:    map[int64]*Post{},
		favCount: map[int64]int{},
		nextPost: firstPostID(),
	}
	for _, opt := range opts {
		opt(s)
	}
	s.AddUser(Login, APIKey)
	s.srv = httptest.NewServer(s.Faults.Wrap(http.HandlerFunc(s.serve)))
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down and releases stalled requests.
func (s *Server) Close() {
	s.Faults.Close()
	s.srv.Close()
}

// AddUser adds an account and returns its user ID. [Server.AddAccount]
// is the usual way to a second account; AddUser gives it the login and
// key you choose.
func (s *Server) AddUser(login, apiKey string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addUser(login, apiKey)
}

// addUser adds an account; s.mu is held.
func (s *Server) addUser(login, apiKey string) int64 {
	s.nextUser++
	s.users[login] = &user{id: s.nextUser, login: login, apiKey: apiKey, has: map[int64]bool{}}
	return s.nextUser
}

// Favorite makes ids favourites of login, each in turn the newest, as a
// change made on the site would. A post already a favourite is left where
// it is. An unknown login or post is an error, and then nothing changes.
func (s *Server) Favorite(login string, ids ...int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.seedable(login, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !u.has[id] {
			s.addFav(u, id)
		}
	}
	return nil
}

// Unfavorite removes ids from login's favourites, as a change made on the
// site would; a post that is not a favourite is left alone. An unknown
// login or post is an error, and then nothing changes.
func (s *Server) Unfavorite(login string, ids ...int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.seedable(login, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		s.removeFav(u, id)
	}
	return nil
}

// seedable returns login's user after checking that every one of ids is a
// stored post, so that a seeding call with a typo changes nothing. Call
// with s.mu held.
func (s *Server) seedable(login string, ids []int64) (*user, error) {
	u := s.users[login]
	if u == nil {
		return nil, fmt.Errorf("e621test: no user %q", login)
	}
	for _, id := range ids {
		if s.posts[id] == nil {
			return nil, fmt.Errorf("e621test: no post %d", id)
		}
	}
	return u, nil
}

// addFav makes id the newest favourite of u. Call with s.mu held.
func (s *Server) addFav(u *user, id int64) {
	u.favs = slices.Insert(u.favs, 0, id)
	u.has[id] = true
	s.favCount[id]++
}

// removeFav removes id from u's favourites, if there. Call with s.mu held.
func (s *Server) removeFav(u *user, id int64) {
	if !u.has[id] {
		return
	}
	u.favs = slices.DeleteFunc(u.favs, func(f int64) bool { return f == id })
	delete(u.has, id)
	s.favCount[id]--
}

// Favorites are login's favourite post IDs, newest first, as the service
// lists them; nil for an unknown login.
func (s *Server) Favorites(login string) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.users[login]; u != nil {
		return slices.Clone(u.favs)
	}
	return nil
}

// SetHidden hides login's favourites from everyone else (privacy mode).
func (s *Server) SetHidden(login string, hidden bool) {
	s.setUser(login, func(u *user) { u.hidden = hidden })
}

// SetTransferring makes login's favourite changes answer 423 until unset.
func (s *Server) SetTransferring(login string, on bool) {
	s.setUser(login, func(u *user) { u.transferring = on })
}

func (s *Server) setUser(login string, f func(*user)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.users[login]; u != nil {
		f(u)
	}
}

// firstPostID draws where a fake's post IDs start: anywhere in the first
// 2^30, so that two fakes of n posts each share one with a chance of about
// 2n in a billion, and a billion posts still fit below e621's largest ID,
// 2^31-1 (MaxBeforeID in package e621).
func firstPostID() int64 { return 1000 + rand.Int64N(1<<30) }

// epoch dates seeded posts, fixed so that output is stable.
var epoch = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

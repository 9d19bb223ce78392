// Package waifuimtest is a stateful fake of the waifu.im favourites API, for
// testing code that uses the waifuim package without the network.
//
// It keeps a catalogue of images, users with tokens and permissions, and each
// user's favourites. It implements the service's wire behaviour: every /fav
// filter, the 404 that means "no match", 409 on a repeated insert, the
// service's one 404 for deleting an image that is not a favourite or does
// not exist, 404 for inserting or toggling an unknown image, 401/403 with
// {"detail": ...}, and, optionally, the service's rate limit (429 with
// Retry-After). It encodes with wire types of its own, not the SDK's. By
// default it behaves as the live service, which takes POST /fav/delete and
// answers DELETE with 405; [WithDocumentMode] makes it behave as the
// document, which takes DELETE and answers POST with 405.
//
// Each Server stands for a server of its own: the IDs of the images it
// generates start from a base it draws at random, so two Servers never
// share one by chance ([WithFirstID] fixes it, for output that must not
// change).
//
// [Server.Client] is a client of [UserID]'s; [Server.AddAccount] adds
// another account, with a token of its own, and its [Account.Client] is that
// account's client. The same two calls exist on every fake of this SDK.
//
//	srv := waifuimtest.NewServer()
//	defer srv.Close()
//	ids := srv.GenerateImages(5)
//	if err := srv.Favorite(waifuimtest.UserID, ids[:2]...); err != nil { ... }
//	c, err := srv.Client()
//	bob := srv.AddAccount()
//	cb, err := bob.Client()
package waifuimtest

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/waifuim"
)

// Permission is a token permission the service checks.
type Permission string

// The permissions the /fav endpoints need; Admin may also act for another
// user (user_id) and ask for full results.
const (
	ViewFavorites   Permission = "view_favorites"
	ManageFavorites Permission = "manage_favorites"
	Admin           Permission = "admin"
)

// The users every Server starts with.
const (
	// UserID is the ordinary user whose token is Token, with
	// view_favorites and manage_favorites.
	UserID int64 = 1
	// Token is UserID's valid token.
	Token = "waifuimtest-token"
	// AdminUserID is the admin whose token is AdminToken.
	AdminUserID int64 = 2
	// AdminToken is AdminUserID's token, with every permission.
	AdminToken = "waifuimtest-admin-token"
)

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give waifuim.New with favorites.WithBaseURL.
	URL string
	// Faults injects failures into every request; it wraps the whole fake.
	Faults *favoritestest.Faults

	srv      *httptest.Server
	document bool
	limit    *limiter

	mu     sync.Mutex
	images map[int64]*Image
	users  map[int64]*user
	tokens map[string]int64
	clock  time.Time // the fake's "now", moved on a minute by each change
	nextID int64
}

type user struct {
	perms map[Permission]bool
	liked map[int64]time.Time // image ID -> liked_at
}

// Option configures a Server.
type Option func(*Server)

// WithDocumentMode makes /fav/delete take DELETE, as the API document says,
// and answer POST with 405. The default is the live service: POST, and 405
// on DELETE.
func WithDocumentMode() Option { return func(s *Server) { s.document = true } }

// WithRateLimit serves each token one request per every, with up to burst
// requests banked, and answers 429 with Retry-After (whole seconds) past
// that, as the service does (one per 200 ms, ten queued). Off by default.
func WithRateLimit(every time.Duration, burst int) Option {
	return func(s *Server) { s.limit = newLimiter(every, burst) }
}

// WithFirstID makes the IDs of the images the fake generates start at id
// (and go up by one), for output that must read the same on every run, such
// as an Example's. By default they start at a base each fake draws at
// random; two fakes given the same first ID share their IDs.
func WithFirstID(id int64) Option { return func(s *Server) { s.nextID = max(id, 1) } }

// NewServer starts a fake with no images, the users [UserID] and
// [AdminUserID], and no favourites. Close it when done.
func NewServer(opts ...Option) *Server {
	s := &Server{
		Faults: &favoritestest.Faults{},
		images: map[int64]*Image{},
		users:  map[int64]*user{},
		tokens: map[string]int64{},
		clock:  time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC),
		// Anywhere in the first 2^30: two fakes of n images each share
		// one with a chance of about 2n in a billion.
		nextID: 1000 + rand.Int64N(1<<30),
	}
	for _, o := range opts {
		o(s)
	}
	s.addUser(UserID, Token, ViewFavorites, ManageFavorites)
	s.addUser(AdminUserID, AdminToken, ViewFavorites, ManageFavorites, Admin)
	s.srv = httptest.NewServer(s.Faults.Wrap(http.HandlerFunc(s.serve)))
	s.URL = s.srv.URL
	return s
}

// Close shuts the fake down, releasing any stalled request.
func (s *Server) Close() {
	s.Faults.Close()
	s.srv.Close()
}

// NewClient returns a waifuim client for this fake that authenticates with
// token, such as [AdminToken] or one [Server.AddUser] made with chosen
// permissions; opts come last, so they win. The client of [UserID] is
// [Server.Client], and that of an account [Server.AddAccount] added its
// [Account.Client], as on every fake.
func (s *Server) NewClient(token string, opts ...favorites.Option) (*waifuim.Client, error) {
	return clientAt(s.URL, token, opts)
}

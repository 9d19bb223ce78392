// Package mastodontest is a stateful fake of the Mastodon favourites API, for
// testing code that uses the mastodon package (or any Mastodon client)
// without a network.
//
// It serves GET /api/v1/favourites, GET /api/v1/statuses/{id} and POST
// /api/v1/statuses/{id}/favourite and /unfavourite as Mastodon does: bearer
// tokens and scopes are checked, statuses and their accounts carry every
// key Mastodon's serializers send (nulls included), pages are linked by
// internal favourite IDs that no status carries and min_id, since_id and
// max_id compare those, a rel="next" link comes with every full page (so
// the last page may be empty), links repeat the request's own limit
// parameter (none when it had none), limit defaults to 20 and is capped at
// 40 (or lower, as some servers do), favouriting is idempotent, an unknown or
// deleted status answers 404 {"error":"Record not found"} and a path with
// no route 404 {"error":"Not Found"}, as Mastodon's, and every answer
// carries X-RateLimit-* headers from a settable budget. GET /api/v2/search
// with resolve=true finds a status by its URI or URL, on this fake or on a
// fake it federates with ([Server.Federate]). Faults injects
// failures, latency and cut connections. Favorite and Unfavorite seed a
// user's favourites, and Favorites reads them back.
//
// It signs users in as Mastodon 4.4 does (oauth.go): POST /api/v1/apps,
// the authorization page (approved at once; [Server.Approve] plays the
// user's browser), POST /oauth/token (PKCE S256 checked; no password
// grant), POST /oauth/revoke, GET /oauth/token/info, the RFC 8414 metadata
// ([WithLegacyOAuth]: none, as before 4.3) and GET
// /api/v1/accounts/verify_credentials.
//
// Each Server stands for an instance of its own. Its status, favourite and
// account IDs start from a base drawn at random, so two Servers never share
// one by chance: a program that carries a raw status ID from one instance
// to another fails against the fakes as it would in the wild. Its local
// statuses and accounts have URIs and URLs on the fake's own scheme and
// host (http://127.0.0.1:PORT); a status from another server keeps that
// server's (see [Status.URI]).
//
// Two fakes can federate ([Server.Federate]): a search with resolve=true on
// one fetches a status of the other by its URI or URL and gives it a local
// ID, as a Mastodon instance makes a copy of a remote status, so a test can
// move favourites from one instance to another. A status's Visibility
// decides who sees it; the fake has no follows, so a private or direct one
// is seen by its author alone.
//
// [Server.Client] is a client of [DefaultUser]'s; [Server.AddAccount] adds
// another account, with a token of its own, and its [Account.Client] is that
// account's client. The same two calls exist on every fake of this SDK.
//
//	srv := mastodontest.NewServer()
//	defer srv.Close()
//	ids := srv.AddStatuses(3)
//	if err := srv.Favorite(mastodontest.DefaultUser, ids[0]); err != nil { ... }
//	c, err := srv.Client()
//	bob := srv.AddAccount()
//	if err := bob.Favorite(ids[1]); err != nil { ... }
//	cb, err := bob.Client()
package mastodontest

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/favkit/favorites/favoritestest"
)

// Credentials the fake knows from the start.
const (
	// DefaultUser is the account behind Token and ReadOnlyToken.
	DefaultUser = "alice"
	// Token is DefaultUser's token with the read and write scopes.
	Token = "mastodontest-token"
	// ReadOnlyToken is DefaultUser's token with read scopes only: writes
	// answer 403.
	ReadOnlyToken = "mastodontest-read-only-token"
	// AppToken is an application token with no user: user endpoints answer
	// 422 "This method requires an authenticated user".
	AppToken = "mastodontest-app-token"
)

// Defaults of a new Server.
const (
	DefaultLimit     = 20  // page size when the request gives none
	DefaultMaxLimit  = 40  // Mastodon's cap on limit
	DefaultRateLimit = 300 // requests a rate window allows
)

// DefaultRatePeriod is the length of a rate-limit window.
const DefaultRatePeriod = 5 * time.Minute

// Server is a running fake Mastodon instance. Its methods are safe for
// concurrent use.
type Server struct {
	// URL is the base URL to give a client, such as "http://127.0.0.1:1234".
	URL string

	// Faults injects failures into every request the server receives.
	Faults *favoritestest.Faults

	srv        *httptest.Server
	origin     string // scheme and host, "http://127.0.0.1:1234"
	host       string // "127.0.0.1:1234", the domain of local accounts
	maxLimit   int
	unfavDelay time.Duration
	splitLinks bool

	// The bases of the fake's own IDs, drawn at random: see ids.go.
	statusBase, accountBase int64

	mu          sync.Mutex
	statuses    map[string]*status
	authors     map[string]*authorStat // by acct
	origins     map[string]string      // a remote domain's scheme and host, from its statuses' URIs
	nextStatus  int64
	favs        []*fav          // in favourite-ID order
	standing    map[favKey]*fav // the favourites not removed, so lookups
	counts      map[string]int  // and counts take no walk over favs
	nextFav     int64
	tokens      map[string]tokenInfo
	nextAccount int // AddAccount's last number
	budget      budget
	throttled   atomic.Int64
	oauth       oauthState         // apps and codes: oauth.go
	peers       map[string]*Server // the fakes it federates with, by origin: see federate.go
	closed      atomic.Bool        // Close was called: a peer finds it unreachable
}

// Option configures a Server.
type Option func(*Server)

// WithMaxLimit caps limit at n instead of 40, as Pleroma, Pixelfed or
// GoToSocial may.
func WithMaxLimit(n int) Option { return func(s *Server) { s.maxLimit = max(n, 1) } }

// WithUnfavouriteDelay makes an unfavourite show in listings only after d,
// as Mastodon applies it in the background; the status itself says
// favourited false at once. The default is 0: listings change at once.
func WithUnfavouriteDelay(d time.Duration) Option { return func(s *Server) { s.unfavDelay = d } }

// WithSplitLinkHeaders sends rel="next" and rel="prev" in two Link headers
// instead of one, as some servers do.
func WithSplitLinkHeaders() Option { return func(s *Server) { s.splitLinks = true } }

// WithRateLimit sets the rate budget: limit requests a window of period.
func WithRateLimit(limit int, period time.Duration) Option {
	return func(s *Server) { s.budget = budget{limit: limit, period: period} }
}

// NewServer starts a fake with no statuses, the tokens Token, ReadOnlyToken
// and AppToken, and a budget of 300 requests in 5 minutes. Call Close when
// done.
func NewServer(opts ...Option) *Server {
	s := &Server{
		Faults:      &favoritestest.Faults{},
		maxLimit:    DefaultMaxLimit,
		statuses:    map[string]*status{},
		authors:     map[string]*authorStat{},
		standing:    map[favKey]*fav{},
		counts:      map[string]int{},
		origins:     map[string]string{},
		peers:       map[string]*Server{},
		nextStatus:  1,
		statusBase:  statusIDBase + rand.Int64N(idBlocks)*statusBlock,
		nextFav:     favIDBase + rand.Int64N(idBlocks)*favBlock,
		accountBase: rand.Int64N(idBlocks) * accountBlock,
		tokens: map[string]tokenInfo{
			Token:         {user: DefaultUser, scopes: []string{"read", "write"}},
			ReadOnlyToken: {user: DefaultUser, scopes: []string{"read:favourites", "read:statuses"}},
			AppToken:      {scopes: []string{"read", "write"}},
		},
		budget: budget{limit: DefaultRateLimit, period: DefaultRatePeriod},
	}
	for _, opt := range opts {
		opt(s)
	}
	s.srv = httptest.NewServer(s.Faults.Wrap(s.limitRate(s.routes())))
	s.URL = s.srv.URL
	u, _ := url.Parse(s.URL) // httptest's own URL
	s.origin, s.host = u.Scheme+"://"+u.Host, u.Host
	return s
}

// Close shuts the server down and releases stalled requests.
func (s *Server) Close() {
	s.closed.Store(true)
	s.Faults.Close()
	s.srv.Close()
}

// HTTPClient returns an *http.Client for the server, as httptest gives it,
// for a test that speaks to the fake without the SDK.
func (s *Server) HTTPClient() *http.Client { return s.srv.Client() }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/favourites", s.listFavourites)
	mux.HandleFunc("GET /api/v1/statuses/{id}", s.getStatus)
	mux.HandleFunc("POST /api/v1/statuses/{id}/favourite", s.favourite)
	mux.HandleFunc("POST /api/v1/statuses/{id}/unfavourite", s.unfavourite)
	s.oauthRoutes(mux)
	mux.HandleFunc("GET /api/v2/search", s.search)
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, "Not Found")
	})
	return mux
}

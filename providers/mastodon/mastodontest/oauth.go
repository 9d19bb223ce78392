package mastodontest

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The fake's OAuth server, as Mastodon 4.4's: POST /api/v1/apps
// (app/controllers/api/v1/apps_controller.rb), the authorization page
// (Doorkeeper's, through app/controllers/oauth/authorizations_controller.rb),
// POST /oauth/token and /oauth/revoke (Doorkeeper's TokensController,
// extended by app/controllers/oauth/tokens_controller.rb), GET
// /oauth/token/info (Doorkeeper's TokenInfoController: config/routes.rb
// skips none of Doorkeeper's routes) and the RFC 8414 metadata
// (app/controllers/well_known/oauth_metadata_controller.rb). PKCE is S256
// only (Mastodon 4.3); there is no password grant (removed in 4.4).

// OutOfBand is the redirect URI for which the authorization page shows the
// code instead of redirecting.
const OutOfBand = "urn:ietf:wg:oauth:2.0:oob"

// codeLifetime is how long a code is good: Doorkeeper's default.
const codeLifetime = 10 * time.Minute

// sessionCookie names the user the authorization page approves for, as a
// signed-in browser's session would: [Server.Approve] and
// [Account.Approve] set it; a request without it is DefaultUser's.
const sessionCookie = "mastodontest_user"

type oauthState struct {
	legacy bool                 // before Mastodon 4.3: no metadata, no PKCE
	apps   map[string]*oauthApp // by client ID
	codes  map[string]*grant    // by code
	nextID int64
}

type oauthApp struct {
	id, name, website, clientID, secret string
	redirects, scopes                   []string
}

// grant is a code the authorization page gave, until it is exchanged.
type grant struct {
	app                       *oauthApp
	user, redirect, challenge string
	scopes                    []string
	expires                   time.Time
}

// WithLegacyOAuth serves OAuth as Mastodon did before 4.3: no metadata
// document (404 at /.well-known/oauth-authorization-server) and no PKCE
// (a challenge is ignored, and a verifier refused as one with no
// challenge).
func WithLegacyOAuth() Option { return func(s *Server) { s.oauth.legacy = true } }

func (s *Server) oauthRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/v1/apps", s.registerApp)
	mux.HandleFunc("GET /oauth/authorize", s.authorizePage)
	mux.HandleFunc("GET /oauth/authorize/native", s.nativePage)
	mux.HandleFunc("POST /oauth/token", s.issueToken)
	mux.HandleFunc("POST /oauth/revoke", s.revokeToken)
	mux.HandleFunc("GET /oauth/token/info", s.tokenInfo)
	mux.HandleFunc("GET /api/v1/accounts/verify_credentials", s.verifyCredentials)
	if !s.oauth.legacy {
		mux.HandleFunc("GET /.well-known/oauth-authorization-server", s.oauthMetadata)
	}
}

// knownScopes are the scopes the fake grants: Mastodon 4.4's, without the
// admin ones (config/initializers/doorkeeper.rb).
func knownScopes() []string {
	scopes := []string{"read", "write", "follow", "push", "profile"}
	for _, r := range []string{"accounts", "blocks", "bookmarks", "favourites", "filters", "follows", "lists", "mutes", "notifications", "search", "statuses"} {
		scopes = append(scopes, "read:"+r)
	}
	for _, w := range []string{"accounts", "blocks", "bookmarks", "conversations", "favourites", "filters", "follows", "lists", "media", "mutes", "notifications", "reports", "statuses"} {
		scopes = append(scopes, "write:"+w)
	}
	return scopes
}

// registerApp creates an app: client_name and redirect_uris required (a
// list, or one string of URIs on lines of their own), scopes space-
// separated (default "read"), website optional; as a form or JSON.
func (s *Server) registerApp(w http.ResponseWriter, r *http.Request) {
	p, err := params(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	app := &oauthApp{name: p.Get("client_name"), website: p.Get("website"),
		redirects: splitRedirects(p["redirect_uris"]), scopes: strings.Fields(p.Get("scopes"))}
	if len(app.scopes) == 0 {
		app.scopes = []string{"read"}
	}
	if msg := app.invalid(); msg != "" {
		writeError(w, http.StatusUnprocessableEntity, "Validation failed: "+msg)
		return
	}
	app.clientID, app.secret = rand.Text()+rand.Text(), rand.Text()+rand.Text()
	s.mu.Lock()
	if s.oauth.apps == nil {
		s.oauth.apps, s.oauth.codes = map[string]*oauthApp{}, map[string]*grant{}
	}
	s.oauth.nextID++
	app.id = strconv.FormatInt(s.accountBase+s.oauth.nextID, 10)
	s.oauth.apps[app.clientID] = app
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, app.wire(true))
}

// splitRedirects reads redirect_uris: each value may hold several URIs on
// lines of their own.
func splitRedirects(values []string) []string {
	var out []string
	for _, v := range values {
		out = append(out, strings.Fields(v)...)
	}
	return out
}

// invalid is what Mastodon's validation says of the app, or "".
func (a *oauthApp) invalid() string {
	switch {
	case strings.TrimSpace(a.name) == "":
		return "Application name can't be blank"
	case len(a.redirects) == 0:
		return "Redirect URI can't be blank"
	}
	for _, r := range a.redirects {
		if u, err := url.Parse(r); r != OutOfBand && (err != nil || !u.IsAbs() || u.Fragment != "") {
			return "Redirect URI must be an absolute URI."
		}
	}
	known := knownScopes()
	for _, sc := range a.scopes {
		if !slices.Contains(known, sc) {
			return "Scopes doesn't match configured on the server."
		}
	}
	return ""
}

// wireApp is REST::CredentialApplicationSerializer's output (Mastodon 4.4),
// or with secret false REST::ApplicationSerializer's.
type wireApp struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Website      *string  `json:"website"`
	Scopes       []string `json:"scopes"`
	RedirectURI  string   `json:"redirect_uri"`
	RedirectURIs []string `json:"redirect_uris"`
	ClientID     string   `json:"client_id,omitempty"`
	ClientSecret string   `json:"client_secret,omitempty"`
	SecretExpiry *int     `json:"client_secret_expires_at,omitempty"`
}

func (a *oauthApp) wire(secret bool) wireApp {
	out := wireApp{ID: a.id, Name: a.name, Scopes: a.scopes, RedirectURI: strings.Join(a.redirects, "\n"),
		RedirectURIs: a.redirects}
	if a.website != "" {
		out.Website = &a.website
	}
	if secret {
		out.ClientID, out.ClientSecret, out.SecretExpiry = a.clientID, a.secret, new(int)
	}
	return out
}

// params is a request's form, or its JSON object's strings and lists of
// strings, as Rails reads either.
func params(r *http.Request) (url.Values, error) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		if err := r.ParseForm(); err != nil {
			return nil, err
		}
		return r.Form, nil
	}
	return jsonParams(r)
}

// oauthMetadata is the RFC 8414 document of Mastodon 4.4.
func (s *Server) oauthMetadata(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                s.URL + "/",
		"service_documentation":                 "https://docs.joinmastodon.org/",
		"authorization_endpoint":                s.URL + "/oauth/authorize",
		"token_endpoint":                        s.URL + "/oauth/token",
		"app_registration_endpoint":             s.URL + "/api/v1/apps",
		"revocation_endpoint":                   s.URL + "/oauth/revoke",
		"userinfo_endpoint":                     s.URL + "/oauth/userinfo",
		"scopes_supported":                      knownScopes(),
		"response_types_supported":              []string{"code"},
		"response_modes_supported":              []string{"query", "fragment", "form_post"},
		"code_challenge_methods_supported":      []string{"S256"},
		"grant_types_supported":                 []string{"authorization_code", "client_credentials"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
	})
}

// authorizePage approves at once, for the signed-in user (see
// sessionCookie), as a user who clicks "Authorize" would: a redirect to
// the app's redirect URI with the code and state, or for OutOfBand to the
// page that shows the code. A request Doorkeeper cannot send back (an
// unknown client, a redirect URI not the app's) gets an error page; any
// other fault goes back to the redirect URI as error and
// error_description.
func (s *Server) authorizePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	app := s.oauth.apps[q.Get("client_id")]
	s.mu.Unlock()
	redirect := q.Get("redirect_uri")
	if app == nil || !slices.Contains(app.redirects, redirect) {
		errorPage(w, "Client authentication failed due to unknown client, or the redirect URI is not the application's.")
		return
	}
	back := func(v url.Values) { s.sendBack(w, r, redirect, q.Get("state"), v) }
	g, code, desc := s.newGrant(app, q, userOf(r))
	if code != "" {
		back(url.Values{"error": {code}, "error_description": {desc}})
		return
	}
	c := rand.Text() + rand.Text()
	s.mu.Lock()
	s.oauth.codes[c] = g
	s.mu.Unlock()
	back(url.Values{"code": {c}})
}

// newGrant checks an authorization request and gives its grant, or an
// OAuth error code and description.
func (s *Server) newGrant(app *oauthApp, q url.Values, user string) (g *grant, code, desc string) {
	scopes := strings.Fields(q.Get("scope"))
	if len(scopes) == 0 {
		scopes = []string{"read"}
	}
	g = &grant{app: app, user: user, redirect: q.Get("redirect_uri"), scopes: scopes, expires: time.Now().Add(codeLifetime)}
	switch {
	case q.Get("response_type") != "code":
		return nil, "unsupported_response_type", "The authorization server does not support this response type."
	case slices.ContainsFunc(scopes, func(sc string) bool { return !slices.Contains(app.scopes, sc) }):
		return nil, "invalid_scope", "The requested scope is invalid, unknown, or malformed."
	case s.oauth.legacy:
	case q.Get("code_challenge") != "" && q.Get("code_challenge_method") != "S256":
		return nil, "invalid_request", "The code challenge method must be S256."
	default:
		g.challenge = q.Get("code_challenge")
	}
	return g, "", ""
}

// sendBack redirects to redirect with v and the state, or for OutOfBand
// to the page that shows them.
func (s *Server) sendBack(w http.ResponseWriter, r *http.Request, redirect, state string, v url.Values) {
	if state != "" {
		v.Set("state", state)
	}
	target := redirect
	if redirect == OutOfBand {
		target = s.URL + "/oauth/authorize/native"
	}
	u, _ := url.Parse(target) // checked when the app was registered
	q := u.Query()
	for k, vs := range v {
		q[k] = vs
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// nativePage shows the code for the user to copy, as Doorkeeper's
// authorizations#show does for the out-of-band redirect, or the error.
func (s *Server) nativePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if e := q.Get("error"); e != "" {
		errorPage(w, e+": "+q.Get("error_description"))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!DOCTYPE html><html><body><h1>Authorization code</h1>"+
		`<p>Copy this authorization code and paste it to the application.</p>`+
		`<input class="oauth-code" readonly type="text" value="%s"></body></html>`, html.EscapeString(q.Get("code")))
}

func errorPage(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprintf(w, "<!DOCTYPE html><html><body><h1>An error has occurred</h1><p>%s</p></body></html>", html.EscapeString(msg))
}

// userOf is the user the request's session cookie names; DefaultUser
// without one.
func userOf(r *http.Request) string {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		return c.Value
	}
	return DefaultUser
}

// s256 is PKCE's S256 challenge of verifier (RFC 7636 section 4.2).
func s256(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

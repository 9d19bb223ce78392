package mastodontest

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Doorkeeper's error descriptions (config/locales/doorkeeper.en.yml).
const (
	descInvalidClient = "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."
	descInvalidGrant  = "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."
	descUnsupported   = "The authorization grant type is not supported by the authorization server."
	descInvalidScope  = "The requested scope is invalid, unknown, or malformed."
	descInvalidReq    = "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed."
)

// oauthError answers with an OAuth error body.
func oauthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// issueToken is POST /oauth/token: grant authorization_code (the code
// once, its redirect URI, and its PKCE verifier when it had a challenge)
// or client_credentials (an app token with no user). The client is
// authenticated by HTTP Basic or by client_id and client_secret in the
// form.
func (s *Server) issueToken(w http.ResponseWriter, r *http.Request) {
	p, err := params(r)
	if err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", descInvalidReq)
		return
	}
	app := s.client(r, p)
	switch grantType := p.Get("grant_type"); {
	case grantType != "authorization_code" && grantType != "client_credentials":
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", descUnsupported)
	case app == nil:
		oauthError(w, http.StatusUnauthorized, "invalid_client", descInvalidClient)
	case grantType == "client_credentials":
		s.appToken(w, app, p)
	default:
		s.codeToken(w, app, p)
	}
}

// client is the app the request authenticates as, or nil.
func (s *Server) client(r *http.Request, p url.Values) *oauthApp {
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = p.Get("client_id"), p.Get("client_secret")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	app := s.oauth.apps[id]
	if app == nil || subtle.ConstantTimeCompare([]byte(secret), []byte(app.secret)) != 1 {
		return nil
	}
	return app
}

// codeToken exchanges a code: it is spent whatever the outcome, as
// Doorkeeper revokes a grant before it checks the rest.
func (s *Server) codeToken(w http.ResponseWriter, app *oauthApp, p url.Values) {
	code := p.Get("code")
	s.mu.Lock()
	g := s.oauth.codes[code]
	delete(s.oauth.codes, code)
	s.mu.Unlock()
	switch {
	case code == "" || p.Get("redirect_uri") == "":
		oauthError(w, http.StatusBadRequest, "invalid_request", descInvalidReq)
	case g == nil || g.app != app || time.Now().After(g.expires) || g.redirect != p.Get("redirect_uri") || !g.verified(p.Get("code_verifier")):
		oauthError(w, http.StatusBadRequest, "invalid_grant", descInvalidGrant)
	default:
		s.mint(w, tokenInfo{user: g.user, scopes: g.scopes, app: app.clientID})
	}
}

// verified reports whether verifier answers the grant's challenge: a
// grant with none takes no verifier, one with a challenge needs it.
func (g *grant) verified(verifier string) bool {
	if g.challenge == "" {
		return verifier == ""
	}
	return subtle.ConstantTimeCompare([]byte(s256(verifier)), []byte(g.challenge)) == 1
}

// appToken is the client_credentials grant: scope among the app's,
// default "read".
func (s *Server) appToken(w http.ResponseWriter, app *oauthApp, p url.Values) {
	scopes := strings.Fields(p.Get("scope"))
	if len(scopes) == 0 {
		scopes = []string{"read"}
	}
	if slices.ContainsFunc(scopes, func(sc string) bool { return !slices.Contains(app.scopes, sc) }) {
		oauthError(w, http.StatusBadRequest, "invalid_scope", descInvalidScope)
		return
	}
	s.mint(w, tokenInfo{scopes: scopes, app: app.clientID})
}

// mint stores a new token and answers with Mastodon's token JSON.
func (s *Server) mint(w http.ResponseWriter, t tokenInfo) {
	token := "mastodontest-" + rand.Text() + rand.Text()
	t.created = time.Now().UTC().Truncate(time.Second)
	s.mu.Lock()
	s.tokens[token] = t
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": token, "token_type": "Bearer",
		"scope": strings.Join(t.scopes, " "), "created_at": t.created.Unix(),
	})
}

// revokeToken is RFC 7009's revocation as Doorkeeper answers it: {} for
// a token revoked or unknown; 403 for a token of an app the request does
// not authenticate as.
func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request) {
	p, err := params(r)
	if err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", descInvalidReq)
		return
	}
	app := s.client(r, p)
	s.mu.Lock()
	t, ok := s.tokens[p.Get("token")]
	allowed := !ok || t.app == "" || (app != nil && app.clientID == t.app)
	if ok && allowed {
		delete(s.tokens, p.Get("token"))
	}
	s.mu.Unlock()
	if !allowed {
		oauthError(w, http.StatusForbidden, "unauthorized_client", "You are not authorized to revoke this token")
		return
	}
	writeJSON(w, http.StatusOK, struct{}{})
}

// tokenInfo is Doorkeeper's GET /oauth/token/info: AccessToken#as_json
// for a valid token, whatever its scopes; 401 invalid_token otherwise.
func (s *Server) tokenInfo(w http.ResponseWriter, r *http.Request) {
	t, ok := s.token(r)
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"`)
		oauthError(w, http.StatusUnauthorized, "invalid_token", "The access token is invalid")
		return
	}
	info := map[string]any{"resource_owner_id": nil, "scope": t.scopes, "expires_in": nil,
		"application": map[string]any{"uid": nil}, "created_at": t.created.Unix()}
	if t.user != "" {
		info["resource_owner_id"] = json.Number(s.userID(t.user))
	}
	if t.app != "" {
		info["application"] = map[string]any{"uid": t.app}
	}
	if t.created.IsZero() {
		info["created_at"] = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	}
	writeJSON(w, http.StatusOK, info)
}

// userID is user's user record ID, which Doorkeeper knows as the
// resource owner: not the account ID, as on Mastodon.
func (s *Server) userID(user string) string { return s.accountID("user-record:" + user) }

package mastodontest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

type tokenInfo struct {
	user   string // empty for an application token
	scopes []string

	app     string    // the client ID of the app it was granted to; "" for the fake's own tokens
	created time.Time // zero for the fake's own tokens
}

// allows reports whether the token's scopes cover scope: "read" covers
// "read:favourites", as in Mastodon.
func (t tokenInfo) allows(scope string) bool {
	parent, _, _ := strings.Cut(scope, ":")
	return slices.Contains(t.scopes, scope) || slices.Contains(t.scopes, parent)
}

// authorize checks the bearer token for an endpoint that needs a user and
// one of scopes (as doorkeeper_authorize! lists them), writing Mastodon's
// error when it fails.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request, scopes ...string) (user string, ok bool) {
	tok, found := s.token(r)
	switch {
	case !found:
		writeError(w, http.StatusUnauthorized, "The access token is invalid")
	case !slices.ContainsFunc(scopes, tok.allows):
		writeError(w, http.StatusForbidden, "This action is outside the authorized scopes")
	case tok.user == "":
		writeError(w, http.StatusUnprocessableEntity, "This method requires an authenticated user")
	default:
		return tok.user, true
	}
	return "", false
}

// token finds the request's bearer token.
func (s *Server) token(r *http.Request) (tokenInfo, bool) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return tokenInfo{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tokens[tok]
	return t, ok
}

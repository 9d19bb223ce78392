package mastodontest

import (
	"net/http"
	"strings"
)

// wireSearch is REST::SearchSerializer's output. The fake finds statuses
// only (by URI or URL, as below), so accounts and hashtags are always
// empty lists, as Mastodon sends them when nothing matched.
type wireSearch struct {
	Accounts []struct{}   `json:"accounts"`
	Statuses []wireStatus `json:"statuses"`
	Hashtags []struct{}   `json:"hashtags"`
}

// Search answers, as Mastodon's Api::V2::SearchController does:
const (
	searchDefaultLimit = 20 // RESULTS_LIMIT; limit_param caps a limit at twice it
	errResolveAnon     = "Search queries that resolve remote resources are not supported without authentication"
	errOffsetAnon      = "Search queries pagination is not supported without authentication"
	errMissingQ        = "param is missing or the value is empty: q"
)

// search serves GET /api/v2/search for statuses named by a URI or URL, as
// Mastodon does (app/controllers/api/v2/search_controller.rb,
// app/services/search_service.rb, app/services/resolve_url_service.rb):
//
//   - A token is optional, but one the fake knows needs read or
//     read:search (else 403). A token it does not know counts as none, as
//     Doorkeeper finds no token for it. Without a signed-in user (no
//     token, an unknown one, an app token) resolve=true and offset are
//     401.
//   - Only with resolve=true is q, an http(s) URL, looked up: a status of
//     this fake by its uri or url; one of a fake it federates with is
//     fetched from it and copied here (once; later searches give the same
//     local copy). A status its origin does not serve (deleted, unknown,
//     private) is found only where a copy was made before, as Mastodon
//     falls back to its database on a 404; an unreachable origin (closed,
//     or not federated) finds nothing at all.
//   - The result is one status at most, and only one the caller may see;
//     type must be empty or "statuses", limit must not be 0, and offset,
//     with a type, must not be positive. Anything else finds nothing: the
//     fake has no full-text search, as Mastodon has none without
//     Elasticsearch.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	tok, known := s.token(r)
	if known && !tok.allows("read:search") {
		writeError(w, http.StatusForbidden, "This action is outside the authorized scopes")
		return
	}
	query := r.URL.Query()
	q, _ := lastParam(query, "q")
	q = strings.TrimSpace(q)
	if q == "" {
		writeError(w, http.StatusBadRequest, errMissingQ)
		return
	}
	viewer := tok.user // "" unless a known token acts for a user
	offset, hasOffset := lastParam(query, "offset")
	resolve := truthy(query, "resolve")
	switch {
	case viewer == "" && hasOffset && offset != "":
		writeError(w, http.StatusUnauthorized, errOffsetAnon)
		return
	case viewer == "" && resolve:
		writeError(w, http.StatusUnauthorized, errResolveAnon)
		return
	}
	out := wireSearch{Accounts: []struct{}{}, Statuses: []wireStatus{}, Hashtags: []struct{}{}}
	kind, _ := lastParam(query, "type")
	if resolve && originOfURL(q) != "" && searchLimit(query) != 0 && (kind == "" || kind == "statuses" && rubyToI(offset) <= 0) {
		if st, ok := s.resolveURL(q, viewer); ok {
			out.Statuses = append(out.Statuses, st)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// searchLimit is limit_param(RESULTS_LIMIT): the default when absent, else
// the absolute value of its integer, at most twice the default.
func searchLimit(q map[string][]string) int64 {
	v, ok := lastParam(q, "limit")
	if !ok {
		return searchDefaultLimit
	}
	return min(max(rubyToI(v), -rubyToI(v)), 2*searchDefaultLimit)
}

// truthy reads a parameter as Rails' boolean cast does: absent, empty,
// "0", "f", "false", "off" (any case) are false, anything else true.
func truthy(q map[string][]string, key string) bool {
	v, ok := lastParam(q, key)
	if !ok {
		return false
	}
	switch strings.ToLower(v) {
	case "", "0", "f", "false", "off":
		return false
	}
	return true
}

// resolveURL finds the status q names for viewer, as ResolveURLService
// does, rendered as viewer sees it. It holds no two fakes' locks at once.
func (s *Server) resolveURL(q, viewer string) (wireStatus, bool) {
	origin := originOfURL(q)
	if origin != s.origin {
		peer := s.peerAt(origin)
		if peer == nil {
			return wireStatus{}, false // unknown host: the fetch fails, and then nothing is looked up
		}
		r, got := peer.serve(q)
		switch got {
		case unreachable:
			return wireStatus{}, false
		case fetchedOK:
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.visible(s.copyOf(r), viewer)
		}
		// Not served: a copy made earlier still answers, as Mastodon looks
		// in its database after a 401, 403 or 404.
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.visible(s.statusNamed(q), viewer)
}

// visible renders st for viewer when there is one and viewer may see it.
// Callers hold s.mu.
func (s *Server) visible(st *status, viewer string) (wireStatus, bool) {
	if st == nil || !s.mayView(st, viewer) {
		return wireStatus{}, false
	}
	return s.render(st, viewer), true
}

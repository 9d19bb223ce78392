package e621test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/favkit/favorites/driver"
)

// serve answers one request the way e621 does: front-end checks (rate,
// User-Agent) first, then authentication, then the route.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if s.limiter != nil && !s.limiter.Allow() {
		writeHTML(w, http.StatusServiceUnavailable, "503 Service Temporarily Unavailable")
		return
	}
	if blockedAgent(r.UserAgent()) {
		writeHTML(w, http.StatusForbidden, "Access Denied: a descriptive User-Agent is required")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	caller, ok := s.authenticate(r)
	if !ok {
		writeJSON(w, http.StatusUnauthorized, reason("Invalid API key"))
		return
	}
	switch {
	case r.URL.Path == "/favorites.json" && r.Method == http.MethodGet:
		s.list(w, r, caller)
	case r.URL.Path == "/posts.json" && r.Method == http.MethodGet:
		s.search(w, r, caller)
	case r.URL.Path == "/favorites.json" && r.Method == http.MethodPost:
		s.add(w, r, caller)
	case strings.HasPrefix(r.URL.Path, "/favorites/") && r.Method == http.MethodDelete:
		s.remove(w, r, caller)
	default:
		// e621 answers a path it has no route for with its HTML 404
		// page; the JSON {"reason":"not found"} is only for a record a
		// route looked up and did not find.
		writeHTML(w, http.StatusNotFound, "Not Found")
	}
}

// blockedAgent is e621's User-Agent rule: none, a browser's, or a
// library's default one is refused.
func blockedAgent(ua string) bool {
	if strings.TrimSpace(ua) == "" || ua == driver.DefaultUserAgent() {
		return true
	}
	lower := strings.ToLower(ua)
	for _, generic := range []string{"go-http-client", "mozilla/", "python-requests", "python-urllib",
		"curl/", "wget/", "okhttp", "axios", "node-fetch", "java/"} {
		if strings.HasPrefix(lower, generic) {
			return true
		}
	}
	return false
}

// authenticate reads Basic auth, or e621's login/api_key query form. No
// credentials is anonymous (nil, true); wrong ones are (nil, false).
func (s *Server) authenticate(r *http.Request) (*user, bool) {
	login, key, ok := r.BasicAuth()
	if !ok {
		login, key = r.URL.Query().Get("login"), r.URL.Query().Get("api_key")
		if login == "" && key == "" {
			return nil, r.Header.Get("Authorization") == ""
		}
	}
	u := s.users[login]
	if u == nil || u.apiKey != key {
		return nil, false
	}
	return u, true
}

func (s *Server) list(w http.ResponseWriter, r *http.Request, caller *user) {
	q := r.URL.Query()
	limit, page, msg := pageParams(q.Get("limit"), q.Get("page"))
	if msg != "" {
		writeJSON(w, http.StatusGone, message(msg))
		return
	}
	owner := caller
	if v := q.Get("user_id"); v != "" {
		owner = s.userByID(v)
	}
	if owner == nil {
		writeJSON(w, http.StatusNotFound, reason("not found"))
		return
	}
	favs := owner.favs
	if owner.hidden && owner != caller {
		if s.mode == Documented {
			writeJSON(w, http.StatusForbidden, reason("Access Denied: This users favorites are hidden"))
			return
		}
		favs = nil
	}
	posts := []wirePost{}
	for i := (page - 1) * limit; i < len(favs) && i < page*limit; i++ {
		posts = append(posts, s.wire(s.posts[favs[i]], caller))
	}
	writeJSON(w, http.StatusOK, map[string]any{"posts": posts})
}

// pageParams checks limit and page as e621 does, giving its 410 text.
func pageParams(limitText, pageText string) (limit, page int, msg string) {
	limit, page = 75, 1 // 75 is an account's default page size
	var err error
	if limitText != "" {
		if limit, err = strconv.Atoi(limitText); err != nil || limit < 0 {
			return 0, 0, "Invalid limit."
		}
		if limit > 320 {
			return 0, 0, "Limit must be between 0 and 320."
		}
	}
	if pageText != "" {
		if page, err = strconv.Atoi(pageText); err != nil || page < 1 {
			return 0, 0, "Invalid page number."
		}
		if page > 750 {
			return 0, 0, "You cannot go beyond page 750. Please narrow your search terms."
		}
	}
	return limit, page, ""
}

func (s *Server) userByID(v string) *user {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return nil
	}
	for _, u := range s.users {
		if u.id == id {
			return u
		}
	}
	return nil
}

// writable answers the refusals common to POST and DELETE and reports
// whether the change may go ahead.
func (s *Server) writable(w http.ResponseWriter, caller *user, postID int64) bool {
	switch {
	case caller == nil:
		writeJSON(w, http.StatusForbidden, reason("Access Denied"))
	case s.posts[postID] == nil:
		writeJSON(w, http.StatusNotFound, reason("not found"))
	case caller.transferring:
		writeJSON(w, http.StatusLocked, message("Post favorites are being transferred, please try again later"))
	default:
		return true
	}
	return false
}

func (s *Server) add(w http.ResponseWriter, r *http.Request, caller *user) {
	id := formPostID(r)
	if !s.writable(w, caller, id) {
		return
	}
	switch {
	case len(caller.favs) >= s.maxFavs:
		writeJSON(w, http.StatusUnprocessableEntity,
			message(fmt.Sprintf("You can only keep up to %d favorites.", s.maxFavs)))
		return
	case caller.has[id]:
		writeJSON(w, http.StatusUnprocessableEntity, message("You have already favorited this post"))
		return
	}
	s.addFav(caller, id)
	if s.mode == Documented {
		writeJSON(w, http.StatusCreated, map[string]any{"post": s.wire(s.posts[id], caller)})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"post_id": id, "favorite_count": s.wire(s.posts[id], caller).FavCount})
}

// formPostID reads post_id from a form, the query, or a JSON body; 0 when
// absent or not a number.
func formPostID(r *http.Request) int64 {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var body struct {
			PostID json.Number `json:"post_id"`
		}
		if json.NewDecoder(r.Body).Decode(&body) == nil {
			id, _ := body.PostID.Int64()
			return id
		}
		return 0
	}
	id, _ := strconv.ParseInt(r.FormValue("post_id"), 10, 64)
	return id
}

func (s *Server) remove(w http.ResponseWriter, r *http.Request, caller *user) {
	idText, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/favorites/"), ".json")
	if !ok || strings.Contains(idText, "/") {
		writeHTML(w, http.StatusNotFound, "Not Found") // no route
		return
	}
	id, _ := strconv.ParseInt(idText, 10, 64) // e621 looks the post up by the number: none for "abc"
	if !s.writable(w, caller, id) {
		return
	}
	s.removeFav(caller, id)
	if s.mode == Documented {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"post_id": id, "favorite_count": s.wire(s.posts[id], caller).FavCount})
}

// The two error shapes e621 sends.
func reason(text string) map[string]any { return map[string]any{"success": false, "reason": text} }
func message(text string) map[string]any {
	return map[string]any{"success": false, "message": text, "code": nil}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeHTML(w http.ResponseWriter, status int, title string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html>\n<head>\n<title>%s</title>\n</head>\n<body>\n<h1>%s</h1>\n</body>\n</html>\n",
		title, title)
}

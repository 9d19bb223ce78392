package waifuimtest

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// serve routes a request the way the service does: rate limit, method,
// auth, then the endpoint.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if s.limit != nil {
		if ok, wait := s.limit.allow(r.Header.Get("Authorization"), time.Now()); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			detail(w, http.StatusTooManyRequests, "Too many requests, please slow down.")
			return
		}
	}
	var allowed, perm string
	switch r.URL.Path {
	case "/fav":
		allowed, perm = http.MethodGet, string(ViewFavorites)
	case "/fav/insert", "/fav/toggle":
		allowed, perm = http.MethodPost, string(ManageFavorites)
	case "/fav/delete":
		allowed, perm = http.MethodPost, string(ManageFavorites)
		if s.document {
			allowed = http.MethodDelete
		}
	default:
		detail(w, http.StatusNotFound, "Not Found")
		return
	}
	if r.Method != allowed {
		w.Header().Set("Allow", allowed)
		detail(w, http.StatusMethodNotAllowed, "Method Not Allowed")
		return
	}
	caller, ok := s.authenticate(w, r, Permission(perm))
	if !ok {
		return
	}
	if r.URL.Path == "/fav" {
		s.serveList(w, r, caller)
		return
	}
	s.serveEdit(w, r, caller, strings.TrimPrefix(r.URL.Path, "/fav/"))
}

// authenticate finds the caller from its bearer token and checks perm.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request, perm Permission) (int64, bool) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || tok == "" {
		detail(w, http.StatusUnauthorized, "Missing or malformed token")
		return 0, false
	}
	s.mu.Lock()
	id, known := s.tokens[tok]
	var has bool
	if known {
		u := s.users[id]
		has = u.perms[perm] || u.perms[Admin]
	}
	s.mu.Unlock()
	switch {
	case !known:
		detail(w, http.StatusUnauthorized, "Invalid token")
		return 0, false
	case !has:
		detail(w, http.StatusForbidden, fmt.Sprintf("You are missing the %s permission", perm))
		return 0, false
	}
	return id, true
}

// isAdmin reports whether the user may act for others.
func (s *Server) isAdmin(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users[id].perms[Admin]
}

// target picks the user acted on: the caller, or user_id for an admin.
func (s *Server) target(w http.ResponseWriter, caller, userID int64) (int64, bool) {
	if userID == 0 || userID == caller {
		return caller, true
	}
	if !s.isAdmin(caller) {
		detail(w, http.StatusForbidden, "You are missing the admin permission to act for another user")
		return 0, false
	}
	return userID, true
}

func detail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"detail": msg})
}

func badRequest(w http.ResponseWriter, field string) {
	detail(w, http.StatusBadRequest, "Bad Request, error on "+field)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

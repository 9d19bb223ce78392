package mastodontest

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

func (s *Server) getStatus(w http.ResponseWriter, r *http.Request) {
	viewer := ""
	if r.Header.Get("Authorization") != "" {
		// A token is optional for a public status, but a bad one is refused.
		user, ok := s.authorize(w, r, "read:statuses")
		if !ok {
			return
		}
		viewer = user
	}
	s.answerStatus(w, r.PathValue("id"), viewer)
}

func (s *Server) favourite(w http.ResponseWriter, r *http.Request) {
	s.change(w, r, s.addFav)
}

func (s *Server) unfavourite(w http.ResponseWriter, r *http.Request) {
	s.change(w, r, s.removeFav)
}

// change applies a favourite or unfavourite and answers with the status.
// Both are idempotent: repeating one changes nothing.
func (s *Server) change(w http.ResponseWriter, r *http.Request, apply func(user, statusID string)) {
	user, ok := s.authorize(w, r, "write:favourites")
	if !ok {
		return
	}
	id := r.PathValue("id")
	s.mu.Lock()
	_, known := s.statuses[id]
	if known {
		apply(user, id)
	}
	s.mu.Unlock()
	s.answerStatus(w, id, user)
}

func (s *Server) answerStatus(w http.ResponseWriter, id, viewer string) {
	s.mu.Lock()
	st, ok := s.statuses[id]
	var body wireStatus
	if ok {
		body = s.render(st, viewer)
	}
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "Record not found")
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// listFavourites pages by internal favourite ID, newest first, as Mastodon
// does: max_id and since_id bound the page from above and below, min_id
// gives the page just newer than it.
func (s *Server) listFavourites(w http.ResponseWriter, r *http.Request) {
	user, ok := s.authorize(w, r, "read:favourites")
	if !ok {
		return
	}
	q := r.URL.Query()
	limit := s.limit(q.Get("limit"))
	maxID, sinceID, minID := idParam(q, "max_id"), idParam(q, "since_id"), idParam(q, "min_id")

	s.mu.Lock()
	now := time.Now()
	var page []*fav // newest first
	for _, f := range slices.Backward(s.below(maxID)) {
		if minID == 0 && len(page) == limit {
			break // the rest is older than a full page: walking it would make paging quadratic
		}
		if f.user == user && s.listed(f, now) && f.id > sinceID && f.id > minID {
			page = append(page, f)
		}
	}
	if minID > 0 && len(page) > limit {
		page = page[len(page)-limit:] // the oldest ones just above min_id
	}
	page = page[:min(len(page), limit)]
	body := make([]wireStatus, 0, len(page))
	for _, f := range page {
		body = append(body, s.render(s.statuses[f.statusID], user))
	}
	s.mu.Unlock()

	s.setLinks(w, limit, page)
	writeJSON(w, http.StatusOK, body)
}

// below is the favourites with an ID under maxID (all of them for 0),
// found by binary search since favs is in ID order. Callers hold s.mu.
func (s *Server) below(maxID int64) []*fav {
	if maxID == 0 {
		return s.favs
	}
	i, _ := slices.BinarySearchFunc(s.favs, maxID, func(f *fav, id int64) int { return cmp.Compare(f.id, id) })
	return s.favs[:i]
}

// limit reads the limit parameter as Mastodon does: absent is the default,
// anything else is its absolute value, capped.
func (s *Server) limit(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n == 0 {
		return min(DefaultLimit, s.maxLimit)
	}
	if n < 0 {
		n = -n
	}
	return min(n, s.maxLimit)
}

func idParam(q url.Values, key string) int64 {
	n, _ := strconv.ParseInt(q.Get(key), 10, 64)
	return n
}

// setLinks writes the Link header: next whenever the page is full, prev
// whenever it is not empty, both with the internal favourite IDs.
func (s *Server) setLinks(w http.ResponseWriter, limit int, page []*fav) {
	if len(page) == 0 {
		return
	}
	link := func(key string, id int64, rel string) string {
		return "<" + s.URL + "/api/v1/favourites?limit=" + strconv.Itoa(limit) + "&" + key + "=" +
			strconv.FormatInt(id, 10) + `>; rel="` + rel + `"`
	}
	var links []string
	if len(page) == limit {
		links = append(links, link("max_id", page[len(page)-1].id, "next"))
	}
	links = append(links, link("min_id", page[0].id, "prev"))
	if s.splitLinks {
		for _, l := range links {
			w.Header().Add("Link", l)
		}
		return
	}
	w.Header().Set("Link", strings.Join(links, ", "))
}

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
	if st, known := s.statuses[id]; known && s.mayView(st, user) {
		apply(user, id)
	}
	s.mu.Unlock()
	s.answerStatus(w, id, user)
}

func (s *Server) answerStatus(w http.ResponseWriter, id, viewer string) {
	s.mu.Lock()
	st, ok := s.statuses[id]
	seen := ok && s.mayView(st, viewer)
	var body wireStatus
	if seen {
		body = s.render(st, viewer)
	}
	s.mu.Unlock()
	switch {
	case !ok:
		writeError(w, http.StatusNotFound, "Record not found")
		return
	case !seen: // Mastodon's answer when the policy refuses: no hint the status exists
		writeError(w, http.StatusNotFound, "Not Found")
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// listFavourites pages by internal favourite ID, newest first, as
// Mastodon's Api::V1::FavouritesController does through Paginable's
// to_a_paginated_by_id: max_id and since_id bound a newest-first page from
// above and below; min_id gives instead the page just newer than it (the
// oldest favourites above it, ascending, then reversed), bounded by max_id,
// and since_id is then ignored.
func (s *Server) listFavourites(w http.ResponseWriter, r *http.Request) {
	user, ok := s.authorize(w, r, "read:favourites")
	if !ok {
		return
	}
	q := r.URL.Query()
	rawLimit, hasLimit := lastParam(q, "limit")
	limit := s.limit(rawLimit, hasLimit)

	s.mu.Lock()
	var page []*fav
	if minID, ok := idParam(q, "min_id"); ok {
		page = s.pageAbove(user, limit, minID, q)
	} else {
		page = s.pageBelow(user, limit, q)
	}
	body := make([]wireStatus, 0, len(page))
	for _, f := range page {
		body = append(body, s.render(s.statuses[f.statusID], user))
	}
	s.mu.Unlock()

	s.setLinks(w, rawLimit, hasLimit, len(page) == limit, page)
	writeJSON(w, http.StatusOK, body)
}

// pageBelow is user's newest favourites under max_id and over since_id,
// at most limit of them, newest first (paginate_by_max_id). Callers hold
// s.mu.
func (s *Server) pageBelow(user string, limit int, q url.Values) []*fav {
	all := s.favs
	if maxID, ok := idParam(q, "max_id"); ok {
		all = all[:s.firstAtOrAbove(maxID)]
	}
	sinceID, bounded := idParam(q, "since_id")
	now := time.Now()
	var page []*fav
	for _, f := range slices.Backward(all) {
		if len(page) == limit || (bounded && f.id <= sinceID) {
			break // favs is in ID order: nothing further can qualify
		}
		if f.user == user && s.listed(f, now) {
			page = append(page, f)
		}
	}
	return page
}

// pageAbove is user's oldest favourites over minID (and under max_id), at
// most limit of them, given newest first (paginate_by_min_id, reversed).
// Callers hold s.mu.
func (s *Server) pageAbove(user string, limit int, minID int64, q url.Values) []*fav {
	maxID, bounded := idParam(q, "max_id")
	now := time.Now()
	var page []*fav
	start := s.firstAtOrAbove(minID)
	if start < len(s.favs) && s.favs[start].id == minID {
		start++ // strictly above min_id
	}
	for _, f := range s.favs[start:] {
		if len(page) == limit || (bounded && f.id >= maxID) {
			break
		}
		if f.user == user && s.listed(f, now) {
			page = append(page, f)
		}
	}
	slices.Reverse(page)
	return page
}

// firstAtOrAbove is the index of the first favourite whose ID is at least
// id, found by binary search since favs is in ID order. Callers hold s.mu.
func (s *Server) firstAtOrAbove(id int64) int {
	i, _ := slices.BinarySearchFunc(s.favs, id, func(f *fav, id int64) int { return cmp.Compare(f.id, id) })
	return i
}

// limit reads the limit parameter as Mastodon's limit_param does: absent
// is the default, anything else the absolute value of its leading
// integer, capped. One deviation: a limit that reads as 0 ("0", "", "x")
// gets the default page here, where Mastodon selects nothing and then
// fails building its next link.
func (s *Server) limit(v string, given bool) int {
	n := rubyToI(v)
	if !given || n == 0 {
		return min(DefaultLimit, s.maxLimit)
	}
	if n < 0 {
		n = -n
	}
	return int(min(n, int64(s.maxLimit)))
}

// idParam reads a paging ID as Mastodon does: a parameter that is present
// (not empty) bounds the page, with the value Ruby's to_i gives it.
func idParam(q url.Values, key string) (int64, bool) {
	v, ok := lastParam(q, key)
	if !ok || v == "" {
		return 0, false
	}
	return rubyToI(v), true
}

// lastParam is the last value of key, as Rails keeps a repeated parameter.
func lastParam(q url.Values, key string) (string, bool) {
	vs, ok := q[key]
	if !ok || len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

// rubyToI reads a string as Ruby's String#to_i: leading spaces, a sign and
// the digits that follow; anything else ends it, and no digits are 0.
func rubyToI(v string) int64 {
	v = strings.TrimLeft(v, " \t\n\v\f\r")
	neg := strings.HasPrefix(v, "-")
	if neg || strings.HasPrefix(v, "+") {
		v = v[1:]
	}
	end := strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	if end >= 0 {
		v = v[:end]
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0 // no digits; past int64 Mastodon's database would refuse it anyway
	}
	if neg {
		return -n
	}
	return n
}

// setLinks writes the Link header as Mastodon's favourites controller
// does: next (max_id, the page's last favourite) whenever the page is
// full, prev (min_id, its first) whenever it is not empty. Each link
// carries the request's own limit parameter verbatim, or none when the
// request had none (Api::Pagination#pagination_params slices it from the
// request), and its query keys are in order, as Rails' to_query sorts
// them.
func (s *Server) setLinks(w http.ResponseWriter, rawLimit string, hasLimit, full bool, page []*fav) {
	if len(page) == 0 {
		return
	}
	link := func(key string, id int64, rel string) string {
		q := url.Values{key: {strconv.FormatInt(id, 10)}}
		if hasLimit {
			q.Set("limit", rawLimit)
		}
		return "<" + s.URL + "/api/v1/favourites?" + q.Encode() + `>; rel="` + rel + `"`
	}
	var links []string
	if full {
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

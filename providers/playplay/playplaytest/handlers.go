package playplaytest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
)

type listSet struct {
	Results   []wireMedia `json:"results"`
	NextPage  *int        `json:"next_page"`
	NbResults int         `json:"nb_results"`
}

type listBody struct {
	Results   []listSet `json:"results"`
	NbResults int       `json:"nb_results"`
}

// list serves GET api/v2/users/me/favorites?page=N: the nested body, with
// next_page null on the last page. No page parameter means page 1.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	page := 1
	if v := r.URL.Query().Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			invalid(w, "page", "The page must be an integer of at least 1.")
			return
		}
		page = n
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	favs := s.caller(r).favs
	start := min((page-1)*s.pageSize, len(favs))
	end := min(start+s.pageSize, len(favs))
	set := listSet{Results: []wireMedia{}}
	for _, id := range favs[start:end] {
		set.Results = append(set.Results, s.media[id].wire(true))
	}
	set.NbResults = len(set.Results)
	if end < len(favs) {
		next := page + 1
		set.NextPage = &next
	}
	writeJSON(w, http.StatusOK, listBody{Results: []listSet{set}, NbResults: 1})
}

// store serves POST /api/v2/user/me/favorites: raw_media_id and source
// required, stock_id optional; each must match the media. 201 with the
// stored media; 409 when it already is a favourite.
func (s *Server) store(w http.ResponseWriter, r *http.Request) {
	p, ok := readParams(w, r)
	if !ok {
		return
	}
	id, ok := p.rawMediaID(w, true)
	if !ok {
		return
	}
	if p["source"] == "" {
		invalid(w, "source", "The source field is required.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.caller(r)
	m, known := s.media[id]
	switch {
	case !known:
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Media not found."})
	case p["source"] != m.Source:
		invalid(w, "source", "The source does not match the media.")
	case p["stock_id"] != "" && p["stock_id"] != m.StockID:
		invalid(w, "stock_id", "The stock id does not match the media.")
	case slices.Contains(a.favs, id):
		writeJSON(w, http.StatusConflict, map[string]string{"message": "This media is already a favorite."})
	default:
		a.add(id)
		writeJSON(w, http.StatusCreated, map[string]any{"results": []wireMedia{m.wire(true)}, "nb_results": 1})
	}
}

// remove serves DELETE api/v2/users/me/favorites: by raw_media_id, or by
// stock_id with source. Parameters may come in the query or a JSON or form
// body. 204 whether or not the media was a favourite; 404 for an unknown one.
func (s *Server) remove(w http.ResponseWriter, r *http.Request) {
	p, ok := readParams(w, r)
	if !ok {
		return
	}
	if p["raw_media_id"] == "" && p["stock_id"] == "" {
		invalid(w, "raw_media_id", "The raw media id field is required when stock id is not present.")
		return
	}
	var match func(Media) bool
	if p["raw_media_id"] != "" {
		id, ok := p.rawMediaID(w, false)
		if !ok {
			return
		}
		match = func(m Media) bool { return m.ID == id }
	} else {
		if p["source"] == "" {
			invalid(w, "source", "The source field is required when raw media id is not present.")
			return
		}
		match = func(m Media) bool { return m.Source == p["source"] && m.StockID == p["stock_id"] }
	}
	if !s.removeMatching(r, match) {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Media not found."})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// removeMatching unfavourites, for r's caller, every media match picks and
// reports whether the library holds any.
func (s *Server) removeMatching(r *http.Request, match func(Media) bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.caller(r)
	found := false
	for _, m := range s.media {
		if match(m) {
			found = true
			a.favs = removeID(a.favs, m.ID)
		}
	}
	return found
}

func removeID(ids []int64, id int64) []int64 {
	out := ids[:0]
	for _, v := range ids {
		if v != id {
			out = append(out, v)
		}
	}
	return out
}

// invalid answers 422 in the usual validation shape: a message and the
// messages of each field.
func invalid(w http.ResponseWriter, field, msg string) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"message": msg,
		"errors":  map[string][]string{field: {msg}},
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

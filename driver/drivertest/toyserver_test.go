package drivertest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// toyServer is the toy provider's service: a catalogue of items, and for
// each account (one a bearer token) its favourites, newest first, each
// with a sequence number that grows with every favourite made. GET /favs
// lists them by limit and, as keyset paging, below a number (before) or
// above one (after), or by offset; PUT and DELETE /favs/{id} write, both
// idempotent; GET /me answers 200 for a token it knows. A token it does not
// know is refused (401) everywhere but GET /favs, which lists nothing for
// it, as for anyone.
type toyServer struct {
	mu       sync.Mutex
	items    map[string]bool        // the catalogue
	accounts map[string]*toyAccount // by token
	seq      int64                  // the last sequence number given
}

type toyAccount struct{ favs []toyFav } // newest first

// toyFav is a listed favourite as the service sends it, and the toy
// provider's own type of a favourite: the item, and when it was made a
// favourite.
type toyFav struct {
	Item toyItem `json:"item"`
	Seq  int64   `json:"seq"`
}

// toyItem is an item of the catalogue.
type toyItem struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func (*toyFav) FavoriteProvider() string { return "toy" }

// toyPage is the listing's body: the items, and the before of the next
// page, null on the last.
type toyPage struct {
	Items []toyFav `json:"items"`
	Next  *int64   `json:"next"`
}

func newToyServer(tokens ...string) *toyServer {
	s := &toyServer{items: map[string]bool{}, accounts: map[string]*toyAccount{}}
	for _, tok := range tokens {
		s.accounts[tok] = &toyAccount{}
	}
	return s
}

// favorite makes id a favourite of a, the newest.
func (s *toyServer) favorite(a *toyAccount, id string) {
	if slices.ContainsFunc(a.favs, func(f toyFav) bool { return f.Item.ID == id }) {
		return
	}
	s.seq++
	a.favs = slices.Insert(a.favs, 0, toyFav{Item: toyItem{ID: id, Title: "Item " + id}, Seq: s.seq})
}

func (s *toyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accounts[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]
	list := r.Method == http.MethodGet && r.URL.Path == "/favs"
	switch {
	case a == nil && list:
		a = &toyAccount{} // anyone's list: empty
	case a == nil:
		http.Error(w, `{"error":"bad token"}`, http.StatusUnauthorized)
		return
	}
	id, isItem := strings.CutPrefix(r.URL.Path, "/favs/")
	switch {
	case list:
		_ = json.NewEncoder(w).Encode(a.page(r))
	case r.Method == http.MethodGet && r.URL.Path == "/me":
		_, _ = w.Write([]byte(`{"ok":true}`))
	case isItem && !s.items[id]:
		http.Error(w, `{"error":"no such item"}`, http.StatusNotFound)
	case isItem && r.Method == http.MethodPut:
		s.favorite(a, id)
		w.WriteHeader(http.StatusNoContent)
	case isItem && r.Method == http.MethodDelete:
		a.favs = slices.DeleteFunc(a.favs, func(f toyFav) bool { return f.Item.ID == id })
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, `{"error":"no route"}`, http.StatusMethodNotAllowed)
	}
}

// page answers GET /favs.
func (a *toyAccount) page(r *http.Request) toyPage {
	q := r.URL.Query()
	num := func(k string) int64 { n, _ := strconv.ParseInt(q.Get(k), 10, 64); return n }
	limit, before, after, offset := int(num("limit")), num("before"), num("after"), int(num("offset"))
	list := slices.DeleteFunc(slices.Clone(a.favs), func(f toyFav) bool {
		return before > 0 && f.Seq >= before || f.Seq <= after
	})
	list = list[min(offset, len(list)):]
	page := toyPage{Items: append([]toyFav{}, list[:min(limit, len(list))]...)}
	if len(list) > limit && limit > 0 {
		page.Next = &page.Items[limit-1].Seq
	}
	return page
}

package dchtest

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// favouritesPath is the one route the fake serves.
const favouritesPath = "/v2/user/favourites"

// tokenMessage is the document's answer to a missing or wrong token.
const tokenMessage = "A Token was not found in the TokenStorage."

// maxBody caps a request body the fake reads.
const maxBody = 64 << 10

// handler routes as the service does: the route and method are checked
// before the token, so a wrong method answers 405 even without one.
func (s *Server) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != favouritesPath {
			writeRouteError(w, http.StatusNotFound, fmt.Sprintf("No route found for %q", r.Method+" "+r.URL.Path))
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodPost {
			w.Header().Set("Allow", "GET, POST")
			writeRouteError(w, http.StatusMethodNotAllowed,
				fmt.Sprintf("No route found for %q: Method Not Allowed (Allow: GET, POST)", r.Method+" "+r.URL.Path))
			return
		}
		a := s.caller(r)
		if a == nil {
			writeMessage(w, http.StatusUnauthorized, tokenMessage)
			return
		}
		if r.Method == http.MethodPost {
			if status, msg := s.update(r, a); status != 0 {
				writeMessage(w, status, msg)
				return
			}
		}
		s.writeList(w, r.Host, a)
	})
}

// caller is the account whose bearer token r carries, or nil. An account,
// once added, is never removed.
func (s *Server) caller(r *http.Request) *account {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accounts[token]
}

// update applies a POST to a and returns a status and message when it
// refuses it.
func (s *Server) update(r *http.Request, a *account) (int, string) {
	action, id, problem := readUpdate(r)
	switch {
	case problem != "":
		return http.StatusBadRequest, problem
	case action == "":
		return http.StatusBadRequest, `Missing parameter "action".`
	case id == "":
		return http.StatusBadRequest, `Missing parameter "id".`
	case action != "add" && action != "delete":
		return http.StatusBadRequest, fmt.Sprintf("Unknown action %q: expected add or delete.", action)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.items[id]; !ok {
		// Not in the document: the fake answers an unknown item with a
		// 404 in the service's own {"message": ...} shape, which package
		// dch reads as "no such item" (Remove: nil, Add: ErrNotFound).
		return http.StatusNotFound, fmt.Sprintf("Item %q does not exist.", id)
	}
	if action == "add" {
		s.add(a, id)
	} else {
		s.remove(a, id)
	}
	return 0, ""
}

// readUpdate reads action and id from the document's form body, or from the
// JSON body one third-party script sends, whose "remove" means delete.
// problem is the message for a body that cannot be read.
func readUpdate(r *http.Request) (action, id, problem string) {
	r.Body = http.MaxBytesReader(nil, r.Body, maxBody)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/json" {
		var b struct {
			Action string          `json:"action"`
			ID     json.RawMessage `json:"id"`
		}
		if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
			return "", "", "Invalid JSON body: " + err.Error()
		}
		if b.Action == "remove" {
			b.Action = "delete"
		}
		return b.Action, jsonID(b.ID), ""
	}
	if err := r.ParseForm(); err != nil {
		return "", "", "Invalid form body: " + err.Error()
	}
	return r.PostForm.Get("action"), r.PostForm.Get("id"), ""
}

// jsonID reads an ID sent as a JSON string or number.
func jsonID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// halEntry is one favourite as the service sends it.
type halEntry struct {
	Href       string   `json:"href"`
	Updated    int64    `json:"updated"`
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	ShortTitle *string  `json:"short_title"`
	IsFree     bool     `json:"is_free"`
	Date       halDate  `json:"date"`
	Image      halImage `json:"image"`
	Type       string   `json:"type"`
}

type halDate struct {
	Published *int64 `json:"published,omitempty"`
	Begin     *int64 `json:"begin,omitempty"`
}

type halImage struct {
	Overview *string `json:"overview"`
	Detail   *string `json:"detail"`
}

type halList struct {
	Updated int64 `json:"updated"`
	Links   struct {
		Favourites []halEntry `json:"favourites"`
	} `json:"_links"`
}

// writeList answers with a's HAL list, links protocol-relative on host.
func (s *Server) writeList(w http.ResponseWriter, host string, a *account) {
	s.mu.Lock()
	body := halList{Updated: a.updated.Unix()}
	body.Links.Favourites = make([]halEntry, 0, len(a.favs))
	for _, f := range a.favs {
		body.Links.Favourites = append(body.Links.Favourites, entry(s.items[f.id], f, host))
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, body)
}

func entry(it Item, f favourite, host string) halEntry {
	e := halEntry{
		Href:    "//" + host + "/v2/" + url.PathEscape(it.Type) + "/" + url.PathEscape(it.ID),
		Updated: f.at.Unix(), ID: it.ID, Title: it.Title, IsFree: it.IsFree, Type: it.Type,
		ShortTitle: nonEmpty(it.ShortTitle),
		Date:       halDate{Published: unixOrNil(it.Published), Begin: unixOrNil(it.Begin)},
		Image:      halImage{Overview: thumbnail(host, it.Overview), Detail: thumbnail(host, it.Detail)},
	}
	return e
}

// unixOrNil gives Unix seconds, or nil for the zero time so the key is left
// out, as the service does for a film's begin.
func unixOrNil(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	sec := t.Unix()
	return &sec
}

func thumbnail(host, path string) *string {
	if path == "" {
		return nil
	}
	t := "//" + host + "/cms/thumbnails/{width}x{height}/" + strings.TrimPrefix(path, "/")
	return &t
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// writeMessage answers in the {"message": ...} shape of the document's 401.
func writeMessage(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"message": msg})
}

// writeRouteError answers in the {"error":{"message": ...}} shape of the
// document's 405.
func writeRouteError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]map[string]string{"error": {"message": msg}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

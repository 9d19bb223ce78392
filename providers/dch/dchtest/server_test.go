package dchtest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/dch/dchtest"
)

// fixedClock ticks one minute a call from a fixed start; NewServer takes
// the first tick for the list's initial updated time.
func fixedClock() func() time.Time {
	t := time.Unix(1700000000, 0)
	return func() time.Time { t = t.Add(time.Minute); return t }
}

func newServer(t *testing.T, favs ...string) *dchtest.Server {
	t.Helper()
	srv := dchtest.NewServer(dchtest.WithClock(fixedClock()))
	t.Cleanup(srv.Close)
	srv.AddItems(dchtest.DocumentItems()...)
	if err := srv.Favorite(favs...); err != nil {
		t.Fatal(err)
	}
	return srv
}

// send makes one raw request and returns the status, body and header.
func send(t *testing.T, method, url, auth, contentType, body string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

const form = "application/x-www-form-urlencoded"

func TestServerRefusals(t *testing.T) {
	srv := newServer(t, "301")
	bearer := "Bearer " + dchtest.Token
	tests := []struct {
		name, method, path, auth, ct, body string
		status                             int
		want                               string
	}{
		{"no token", "GET", "/user/favourites", "", "", "", 401,
			`{"message":"A Token was not found in the TokenStorage."}`},
		{"wrong token", "POST", "/user/favourites", "Bearer nope", form, "action=add&id=301", 401,
			`{"message":"A Token was not found in the TokenStorage."}`},
		{"basic scheme", "GET", "/user/favourites", "Basic " + dchtest.Token, "", "", 401,
			`{"message":"A Token was not found in the TokenStorage."}`},
		{"wrong method before auth", "PUT", "/user/favourites", "", "", "", 405,
			`{"error":{"message":"No route found for \"PUT /v2/user/favourites\": Method Not Allowed (Allow: GET, POST)"}}`},
		{"DELETE", "DELETE", "/user/favourites", bearer, "", "", 405,
			`{"error":{"message":"No route found for \"DELETE /v2/user/favourites\": Method Not Allowed (Allow: GET, POST)"}}`},
		{"unknown route", "GET", "/user/favourite", bearer, "", "", 404,
			`{"error":{"message":"No route found for \"GET /v2/user/favourite\""}}`},
		{"missing action", "POST", "/user/favourites", bearer, form, "id=301", 400, `{"message":"Missing parameter \"action\"."}`},
		{"missing id", "POST", "/user/favourites", bearer, form, "action=add", 400, `{"message":"Missing parameter \"id\"."}`},
		{"empty body", "POST", "/user/favourites", bearer, form, "", 400, `{"message":"Missing parameter \"action\"."}`},
		{"unknown action", "POST", "/user/favourites", bearer, form, "action=toggle&id=301", 400,
			`{"message":"Unknown action \"toggle\": expected add or delete."}`},
		{"JSON remove is the script's word only in JSON", "POST", "/user/favourites", bearer, form, "action=remove&id=301", 400,
			`{"message":"Unknown action \"remove\": expected add or delete."}`},
		{"unknown id", "POST", "/user/favourites", bearer, form, "action=add&id=999", 404,
			`{"message":"Item \"999\" does not exist."}`},
		{"unknown id on delete", "POST", "/user/favourites", bearer, form, "action=delete&id=999", 404,
			`{"message":"Item \"999\" does not exist."}`},
		{"bad JSON", "POST", "/user/favourites", bearer, "application/json", "{", 400,
			`{"message":"Invalid JSON body: unexpected EOF"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, header := send(t, tt.method, srv.URL+tt.path, tt.auth, tt.ct, tt.body)
			if status != tt.status || strings.TrimSpace(body) != tt.want {
				t.Errorf("%d %s, want %d %s", status, body, tt.status, tt.want)
			}
			if ct := header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			if status == 405 && header.Get("Allow") != "GET, POST" {
				t.Errorf("Allow = %q", header.Get("Allow"))
			}
		})
	}
	if got := srv.Favorites(); !reflect.DeepEqual(got, []string{"301"}) {
		t.Errorf("refused requests changed the favourites to %v", got)
	}
}

func TestServerUpdates(t *testing.T) {
	tests := []struct {
		name, ct, body string
		want           []string
	}{
		{"form add", form, "action=add&id=23427-1", []string{"23427-1", "301"}},
		{"form add present", form, "action=add&id=301", []string{"301"}},
		{"form delete", form, "action=delete&id=301", []string{}},
		{"form delete absent", form, "action=delete&id=23427-3", []string{"301"}},
		{"JSON add", "application/json", `{"action":"add","id":"23427-3"}`, []string{"23427-3", "301"}},
		{"JSON remove", "application/json", `{"action":"remove","id":"301"}`, []string{}},
		{"JSON numeric id", "application/json; charset=utf-8", `{"action":"delete","id":301}`, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, "301")
			status, body, _ := send(t, "POST", srv.URL+"/user/favourites", "bearer "+dchtest.Token, tt.ct, tt.body)
			if status != 200 {
				t.Fatalf("%d %s", status, body)
			}
			if got := srv.Favorites(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Favorites() = %v, want %v", got, tt.want)
			}
			if got := listedIDs(t, body); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("answer lists %v, want %v", got, tt.want)
			}
		})
	}
}

func listedIDs(t *testing.T, body string) []string {
	t.Helper()
	var l struct {
		Links struct {
			Favourites []struct {
				ID string `json:"id"`
			} `json:"favourites"`
		} `json:"_links"`
	}
	if err := json.Unmarshal([]byte(body), &l); err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, f := range l.Links.Favourites {
		ids = append(ids, f.ID)
	}
	return ids
}

// TestServerHALBody checks the answer's exact JSON: protocol-relative links
// on the fake's host, Unix seconds, null short title and images, and no
// begin for a film.
func TestServerHALBody(t *testing.T) {
	srv := newServer(t, "23427-3", "301")
	status, body, _ := send(t, "GET", srv.URL+"/user/favourites", "Bearer "+dchtest.Token, "", "")
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	host := strings.TrimPrefix(strings.TrimSuffix(srv.URL, "/v2"), "http://")
	want := `{"updated":1700000180,"_links":{"favourites":[` +
		`{"href":"//H/v2/film/301","updated":1700000180,"id":"301","title":"“Guardians of Unity”: Conductors in conversation","short_title":null,"is_free":false,"date":{"published":1463558400},"image":{"overview":"//H/cms/thumbnails/{width}x{height}/images/core/Hueter_Kreis_schwarz_en.jpg","detail":"//H/cms/thumbnails/{width}x{height}/images/core/dirigentenfilm_dch.jpg"},"type":"film"},` +
		`{"href":"//H/v2/interview/23427-3","updated":1700000120,"id":"23427-3","title":"Introduction by Sir Simon Rattle","short_title":null,"is_free":true,"date":{"published":1472720400,"begin":1472229000},"image":{"overview":null,"detail":null},"type":"interview"}` +
		`]}}`
	if want = strings.ReplaceAll(want, "//H/", "//"+host+"/"); strings.TrimSpace(body) != want {
		t.Errorf("body\n%s\nwant\n%s", body, want)
	}
}

// Seeding is all or nothing: an ID outside the catalogue fails the call
// and changes nothing; otherwise the calls act as add and delete requests
// in order would.
func TestServerSeeding(t *testing.T) {
	tests := []struct {
		name    string
		start   []string // favourites before, oldest first
		call    func(*dchtest.Server) error
		want    []string // favourites after, newest first
		wantErr bool
	}{
		{"Favorite of an unknown item", nil,
			func(s *dchtest.Server) error { return s.Favorite("301", "nope") }, []string{}, true},
		{"Favorite keeps a present one in place", nil,
			func(s *dchtest.Server) error { return s.Favorite("7", "301", "7") }, []string{"301", "7"}, false},
		{"Favorite of none", []string{"301"},
			func(s *dchtest.Server) error { return s.Favorite() }, []string{"301"}, false},
		{"Unfavorite", []string{"7", "301", "23427-3"},
			func(s *dchtest.Server) error { return s.Unfavorite("301", "7") }, []string{"23427-3"}, false},
		{"Unfavorite of one not a favourite", []string{"301"},
			func(s *dchtest.Server) error { return s.Unfavorite("23427-1") }, []string{"301"}, false},
		{"Unfavorite of an unknown item", []string{"301", "7"},
			func(s *dchtest.Server) error { return s.Unfavorite("7", "nope") }, []string{"7", "301"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			srv.AddItems(dchtest.Item{ID: "7", Type: "concert", Title: "New", ShortTitle: "N"})
			if err := srv.Favorite(tt.start...); err != nil {
				t.Fatal(err)
			}
			if err := tt.call(srv); (err != nil) != tt.wantErr {
				t.Errorf("error %v, want one: %v", err, tt.wantErr)
			}
			if got := srv.Favorites(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Favorites() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestServerTokenOptionAndFaults(t *testing.T) {
	srv := dchtest.NewServer(dchtest.WithToken("other"))
	defer srv.Close()
	if status, _, _ := send(t, "GET", srv.URL+"/user/favourites", "Bearer "+dchtest.Token, "", ""); status != 401 {
		t.Errorf("default token with WithToken: %d, want 401", status)
	}
	if status, _, _ := send(t, "GET", srv.URL+"/user/favourites", "Bearer other", "", ""); status != 200 {
		t.Errorf("WithToken's token: %d, want 200", status)
	}
	srv.Faults.FailNext(1, 503)
	if status, _, _ := send(t, "GET", srv.URL+"/user/favourites", "Bearer other", "", ""); status != 503 {
		t.Errorf("after FailNext: %d, want 503", status)
	}
	if n := srv.Faults.Requests(); n != 3 {
		t.Errorf("Faults counted %d requests, want 3", n)
	}
}

func TestServerLeavesOutZeroDates(t *testing.T) {
	srv := dchtest.NewServer(dchtest.WithClock(fixedClock()))
	defer srv.Close()
	srv.AddItems(dchtest.Item{ID: "new-1", Type: "playlist", Title: "Bare", ShortTitle: "B"})
	if err := srv.Favorite("new-1"); err != nil {
		t.Fatal(err)
	}
	_, body, _ := send(t, "GET", srv.URL+"/user/favourites", "Bearer "+dchtest.Token, "", "")
	host := strings.TrimSuffix(strings.TrimPrefix(srv.URL, "http://"), "/v2")
	want := `{"updated":1700000120,"_links":{"favourites":[{"href":"//` + host + `/v2/playlist/new-1","updated":1700000120,` +
		`"id":"new-1","title":"Bare","short_title":"B","is_free":false,"date":{},"image":{"overview":null,"detail":null},"type":"playlist"}]}}`
	if strings.TrimSpace(body) != want {
		t.Errorf("body\n%s\nwant\n%s", body, want)
	}
}

package playplaytest_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

func newServer(t *testing.T, opts ...playplaytest.Option) *playplaytest.Server {
	t.Helper()
	srv := playplaytest.NewServer(opts...)
	t.Cleanup(srv.Close)
	srv.AddMedia(playplaytest.Upload(1), playplaytest.Upload(2), playplaytest.Upload(3),
		playplaytest.Stock(4, "pexels", "12345"), playplaytest.Stock(5, "unsplash", "Dwu85P9SOIk"))
	return srv
}

// send makes a raw request and returns the status and body.
func send(t *testing.T, srv *playplaytest.Server, method, target, contentType, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, srv.URL+target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+srv.Token())
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const (
	listPath  = "/api/v2/users/me/favorites"
	storePath = "/api/v2/user/me/favorites"
)

func TestPathsAsDocumented(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"GET", listPath, 200},
		{"GET", storePath, 405},
		{"POST", listPath, 405},
		{"DELETE", storePath, 405},
		{"GET", "/api/v2/users/me/favorites/", 404},
		{"GET", "/api/v1/users/me/favorites", 404},
	} {
		if got, _ := send(t, srv, tc.method, tc.path, "", ""); got != tc.want {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, got, tc.want)
		}
	}
}

func TestTokenChecked(t *testing.T) {
	srv := newServer(t, playplaytest.WithToken("other"))
	for _, auth := range []string{"", "Bearer " + playplaytest.Token, "other", "Basic other"} {
		req, _ := http.NewRequestWithContext(t.Context(), "GET", srv.URL+listPath, nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 401 || !strings.Contains(string(b), `"message":"Unauthenticated."`) {
			t.Errorf("Authorization %q: %d %s, want 401", auth, resp.StatusCode, b)
		}
	}
	if got, _ := send(t, srv, "GET", listPath, "", ""); got != 200 || srv.Token() != "other" {
		t.Errorf("the configured token got %d", got)
	}
}

type page struct {
	Results []struct {
		Results []struct {
			ID      int64           `json:"id"`
			StockID json.RawMessage `json:"stock_id"`
			Fav     bool            `json:"is_favorite"`
			Time    string          `json:"timestamp"`
		} `json:"results"`
		NextPage  json.RawMessage `json:"next_page"`
		NbResults int             `json:"nb_results"`
	} `json:"results"`
	NbResults int `json:"nb_results"`
}

func TestListNestsAndPages(t *testing.T) {
	srv := newServer(t, playplaytest.WithPageSize(2))
	if err := srv.Favorite(1, 4, 5); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		ids   []int64
		next  string
	}{
		{"", []int64{5, 4}, "2"},
		{"?page=1", []int64{5, 4}, "2"},
		{"?page=2", []int64{1}, "null"},
		{"?page=3", nil, "null"},
	} {
		status, body := send(t, srv, "GET", listPath+tc.query, "", "")
		var p page
		if status != 200 || json.Unmarshal([]byte(body), &p) != nil || p.NbResults != 1 || len(p.Results) != 1 {
			t.Fatalf("%s: %d %s", tc.query, status, body)
		}
		var ids []int64
		for _, m := range p.Results[0].Results {
			ids = append(ids, m.ID)
			if !m.Fav || m.Time != "1585159188" {
				t.Errorf("%s: media %d is_favorite %v timestamp %q", tc.query, m.ID, m.Fav, m.Time)
			}
		}
		if !slices.Equal(ids, tc.ids) || string(p.Results[0].NextPage) != tc.next || p.Results[0].NbResults != len(tc.ids) {
			t.Errorf("%s: ids %v next_page %s nb_results %d; want %v, %s", tc.query, ids, p.Results[0].NextPage,
				p.Results[0].NbResults, tc.ids, tc.next)
		}
	}
	_, body := send(t, srv, "GET", listPath, "", "")
	if !strings.Contains(body, `"stock_id":"Dwu85P9SOIk"`) || !strings.Contains(body, `"stock_id":12345`) {
		t.Errorf("stock IDs not in the document's forms: %s", body)
	}
	if status, body := send(t, srv, "GET", listPath+"?page=0", "", ""); status != 422 || !strings.Contains(body, `"errors":{"page"`) {
		t.Errorf("page=0: %d %s, want 422", status, body)
	}
}

func TestStore(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct {
		name, contentType, body string
		status                  int
		want                    string
	}{
		{"JSON, stock_id a string", "application/json", `{"raw_media_id":4,"source":"pexels","stock_id":"12345"}`, 201, `"nb_results":1`},
		{"again", "application/json", `{"raw_media_id":4,"source":"pexels"}`, 409, "already a favorite"},
		{"form", "application/x-www-form-urlencoded", `raw_media_id=1&source=upload`, 201, `"id":1`},
		{"stock_id a number", "application/json", `{"raw_media_id":"5","source":"unsplash","stock_id":"Dwu85P9SOIk"}`, 201, `"id":5`},
		{"no raw_media_id", "application/json", `{"source":"upload"}`, 422, "The raw media id field is required."},
		{"bad raw_media_id", "application/json", `{"raw_media_id":"x","source":"upload"}`, 422, "must be a positive integer"},
		{"no source", "application/json", `{"raw_media_id":2}`, 422, "The source field is required."},
		{"wrong source", "application/json", `{"raw_media_id":2,"source":"pexels"}`, 422, "does not match"},
		{"wrong stock_id", "application/json", `{"raw_media_id":4,"source":"pexels","stock_id":1}`, 422, "stock id does not match"},
		{"unknown media", "application/json", `{"raw_media_id":99,"source":"upload"}`, 404, "Media not found."},
		{"malformed", "application/json", `{"raw_media_id":`, 400, "Malformed"},
	} {
		status, body := send(t, srv, "POST", storePath, tc.contentType, tc.body)
		if status != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s; want %d with %q", tc.name, status, body, tc.status, tc.want)
		}
	}
	if got := srv.Favorites(); !slices.Equal(got, []int64{5, 1, 4}) {
		t.Errorf("favourites %v, want [5 1 4]", got)
	}
}

func TestDeleteForms(t *testing.T) {
	for _, tc := range []struct {
		name, query, contentType, body string
		status                         int
		left                           []int64
	}{
		{"query raw", "?raw_media_id=1", "", "", 204, []int64{5, 4}},
		{"query stock", "?stock_id=12345&source=pexels", "", "", 204, []int64{5, 1}},
		{"JSON raw", "", "application/json", `{"raw_media_id":1}`, 204, []int64{5, 4}},
		{"JSON stock as number", "", "application/json", `{"stock_id":12345,"source":"pexels"}`, 204, []int64{5, 1}},
		{"form stock", "", "application/x-www-form-urlencoded", "stock_id=Dwu85P9SOIk&source=unsplash", 204, []int64{4, 1}},
		{"not a favourite", "?raw_media_id=2", "", "", 204, []int64{5, 4, 1}},
		{"unknown media", "?raw_media_id=99", "", "", 404, []int64{5, 4, 1}},
		{"stock of another source", "?stock_id=12345&source=unsplash", "", "", 404, []int64{5, 4, 1}},
		{"nothing", "", "", "", 422, []int64{5, 4, 1}},
		{"stock without source", "?stock_id=12345", "", "", 422, []int64{5, 4, 1}},
		{"bad raw", "?raw_media_id=-1", "", "", 422, []int64{5, 4, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			if err := srv.Favorite(1, 4, 5); err != nil {
				t.Fatal(err)
			}
			status, body := send(t, srv, "DELETE", listPath+tc.query, tc.contentType, tc.body)
			if status != tc.status || (status == 204) != (body == "") {
				t.Errorf("%d %q, want %d", status, body, tc.status)
			}
			if got := srv.Favorites(); !slices.Equal(got, tc.left) {
				t.Errorf("favourites %v, want %v", got, tc.left)
			}
		})
	}
}

// Favorite and Unfavorite change the list as a store and a delete would,
// and refuse, changing nothing, an ID the library does not hold: a test
// that seeds a typo hears of it instead of listing a half-seeded state.
func TestSeeding(t *testing.T) {
	for _, tc := range []struct {
		name    string
		seed    func(*playplaytest.Server) error
		wantErr bool
		want    []int64
	}{
		{"favorite, each becoming the newest", func(s *playplaytest.Server) error { return s.Favorite(1, 4, 5) }, false, []int64{5, 4, 1}},
		{"favorite again moves it to the front", func(s *playplaytest.Server) error { return s.Favorite(1, 4, 5, 1) }, false, []int64{1, 5, 4}},
		{"favorite nothing", func(s *playplaytest.Server) error { return s.Favorite() }, false, nil},
		{"favorite an unknown media", func(s *playplaytest.Server) error { return s.Favorite(1, 99) }, true, nil},
		{"unfavorite", func(s *playplaytest.Server) error { return seq(s.Favorite(1, 2, 3, 4), s.Unfavorite(3, 1)) }, false, []int64{4, 2}},
		{"unfavorite one that is not a favourite", func(s *playplaytest.Server) error { return seq(s.Favorite(1, 2), s.Unfavorite(3)) }, false, []int64{2, 1}},
		{"unfavorite an unknown media", func(s *playplaytest.Server) error { return seq(s.Favorite(1, 2), s.Unfavorite(1, 99)) }, true, []int64{2, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			err := tc.seed(srv)
			if (err != nil) != tc.wantErr {
				t.Errorf("error %v, want one: %v", err, tc.wantErr)
			}
			if got := srv.Favorites(); !slices.Equal(got, tc.want) {
				t.Errorf("favourites %v, want %v", got, tc.want)
			}
			for id := range int64(6) {
				if srv.IsFavorite(id) != slices.Contains(tc.want, id) {
					t.Errorf("IsFavorite(%d) = %v against favourites %v", id, srv.IsFavorite(id), tc.want)
				}
			}
			_, body := send(t, srv, "GET", listPath, "", "")
			var p page
			if err := json.Unmarshal([]byte(body), &p); err != nil || len(p.Results) != 1 {
				t.Fatalf("listing: %v %s", err, body)
			}
			var listed []int64
			for _, m := range p.Results[0].Results {
				listed = append(listed, m.ID)
			}
			if !slices.Equal(listed, tc.want) {
				t.Errorf("the service lists %v, want %v", listed, tc.want)
			}
		})
	}
}

// seq joins the errors of seeding steps, which Go runs in turn as it
// evaluates the arguments.
func seq(errs ...error) error { return errors.Join(errs...) }

func TestFaults(t *testing.T) {
	srv := newServer(t)
	srv.Faults.FailNext(1, 503)
	if status, _ := send(t, srv, "GET", listPath, "", ""); status != 503 {
		t.Errorf("with a fault queued: %d, want 503", status)
	}
	if status, _ := send(t, srv, "GET", listPath, "", ""); status != 200 || srv.Faults.Requests() != 2 {
		t.Errorf("after the fault: %d after %d requests", status, srv.Faults.Requests())
	}
}

// SetPageSize changes the pages served from then on, as a server
// reconfigured between two listings would; below 1 it is 1.
func TestSetPageSize(t *testing.T) {
	for _, tc := range []struct {
		size, items int
		next        string
	}{
		{2, 2, "2"},
		{4, 4, "null"},
		{0, 1, "2"},
	} {
		srv := newServer(t)
		if err := srv.Favorite(1, 2, 3, 4); err != nil {
			t.Fatal(err)
		}
		srv.SetPageSize(tc.size)
		_, body := send(t, srv, "GET", listPath, "", "")
		var p page
		if err := json.Unmarshal([]byte(body), &p); err != nil || len(p.Results) != 1 ||
			len(p.Results[0].Results) != tc.items || string(p.Results[0].NextPage) != tc.next {
			t.Errorf("with pages of %d: %s; want %d items, next_page %s", tc.size, body, tc.items, tc.next)
		}
	}
}

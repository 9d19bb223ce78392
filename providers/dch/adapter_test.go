package dch_test

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/dch"
)

func TestAdapterListMapsFavorites(t *testing.T) {
	data := readTestdata(t, "favourites.json")
	c, rec := newMockClient(t, http.StatusOK, string(data))
	a := dch.NewAdapter(c)
	if a.Provider() != "dch" {
		t.Errorf("Provider = %q", a.Provider())
	}
	page, err := a.List(&favorites.ListOptions{PageSize: 2}).NextPage(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := []favorites.Favorite{
		{Provider: "dch", Ref: favorites.Ref{ID: "23427-1"}, Kind: "work",
			Title: "[Éclat] (1st Version for 15 instruments from 1965)", URL: "https://tv-dev1.dchdev.net/v2/work/23427-1",
			PreviewURL: "https://www-dev1.dchdev.net/cms/thumbnails/640x360/images/core/BPhil_SSR_260816_040_DCH.jpg",
			CreatedAt:  unix(1472720400), FavoritedAt: unix(1475074300)},
		{Provider: "dch", Ref: favorites.Ref{ID: "23427-3"}, Kind: "interview",
			Title: "Introduction by Sir Simon Rattle", URL: "https://tv-dev1.dchdev.net/v2/interview/23427-3",
			CreatedAt: unix(1472720400), FavoritedAt: unix(1473077071)},
		{Provider: "dch", Ref: favorites.Ref{ID: "301"}, Kind: "film",
			Title: "“Guardians of Unity”: Conductors in conversation", URL: "https://tv-dev1.dchdev.net/v2/film/301",
			PreviewURL: "https://www-dev1.dchdev.net/cms/thumbnails/640x360/images/core/Hueter_Kreis_schwarz_en.jpg",
			CreatedAt:  unix(1463558400), FavoritedAt: unix(1464622718)},
	}
	if len(page.Items) != len(want) || page.Next != "" || page.Response == nil {
		t.Fatalf("page has %d items, next %q, response %v; want 3, no next, a response", len(page.Items), page.Next, page.Response)
	}
	docList := documentList()
	for i, got := range page.Items {
		var native *dch.Favourite
		if !got.As(&native) || native.ID != docList.Favourites[i].ID || string(native.Raw) != string(got.Raw) {
			t.Errorf("item %d: As gave %+v", i, native)
		}
		if len(got.Raw) == 0 {
			t.Errorf("item %d has no Raw", i)
		}
		if got := exported(got); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("item %d =\n%#v\nwant\n%#v", i, got, want[i])
		}
	}
	checkRequest(t, rec.requests()[0], http.MethodGet, "", "")
}

// exported copies f's exported fields but Raw, leaving out the native value
// so two Favorites compare with reflect.DeepEqual.
func exported(f favorites.Favorite) favorites.Favorite {
	return favorites.Favorite{Provider: f.Provider, Ref: f.Ref, Kind: f.Kind, Title: f.Title, URL: f.URL,
		PreviewURL: f.PreviewURL, Width: f.Width, Height: f.Height, CreatedAt: f.CreatedAt, FavoritedAt: f.FavoritedAt}
}

func TestToFavoriteWithoutType(t *testing.T) {
	fav := dch.ToFavorite(dch.Favourite{ID: "9", Title: "T"})
	if fav.Kind != "item" || fav.Ref.ID != "9" || fav.PreviewURL != "" || !fav.FavoritedAt.IsZero() {
		t.Errorf("ToFavorite = %+v", fav)
	}
}

func TestAdapterListRefusesCursor(t *testing.T) {
	c, rec := newMockClient(t, http.StatusOK, `{}`)
	_, err := dch.NewAdapter(c).List(&favorites.ListOptions{Cursor: "2"}).NextPage(t.Context())
	if !errors.Is(err, favorites.ErrInvalidArgument) || len(rec.requests()) != 0 {
		t.Errorf("List with a cursor = %v after %d requests; want ErrInvalidArgument, none sent", err, len(rec.requests()))
	}
}

// listBody is a one-entry answer holding id, or an empty one.
func listBody(id string) string {
	if id == "" {
		return `{"updated":1475074300,"_links":{"favourites":[]}}`
	}
	return `{"updated":1475074300,"_links":{"favourites":[{"href":"//h/v2/work/` + id + `","updated":1475074300,"id":"` + id +
		`","title":"T","is_free":false,"date":{},"image":{},"type":"work"}]}}`
}

// The portable Add and Remove read every answer by the contract: a 2xx is
// done whatever its body; the service's 404 {"message"} is an unknown item
// (Remove nil, Add ErrNotFound); any other 404 is an error.
func TestAdapterAddRemove(t *testing.T) {
	const form = "application/x-www-form-urlencoded"
	unknown := `{"message":"Item \"301\" does not exist."}`
	tests := []struct {
		name   string
		remove bool
		status int
		answer string
		want   error // nil, or the sentinel the error must match
		fails  bool  // an error is due even when want is nil
	}{
		{"add shows in list", false, 200, listBody("301"), nil, false},
		{"add answered by a list without it", false, 200, listBody(""), nil, false},
		{"add answered by a cut body", false, 200, listBody("301")[:40], nil, false},
		{"add answered by an empty body", false, 200, "", nil, false},
		{"add answered by an HTML 200", false, 200, "<html></html>", nil, false},
		{"add of an unknown item", false, 404, unknown, favorites.ErrNotFound, true},
		{"add answered by an HTML 404", false, 404, "<html>nginx</html>", nil, true},
		{"remove gone from list", true, 200, listBody(""), nil, false},
		{"remove answered by a list still holding it", true, 200, listBody("301"), nil, false},
		{"remove answered by a cut body", true, 200, listBody("")[:30], nil, false},
		{"remove of an unknown item", true, 404, unknown, nil, false},
		{"remove answered by the unknown-route 404", true, 404, `{"error":{"message":"No route found for \"POST /v2/x\""}}`, favorites.ErrNotFound, true},
		{"remove answered by an HTML 404", true, 404, "<html>nginx</html>", favorites.ErrNotFound, true},
		{"remove answered by an empty 404", true, 404, "", favorites.ErrNotFound, true},
		{"remove answered by a 404 with an empty message", true, 404, `{"message":""}`, favorites.ErrNotFound, true},
		{"remove answered by a 404 of another shape", true, 404, `{"message":"x","status":404}`, favorites.ErrNotFound, true},
		{"remove answered by a 422", true, 422, unknown, favorites.ErrUnprocessable, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newMockClient(t, tt.status, tt.answer)
			a := dch.NewAdapter(c)
			op, action := a.Add, "add"
			if tt.remove {
				op, action = a.Remove, "delete"
			}
			err := op(t.Context(), favorites.Ref{ID: "301"})
			if (err != nil) != tt.fails || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("err = %v, want an error %v matching %v", err, tt.fails, tt.want)
			}
			reqs := rec.requests()
			if len(reqs) == 0 {
				t.Fatal("nothing sent")
			}
			checkRequest(t, reqs[0], http.MethodPost, form, "action="+action+"&id=301")
		})
	}
}

// The typed calls report a success answer whose list contradicts the write
// as ErrNotApplied, with the list.
func TestTypedCallsReportNotApplied(t *testing.T) {
	for _, tt := range []struct {
		name   string
		answer string
		call   func(*dch.Client) (*dch.FavouriteList, *favorites.Response, error)
	}{
		{"AddFavourite", listBody(""), func(c *dch.Client) (*dch.FavouriteList, *favorites.Response, error) {
			return c.AddFavourite(t.Context(), "301")
		}},
		{"RemoveFavourite", listBody("301"), func(c *dch.Client) (*dch.FavouriteList, *favorites.Response, error) {
			return c.RemoveFavourite(t.Context(), "301")
		}},
	} {
		c, _ := newMockClient(t, http.StatusOK, tt.answer)
		list, _, err := tt.call(c)
		if !errors.Is(err, dch.ErrNotApplied) || list == nil {
			t.Errorf("%s answered by a contradicting list: %v, list %v; want ErrNotApplied and the list", tt.name, err, list)
		}
	}
}

// Canonical keeps the one spelling List gives, and refuses any other
// naming it.
func TestAdapterCanonical(t *testing.T) {
	a := dch.NewAdapter(nil)
	if got, err := a.Canonical(favorites.Ref{ID: "23427-1"}); err != nil || got != (favorites.Ref{ID: "23427-1"}) {
		t.Errorf("Canonical of a bare ID = %v, %v", got, err)
	}
	for _, ref := range []favorites.Ref{{Source: "work", ID: "23427-1"}, {Source: "dch", ID: "23427-1"}} {
		_, err := a.Canonical(ref)
		if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), "bare item ID: 23427-1") {
			t.Errorf("Canonical(%#v) = %v, want ErrInvalidArgument naming 23427-1", ref, err)
		}
	}
	for _, ref := range []favorites.Ref{{}, {ID: "a/b"}, {ID: "x y"}} {
		if _, err := a.Canonical(ref); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("Canonical(%#v) = %v, want ErrInvalidArgument", ref, err)
		}
	}
}

// A list answer that holds no usable list is ErrMalformedReply; the empty
// array is an empty list.
func TestAdapterListRefusesAnswersWithoutAList(t *testing.T) {
	for _, body := range append([]string{"", "null", "{}"}, malformedPages...) {
		c, _ := newMockClient(t, http.StatusOK, body)
		if _, err := dch.NewAdapter(c).List(nil).NextPage(t.Context()); !errors.Is(err, favorites.ErrMalformedReply) {
			t.Errorf("List answered %q: %v, want ErrMalformedReply", body, err)
		}
		if _, err := c.Favourites().NextPage(t.Context()); !errors.Is(err, favorites.ErrMalformedReply) {
			t.Errorf("Favourites answered %q: %v, want ErrMalformedReply", body, err)
		}
	}
	c, _ := newMockClient(t, http.StatusOK, listBody(""))
	page, err := dch.NewAdapter(c).List(nil).NextPage(t.Context())
	if err != nil || page.Items == nil || len(page.Items) != 0 {
		t.Errorf("List of the empty array = %v, %v; want an empty list", page.Items, err)
	}
}

// More entries than MaxFavourites is ErrMalformedReply; exactly that many
// lists.
func TestAdapterListRefusesTooManyEntries(t *testing.T) {
	for n, want := range map[int]bool{dch.MaxFavourites: true, dch.MaxFavourites + 1: false} {
		c, _ := newMockClient(t, http.StatusOK, answer(minimalEntry, n))
		page, err := dch.NewAdapter(c).List(nil).NextPage(t.Context())
		if ok := err == nil && len(page.Items) == n; ok != want || (!want && !errors.Is(err, favorites.ErrMalformedReply)) {
			t.Errorf("%d entries: %d listed, %v", n, len(page.Items), err)
		}
	}
}

// New caps a body at MaxBodySize unless the caller says otherwise.
func TestDefaultBodyCap(t *testing.T) {
	big := answer(minimalEntry, 1) + strings.Repeat(" ", dch.MaxBodySize)
	c, _ := newMockClient(t, http.StatusOK, big)
	if _, err := c.Favourites().NextPage(t.Context()); !errors.Is(err, favorites.ErrResponseTooLarge) {
		t.Errorf("a body over MaxBodySize: %v, want ErrResponseTooLarge", err)
	}
	c, _ = newMockClient(t, http.StatusOK, big, favorites.WithMaxBodySize(2*dch.MaxBodySize))
	if _, err := c.Favourites().NextPage(t.Context()); err != nil {
		t.Errorf("the same body under a caller's larger cap: %v", err)
	}
}

// The portable Add and Remove are marked safe to repeat, so a 503 on their
// POST is retried, unlike the typed methods' (see TestErrorShapes).
func TestAdapterAddRetriesServerError(t *testing.T) {
	c, rec := newMockClient(t, http.StatusServiceUnavailable, `{"message":"down"}`)
	a := dch.NewAdapter(c)
	for name, op := range map[string]func() error{
		"Add":    func() error { return a.Add(t.Context(), favorites.Ref{ID: "301"}) },
		"Remove": func() error { return a.Remove(t.Context(), favorites.Ref{ID: "301"}) },
	} {
		before := len(rec.requests())
		if err := op(); !errors.Is(err, favorites.ErrServer) {
			t.Errorf("%s = %v, want ErrServer", name, err)
		}
		if n := len(rec.requests()) - before; n != 3 {
			t.Errorf("%s made %d requests, want 3", name, n)
		}
	}
}

func TestAdapterRefusesBadRefs(t *testing.T) {
	c, rec := newMockClient(t, http.StatusOK, listBody("301"))
	a := dch.NewAdapter(c)
	for _, ref := range []favorites.Ref{{}, {ID: "301", Source: "work"}, {ID: "a/b"}, {ID: "x y"}} {
		if err := a.Add(t.Context(), ref); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("Add(%#v) = %v", ref, err)
		}
		if err := a.Remove(t.Context(), ref); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("Remove(%#v) = %v", ref, err)
		}
		if _, err := a.IsFavorite(t.Context(), ref); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("IsFavorite(%#v) = %v", ref, err)
		}
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("bad refs sent %d requests", n)
	}
}

func TestAdapterIsFavorite(t *testing.T) {
	c, rec := newMockClient(t, http.StatusOK, string(readTestdata(t, "favourites.json")))
	a := dch.NewAdapter(c)
	for id, want := range map[string]bool{"23427-3": true, "23427-2": false} {
		if got, err := a.IsFavorite(t.Context(), favorites.Ref{ID: id}); err != nil || got != want {
			t.Errorf("IsFavorite(%s) = %v, %v; want %v", id, got, err, want)
		}
	}
	for _, r := range rec.requests() {
		checkRequest(t, r, http.MethodGet, "", "")
	}
}

func TestAdapterErrorsPassThrough(t *testing.T) {
	c, _ := newMockClient(t, http.StatusUnauthorized, string(readTestdata(t, "error_token.json")))
	a := dch.NewAdapter(c)
	_, err := a.List(nil).NextPage(t.Context())
	if !errors.Is(err, favorites.ErrUnauthorized) {
		t.Errorf("List = %v, want ErrUnauthorized", err)
	}
	if _, err := a.IsFavorite(t.Context(), favorites.Ref{ID: "1"}); !errors.Is(err, favorites.ErrUnauthorized) {
		t.Errorf("IsFavorite = %v, want ErrUnauthorized", err)
	}
}

package dch_test

import (
	"errors"
	"net/http"
	"reflect"
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
		var native dch.Favourite
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
	return `{"updated":1475074300,"_links":{"favourites":[{"href":"//h/v2/work/` + id + `","updated":1475074300,"id":"` + id + `","title":"T","type":"work"}]}}`
}

func TestAdapterAddRemove(t *testing.T) {
	const form = "application/x-www-form-urlencoded"
	tests := []struct {
		name   string
		remove bool
		answer string
		body   string
		want   error
	}{
		{"add shows in list", false, listBody("301"), "action=add&id=301", nil},
		{"add missing from list", false, listBody(""), "action=add&id=301", dch.ErrNotApplied},
		{"remove gone from list", true, listBody(""), "action=delete&id=301", nil},
		{"remove still in list", true, listBody("301"), "action=delete&id=301", dch.ErrNotApplied},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newMockClient(t, http.StatusOK, tt.answer)
			a := dch.NewAdapter(c)
			op := a.Add
			if tt.remove {
				op = a.Remove
			}
			if err := op(t.Context(), favorites.Ref{ID: "301"}); !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			reqs := rec.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			checkRequest(t, reqs[0], http.MethodPost, form, tt.body)
		})
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

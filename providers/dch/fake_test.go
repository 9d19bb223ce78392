package dch_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
)

func newFake(t *testing.T, favs ...string) (*dchtest.Server, *dch.Client) {
	t.Helper()
	srv := dchtest.NewServer()
	t.Cleanup(srv.Close)
	srv.AddItems(dchtest.DocumentItems()...)
	if err := srv.Favorite(favs...); err != nil {
		t.Fatal(err)
	}
	c, err := dch.New(dchtest.Token, fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// A connection cut after the change was applied: the portable Add and
// Remove send again, and the repeat is harmless.
func TestAdapterSurvivesCutAfterApply(t *testing.T) {
	tests := []struct {
		name string
		op   func(*dch.Adapter) error
		want []string
	}{
		{"Add", func(a *dch.Adapter) error { return a.Add(t.Context(), favorites.Ref{ID: "23427-1"}) }, []string{"23427-1", "301"}},
		{"Remove", func(a *dch.Adapter) error { return a.Remove(t.Context(), favorites.Ref{ID: "301"}) }, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := newFake(t, "301")
			srv.Faults.Inject(1, favoritestest.Fault{CutAfter: true})
			if err := tt.op(dch.NewAdapter(c)); err != nil {
				t.Fatal(err)
			}
			if n := srv.Faults.Requests(); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
			if got := srv.Favorites(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("favourites %v, want %v", got, tt.want)
			}
		})
	}
}

// The typed methods are plain POSTs: a cut connection is returned, not
// repeated.
func TestTypedAddNotRepeatedAfterCut(t *testing.T) {
	srv, c := newFake(t)
	srv.Faults.Inject(1, favoritestest.Fault{CutAfter: true})
	if _, _, err := c.AddFavourite(t.Context(), "301"); err == nil {
		t.Fatal("AddFavourite over a cut connection succeeded")
	}
	if n := srv.Faults.Requests(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestTypedMethodsAgainstFake(t *testing.T) {
	srv, c := newFake(t, "301")
	list, _, err := c.AddFavourite(t.Context(), "23427-1")
	if err != nil {
		t.Fatal(err)
	}
	host := strings.TrimSuffix(strings.TrimPrefix(srv.URL, "http://"), "/v2")
	wantImage := "https://" + host + "/cms/thumbnails/320x180/images/core/BPhil_SSR_260816_040_DCH.jpg"
	if len(list.Favourites) != 2 || list.Favourites[0].ID != "23427-1" ||
		list.Favourites[0].Image.Overview.URL(320, 180) != wantImage ||
		list.Favourites[0].Href != "https://"+host+"/v2/work/23427-1" {
		t.Errorf("AddFavourite answered %+v", list)
	}
	// Adding a present one leaves the list as it is.
	if list, _, err = c.AddFavourite(t.Context(), "301"); err != nil || len(list.Favourites) != 2 {
		t.Errorf("AddFavourite of a present one: %v, %+v", err, list)
	}
	_, _, err = c.RemoveFavourite(t.Context(), "nope")
	var apiErr *favorites.APIError
	if !errors.Is(err, favorites.ErrNotFound) || !errors.As(err, &apiErr) || apiErr.Message != `Item "nope" does not exist.` {
		t.Errorf("RemoveFavourite of an unknown item: %v", err)
	}
	if _, err := c.HTTP().Do(t.Context(), mustRequest(t, c, "PATCH"), nil); !errors.Is(err, favorites.ErrMethodNotAllowed) ||
		!errors.As(err, &apiErr) || apiErr.Message != `No route found for "PATCH /v2/user/favourites": Method Not Allowed (Allow: GET, POST)` {
		t.Errorf("PATCH: %v", err)
	}
}

func mustRequest(t *testing.T, c *dch.Client, method string) *driver.Request {
	t.Helper()
	req, err := c.HTTP().NewRequest(method, "/user/favourites", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// The listing is one page, so there is nothing to resume: a cursor is
// refused, and a listing after favourites were added and removed between
// runs gives exactly the favourites then present, none skipped.
func TestListAfterChangesBetweenRuns(t *testing.T) {
	srv, c := newFake(t, "301", "23427-1")
	a := dch.NewAdapter(c)
	p := a.List(nil)
	first, err := p.NextPage(t.Context())
	if err != nil || len(first.Items) != 2 || !p.Done() || p.Cursor() != "" {
		t.Fatalf("first run: %d items, %v, done %v, cursor %q; want 2, the last page, no cursor",
			len(first.Items), err, p.Done(), p.Cursor())
	}
	if err := srv.Favorite("23427-3"); err != nil {
		t.Fatal(err)
	}
	if err := a.Remove(t.Context(), favorites.Ref{ID: "301"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for fav, err := range a.List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fav.Ref.ID)
	}
	if want := srv.Favorites(); !reflect.DeepEqual(got, want) {
		t.Errorf("second run listed %v, want every favourite present: %v", got, want)
	}
	if _, err := a.List(&favorites.ListOptions{Cursor: "1"}).NextPage(t.Context()); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("List with a cursor: %v, want ErrInvalidArgument", err)
	}
}

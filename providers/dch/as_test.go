package dch_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
)

// A Favorite the adapter lists from the fake keeps the service's entry in
// Raw, and one read back from its JSON (a backup, a file) gives the same
// native entry through As as the typed listing does.
func TestFavoriteAsAfterJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		items []dchtest.Item
	}{
		{"document items", dchtest.DocumentItems()},
		{"catalogue with null fields", catalogue(7)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := newFake(t)
			srv.AddItems(tt.items...)
			for _, it := range tt.items {
				if err := srv.Favorite(it.ID); err != nil {
					t.Fatal(err)
				}
			}
			typed := typedEntries(t, c)
			n := 0
			for fav, err := range dch.NewAdapter(c).List(nil).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				n++
				checkAsAfterJSON(t, fav, typed[fav.Ref.ID])
			}
			if n != len(tt.items) || n != len(typed) {
				t.Errorf("adapter listed %d, typed listing %d; want %d", n, len(typed), len(tt.items))
			}
		})
	}
}

// typedEntries lists the fake through the typed client, by ID.
func typedEntries(t *testing.T, c *dch.Client) map[string]*dch.Favourite {
	t.Helper()
	out := map[string]*dch.Favourite{}
	for f, err := range c.Favourites().All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		out[f.ID] = f
	}
	return out
}

// checkAsAfterJSON marshals fav and reads it back, then holds As on the copy
// to want, the typed listing's entry for the same ID.
func checkAsAfterJSON(t *testing.T, fav favorites.Favorite, want *dch.Favourite) {
	t.Helper()
	if len(fav.Raw) == 0 {
		t.Errorf("%v has no Raw", fav)
	}
	data, err := json.Marshal(fav)
	if err != nil {
		t.Fatal(err)
	}
	var back favorites.Favorite
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	var p *dch.Favourite
	if !back.As(&p) || p == nil {
		t.Fatalf("%v read back from JSON: As gave nothing", fav)
	}
	if p.ID != fav.Ref.ID || string(p.Raw) != string(back.Raw) {
		t.Errorf("As gave ID %q, Raw %s; want %q and the Favorite's Raw", p.ID, p.Raw, fav.Ref.ID)
	}
	if want == nil {
		t.Fatalf("%s is not in the typed listing", fav.Ref.ID)
	}
	got, exp := *p, *want
	got.Raw, exp.Raw = nil, nil
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("As gave\n%+v\nthe typed listing has\n%+v", got, exp)
	}
}

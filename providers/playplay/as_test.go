package playplay_test

import (
	"encoding/json"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// A Favorite keeps the service's item in Raw, so a program that saved its
// favourites as JSON (a backup) still gets the *Media back through As: the
// marshalled Favorite must carry Raw, and As must decode it with the media's
// own ID, source and stock ID whatever form the stock ID took on the wire.
func TestAsAfterJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		media playplaytest.Media
	}{
		{"upload", playplaytest.Upload(30452)},
		{"stock with a numeric ID", playplaytest.Stock(201, "pexels", "3608618")},
		{"stock with a text ID", playplaytest.Stock(7, "unsplash", "Dwu85P9SOIk")},
	}
	srv := playplaytest.NewServer(playplaytest.WithPageSize(2))
	t.Cleanup(srv.Close)
	for _, tt := range tests {
		srv.AddMedia(tt.media)
		if err := srv.Favorite(tt.media.ID); err != nil {
			t.Fatal(err)
		}
	}
	listed := map[favorites.Ref]favorites.Favorite{}
	for f, err := range newAdapter(t, srv.URL, srv.Token()).List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Raw) == 0 {
			t.Errorf("%s listed without Raw", f.Ref)
		}
		listed[f.Ref] = f
	}
	if len(listed) != len(tests) {
		t.Fatalf("listed %d favourites, want %d", len(listed), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := playplay.MediaRef{RawMediaID: tt.media.ID, Source: tt.media.Source}.Ref()
			f, ok := listed[ref]
			if !ok {
				t.Fatalf("%s not listed", ref)
			}
			back := jsonRoundTrip(t, f)
			var m *playplay.Media
			if !back.As(&m) {
				t.Fatalf("As(*playplay.Media) is false after a JSON round trip of %s", back.Raw)
			}
			if m.ID != tt.media.ID || m.Source != tt.media.Source || string(m.StockID) != tt.media.StockID || m.Name != tt.media.Name {
				t.Errorf("As gave media %d %s %q %q, want %d %s %q %q", m.ID, m.Source, m.StockID, m.Name,
					tt.media.ID, tt.media.Source, tt.media.StockID, tt.media.Name)
			}
			if string(m.Raw) != string(f.Raw) {
				t.Errorf("As gave Raw %s, want the listed %s", m.Raw, f.Raw)
			}
		})
	}
}

// jsonRoundTrip marshals f and reads it back, as a saved backup would be.
func jsonRoundTrip(t *testing.T, f favorites.Favorite) favorites.Favorite {
	t.Helper()
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var back favorites.Favorite
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Provider != playplay.ProviderName || back.Ref != f.Ref {
		t.Fatalf("the round trip gave %s %s, want %s %s", back.Provider, back.Ref, f.Provider, f.Ref)
	}
	return back
}

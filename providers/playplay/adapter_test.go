package playplay_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

func TestRefRoundTrips(t *testing.T) {
	for _, tc := range []struct {
		media playplay.MediaRef
		text  string
	}{
		{playplay.MediaRef{RawMediaID: 30452, Source: "upload"}, "upload:30452"},
		{playplay.MediaRef{RawMediaID: 30452, Source: "pexels"}, "pexels:30452"},
		{playplay.MediaRef{RawMediaID: 7, Source: "unsplash"}, "unsplash:7"},
	} {
		ref := tc.media.Ref()
		if ref.String() != tc.text {
			t.Errorf("%+v: Ref %q, want %q", tc.media, ref, tc.text)
		}
		parsed, err := favorites.ParseRef(tc.text)
		if err != nil || parsed != ref {
			t.Errorf("ParseRef(%q) = %#v, %v; want %#v", tc.text, parsed, err, ref)
		}
		back, err := playplay.SplitRef(parsed)
		if err != nil || back != tc.media {
			t.Errorf("SplitRef(%#v) = %+v, %v; want %+v", parsed, back, err, tc.media)
		}
	}
}

// Issue 15: PlayPlay took "pexels:201" and listed the same media as
// "pexels:201~3608618", so Sync with Prune added one and removed the other.
// Every spelling now has one canonical form, the one List gives.
func TestCanonicalSpellings(t *testing.T) {
	a := playplay.NewAdapter(nil) // Canonical sends nothing
	for _, tc := range []struct{ in, want string }{
		{"pexels:201", "pexels:201"},
		{"pexels:201~3608618", "pexels:201"},
		{"unsplash:7~Dwu85P9S-Ik_x~y", "unsplash:7"},
		{"upload:30452", "upload:30452"},
		{"upload:30452~5", "upload:30452"},
	} {
		in, _ := favorites.ParseRef(tc.in)
		got, err := a.Canonical(in)
		if err != nil || got.String() != tc.want {
			t.Errorf("Canonical(%s) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
		if again, err := a.Canonical(got); err != nil || again != got {
			t.Errorf("Canonical(%v) = %v, %v; want it unchanged", got, again, err)
		}
	}
}

func TestSplitRefRefuses(t *testing.T) {
	for _, ref := range []favorites.Ref{
		{}, {ID: "abc", Source: "upload"}, {ID: "0", Source: "upload"}, {ID: "-1"}, {ID: "01"},
		{ID: "1~", Source: "pexels"}, {ID: "~5", Source: "pexels"}, {ID: "1~a/b", Source: "pexels"},
		{ID: "1", Source: "up load"}, {ID: "1", Source: "a/b"},
		{ID: "8"}, {ID: "8~5"}, // no source: neither the store nor List knows such a ref
	} {
		_, err := playplay.SplitRef(ref)
		if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), "source:raw_media_id") {
			t.Errorf("SplitRef(%#v): %v, want ErrInvalidArgument naming the canonical form", ref, err)
		}
		if _, err := playplay.NewAdapter(nil).Canonical(ref); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("Canonical(%#v): %v, want ErrInvalidArgument", ref, err)
		}
	}
}

func TestToFavorite(t *testing.T) {
	items := listTestdata(t)
	want := favorites.Favorite{
		Provider:   "playplay",
		Ref:        favorites.Ref{ID: "30452", Source: "pexels"},
		Kind:       "image",
		Title:      "pexels-photo-3608618.jpeg",
		URL:        "https://release.storage.playplay.com/uploads/722/a3e5fbafe7f2134c993efe3dbd9b8830/9177ac836484a7c51e68088643a8ec94.jpg",
		PreviewURL: "https://release.storage.playplay.com/uploads/722/a3e5fbafe7f2134c993efe3dbd9b8830/dc450d5b52792cc85da7401e2d2eeb2f.jpg",
		Width:      867,
		Height:     1300,
		CreatedAt:  time.Unix(1585159188, 0).UTC(),
	}
	got := playplay.ToFavorite(items[0])
	var media *playplay.Media
	if !got.As(&media) || media.ID != items[0].ID || media.Source != items[0].Source || media.Name != items[0].Name {
		t.Errorf("Favorite.As does not give the *Media back")
	}
	if string(got.Raw) != string(items[0].Raw) {
		t.Errorf("Raw %q is not the item's JSON", got.Raw)
	}
	got.Raw = nil
	if got.String() != want.String() || got.Ref != want.Ref || got.Kind != want.Kind || got.URL != want.URL ||
		got.PreviewURL != want.PreviewURL || got.Width != want.Width || got.Height != want.Height ||
		!got.CreatedAt.Equal(want.CreatedAt) || !got.FavoritedAt.IsZero() {
		t.Errorf("ToFavorite =\n%+v\nwant\n%+v", got, want)
	}
	if upload := playplay.ToFavorite(items[1]); upload.Ref != (favorites.Ref{ID: "30452", Source: "upload"}) {
		t.Errorf("upload ref %#v, want upload:30452", upload.Ref)
	}
}

// fakeWithLibrary starts a fake with one upload and one stock media, the
// upload a favourite, and an adapter on it.
func fakeWithLibrary(t *testing.T) (*playplaytest.Server, *playplay.Adapter) {
	t.Helper()
	srv := playplaytest.NewServer()
	t.Cleanup(srv.Close)
	srv.AddMedia(playplaytest.Upload(1), playplaytest.Stock(2, "pexels", "12345"))
	if err := srv.Favorite(1); err != nil {
		t.Fatal(err)
	}
	return srv, newAdapter(t, srv.URL, srv.Token())
}

func TestAdapterStockMediaAddAndRemove(t *testing.T) {
	srv, a := fakeWithLibrary(t)
	stock := favorites.Ref{ID: "2", Source: "pexels"}
	if err := a.Add(t.Context(), stock); err != nil {
		t.Fatal(err)
	}
	if got := srv.Favorites(); !slices.Equal(got, []int64{2, 1}) {
		t.Fatalf("after Add, favourites %v, want [2 1]", got)
	}
	var refs []favorites.Ref
	for f, err := range a.List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, f.Ref)
	}
	if len(refs) != 2 || refs[0] != stock || refs[1] != (favorites.Ref{ID: "1", Source: "upload"}) {
		t.Fatalf("List gave %v, want the stock ref first, then upload:1", refs)
	}
	if err := a.Remove(t.Context(), stock); err != nil {
		t.Fatal(err)
	}
	if got := srv.Favorites(); !slices.Equal(got, []int64{1}) {
		t.Fatalf("after Remove, favourites %v, want [1]", got)
	}
}

func TestAdapterRefusals(t *testing.T) {
	srv, a := fakeWithLibrary(t)
	before := srv.Faults.Requests()
	if err := a.Add(t.Context(), favorites.Ref{ID: "2"}); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("Add without a source: %v, want ErrInvalidArgument", err)
	}
	_, err := a.List(&favorites.ListOptions{PageSize: -1}).NextPage(t.Context())
	if !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("List with a negative page size: %v, want ErrInvalidArgument", err)
	}
	if n := srv.Faults.Requests() - before; n != 0 {
		t.Errorf("refusals sent %d requests", n)
	}
	// A source that is not the media's is the server's 422, not nil.
	if err := a.Add(t.Context(), favorites.Ref{ID: "2", Source: "upload"}); !errors.Is(err, favorites.ErrUnprocessable) {
		t.Errorf("Add with the wrong source: %v, want ErrUnprocessable", err)
	}
}

func TestAdapterRemoveUnknownIsNil(t *testing.T) {
	srv, a := fakeWithLibrary(t)
	if err := a.Remove(t.Context(), favorites.Ref{ID: "999", Source: "upload"}); err != nil {
		t.Errorf("Remove of an unknown media: %v, want nil", err)
	}
	c, _ := playplay.New(srv.URL, srv.Token())
	_, err := c.RemoveFavorite(t.Context(), playplay.RemoveByRawMediaID(999))
	if !errors.Is(err, favorites.ErrNotFound) || !errors.Is(err, playplay.ErrMediaNotFound) {
		t.Errorf("typed RemoveFavorite of an unknown media: %v, want ErrNotFound and ErrMediaNotFound", err)
	}
	if err := a.Add(t.Context(), favorites.Ref{ID: "999", Source: "upload"}); !errors.Is(err, favorites.ErrNotFound) {
		t.Errorf("Add of an unknown media: %v, want ErrNotFound", err)
	}
}

// TestAdapterAddAfterLostAnswer: the store is applied but its answer is
// lost; the retry meets the 409 and Add still gives nil.
func TestAdapterAddAfterLostAnswer(t *testing.T) {
	srv, a := fakeWithLibrary(t)
	srv.Faults.Inject(1, favoritestest.Fault{CutAfter: true})
	if err := a.Add(t.Context(), favorites.Ref{ID: "2", Source: "pexels"}); err != nil {
		t.Fatalf("Add after a lost answer: %v", err)
	}
	if !srv.IsFavorite(2) || srv.Faults.Requests() != 2 {
		t.Errorf("favourite %v after %d requests; want true after 2", srv.IsFavorite(2), srv.Faults.Requests())
	}
}

func TestToFavoriteKind(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"id":1,"type":"video","data":{"type":"image"}}`, "video"},
		{`{"id":1,"data":{"type":"image","subtype":"png"}}`, "image"},
		{`{"id":1}`, "media"},
	} {
		var m playplay.Media
		if err := json.Unmarshal([]byte(tc.body), &m); err != nil {
			t.Fatal(err)
		}
		if got := playplay.ToFavorite(&m).Kind; got != tc.want {
			t.Errorf("%s: Kind %q, want %q", tc.body, got, tc.want)
		}
	}
}

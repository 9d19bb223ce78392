package waifuim_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// waifu.im lists in one page, so a walk is never resumed mid-way: its
// Cursor after the page is empty, and the next run, started from that,
// lists the favourites as they are by then. Favourites added and removed
// between the runs are neither skipped nor listed twice; a non-empty
// cursor is refused before anything is sent.
func TestResumeAcrossChanges(t *testing.T) {
	srv := waifuimtest.NewServer()
	t.Cleanup(srv.Close)
	ids := srv.GenerateImages(12)
	if err := srv.Favorite(waifuimtest.UserID, ids[:8]...); err != nil {
		t.Fatal(err)
	}
	a := fakeAdapter(t, srv, waifuimtest.Token)

	p := a.List(&favorites.ListOptions{PageSize: 3})
	first, err := p.NextPage(t.Context())
	if err != nil || len(first.Items) != 8 || !p.Done() || p.Cursor() != "" {
		t.Fatalf("first run: %d items, %v, done %v, cursor %q; want all 8 in one page and no cursor",
			len(first.Items), err, p.Done(), p.Cursor())
	}
	saved := p.Cursor()

	// Between the runs: two favourites added, one of the listed removed.
	if err := srv.Favorite(waifuimtest.UserID, ids[8], ids[9]); err != nil {
		t.Fatal(err)
	}
	if err := a.Remove(t.Context(), waifuim.Ref(&waifuim.Image{ImageID: ids[3]})); err != nil {
		t.Fatal(err)
	}
	got := listAll(t, a, &favorites.ListOptions{PageSize: 5, Cursor: saved})
	want := refs(srv.Favorites(waifuimtest.UserID))
	if !slices.Equal(got, want) {
		t.Fatalf("second run from the saved cursor %q: %v; want every favourite there now, %v", saved, got, want)
	}

	before := srv.Faults.Requests()
	for _, cursor := range []string{"1", "2", "next", "eyJwYWdlIjoyfQ"} {
		if _, err := a.List(&favorites.ListOptions{Cursor: cursor}).NextPage(t.Context()); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("List from cursor %q: %v, want ErrInvalidArgument", cursor, err)
		}
	}
	if n := srv.Faults.Requests() - before; n != 0 {
		t.Errorf("refused cursors sent %d requests", n)
	}
}

func listAll(t *testing.T, f favorites.Favorites, opts *favorites.ListOptions) []favorites.Ref {
	t.Helper()
	var out []favorites.Ref
	for fav, err := range f.List(opts).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fav.Ref)
	}
	return out
}

package e621_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// cursorFake is a fake holding five favourites (newest first in favs) and
// a client on it.
func cursorFake(t *testing.T) (*e621test.Server, *e621.Client, []int64) {
	t.Helper()
	srv := e621test.NewServer(e621test.WithRateLimit(0))
	t.Cleanup(srv.Close)
	if err := srv.Favorite(e621test.Login, srv.AddPosts(5)...); err != nil {
		t.Fatal(err)
	}
	c, err := e621.New(e621test.Login, e621test.APIKey, fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	return srv, c, srv.Favorites(e621test.Login)
}

// walkCursors reads p to its end and returns its cursor before each page
// and after the last.
func walkCursors(t *testing.T, p *favorites.Pager[*e621.Post]) []string {
	t.Helper()
	cursors := []string{p.Cursor()}
	for !p.Done() {
		if _, err := p.NextPage(t.Context()); err != nil {
			t.Fatal(err)
		}
		cursors = append(cursors, p.Cursor())
	}
	return cursors
}

// TestFavoritesCursorIsEmptyOutsideTheWalk: as favorites.Pager promises,
// the typed listing's cursor is "" before the first page and after the
// last, and is e621's text in between.
func TestFavoritesCursorIsEmptyOutsideTheWalk(t *testing.T) {
	_, c, _ := cursorFake(t)
	got := walkCursors(t, c.Favorites(&e621.FavoritesOptions{Limit: 2}))
	want := []string{"", "e621.v2.l2.o2.", "e621.v2.l2.o4.", ""} // prefixes; anchors follow
	if len(got) != len(want) {
		t.Fatalf("cursors %q, want %d of them", got, len(want))
	}
	for i := range want {
		if (want[i] == "") != (got[i] == "") || !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("cursor %d = %q, want %q...", i, got[i], want[i])
		}
	}
}

// TestFavoritesResumesFromCursor: a saved cursor given back in
// FavoritesOptions.Cursor goes on where the walk stopped, and a saved ""
// (before the first page) starts at the first page.
func TestFavoritesResumesFromCursor(t *testing.T) {
	_, c, favs := cursorFake(t)
	saved := walkCursors(t, c.Favorites(&e621.FavoritesOptions{Limit: 2}))
	tests := []struct {
		name string
		opts e621.FavoritesOptions
		want []int64
	}{
		{"saved before the first page", e621.FavoritesOptions{Limit: 2, Cursor: saved[0]}, favs},
		{"empty cursor, default page size", e621.FavoritesOptions{Cursor: ""}, favs},
		{"after page 1", e621.FavoritesOptions{Cursor: saved[1]}, favs[2:]},
		{"after page 1, its own page size", e621.FavoritesOptions{Limit: 2, Cursor: saved[1]}, favs[2:]},
		{"after page 2", e621.FavoritesOptions{Cursor: saved[2]}, favs[4:]},
		{"after page 1, as version 1 wrote it", e621.FavoritesOptions{Cursor: strings.Replace(saved[1], "v2.l2.o2", "v1.l2.p2", 1)}, favs[2:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int64
			for p, err := range c.Favorites(&tt.opts).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, p.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("listed %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFavoritesRefusesCursorMisuse: a cursor that cannot be resumed
// exactly is refused before anything is sent.
func TestFavoritesRefusesCursorMisuse(t *testing.T) {
	srv, c, _ := cursorFake(t)
	saved := walkCursors(t, c.Favorites(&e621.FavoritesOptions{Limit: 2}))[1]
	tests := []struct {
		name string
		opts e621.FavoritesOptions
	}{
		{"cursor and page", e621.FavoritesOptions{Cursor: saved, Page: 2}},
		{"another page size", e621.FavoritesOptions{Cursor: saved, Limit: 3}},
		{"limit out of range", e621.FavoritesOptions{Cursor: saved, Limit: e621.MaxLimit + 1}},
		{"not a cursor", e621.FavoritesOptions{Cursor: "2"}},
		{"another provider's", e621.FavoritesOptions{Cursor: "max_id=42"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.Faults.Requests()
			_, err := c.Favorites(&tt.opts).NextPage(t.Context())
			if !errors.Is(err, favorites.ErrInvalidArgument) {
				t.Errorf("error %v, want ErrInvalidArgument", err)
			}
			if n := srv.Faults.Requests() - before; n != 0 {
				t.Errorf("%d requests sent for a refused listing", n)
			}
		})
	}
}

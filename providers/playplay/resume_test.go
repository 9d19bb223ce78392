package playplay_test

import (
	"slices"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// Issue 15.3: a listing resumed from a saved cursor never skips a
// favourite still there, whatever was added or removed between the runs;
// where the last media given is still within reach, it repeats nothing
// either. The fake holds favourites 1..10 (newest first: 10, 9, ... 1),
// three a page; the first run reads two pages (10..5) and saves the cursor.
func TestResumeAfterChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, srv *playplaytest.Server)
		exact  bool // nothing repeats
	}{
		{"nothing changed", func(*testing.T, *playplaytest.Server) {}, true},
		{"two listed removed above the last given", func(t *testing.T, s *playplaytest.Server) { unmark(t, s, 9, 7) }, true},
		{"a page's worth of listed removed", func(t *testing.T, s *playplaytest.Server) { unmark(t, s, 10, 9, 8, 7) }, false},
		{"the last given removed", func(t *testing.T, s *playplaytest.Server) { unmark(t, s, 5) }, false},
		{"not yet listed removed", func(t *testing.T, s *playplaytest.Server) { unmark(t, s, 4, 2) }, true},
		{"two added", func(t *testing.T, s *playplaytest.Server) { mark(t, s, 11, 12) }, true},
		{"four added: the last given two pages down", func(t *testing.T, s *playplaytest.Server) { mark(t, s, 11, 12, 13, 14) }, true},
		{"one added, one listed removed", func(t *testing.T, s *playplaytest.Server) { mark(t, s, 11); unmark(t, s, 8) }, true},
		{"pages of 2 now", func(t *testing.T, s *playplaytest.Server) { s.SetPageSize(2) }, true},
		{"pages of 5 now", func(t *testing.T, s *playplaytest.Server) { s.SetPageSize(5) }, true},
		{"pages of 2 and one added", func(t *testing.T, s *playplaytest.Server) { s.SetPageSize(2); mark(t, s, 11) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := playplaytest.NewServer(playplaytest.WithPageSize(3))
			t.Cleanup(srv.Close)
			for i := range int64(14) {
				srv.AddMedia(playplaytest.Upload(i + 1))
			}
			mark(t, srv, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
			before := srv.Favorites()

			p := newAdapter(t, srv.URL, srv.Token()).List(nil)
			var first []int64
			for range 2 {
				page, err := p.NextPage(t.Context())
				if err != nil {
					t.Fatal(err)
				}
				first = append(first, ids(page.Items)...)
			}
			if !slices.Equal(first, []int64{10, 9, 8, 7, 6, 5}) {
				t.Fatalf("first run listed %v", first)
			}

			tt.change(t, srv)
			var second []int64
			for f, err := range newAdapter(t, srv.URL, srv.Token()).List(&favorites.ListOptions{Cursor: p.Cursor()}).All(t.Context()) {
				if err != nil {
					t.Fatalf("resumed from %q: %v", p.Cursor(), err)
				}
				second = append(second, ids([]favorites.Favorite{f})...)
			}

			for _, id := range srv.Favorites() {
				if slices.Contains(before, id) && !slices.Contains(first, id) && !slices.Contains(second, id) {
					t.Errorf("favourite %d, there in both runs, was skipped: first %v, resumed %v", id, first, second)
				}
			}
			for i, id := range second {
				if slices.Contains(second[:i], id) {
					t.Errorf("the resumed run gave %d twice: %v", id, second)
				}
				if tt.exact && slices.Contains(first, id) {
					t.Errorf("the resumed run repeated %d: first %v, resumed %v", id, first, second)
				}
			}
		})
	}
}

func mark(t *testing.T, srv *playplaytest.Server, ids ...int64) {
	t.Helper()
	if err := srv.Favorite(ids...); err != nil {
		t.Fatal(err)
	}
}

func unmark(t *testing.T, srv *playplaytest.Server, ids ...int64) {
	t.Helper()
	if err := srv.Unfavorite(ids...); err != nil {
		t.Fatal(err)
	}
}

// ids are the raw media IDs of favourites.
func ids(favs []favorites.Favorite) []int64 {
	var out []int64
	for _, f := range favs {
		r, _ := favorites.ParseRef(f.Ref.String())
		var n int64
		for _, c := range r.ID {
			n = 10*n + int64(c-'0')
		}
		out = append(out, n)
	}
	return out
}

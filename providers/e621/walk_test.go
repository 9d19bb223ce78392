package e621_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// TestListWhileFavouritesChange changes the favourites between the pages
// of one walk at the default page size and checks what the walk promises:
// every favourite there from start to end is listed, none twice, and
// nothing is repeated unless the walk had to start again.
func TestListWhileFavouritesChange(t *testing.T) {
	const n = 1000
	tests := []struct {
		name string
		// change gets the favourites newest first when it runs, and
		// changes the fake before request number at.
		at       int
		change   func(t *testing.T, srv *e621test.Server, now []int64)
		requests int  // the walk's requests, at most
		repeats  bool // the walk starts again at page 1: it lists again what it had
	}{
		{"nothing changes", 2, func(*testing.T, *e621test.Server, []int64) {}, 4, false},
		{"one read removed", 2, func(t *testing.T, s *e621test.Server, now []int64) { unfavorite(t, s, now[10]) }, 4, false},
		{"three read removed", 3, func(t *testing.T, s *e621test.Server, now []int64) { unfavorite(t, s, now[5], now[300], now[600]) }, 4, false},
		{"fifty read removed, past the overlap", 2, func(t *testing.T, s *e621test.Server, now []int64) {
			unfavorite(t, s, now[100:150]...)
		}, 5, false},
		{"the last ones read removed", 2, func(t *testing.T, s *e621test.Server, now []int64) {
			unfavorite(t, s, now[300:320]...) // the last four read among them
		}, 6, true},
		{"ten added", 2, func(t *testing.T, s *e621test.Server, _ []int64) { addFavs(t, s, 10) }, 4, false},
		{"ten added, ten read removed", 3, func(t *testing.T, s *e621test.Server, now []int64) {
			addFavs(t, s, 10)
			unfavorite(t, s, now[400:410]...)
		}, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, a, h := changesFake(t, n)
			before := srv.Favorites(e621test.Login)
			h.at(tt.at, func() { tt.change(t, srv, srv.Favorites(e621test.Login)) })
			sent := srv.Faults.Requests()
			var got []int64
			for f, err := range a.List(nil).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, postIDs([]favorites.Favorite{f})...)
			}
			after := srv.Favorites(e621test.Login)
			for _, id := range before {
				if slices.Contains(after, id) && !slices.Contains(got, id) {
					t.Errorf("favourite %d, there all along, was not listed", id)
				}
			}
			for i, id := range got {
				if !tt.repeats && slices.Contains(got[:i], id) {
					t.Errorf("favourite %d listed twice", id)
				}
			}
			if r := srv.Faults.Requests() - sent; r > tt.requests {
				t.Errorf("the walk sent %d requests, want at most %d", r, tt.requests)
			}
		})
	}
}

// TestRemovalBetweenPagesBySize holds the walk to what Client.Favorites
// says of a favourite removed above the read between two pages: from 64
// posts a page on, pages overlap and nothing is skipped; under 64 they lie
// side by side, and the post at the boundary, moved up onto the page
// already read, is skipped by that walk (and only it).
func TestRemovalBetweenPagesBySize(t *testing.T) {
	for _, tt := range []struct {
		limit int
		skips bool
	}{{10, true}, {63, true}, {64, false}, {e621.MaxLimit, false}} {
		t.Run(strconv.Itoa(tt.limit), func(t *testing.T) {
			t.Parallel()
			srv, a, h := changesFake(t, 3*tt.limit)
			before := srv.Favorites(e621test.Login)
			h.at(2, func() { unfavorite(t, srv, before[0]) }) // after page 1, before page 2
			var got []int64
			for f, err := range a.List(&favorites.ListOptions{PageSize: tt.limit}).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, postIDs([]favorites.Favorite{f})...)
			}
			var skipped []int64
			for _, id := range before[1:] {
				if !slices.Contains(got, id) {
					skipped = append(skipped, id)
				}
			}
			want := []int64(nil)
			if tt.skips {
				want = []int64{before[tt.limit]} // the first post of page 2, moved up onto page 1
			}
			if !slices.Equal(skipped, want) {
				t.Errorf("at %d posts a page the walk skipped %v, want %v", tt.limit, skipped, want)
			}
		})
	}
}

package playplay_test

import (
	"slices"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
)

// TestSavedCursorsResume: cursors as earlier versions of this package wrote
// them, byte for byte, and as this one writes them, resume after the last
// media given: nothing repeated, nothing skipped, whether the list stayed
// or one favourite was added in between. The fake holds favourites 1..30,
// newest first, ten a page; the saved walk had given 30..11.
func TestSavedCursorsResume(t *testing.T) {
	for _, tc := range []struct {
		name, cursor string
		added        bool
		requests     int
	}{
		{"next.size.ref", "3.10.upload:11", false, 2},                 // page 2 again, where upload:11 was, then page 3
		{"next.size.ref, one added since", "3.10.upload:11", true, 4}, // pages 2, 1 and 3, where it is, then 4
		{"v2", "playplay.v2.l10.o20.aupload:14-upload:13-upload:12-upload:11", false, 2},
		{"v2, one added since", "playplay.v2.l10.o20.aupload:14-upload:13-upload:12-upload:11", true, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := library(t, 31, 30)
			if tc.added {
				mark(t, srv, 31)
			}
			sent := srv.Faults.Requests()
			var got []int64
			for f, err := range newAdapter(t, srv.URL, srv.Token()).List(&favorites.ListOptions{Cursor: tc.cursor}).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, ids([]favorites.Favorite{f})...)
			}
			if want := span(10, 1); !slices.Equal(got, want) {
				t.Errorf("resumed %q: %v, want %v", tc.cursor, got, want)
			}
			if n := srv.Faults.Requests() - sent; n != tc.requests {
				t.Errorf("resumed %q in %d requests, want %d", tc.cursor, n, tc.requests)
			}
		})
	}
}

// TestSavedMarksResume: a mark of the form earlier versions wrote,
// "playplay.mark.v1.<account>.<ref>/<ref>...", gives what was added since,
// and the next mark is of the current form.
func TestSavedMarksResume(t *testing.T) {
	srv := library(t, 30, 30)
	c, err := playplay.New(srv.URL, srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	account := playplay.MarkHost(c)
	for _, tc := range []struct {
		mark string
		want []int64
	}{
		{"playplay.mark.v1." + account + ".upload:25/upload:24/upload:23/upload:22/upload:21", span(30, 26)},
		{"playplay.mark.v1." + account + ".upload:28/upload:27", span(30, 29)},
		{"playplay.mark.v1." + account + ".", span(30, 1)}, // the list was empty
	} {
		media, next, err := c.FavoritesSince(t.Context(), tc.mark)
		if err != nil {
			t.Fatalf("%s: %v", tc.mark, err)
		}
		var got []int64
		for _, m := range media {
			got = append(got, m.ID)
		}
		if want := "playplay.mark.v2." + account + ".aupload:30-upload:29-upload:28-upload:27-upload:26"; !slices.Equal(got, tc.want) || next != want {
			t.Errorf("FavoritesSince(%q) = %v, %q; want %v, %q", tc.mark, got, next, tc.want, want)
		}
	}
}

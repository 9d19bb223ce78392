package e621_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// savedFake is a fake whose account has favourited posts 1001 to newest in
// that order (so newest is at the top), and an adapter on it.
func savedFake(t *testing.T, newest int64) (*e621test.Server, *e621.Adapter) {
	t.Helper()
	srv := e621test.NewServer(e621test.WithRateLimit(0), e621test.WithFirstID(1001)) // the saved texts name these IDs
	t.Cleanup(srv.Close)
	ids := srv.AddPosts(int(newest - 1000))
	if ids[0] != 1001 || ids[len(ids)-1] != newest {
		t.Fatalf("the fake's posts are %d to %d, want 1001 to %d", ids[0], ids[len(ids)-1], newest)
	}
	if err := srv.Favorite(e621test.Login, ids...); err != nil {
		t.Fatal(err)
	}
	c, err := e621.New(e621test.Login, e621test.APIKey, fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	return srv, e621.NewAdapter(c)
}

// TestSavedCursorsResume: cursors as earlier versions of this package
// wrote them, byte for byte, resume where they stopped: nothing repeated,
// nothing skipped, at the cost a walk has.
func TestSavedCursorsResume(t *testing.T) {
	for _, tc := range []struct {
		name, cursor string
		newest       int64 // the list is newest..1001, the cursor's anchors where it left them
		last         int64 // the last post the saved walk read; 0: none
		requests     int
	}{
		// Written since v2: 632 read at 320 a page, the last four read 1181..1178.
		{"v2", "e621.v2.l320.o632.a1181-1180-1179-1178", 1178 + 631, 1178, 1},
		// Written by v1: page 2 next at 320 a page, the last post read 1181.
		{"v1", "e621.v1.l320.p2.a1181", 1181 + 319, 1181, 1},
		// v1 without anchors: page 2 of 100, from a page number.
		{"v1 from a page", "e621.v1.l100.p2", 1300, 0, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, a := savedFake(t, tc.newest)
			list := srv.Favorites(e621test.Login)
			want := list[100:]
			if tc.last != 0 {
				want = list[slices.Index(list, tc.last)+1:]
			}
			sent := srv.Faults.Requests()
			var got []int64
			for f, err := range a.List(&favorites.ListOptions{Cursor: tc.cursor}).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, postIDs([]favorites.Favorite{f})...)
			}
			if !slices.Equal(got, want) {
				t.Errorf("resumed %q: %d posts from %d, want the %d after it from %d", tc.cursor, len(got), got[0], len(want), want[0])
			}
			if n := srv.Faults.Requests() - sent; n != tc.requests {
				t.Errorf("resumed %q in %d requests, want %d", tc.cursor, n, tc.requests)
			}
		})
	}
}

// TestSavedMarksResume: a mark as this package has written it since its
// m1 form gives what was added since.
func TestSavedMarksResume(t *testing.T) {
	srv, a := savedFake(t, 1010)
	own, err := a.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	account := strings.Split(own.Mark, ".")[2]
	for _, tc := range []struct {
		mark string
		want []int64
	}{
		{"e621.m1." + account + ".a1005-1004", []int64{1010, 1009, 1008, 1007, 1006}},
		{"e621.m1." + account + ".a1010-1009-1008-1007-1006-1005-1004-1003", nil},
		{"e621.m1." + account + ".e", srv.Favorites(e621test.Login)},
	} {
		ch, err := a.Changes(t.Context(), tc.mark)
		if err != nil {
			t.Fatalf("%s: %v", tc.mark, err)
		}
		if got := postIDs(ch.Added); !slices.Equal(got, tc.want) || ch.Mark != own.Mark {
			t.Errorf("Changes(%q) = %v, %q; want %v, %q", tc.mark, got, ch.Mark, tc.want, own.Mark)
		}
	}
}

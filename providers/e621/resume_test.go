package e621_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// resumeFake is a fake holding 50 favourites (newest first in favs) and
// 20 more posts to add, and an adapter on it.
func resumeFake(t *testing.T) (srv *e621test.Server, a *e621.Adapter, favs, spare []int64) {
	t.Helper()
	srv = e621test.NewServer(e621test.WithRateLimit(0))
	t.Cleanup(srv.Close)
	ids := srv.AddPosts(70)
	if err := srv.Favorite(e621test.Login, ids[:50]...); err != nil {
		t.Fatal(err)
	}
	c, err := e621.New(e621test.Login, e621test.APIKey, fastOptions(srv.URL)...)
	if err != nil {
		t.Fatal(err)
	}
	return srv, e621.NewAdapter(c), srv.Favorites(e621test.Login), ids[50:]
}

// firstRun lists pages pages of size 10 and returns what it yielded and
// the cursor it would save.
func firstRun(t *testing.T, a *e621.Adapter, pages int) ([]int64, string) {
	t.Helper()
	p := a.List(&favorites.ListOptions{PageSize: 10})
	if c := p.Cursor(); c != "" {
		t.Fatalf("Cursor before the first page = %q, want \"\"", c)
	}
	var got []int64
	for range pages {
		page, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, postIDs(page.Items)...)
	}
	return got, p.Cursor()
}

func postIDs(favs []favorites.Favorite) []int64 {
	out := make([]int64, len(favs))
	for i, f := range favs {
		var p *e621.Post
		f.As(&p)
		out[i] = p.ID
	}
	return out
}

// TestResumeNeverSkips changes the favourites between a first run of two
// pages and a run resumed from its cursor, and asserts that every
// favourite that was there when the first run began, is there still, and
// was not yielded by it, is yielded by the resumed run; and that the
// resumed run repeats nothing unless the case says it starts again.
func TestResumeNeverSkips(t *testing.T) {
	tests := []struct {
		name string
		// change gets the favourites newest first and the posts not
		// yet favourites, and changes the fake.
		change  func(srv *e621test.Server, favs, spare []int64) error
		repeats bool // the resumed run may start again from page 1
	}{
		{"no change", func(*e621test.Server, []int64, []int64) error { return nil }, false},
		{"one listed favourite removed", func(s *e621test.Server, f, _ []int64) error { return unfav(s, f[3]) }, false},
		{"three listed favourites removed", func(s *e621test.Server, f, _ []int64) error { return unfav(s, f[0], f[7], f[15]) }, false},
		{"the last one listed removed", func(s *e621test.Server, f, _ []int64) error { return unfav(s, f[19]) }, false},
		{"the last four listed removed", func(s *e621test.Server, f, _ []int64) error { return unfav(s, f[16:20]...) }, true},
		{"eleven listed removed, more than a page", func(s *e621test.Server, f, _ []int64) error { return unfav(s, f[2:13]...) }, true},
		{"fifteen listed removed", func(s *e621test.Server, f, _ []int64) error { return unfav(s, f[0:15]...) }, true},
		{"one not yet listed removed", func(s *e621test.Server, f, _ []int64) error { return unfav(s, f[20], f[31]) }, false},
		{"one favourite added", func(s *e621test.Server, _, sp []int64) error { return fav(s, sp[0]) }, false},
		{"five added, two listed removed", func(s *e621test.Server, f, sp []int64) error {
			return errors.Join(fav(s, sp[:5]...), unfav(s, f[4], f[12]))
		}, false},
		{"fifteen added, more than a page", func(s *e621test.Server, _, sp []int64) error { return fav(s, sp[:15]...) }, true},
		{"the last one listed favourited again", func(s *e621test.Server, f, _ []int64) error {
			return errors.Join(unfav(s, f[19]), fav(s, f[19]))
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, a, favs, spare := resumeFake(t)
			first, cursor := firstRun(t, a, 2)
			if !slices.Equal(first, favs[:20]) {
				t.Fatalf("first run yielded %v, want %v", first, favs[:20])
			}
			if err := tt.change(srv, favs, spare); err != nil {
				t.Fatal(err)
			}
			now := srv.Favorites(e621test.Login)
			var second []int64
			for f, err := range a.List(&favorites.ListOptions{Cursor: cursor}).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				second = append(second, postIDs([]favorites.Favorite{f})...)
			}
			for _, id := range favs {
				if slices.Contains(now, id) && !slices.Contains(first, id) && !slices.Contains(second, id) {
					t.Errorf("favourite %d, there all along, was skipped: first run %v, resumed %v", id, first, second)
				}
			}
			for i, id := range second {
				if slices.Contains(second[:i], id) {
					t.Errorf("the resumed run yielded %d twice: %v", id, second)
				}
				if !tt.repeats && slices.Contains(first, id) {
					t.Errorf("the resumed run repeated %d from the first: %v", id, second)
				}
			}
		})
	}
}

func unfav(s *e621test.Server, ids ...int64) error { return s.Unfavorite(e621test.Login, ids...) }
func fav(s *e621test.Server, ids ...int64) error   { return s.Favorite(e621test.Login, ids...) }

// TestResumeCosts: the first page of a resumed walk is read with the page
// before it, two requests; every later page is one.
func TestResumeCosts(t *testing.T) {
	srv, a, _, _ := resumeFake(t)
	_, cursor := firstRun(t, a, 2)
	before := srv.Faults.Requests()
	n, err := countAll(a.List(&favorites.ListOptions{Cursor: cursor, PageSize: 10}))
	if err != nil || n != 30 {
		t.Fatalf("resumed walk: %d favourites, %v; want 30", n, err)
	}
	// Pages 2 and 3, then 4 and 5, then the empty page 6.
	if got := srv.Faults.Requests() - before; got != 5 {
		t.Errorf("the resumed walk made %d requests, want 5", got)
	}
}

func countAll(p *favorites.Pager[favorites.Favorite]) (int, error) {
	n := 0
	for _, err := range p.All(context.Background()) {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// TestResumeWithAnotherPageSizeIsRefused: a cursor counts pages of its own
// size; another PageSize is refused with nothing sent, and 0 takes it.
func TestResumeWithAnotherPageSizeIsRefused(t *testing.T) {
	srv, a, _, _ := resumeFake(t)
	_, cursor := firstRun(t, a, 1)
	before := srv.Faults.Requests()
	_, err := a.List(&favorites.ListOptions{Cursor: cursor, PageSize: 7}).NextPage(t.Context())
	if !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Fatalf("resume with page size 7 from a cursor of 10: %v, want ErrInvalidArgument", err)
	}
	if n := srv.Faults.Requests() - before; n != 0 {
		t.Errorf("the refused resume sent %d requests", n)
	}
	n, err := countAll(a.List(&favorites.ListOptions{Cursor: cursor}))
	if err != nil || n != 40 {
		t.Errorf("resume with page size 0: %d favourites, %v; want the 40 after the first page", n, err)
	}
}

// TestWalkSkipsWhatANewFavouritePushedDown: within one walk, favourites
// added between two pages push the last posts of a page onto the next;
// they are not yielded twice.
func TestWalkSkipsWhatANewFavouritePushedDown(t *testing.T) {
	srv, a, favs, spare := resumeFake(t)
	p := a.List(&favorites.ListOptions{PageSize: 10})
	page, err := p.NextPage(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	got := postIDs(page.Items)
	fav(srv, spare[:3]...)
	for f, err := range p.All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, postIDs([]favorites.Favorite{f})...)
	}
	if !slices.Equal(got, favs) {
		t.Errorf("walk yielded %v, want each of %v once, in order", got, favs)
	}
}

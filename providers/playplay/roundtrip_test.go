package playplay_test

import (
	"context"
	"fmt"
	"iter"
	"testing"

	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// PlayPlay picks the page size and names the next page in the body, null on
// the last one: listing N favourites is one request per server page, and a
// single one for none, with no trailing empty page. Clients are built with
// the defaults.
func TestListRoundTrips(t *testing.T) {
	listers := []struct {
		name string
		list func(ctx context.Context, c *playplay.Client) (int, error)
	}{
		{"typed Favorites", func(ctx context.Context, c *playplay.Client) (int, error) {
			return count(c.Favorites(nil).All(ctx))
		}},
		{"portable List", func(ctx context.Context, c *playplay.Client) (int, error) {
			return count(playplay.NewAdapter(c).List(nil).All(ctx))
		}},
	}
	page := playplaytest.DefaultPageSize
	for _, n := range []int{0, 1, page, page + 1, 95} {
		srv := playplaytest.NewServer()
		t.Cleanup(srv.Close)
		ids := make([]int64, n)
		for i := range ids {
			ids[i] = int64(1000 + i)
			srv.AddMedia(libraryMedia(i))
		}
		if err := srv.MarkFavorite(ids...); err != nil {
			t.Fatal(err)
		}
		want := max(1, (n+page-1)/page)
		for _, l := range listers {
			t.Run(fmt.Sprintf("%s/N=%d", l.name, n), func(t *testing.T) {
				c, err := playplay.New(srv.URL, srv.Token())
				if err != nil {
					t.Fatal(err)
				}
				before := srv.Faults.Requests()
				got, err := l.list(t.Context(), c)
				if err != nil {
					t.Fatal(err)
				}
				if reqs := srv.Faults.Requests() - before; got != n || reqs != want {
					t.Errorf("listed %d in %d requests, want %d in %d", got, reqs, n, want)
				}
			})
		}
	}
}

// count drains a listing and returns how many items it held.
func count[T any](seq iter.Seq2[T, error]) (int, error) {
	n := 0
	for _, err := range seq {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

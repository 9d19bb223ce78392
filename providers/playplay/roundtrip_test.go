package playplay_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/favkit/favorites/driver/drivertest"
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
			return drivertest.Count(c.Favorites(nil).All(ctx))
		}},
		{"portable List", func(ctx context.Context, c *playplay.Client) (int, error) {
			return drivertest.Count(playplay.NewAdapter(c).List(nil).All(ctx))
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
		if err := srv.Favorite(ids...); err != nil {
			t.Fatal(err)
		}
		want := max(1, (n+page-1)/page)
		for _, l := range listers {
			t.Run(fmt.Sprintf("%s/N=%d", l.name, n), func(t *testing.T) {
				c, err := playplay.New(srv.URL, srv.Token())
				if err != nil {
					t.Fatal(err)
				}
				drivertest.CheckRoundTrips(t, srv.Faults, n, want, func(ctx context.Context) (int, error) { return l.list(ctx, c) })
			})
		}
	}
}

package e621_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// Listing N favourites with the default listing options costs the fewest
// requests the API allows: one per page of MaxLimit (320), and one more when
// N fills the last page exactly (N = 0 included), since e621 says nothing
// about a total and only a short page ends the list. The client runs
// without a limiter (it spaces requests, it does not add any), so the test
// takes no seconds of waiting.
func TestListRoundTrips(t *testing.T) {
	listers := []struct {
		name string
		list func(ctx context.Context, c *e621.Client) (int, error)
	}{
		{"typed Favorites", func(ctx context.Context, c *e621.Client) (int, error) {
			return drivertest.Count(c.Favorites(nil).All(ctx))
		}},
		{"portable List", func(ctx context.Context, c *e621.Client) (int, error) {
			return drivertest.Count(e621.NewAdapter(c).List(nil).All(ctx))
		}},
	}
	for _, n := range []int{0, 1, 319, 320, 321, 1000} {
		srv := e621test.NewServer(e621test.WithRateLimit(0))
		t.Cleanup(srv.Close)
		if err := srv.Favorite(e621test.Login, srv.AddPosts(n)...); err != nil {
			t.Fatal(err)
		}
		want := n/e621.MaxLimit + 1
		for _, l := range listers {
			t.Run(fmt.Sprintf("%s/N=%d", l.name, n), func(t *testing.T) {
				c, err := e621.New(e621test.Login, e621test.APIKey,
					favorites.WithBaseURL(srv.URL), favorites.WithRateLimiter(nil))
				if err != nil {
					t.Fatal(err)
				}
				drivertest.CheckRoundTrips(t, srv.Faults, n, want, func(ctx context.Context) (int, error) { return l.list(ctx, c) })
			})
		}
	}
}

package mastodon_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// Listing N favourites with the defaults costs the fewest requests the API
// allows: one per page of MaxLimit (40), and one more when N fills the last
// page exactly (N = 0 included), because Mastodon links a full page to a
// next one and only an unlinked page says the list has ended. Both the
// typed listing and the portable one are counted, each with a client built
// with no options at all, so its default limiter and page size are used.
func TestListRoundTrips(t *testing.T) {
	listers := []struct {
		name string
		list func(ctx context.Context, c *mastodon.Client) (int, error)
	}{
		{"typed Favourites", func(ctx context.Context, c *mastodon.Client) (int, error) {
			return drivertest.Count(c.Favourites(nil).All(ctx))
		}},
		{"portable List", func(ctx context.Context, c *mastodon.Client) (int, error) {
			return drivertest.Count(mastodon.NewAdapter(c).List(nil).All(ctx))
		}},
	}
	for _, n := range []int{0, 1, 39, 40, 41, 80, 1000} {
		srv := newFake(t)
		for _, id := range srv.AddStatuses(n) {
			if err := srv.Favorite(mastodontest.DefaultUser, id); err != nil {
				t.Fatal(err)
			}
		}
		want := n/mastodon.MaxLimit + 1
		for _, l := range listers {
			t.Run(fmt.Sprintf("%s/N=%d", l.name, n), func(t *testing.T) {
				c, err := mastodon.New(srv.URL, mastodontest.Token)
				if err != nil {
					t.Fatal(err)
				}
				drivertest.CheckRoundTrips(t, srv.Faults, n, want, func(ctx context.Context) (int, error) { return l.list(ctx, c) })
			})
		}
	}
}

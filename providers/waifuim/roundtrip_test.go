package waifuim_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// waifu.im does not page: listing any number of favourites, none included
// (which the service answers with a 404), is one request, through the typed
// client and through the portable List alike. Clients are built with the
// defaults, limiter included.
func TestListRoundTrips(t *testing.T) {
	for _, n := range []int{0, 1, 500} {
		srv := waifuimtest.NewServer()
		t.Cleanup(srv.Close)
		if err := srv.Favorite(waifuimtest.UserID, srv.GenerateImages(n)...); err != nil {
			t.Fatal(err)
		}
		c, err := srv.NewClient(waifuimtest.Token)
		if err != nil {
			t.Fatal(err)
		}
		listers := []struct {
			name string
			list func(ctx context.Context) (int, error)
		}{
			{"typed Favorites", func(ctx context.Context) (int, error) {
				return drivertest.Count(c.Favorites(nil).All(ctx))
			}},
			{"portable List", func(ctx context.Context) (int, error) {
				return drivertest.Count(waifuim.NewAdapter(c).List(nil).All(ctx))
			}},
		}
		for _, l := range listers {
			t.Run(fmt.Sprintf("%s/N=%d", l.name, n), func(t *testing.T) {
				drivertest.CheckRoundTrips(t, srv.Faults, n, 1, l.list)
			})
		}
	}
}

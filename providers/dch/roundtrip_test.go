package dch_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
)

// The Digital Concert Hall answers the whole list at once: listing any
// number of favourites, none included, is one request, through the typed
// client and through the portable List alike. Clients are built with the
// defaults.
func TestListRoundTrips(t *testing.T) {
	for _, n := range []int{0, 1, 500} {
		srv := dchtest.NewServer()
		t.Cleanup(srv.Close)
		items := catalogue(n)
		srv.AddItems(items...)
		ids := make([]string, len(items))
		for i, it := range items {
			ids[i] = it.ID
		}
		if err := srv.Favorite(ids...); err != nil {
			t.Fatal(err)
		}
		c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
		if err != nil {
			t.Fatal(err)
		}
		listers := []struct {
			name string
			list func(ctx context.Context) (int, error)
		}{
			{"typed Favourites", func(ctx context.Context) (int, error) {
				return drivertest.Count(c.Favourites().All(ctx))
			}},
			{"portable List", func(ctx context.Context) (int, error) {
				return drivertest.Count(dch.NewAdapter(c).List(nil).All(ctx))
			}},
		}
		for _, l := range listers {
			t.Run(fmt.Sprintf("%s/N=%d", l.name, n), func(t *testing.T) {
				drivertest.CheckRoundTrips(t, srv.Faults, n, 1, l.list)
			})
		}
	}
}

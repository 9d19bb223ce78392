package waifuim_test

import (
	"fmt"
	"testing"

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
		srv.SetFavorite(waifuimtest.UserID, srv.GenerateImages(n)...)
		c, err := srv.NewClient(waifuimtest.Token)
		if err != nil {
			t.Fatal(err)
		}
		listers := []struct {
			name string
			list func(t *testing.T) int
		}{
			{"typed Favorites", func(t *testing.T) int {
				images, _, err := c.Favorites(t.Context(), nil)
				if err != nil {
					t.Fatal(err)
				}
				return len(images)
			}},
			{"portable List", func(t *testing.T) int {
				got := 0
				for _, err := range waifuim.NewAdapter(c).List(nil).All(t.Context()) {
					if err != nil {
						t.Fatal(err)
					}
					got++
				}
				return got
			}},
		}
		for _, l := range listers {
			t.Run(fmt.Sprintf("%s/N=%d", l.name, n), func(t *testing.T) {
				before := srv.Faults.Requests()
				got := l.list(t)
				if reqs := srv.Faults.Requests() - before; got != n || reqs != 1 {
					t.Errorf("listed %d in %d requests, want %d in 1", got, reqs, n)
				}
			})
		}
	}
}

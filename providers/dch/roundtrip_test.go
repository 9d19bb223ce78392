package dch_test

import (
	"fmt"
	"testing"

	"github.com/favkit/favorites"
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
		if err := srv.MarkFavourite(ids...); err != nil {
			t.Fatal(err)
		}
		c, err := dch.New(dchtest.Token, favorites.WithBaseURL(srv.URL))
		if err != nil {
			t.Fatal(err)
		}
		listers := []struct {
			name string
			list func(t *testing.T) int
		}{
			{"typed Favourites", func(t *testing.T) int {
				list, _, err := c.Favourites(t.Context())
				if err != nil {
					t.Fatal(err)
				}
				return len(list.Favourites)
			}},
			{"portable List", func(t *testing.T) int {
				got := 0
				for _, err := range dch.NewAdapter(c).List(nil).All(t.Context()) {
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

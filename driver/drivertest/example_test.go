package drivertest_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
)

// A provider's conformance test, as DCH's conformance_test.go writes it: the
// harness starts a fresh fake, puts items in it, makes the first seeded of
// them favourites, and hands the suite adapters with good, bad and another
// account's credentials, and a way to build another with the suite's
// options. It tells the suite the provider's own type, the shape of an
// item and of a page (from which the suite makes its malformed and hostile
// replies), the page limits and the cost of an item, and the client and
// its secret.
// The suite's own retry waits are short and the client-side limiter is
// off, so that it runs fast.
func ExampleRun() {
	options := []favorites.Option{
		favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}),
		favorites.WithRateLimiter(nil),
	}
	harness := func(t *testing.T, seeded int) *drivertest.Env {
		srv := dchtest.NewServer()
		t.Cleanup(srv.Close)
		openClient := func(opts ...favorites.Option) (*dch.Client, error) {
			return srv.Client(slices.Concat(options, []favorites.Option{favorites.WithMaxBodySize(drivertest.BodyCap)}, opts)...)
		}
		good, err := openClient()
		if err != nil {
			t.Fatal(err)
		}
		other, err := srv.AddAccount().Client(options...)
		if err != nil {
			t.Fatal(err)
		}
		bad, err := dch.New("not-the-token", append(options, favorites.WithBaseURL(srv.URL))...)
		if err != nil {
			t.Fatal(err)
		}
		env := &drivertest.Env{
			Favorites:        dch.NewAdapter(good),
			WrongCredentials: dch.NewAdapter(bad),
			OtherAccount:     dch.NewAdapter(other),
			Open:             drivertest.OpenWith(openClient, dch.NewAdapter),
			Client:           good,
			Secrets:          []string{dchtest.Token},
			Native:           func() any { return new(*dch.Favourite) },
			Item: func(n int) (favorites.Ref, string) {
				id := fmt.Sprintf("%d-1", 60000+n)
				return favorites.Ref{ID: id}, fmt.Sprintf(`{"id":%q,"title":"Item %d"}`, id, n)
			},
			Page: func(items []string) string {
				return `{"_links":{"favourites":[` + strings.Join(items, ",") + `]}}`
			},
			MaxPageItems: dch.MaxFavourites, // one page holds the whole list; PageSize is ignored
			ItemCost:     dch.ItemCost,      // the provider's constant an item in the memory rule
			Faults:       srv.Faults,
			MaxBodySize:  drivertest.BodyCap,
			Missing:      []favorites.Ref{{ID: "99999-9"}},
		}
		for i := range 2*seeded + 3 {
			item := dchtest.Item{ID: fmt.Sprintf("%d-1", 50000+i), Type: "work", Title: fmt.Sprint("Item ", i),
				Published: time.Unix(1600000000, 0)}
			srv.AddItems(item)
			ref := favorites.Ref{ID: item.ID}
			if i >= seeded {
				env.Absent = append(env.Absent, ref)
				continue
			}
			if err := srv.Favorite(item.ID); err != nil {
				t.Fatal(err)
			}
			env.Seeded = append(env.Seeded, ref)
		}
		return env
	}
	// In the provider's package: func TestConformance(t *testing.T) { drivertest.Run(t, harness) }
	_ = func(t *testing.T) { drivertest.Run(t, harness) }
}

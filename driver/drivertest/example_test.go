package drivertest_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
)

// A provider's conformance test, as DCH's conformance_test.go writes it: the
// harness starts a fresh fake, puts items in it, makes the first seeded of
// them favourites, and hands the suite adapters with good and bad
// credentials. The suite's own retry waits are short and the client-side
// limiter is off, so that it runs fast.
func ExampleRun() {
	adapter := func(t *testing.T, token, base string, opts ...favorites.Option) *dch.Adapter {
		c, err := dch.New(token, append([]favorites.Option{
			favorites.WithBaseURL(base),
			favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}),
			favorites.WithRateLimiter(nil),
		}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		return dch.NewAdapter(c)
	}
	harness := func(t *testing.T, seeded int) *drivertest.Env {
		srv := dchtest.NewServer()
		t.Cleanup(srv.Close)
		env := &drivertest.Env{
			Favorites:        adapter(t, dchtest.Token, srv.URL, favorites.WithMaxBodySize(drivertest.BodyCap)),
			WrongCredentials: adapter(t, "not-the-token", srv.URL),
			Faults:           srv.Faults,
			MaxBodySize:      drivertest.BodyCap,
			Missing:          []favorites.Ref{{ID: "99999-9"}},
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

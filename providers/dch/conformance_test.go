package dch_test

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

// fastOptions make the suite quick: short retry waits, no client-side limiter.
func fastOptions(base string) []favorites.Option {
	return []favorites.Option{
		favorites.WithBaseURL(base),
		favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}),
		favorites.WithRateLimiter(nil),
	}
}

func newAdapter(t *testing.T, token, base string, opts ...favorites.Option) *dch.Adapter {
	t.Helper()
	c, err := dch.New(token, append(fastOptions(base), opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return dch.NewAdapter(c)
}

// catalogue makes n items of several types, some with the nullable fields
// left empty.
func catalogue(n int) []dchtest.Item {
	types := []string{"work", "interview", "film", "concert"}
	items := make([]dchtest.Item, n)
	for i := range items {
		items[i] = dchtest.Item{
			ID: fmt.Sprintf("%d-%d", 50000+i/3, i%3+1), Type: types[i%len(types)],
			Title: fmt.Sprintf("Item %d", i), Published: time.Unix(1600000000+int64(i)*3600, 0),
		}
		if i%2 == 0 {
			items[i].ShortTitle = fmt.Sprintf("I%d", i)
			items[i].Begin = items[i].Published.Add(-time.Hour)
			items[i].Overview = fmt.Sprintf("images/core/%d.jpg", i)
		}
	}
	return items
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, func(t *testing.T, seeded int) *drivertest.Env {
		srv := dchtest.NewServer()
		t.Cleanup(srv.Close)
		items := catalogue(2*seeded + 3)
		srv.AddItems(items...)
		openClient := func(opts ...favorites.Option) (*dch.Client, error) {
			return srv.Client(slices.Concat(fastOptions(srv.URL), []favorites.Option{favorites.WithMaxBodySize(drivertest.BodyCap)}, opts)...)
		}
		client, err := openClient()
		if err != nil {
			t.Fatal(err)
		}
		other, err := srv.AddAccount().Client(fastOptions(srv.URL)...)
		if err != nil {
			t.Fatal(err)
		}
		env := &drivertest.Env{
			Favorites:        dch.NewAdapter(client),
			WrongCredentials: newAdapter(t, "not-the-token", srv.URL),
			OtherAccount:     dch.NewAdapter(other),
			Client:           client,
			Secrets:          []string{dchtest.Token},
			Open:             drivertest.OpenWith(openClient, dch.NewAdapter),
			Native:           func() any { return new(*dch.Favourite) },
			Item:             smallEntry,
			Page:             func(items []string) string { return `{"_links":{"favourites":[` + strings.Join(items, ",") + `]}}` },
			MaxPageItems:     dch.MaxFavourites,
			ItemCost:         dch.ItemCost,
			Faults:           srv.Faults,
			MaxBodySize:      drivertest.BodyCap,
			// Items the catalogue does not hold: the fake answers them 404
			// {"message": ...}, as package dch expects of the service.
			Missing: []favorites.Ref{{ID: "99999-9"}, {ID: "0"}},
			// DCH has one spelling, the bare ID: every other is refused.
			Spellings:      func(favorites.Ref) []favorites.Ref { return nil },
			MalformedPages: malformedPages,
		}
		for i, it := range items {
			ref := favorites.Ref{ID: it.ID}
			if i < seeded {
				if err := srv.Favorite(it.ID); err != nil {
					t.Fatal(err)
				}
				env.Seeded = append(env.Seeded, ref)
			} else {
				env.Absent = append(env.Absent, ref)
			}
		}
		return env
	})
}

// smallEntry is a favourite as a test writes one by hand: its ID and title.
func smallEntry(n int) (favorites.Ref, string) {
	id := fmt.Sprintf("%d-1", 60000+n)
	return favorites.Ref{ID: id}, fmt.Sprintf(`{"id":%q,"title":"Item %d"}`, id, n)
}

// malformedPages are 200 answers to the listing that hold no complete,
// usable list, beyond those the suite makes from an entry.
var malformedPages = []string{
	`{"updated":1}`,   // no _links
	`{"_links":{}}`,   // no favourites
	`{"_links":null}`, // null _links
	`{"_links":{"favourites":[{"id":"a/b"}]}}`, // an id Add refuses
}

package dch_test

import (
	"fmt"
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
		env := &drivertest.Env{
			Favorites:        newAdapter(t, dchtest.Token, srv.URL, favorites.WithMaxBodySize(drivertest.BodyCap)),
			WrongCredentials: newAdapter(t, "not-the-token", srv.URL),
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

// malformedPages are 200 answers to the listing that hold no complete,
// usable list, beyond the suite's own.
var malformedPages = []string{
	`{"updated":1}`,                                        // no _links
	`{"_links":{}}`,                                        // no favourites
	`{"_links":{"favourites":null}}`,                       // null list
	`{"_links":{"favourites":{}}}`,                         // an object for the list
	`{"_links":{"favourites":"301"}}`,                      // a string for the list
	`{"_links":null}`,                                      // null _links
	`{"_links":{"favourites":[{"href":"//h/v2/work/1"}]}}`, // an entry without id
	`{"_links":{"favourites":[{"id":""}]}}`,                // an empty id
	`{"_links":{"favourites":[{"id":"a/b"}]}}`,             // an id Add refuses
	`{"_links":{"favourites":[{"id":301}]}}`,               // a number for the id
	`{"_links":{"favourites":[{"id":"1"},null]}}`,          // a null entry
	`{"_links":{"favourites":[{"id":"1"},42]}}`,            // a number for an entry
}

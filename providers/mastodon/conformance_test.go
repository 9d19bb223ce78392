package mastodon_test

import (
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// fastOpts are the options tests use: short retry waits, no client limiter.
func fastOpts() []favorites.Option {
	return []favorites.Option{
		favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}),
		favorites.WithRateLimiter(nil),
	}
}

// newClient builds a Client on srv with token.
func newClient(t *testing.T, srv *mastodontest.Server, token string, opts ...favorites.Option) *mastodon.Client {
	t.Helper()
	c, err := mastodon.New(srv.URL, token, append(fastOpts(), opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newFake starts a fake that closes when the test ends.
func newFake(t *testing.T, opts ...mastodontest.Option) *mastodontest.Server {
	t.Helper()
	srv := mastodontest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, func(t *testing.T, seeded int) *drivertest.Env {
		srv := newFake(t)
		ids := srv.AddStatuses(2*seeded + 3)
		env := &drivertest.Env{
			Favorites:        mastodon.NewAdapter(newClient(t, srv, mastodontest.Token, favorites.WithMaxBodySize(drivertest.BodyCap))),
			WrongCredentials: mastodon.NewAdapter(newClient(t, srv, "not-a-token")),
			PageSize:         10,
			Faults:           srv.Faults,
			MaxBodySize:      drivertest.BodyCap,
		}
		seed(t, srv, env, ids, seeded)
		return env
	})
}

// The suite again on a server that caps limit at 7 and splits its Link
// headers, as some non-Mastodon servers do.
func TestConformanceLowCapSplitLinks(t *testing.T) {
	drivertest.Run(t, func(t *testing.T, seeded int) *drivertest.Env {
		srv := newFake(t, mastodontest.WithMaxLimit(7), mastodontest.WithSplitLinkHeaders())
		ids := srv.AddStatuses(2*seeded + 3)
		env := &drivertest.Env{
			Favorites:        mastodon.NewAdapter(newClient(t, srv, mastodontest.Token, favorites.WithMaxBodySize(drivertest.BodyCap))),
			WrongCredentials: mastodon.NewAdapter(newClient(t, srv, "not-a-token")),
			Faults:           srv.Faults,
			MaxBodySize:      drivertest.BodyCap,
		}
		seed(t, srv, env, ids, seeded)
		return env
	})
}

// seed makes the first seeded of ids favourites and fills in what the
// suite needs to know of the fake: the favourites, the statuses that are
// not, statuses it does not have, and the pages Mastodon never sends.
func seed(t *testing.T, srv *mastodontest.Server, env *drivertest.Env, ids []string, seeded int) {
	t.Helper()
	for _, id := range ids[:seeded] {
		if err := srv.Favorite(mastodontest.DefaultUser, id); err != nil {
			t.Fatal(err)
		}
		env.Seeded = append(env.Seeded, favorites.Ref{ID: id})
	}
	for _, id := range ids[seeded:] {
		env.Absent = append(env.Absent, favorites.Ref{ID: id})
	}
	env.Missing = []favorites.Ref{{ID: "1"}, {ID: "not-a-status"}}
	env.Spellings = func(favorites.Ref) []favorites.Ref { return nil } // a status ID is the one spelling
	env.MalformedPages = malformedPages
}

// malformedPages are 200 answers to a listing that Mastodon never sends:
// each must be ErrMalformedReply, not a short list.
var malformedPages = []string{
	`{"error":"oops"}`,                      // an object where the array is due
	`[{"content":"no id"}]`,                 // a status without an ID
	`[{"id":""}]`,                           // an empty ID
	`[{"id":7}]`,                            // an ID of the wrong type
	`[{"id":"a/b"}]`,                        // an ID Add would refuse
	`[{"id":"0123"}]`,                       // a number not in its plain form
	`[{"id":"1"},null]`,                     // a null status
	`[{"id":"1","reblog":{"content":"x"}}]`, // a boost of a status without an ID
	`[{"id":"1","reblog":{"id":"2","reblog":{"id":"3"}}}]`,                                      // a boost of a boost
	`[{"id":"1","media_attachments":[` + strings.Repeat(`{},`, mastodon.MaxShortList) + `{}]}]`, // attachments over their cap
}

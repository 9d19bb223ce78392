package mastodon_test

import (
	"fmt"
	"slices"
	"strconv"
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
	drivertest.Run(t, harness(10))
}

// The suite again on a server that caps limit at 7 and splits its Link
// headers, as some non-Mastodon servers do.
func TestConformanceLowCapSplitLinks(t *testing.T) {
	drivertest.Run(t, harness(0, mastodontest.WithMaxLimit(7), mastodontest.WithSplitLinkHeaders()))
}

// harness lists with pageSize on a fake of opts, and tells the suite what
// a small status and a page of them look like.
func harness(pageSize int, opts ...mastodontest.Option) drivertest.Harness {
	return func(t *testing.T, seeded int) *drivertest.Env {
		srv := newFake(t, opts...)
		ids := srv.AddStatuses(2*seeded + 3)
		openClient := func(opts ...favorites.Option) (*mastodon.Client, error) {
			return srv.Client(slices.Concat(fastOpts(), []favorites.Option{favorites.WithMaxBodySize(drivertest.BodyCap)}, opts)...)
		}
		client, err := openClient()
		if err != nil {
			t.Fatal(err)
		}
		other, err := srv.AddAccount().Client(fastOpts()...)
		if err != nil {
			t.Fatal(err)
		}
		env := &drivertest.Env{
			Favorites:        mastodon.NewAdapter(client),
			WrongCredentials: mastodon.NewAdapter(newClient(t, srv, "not-a-token")),
			OtherAccount:     mastodon.NewAdapter(other),
			Client:           client,
			Secrets:          []string{mastodontest.Token},
			Open:             drivertest.OpenWith(openClient, mastodon.NewAdapter),
			Native:           func() any { return new(*mastodon.Status) },
			Item:             smallStatus,
			Page:             func(items []string) string { return "[" + strings.Join(items, ",") + "]" },
			// List(nil) asks for MaxLimit, and a page may hold PageMargin more.
			MaxPageItems:   mastodon.MaxLimit + mastodon.PageMargin,
			MaxPageSize:    mastodon.MaxLimit,
			ItemCost:       mastodon.ItemCost,
			MalformedPages: malformedPages,
			PageSize:       pageSize,
			Faults:         srv.Faults,
			MaxBodySize:    drivertest.BodyCap,
			Missing:        []favorites.Ref{{ID: "1"}, {ID: "not-a-status"}},
			Spellings:      func(favorites.Ref) []favorites.Ref { return nil }, // a status ID is the one spelling
		}
		for _, id := range ids[:seeded] {
			if err := srv.Favorite(mastodontest.DefaultUser, id); err != nil {
				t.Fatal(err)
			}
			env.Seeded = append(env.Seeded, favorites.Ref{ID: id})
		}
		for _, id := range ids[seeded:] {
			env.Absent = append(env.Absent, favorites.Ref{ID: id})
		}
		return env
	}
}

// smallStatus is a status as a test writes one by hand: its ID, what it
// says, and who wrote it.
func smallStatus(n int) (favorites.Ref, string) {
	id := strconv.Itoa(900000 + n)
	return favorites.Ref{ID: id}, fmt.Sprintf(`{"id":%q,"content":"<p>%d</p>","account":{"id":"7","acct":"al"}}`, id, n)
}

// malformedPages are 200 answers to a listing that Mastodon never sends,
// beyond those the suite makes from a status: each must be
// ErrMalformedReply, not a short list.
var malformedPages = []string{
	`{"error":"oops"}`,                      // an object where the array is due
	`[{"id":"a/b"}]`,                        // an ID Add would refuse
	`[{"id":"0123"}]`,                       // a number not in its plain form
	`[{"id":"1","reblog":{"content":"x"}}]`, // a boost of a status without an ID
	`[{"id":"1","reblog":{"id":"2","reblog":{"id":"3"}}}]`,                                      // a boost of a boost
	`[{"id":"1","media_attachments":[` + strings.Repeat(`{},`, mastodon.MaxShortList) + `{}]}]`, // attachments over their cap
}

package e621_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// fastOptions make a client for tests: short retry waits, no limiter.
func fastOptions(url string) []favorites.Option {
	return []favorites.Option{
		favorites.WithBaseURL(url),
		favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}),
		favorites.WithRateLimiter(nil),
	}
}

func refs(ids []int64) []favorites.Ref {
	out := make([]favorites.Ref, len(ids))
	for i, id := range ids {
		out[i] = favorites.Ref{ID: strconv.FormatInt(id, 10)}
	}
	return out
}

// TestConformance runs the suite on a fake that answers as e621 does.
// Each run is a test of its own, so that .ci/run's allocation step finds
// its checks as Conformance/<check>.
func TestConformance(t *testing.T) {
	drivertest.Run(t, harness(e621test.Live, false))
}

// TestConformanceDocumented runs it on a fake that answers as e621's
// document says.
func TestConformanceDocumented(t *testing.T) {
	drivertest.Run(t, harness(e621test.Documented, false))
}

// TestConformanceTagSearch runs the suite on the adapter that lists by a
// tag search of the account's own favourites. Its harness also makes
// favourites the tags leave out (rated e), which List must not yield.
func TestConformanceTagSearch(t *testing.T) {
	drivertest.Run(t, harness(e621test.Live, true))
}

// harness starts a fake in mode whose account has the seeded favourites,
// and builds adapters on it: NewAdapter, or with tagSearch, a
// NewTagSearchAdapter of "rating:s -animated", for which the account also
// has favourites that search leaves out.
func harness(mode e621test.Mode, tagSearch bool) drivertest.Harness {
	adapt := e621.NewAdapter
	if tagSearch {
		adapt = func(c *e621.Client) *e621.Adapter { return e621.NewTagSearchAdapter(c, "", "rating:s", "-animated") }
	}
	return func(t *testing.T, seeded int) *drivertest.Env {
		srv := e621test.NewServer(e621test.WithMode(mode), e621test.WithRateLimit(0))
		t.Cleanup(srv.Close)
		ids := srv.AddPosts(2*seeded + 3)
		if err := srv.Favorite(e621test.Login, ids[:seeded]...); err != nil {
			t.Fatal(err)
		}
		if tagSearch {
			hidden := []int64{srv.AddPost(e621test.Post{Rating: "e"}), srv.AddPost(e621test.Post{Rating: "q"})}
			if err := srv.Favorite(e621test.Login, hidden...); err != nil {
				t.Fatal(err)
			}
		}
		openClient := func(opts ...favorites.Option) (*e621.Client, error) {
			return srv.Client(slices.Concat(fastOptions(srv.URL), []favorites.Option{favorites.WithMaxBodySize(drivertest.BodyCap)}, opts)...)
		}
		good, err := openClient()
		if err != nil {
			t.Fatal(err)
		}
		bad, err := e621.New(e621test.Login, "wrong-key", fastOptions(srv.URL)...)
		if err != nil {
			t.Fatal(err)
		}
		other, err := srv.AddAccount().Client(fastOptions(srv.URL)...)
		if err != nil {
			t.Fatal(err)
		}
		env := &drivertest.Env{
			Favorites:        adapt(good),
			WrongCredentials: adapt(bad),
			OtherAccount:     adapt(other),
			Client:           good,
			Secrets:          []string{e621test.APIKey},
			Open:             drivertest.OpenWith(openClient, adapt),
			Native:           func() any { return new(*e621.Post) },
			Item:             smallPost,
			Page:             func(items []string) string { return `{"posts":[` + strings.Join(items, ",") + `]}` },
			MaxPageItems:     e621.MaxLimit + e621.ItemMargin,
			MaxPageSize:      e621.MaxLimit,
			ItemCost:         e621.ItemCost,
			Seeded:           refs(ids[:seeded]),
			Absent:           refs(ids[seeded:]),
			Missing:          refs([]int64{ids[len(ids)-1] + 1000, 987654321}),
			Spellings:        zeroPadded,
			PageSize:         10,
			// A list in a post over its cap.
			MalformedPages: []string{`{"posts":[` + fullPost(1, `,"pools":[`+strings.TrimSuffix(strings.Repeat("1,", e621.MaxListItems+1), ",")+`]`) + `]}`},
			Faults:         srv.Faults,
			MaxBodySize:    drivertest.BodyCap,
		}
		if !tagSearch {
			// Client.Favorites: under 64 posts a page (driver.AnchoredList's
			// minOverlapSize), pages lie side by side, as overlapping would
			// cost half the requests more at 10.
			env.RemovalMaySkip = "pages of under 64 posts do not overlap, so one walk can miss the post a removal above the read moves up"
		}
		if tagSearch {
			env.ChangesRefused = "a tag search lists by post, not by when a post was favourited, so it has no marks"
			// It pages by the lowest ID, so IDs that rise could skip posts.
			env.MalformedPages = append(env.MalformedPages, `{"posts":[`+fullPost(5, "")+`,`+fullPost(6, "")+`]}`)
		}
		return env
	}
}

// smallPost is a post as a test writes one by hand: its ID, rating, file
// and a tag. IDs fall as n rises, as a tag search lists them.
func smallPost(n int) (favorites.Ref, string) {
	id := 5_000_000 - n
	return favorites.Ref{ID: strconv.Itoa(id)},
		fmt.Sprintf(`{"id":%d,"rating":"s","file":{"ext":"png","url":"https://static1.e621.net/data/%d.png"},"tags":{"general":["cat"]}}`, id, n)
}

// zeroPadded gives the other spellings the adapter accepts: the post ID
// with leading zeros, which e621 reads as the same post.
func zeroPadded(ref favorites.Ref) []favorites.Ref {
	return []favorites.Ref{{ID: "0" + ref.ID}, {ID: "000" + ref.ID}}
}

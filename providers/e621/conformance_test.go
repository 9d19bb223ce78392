package e621_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
	"github.com/favkit/favorites/providers/providertest"
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

func TestConformance(t *testing.T) {
	for _, mode := range []struct {
		name string
		mode e621test.Mode
	}{{"Live", e621test.Live}, {"Documented", e621test.Documented}} {
		t.Run(mode.name, func(t *testing.T) {
			providertest.Run(t, func(t *testing.T, seeded int) *providertest.Env {
				srv := e621test.NewServer(e621test.WithMode(mode.mode), e621test.WithRateLimit(0))
				t.Cleanup(srv.Close)
				ids := srv.AddPosts(2*seeded + 3)
				if err := srv.Favorite(e621test.Login, ids[:seeded]...); err != nil {
					t.Fatal(err)
				}
				good, err := e621.New(e621test.Login, e621test.APIKey,
					append(fastOptions(srv.URL), favorites.WithMaxBodySize(providertest.BodyCap))...)
				if err != nil {
					t.Fatal(err)
				}
				bad, err := e621.New(e621test.Login, "wrong-key", fastOptions(srv.URL)...)
				if err != nil {
					t.Fatal(err)
				}
				return &providertest.Env{
					Favorites:        e621.NewAdapter(good),
					WrongCredentials: e621.NewAdapter(bad),
					Seeded:           refs(ids[:seeded]),
					Absent:           refs(ids[seeded:]),
					PageSize:         10,
					Faults:           srv.Faults,
					MaxBodySize:      providertest.BodyCap,
				}
			})
		})
	}
}

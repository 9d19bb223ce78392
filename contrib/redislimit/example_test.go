package redislimit_test

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/contrib/redislimit"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// Every worker that acts for an account builds the account's Limiter and
// gives it to the account's clients: together they keep the account's
// budget, and what one of them reads of the server's limit holds back all.
func Example() {
	rdb := redis.NewClient(&redis.Options{
		Addr:                  redisAddr, // your Redis, such as "localhost:6379"
		ContextTimeoutEnabled: true,      // needed: a slow Redis then costs a request at most WithTimeout
		DialTimeout:           100 * time.Millisecond,
		ReadTimeout:           100 * time.Millisecond,
		WriteTimeout:          100 * time.Millisecond,
	})
	defer rdb.Close()

	srv := mastodontest.NewServer() // stands in for the instance
	defer srv.Close()
	ids := srv.AddStatuses(3)
	instance, token := srv.URL, mastodontest.Token

	// Keyed by the instance's host and a digest of the token; the limit is
	// mastodon.New's own, now shared: 300 requests in 5 minutes.
	limiter, err := redislimit.New(rdb, mastodon.ProviderName, instance, token)
	if err != nil {
		panic(err)
	}
	c, err := mastodon.New(instance, token, favorites.WithRateLimiter(limiter))
	if err != nil {
		panic(err)
	}
	want := []favorites.Ref{{ID: ids[0]}, {ID: ids[2]}}
	report, err := favorites.Sync(context.Background(), mastodon.NewAdapter(c), want, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(report.Added), "added, the account has", len(srv.Favorites(mastodontest.DefaultUser)))
	// Output: 2 added, the account has 2
}

func ExampleProviderLimit() {
	for _, provider := range []string{"e621", "mastodon", "waifuim", "playplay"} {
		l, err := redislimit.ProviderLimit(provider)
		if err != nil {
			fmt.Println(provider, "has none: give one with WithLimit")
			continue
		}
		fmt.Println(provider, l)
	}
	// Output:
	// e621 1 req/s (burst 2)
	// mastodon 300 req/5m0s (burst 30)
	// waifuim 5 req/s (burst 1)
	// playplay has none: give one with WithLimit
}

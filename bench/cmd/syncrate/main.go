// Command syncrate runs favorites.Sync of 1,000 additions against a
// Mastodon fake that allows 200 requests a second, with the client's
// limiter set to the same rate, and reports the rate reached and the 429
// answers the fake gave (issue 11 asks for at least 90% of the limit and no
// 429).
//
// The fake's limit is Mastodon's own kind: a fixed window of one second
// holding 200 requests, opened by the first request after the last window
// ended, with X-RateLimit-Remaining and X-RateLimit-Reset on every answer
// and a 429 past the budget. The client paces with a golang.org/x/time/rate
// limiter of 200 a second (burst 1) and Sync's default concurrency of 4.
// The rate counts every request the fake accepted (the listing Sync starts
// with, and the additions) over Sync's whole run.
//
//	go run ./cmd/syncrate
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"time"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/bench"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

func main() {
	n := flag.Int("n", 1000, "statuses to add")
	perSecond := flag.Int("rate", 200, "requests a second the fake allows and the client paces to")
	runs := flag.Int("runs", 3, "runs, each on a fresh fake")
	flag.Parse()
	log.SetFlags(0)
	fmt.Printf("Sync of %d additions, fake and client limiter at %d requests/s\n", *n, *perSecond)
	for i := range *runs {
		r, err := run(*n, *perSecond)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("run %d: %d added, %d requests in %v: %.1f req/s accepted = %.1f%% of the limit; 429 answers: %d\n",
			i+1, r.added, r.requests, r.elapsed.Round(time.Millisecond), r.rate, 100*r.rate/float64(*perSecond), r.throttled)
	}
}

type result struct {
	added, requests, throttled int
	elapsed                    time.Duration
	rate                       float64 // requests the fake accepted, a second
}

// run syncs n new statuses into an empty favourites list on a fresh fake.
func run(n, perSecond int) (result, error) {
	srv := bench.SeedMastodon(0, mastodontest.WithRateLimit(perSecond, time.Second))
	defer srv.Close()
	ids := srv.AddStatuses(n)
	want := make([]favorites.Ref, len(ids))
	for i, id := range ids {
		want[i] = favorites.Ref{ID: id}
	}
	c, err := mastodon.New(srv.URL, mastodontest.Token,
		favorites.WithRateLimiter(rate.NewLimiter(rate.Limit(perSecond), 1)))
	if err != nil {
		return result{}, err
	}
	start := time.Now()
	rep, err := favorites.Sync(context.Background(), mastodon.NewAdapter(c), want, nil)
	r := result{elapsed: time.Since(start), requests: srv.Faults.Requests(), throttled: srv.Throttled()}
	if err != nil {
		return r, err
	}
	r.added = len(rep.Added)
	if got := len(srv.Favorites(mastodontest.DefaultUser)); r.added != n || got != n {
		return r, fmt.Errorf("added %d, the fake holds %d; want %d", r.added, got, n)
	}
	r.rate = float64(r.requests-r.throttled) / r.elapsed.Seconds()
	return r, nil
}

package bench

import (
	"fmt"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// The prefetch benchmark's shape: 50 pages (49 full ones of 40 and a short
// last one, so no trailing empty page), 20 ms of server latency a request
// and 20 ms of work a page.
const (
	prefetchPages   = 50
	prefetchFavs    = (prefetchPages-1)*mastodon.MaxLimit + 30
	prefetchLatency = 20 * time.Millisecond
	prefetchWork    = 20 * time.Millisecond
)

// BenchmarkPrefetch lists 50 slow pages whose loop works 20 ms on each,
// without and with Pager.Prefetch, through All (the work done on a page's
// first item) and through Pages. Without prefetch a page costs latency plus
// work; with it the two overlap.
func BenchmarkPrefetch(b *testing.B) {
	srv := SeedMastodon(prefetchFavs, mastodontest.WithRateLimit(1<<40, time.Hour))
	defer srv.Close()
	srv.Faults.SetLatency(prefetchLatency)
	c, err := mastodon.New(srv.URL, mastodontest.Token, favorites.WithRateLimiter(nil))
	if err != nil {
		b.Fatal(err)
	}
	loops := []struct {
		name string
		walk func(b *testing.B, p *favorites.Pager[*mastodon.Status]) int
	}{
		{"All", walkAll},
		{"Pages", walkPages},
	}
	for _, l := range loops {
		for _, prefetch := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/prefetch=%v", l.name, prefetch), func(b *testing.B) {
				for range b.N {
					p := c.Favourites(nil)
					if prefetch {
						p = p.Prefetch()
					}
					if got := l.walk(b, p); got != prefetchPages {
						b.Fatalf("%d pages, want %d", got, prefetchPages)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*prefetchPages), "ms/page")
			})
		}
	}
}

// walkAll works on each page when its first item arrives and returns how
// many pages it saw.
func walkAll(b *testing.B, p *favorites.Pager[*mastodon.Status]) int {
	n := 0
	for _, err := range p.All(b.Context()) {
		if err != nil {
			b.Fatal(err)
		}
		if n%mastodon.MaxLimit == 0 {
			time.Sleep(prefetchWork)
		}
		n++
	}
	return (n + mastodon.MaxLimit - 1) / mastodon.MaxLimit
}

// walkPages works on each page it is handed and returns how many there were.
func walkPages(b *testing.B, p *favorites.Pager[*mastodon.Status]) int {
	pages := 0
	for _, err := range p.Pages(b.Context()) {
		if err != nil {
			b.Fatal(err)
		}
		time.Sleep(prefetchWork)
		pages++
	}
	return pages
}

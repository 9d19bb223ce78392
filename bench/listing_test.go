package bench

import (
	"context"
	"iter"
	"net/http"
	"testing"

	gomastodon "github.com/mattn/go-mastodon"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// lister lists every favourite of a fake at base through hc and returns
// how many it saw.
type lister func(ctx context.Context, hc *http.Client, base string) (int, error)

// sink keeps the compiler from dropping what a loop reads.
var sink int

// namedLister is one contender.
type namedLister struct {
	name string
	list lister
}

var mastodonListers = []namedLister{
	{"floor", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		return MastodonFloor(ctx, hc, base, mastodontest.Token, func(st *mastodon.Status) { sink += len(st.ID) })
	}},
	{"sdk-typed", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		c, err := mastodon.New(base, mastodontest.Token, sdkOptions(hc)...)
		if err != nil {
			return 0, err
		}
		return drain(c.Favourites(nil).All(ctx), func(st *mastodon.Status) { sink += len(st.ID) })
	}},
	{"sdk-portable", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		c, err := mastodon.New(base, mastodontest.Token, sdkOptions(hc)...)
		if err != nil {
			return 0, err
		}
		return drain(mastodon.NewAdapter(c).List(nil).All(ctx), func(f favorites.Favorite) { sink += len(f.Ref.ID) })
	}},
	{"go-mastodon", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		return GoMastodon(ctx, hc, base, mastodontest.Token, func(st *gomastodon.Status) { sink += len(st.ID) })
	}},
	{"limit", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		return MastodonLimit(ctx, hc, base, mastodontest.Token)
	}},
}

var e621Listers = []namedLister{
	{"floor-v1-two-pass", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		return E621FloorV1(ctx, hc, base, e621test.Login, e621test.APIKey, func(p *V1Post) { sink += int(p.ID) })
	}},
	{"floor", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		return E621Floor(ctx, hc, base, e621test.Login, e621test.APIKey, func(p *e621.Post) { sink += int(p.ID) })
	}},
	{"sdk-typed", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		c, err := e621.New(e621test.Login, e621test.APIKey, append(sdkOptions(hc), favorites.WithBaseURL(base))...)
		if err != nil {
			return 0, err
		}
		return drain(c.Favorites(nil).All(ctx), func(p *e621.Post) { sink += int(p.ID) })
	}},
	{"sdk-portable", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		c, err := e621.New(e621test.Login, e621test.APIKey, append(sdkOptions(hc), favorites.WithBaseURL(base))...)
		if err != nil {
			return 0, err
		}
		return drain(e621.NewAdapter(c).List(nil).All(ctx), func(f favorites.Favorite) { sink += len(f.Ref.ID) })
	}},
	{"limit", func(ctx context.Context, hc *http.Client, base string) (int, error) {
		return E621Limit(ctx, hc, base, e621test.Login, e621test.APIKey)
	}},
}

// sdkOptions are the SDK's defaults but for the limiter, which the floor
// has none of either: the listings here measure the client, not a wait.
func sdkOptions(hc *http.Client) []favorites.Option {
	return []favorites.Option{favorites.WithHTTPClient(hc), favorites.WithRateLimiter(nil)}
}

// drain runs a listing to its end, handing each item to each.
func drain[T any](seq iter.Seq2[T, error], each func(T)) (int, error) {
	n := 0
	for item, err := range seq {
		if err != nil {
			return n, err
		}
		each(item)
		n++
	}
	return n, nil
}

// BenchmarkListMastodon lists N favourites from one Mastodon fake with the
// floor, the SDK (typed and portable), go-mastodon and the token scan.
func BenchmarkListMastodon(b *testing.B) {
	base := sharedFakes(b).Mastodon
	for _, l := range mastodonListers {
		b.Run(l.name, func(b *testing.B) { benchList(b, l.list, base) })
	}
}

// BenchmarkListE621 lists N favourites from one e621 fake with the floor,
// the SDK (typed and portable) and the token scan.
func BenchmarkListE621(b *testing.B) {
	base := sharedFakes(b).E621
	for _, l := range e621Listers {
		b.Run(l.name, func(b *testing.B) { benchList(b, l.list, base) })
	}
}

// benchList times list over a fresh connection pool of its own, after one
// untimed listing that opens the connection and warms the fake.
func benchList(b *testing.B, list lister, base string) {
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	defer hc.CloseIdleConnections()
	if n, err := list(b.Context(), hc, base); err != nil || n != N {
		b.Fatalf("warm-up listed %d, %v; want %d", n, err, N)
	}
	p := startPerFav(b)
	for range b.N {
		n, err := list(b.Context(), hc, base)
		if err != nil || n != N {
			b.Fatalf("listed %d, %v; want %d", n, err, N)
		}
		p.add(n)
	}
	p.stop()
}

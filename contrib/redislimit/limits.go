package redislimit

import (
	"fmt"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"golang.org/x/time/rate"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/waifuim"
)

// Limit is one budget: Rate requests a Period on average, up to Burst at
// once (redis_rate's GCRA limit).
type Limit = redis_rate.Limit

// ProviderLimit is the limit the provider's New paces one client with, by
// the provider's name (such as [mastodon.ProviderName]): the budget of one
// account that the workers now share.
//
//   - e621: [e621.RequestsPerSecond] a second with bursts of [e621.Burst];
//   - mastodon: 300 requests in 5 minutes, bursts of 30;
//   - waifuim: 5 a second, no burst.
//
// PlayPlay and DCH document no limit and their clients pace with none, so
// for them, as for any other name, ProviderLimit returns an error: give a
// limit with [WithLimit].
func ProviderLimit(provider string) (Limit, error) {
	switch provider {
	case e621.ProviderName:
		return Limit{Rate: e621.RequestsPerSecond, Period: time.Second, Burst: e621.Burst}, nil
	case mastodon.ProviderName:
		return Limit{Rate: 300, Period: 5 * time.Minute, Burst: 30}, nil
	case waifuim.ProviderName:
		return Limit{Rate: 5, Period: time.Second, Burst: 1}, nil
	case playplay.ProviderName, dch.ProviderName:
		return Limit{}, fmt.Errorf("%w: redislimit: %s documents no rate limit and its client paces with none; give one with WithLimit",
			favorites.ErrInvalidArgument, provider)
	}
	return Limit{}, fmt.Errorf("%w: redislimit: no default limit for provider %q; give one with WithLimit",
		favorites.ErrInvalidArgument, provider)
}

// checkLimit refuses a limit that lets no request go.
func checkLimit(l Limit) error {
	if l.Rate < 1 || l.Period <= 0 || l.Burst < 1 {
		return fmt.Errorf("%w: redislimit: limit %+v: need Rate >= 1, Period > 0 and Burst >= 1",
			favorites.ErrInvalidArgument, l)
	}
	return nil
}

// perSecond is l as golang.org/x/time/rate counts it.
func perSecond(l Limit) rate.Limit {
	return rate.Limit(float64(l.Rate) / l.Period.Seconds())
}

package redislimit

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"sync"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/sleep"
)

// Limiter is one account's budget on one service, shared through Redis by
// every worker that builds it with the same provider, site and account.
// It is a [favorites.RateObserver]: give it to the account's clients with
// favorites.WithRateLimiter. It is safe for concurrent use.
type Limiter struct {
	rdb     redis.UniversalClient
	gcra    *redis_rate.Limiter
	limit   Limit
	keys    keys
	local   *favorites.Budget // paces alone while Redis does not answer
	log     *slog.Logger
	timeout time.Duration
	probe   time.Duration

	mu        sync.Mutex
	down      bool      // Redis did not answer: pace with local
	nextProbe time.Time // when a Wait asks Redis again while down
}

// New returns the Limiter of account on provider's service at site (its
// base URL, such as "https://mastodon.social", or its host). account is
// whose budget it is: the login or token of an account, or for a budget
// per address the address the workers leave through; only a digest of it
// reaches Redis. The limit is the provider's ([ProviderLimit]) unless
// [WithLimit] gives one.
//
// rdb must honour context deadlines (ContextTimeoutEnabled in go-redis's
// options), so that a slow Redis costs a request at most [WithTimeout]
// before the worker paces alone; a *redis.Client, *redis.ClusterClient or
// *redis.Ring without it is refused.
func New(rdb redis.UniversalClient, provider, site, account string, opts ...Option) (*Limiter, error) {
	if err := checkClient(rdb); err != nil {
		return nil, err
	}
	k, err := newKeys(provider, site, account)
	if err != nil {
		return nil, err
	}
	s := settings{log: slog.Default(), timeout: DefaultTimeout, probe: DefaultProbeInterval}
	for _, opt := range opts {
		if opt == nil {
			return nil, fmt.Errorf("%w: redislimit: a nil Option", favorites.ErrInvalidArgument)
		}
		if err := opt(&s); err != nil {
			return nil, err
		}
	}
	if !s.given {
		if s.limit, err = ProviderLimit(provider); err != nil {
			return nil, err
		}
	}
	local, err := favorites.NewBudget(perSecond(s.limit), s.limit.Burst)
	if err != nil {
		return nil, err
	}
	return &Limiter{rdb: rdb, gcra: redis_rate.NewLimiter(rdb), limit: s.limit, keys: k, local: local,
		log: s.log, timeout: s.timeout, probe: s.probe}, nil
}

func checkClient(rdb redis.UniversalClient) error {
	if v := reflect.ValueOf(rdb); rdb == nil || v.Kind() == reflect.Pointer && v.IsNil() {
		return fmt.Errorf("%w: redislimit: a nil Redis client", favorites.ErrInvalidArgument)
	}
	honours := true // another client: its documentation is the caller's to read
	switch c := rdb.(type) {
	case *redis.Client:
		honours = c.Options().ContextTimeoutEnabled
	case *redis.ClusterClient:
		honours = c.Options().ContextTimeoutEnabled
	case *redis.Ring:
		honours = c.Options().ContextTimeoutEnabled
	}
	if !honours {
		return fmt.Errorf("%w: redislimit: the Redis client ignores context deadlines, so a slow Redis would hold "+
			"every request for its read timeout; set ContextTimeoutEnabled in its options", favorites.ErrInvalidArgument)
	}
	return nil
}

// Wait returns when the budget grants this worker a request: once no
// worker's server said to wait, and the limit has a turn. A wait that
// would end past ctx's deadline is refused at once, with an error matching
// context.DeadlineExceeded. While Redis does not answer, the same limit,
// kept in this process alone, paces it instead.
func (l *Limiter) Wait(ctx context.Context) error {
	for {
		if !l.shared() {
			return l.local.Wait(ctx)
		}
		granted, d, err := l.turn(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			l.failed(err)
			continue
		}
		l.answered()
		if granted {
			return nil
		}
		if err := l.pause(ctx, d); err != nil {
			return err
		}
	}
}

// turn asks Redis for a request: granted, or how long to wait before
// asking again.
func (l *Limiter) turn(ctx context.Context) (granted bool, wait time.Duration, err error) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	blocked, err := l.rdb.PTTL(ctx, l.keys.block).Result()
	if err != nil {
		return false, 0, err
	}
	if blocked >= 0 { // -2: no key; 0: the last millisecond, which is still the server's
		return false, max(blocked, time.Millisecond), nil
	}
	res, err := l.gcra.Allow(ctx, l.keys.rate, l.limit)
	switch {
	case err != nil:
		return false, 0, err
	case res.Allowed > 0:
		return true, 0, nil
	}
	// Ask again when the turn comes as Redis counts it, less the time the
	// answer took to come: a turn asked for late is lost to the budget
	// (GCRA keeps no credit for it), which at a burst of 1 would cost the
	// workers a few per cent of the limit. Asking early costs a call.
	return false, max(res.RetryAfter-time.Since(start), 0), nil
}

// pause waits d, or refuses at once when that would pass ctx's deadline.
func (l *Limiter) pause(ctx context.Context, d time.Duration) error {
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d {
		return fmt.Errorf("%w: redislimit: %s has no turn for %v", context.DeadlineExceeded, l.keys.name, d.Round(time.Millisecond))
	}
	return sleep.For(ctx, d)
}

// keepLater sets KEYS[1] to expire in ARGV[1] milliseconds unless it
// already lives longer: of two workers' words, the later reset holds.
var keepLater = redis.NewScript(`
local ms = tonumber(ARGV[1])
if redis.call("PTTL", KEYS[1]) < ms then
  redis.call("SET", KEYS[1], "1", "PX", ms)
end
return 0
`)

// ObserveRate holds back every worker on the key until r.Until(status):
// the worker's own pacing at once, the others' through Redis.
func (l *Limiter) ObserveRate(ctx context.Context, status int, r favorites.Rate) {
	l.local.ObserveRate(ctx, status, r)
	d := time.Until(r.Until(status, time.Now()))
	if d <= 0 || !l.up() {
		return
	}
	// Whole milliseconds, rounded up: the key must not expire before the
	// server's time, or the next request meets a 429. The write stands
	// even when the request's context has ended: the server's word does.
	ms := (d + time.Millisecond - 1) / time.Millisecond
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), l.timeout)
	defer cancel()
	if err := keepLater.Run(wctx, l.rdb, []string{l.keys.block}, int64(ms)).Err(); err != nil {
		l.failed(err)
	}
}

// String names the budget without the account: provider, host and the
// account's digest.
func (l *Limiter) String() string { return "redislimit.Limiter{" + l.keys.name + "}" }

// Format prints [Limiter.String] for every verb, so no fmt verb shows the
// Redis client's options, its password among them.
func (l *Limiter) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, l.String()) }

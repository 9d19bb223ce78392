package redislimit_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/contrib/redislimit"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/waifuim"
)

// hourly grants two requests at once and then one an hour: a test sees a
// budget spent without waiting for it.
var hourly = redislimit.Limit{Rate: 1, Period: time.Hour, Burst: 2}

// unpaced is a limit no test reaches: only the server's word holds a
// worker back.
func unpaced() redislimit.Option {
	return redislimit.WithLimit(redislimit.Limit{Rate: 1000, Period: time.Second, Burst: 1000})
}

// newLimiter is a worker's Limiter for account on the test's site,
// logging to logs when given, with a Redis client of its own as another
// process would have.
func newLimiter(t *testing.T, addr, account string, logs *logRecorder, opts ...redislimit.Option) *redislimit.Limiter {
	t.Helper()
	if logs == nil {
		logs = &logRecorder{}
	}
	all := append([]redislimit.Option{redislimit.WithLimit(hourly), redislimit.WithLogger(slog.New(logs)),
		redislimit.WithTimeout(100 * time.Millisecond), redislimit.WithProbeInterval(50 * time.Millisecond)}, opts...)
	l, err := redislimit.New(client(t, addr), "mastodon", "https://"+hostFor(t), account, all...)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// hostFor is a host of the test's own, so that tests share no budget.
func hostFor(t *testing.T) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			return r
		}
		return '-'
	}, strings.ToLower(t.Name())) + ".example"
}

// refusedAtOnce asserts that l grants no turn within a minute, and says
// so without waiting for the minute.
func refusedAtOnce(t *testing.T, l favorites.Limiter, what string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	err := l.Wait(ctx)
	switch {
	case err == nil:
		t.Errorf("%s: a turn was granted", what)
	case ctx.Err() != nil:
		t.Errorf("%s: Wait waited for the deadline (%v) instead of refusing at once", what, err)
	case !errors.Is(err, context.DeadlineExceeded):
		t.Errorf("%s: Wait = %v, want an error matching context.DeadlineExceeded", what, err)
	}
}

func mustWait(t *testing.T, l favorites.Limiter, what string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := l.Wait(ctx); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// Two workers on one account share one budget; another account has its
// own.
func TestWorkersShareOneBudget(t *testing.T) {
	a := newLimiter(t, redisAddr, "token-1", nil)
	b := newLimiter(t, redisAddr, "token-1", nil)
	other := newLimiter(t, redisAddr, "token-2", nil)
	mustWait(t, a, "worker a, first of the burst")
	mustWait(t, b, "worker b, second of the burst")
	refusedAtOnce(t, a, "worker a, past the burst")
	refusedAtOnce(t, b, "worker b, past the burst")
	mustWait(t, other, "another account")
}

// The server's word, read by one worker, holds back every worker on the
// key, and only on the key.
func TestServersWordHoldsEveryWorker(t *testing.T) {
	tests := []struct {
		name   string
		status int
		rate   func() favorites.Rate
		wait   time.Duration
	}{
		{"window spent", 200, func() favorites.Rate {
			return favorites.Rate{Limit: 300, Remaining: 0, Reset: time.Now().Add(900 * time.Millisecond)}
		}, 900 * time.Millisecond},
		{"429 with Retry-After", 429, func() favorites.Rate {
			return favorites.Rate{Limit: -1, Remaining: -1, RetryAfter: time.Second}
		}, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reader := newLimiter(t, redisAddr, "token", nil, unpaced())
			other := newLimiter(t, redisAddr, "token", nil, unpaced())
			elsewhere := newLimiter(t, redisAddr, "another token", nil, unpaced())

			start := time.Now()
			reader.ObserveRate(t.Context(), tt.status, tt.rate())
			reader.ObserveRate(t.Context(), 200, favorites.Rate{Limit: 300, Remaining: 5}) // says nothing: the word holds

			short, cancel := context.WithTimeout(t.Context(), tt.wait/3)
			defer cancel()
			if err := other.Wait(short); !errors.Is(err, context.DeadlineExceeded) || short.Err() != nil {
				t.Errorf("another worker's Wait with a deadline before the server's time = %v (context done: %v), want a refusal at once", err, short.Err())
			}
			mustWait(t, elsewhere, "a worker of another account")
			mustWait(t, other, "another worker")
			if waited := time.Since(start); waited < tt.wait-time.Millisecond {
				t.Errorf("another worker went after %v, before the %v the server asked for", waited, tt.wait)
			}
		})
	}
}

// A later reset read by one worker is not cut short by an earlier one read
// by another.
func TestLaterWordHolds(t *testing.T) {
	a := newLimiter(t, redisAddr, "token", nil)
	b := newLimiter(t, redisAddr, "token", nil)
	now := time.Now()
	a.ObserveRate(t.Context(), 200, favorites.Rate{Remaining: 0, Reset: now.Add(time.Hour)})
	b.ObserveRate(t.Context(), 200, favorites.Rate{Remaining: 0, Reset: now.Add(time.Second)})
	c := newLimiter(t, redisAddr, "token", nil)
	refusedAtOnce(t, c, "a third worker, within the hour the first was told")
}

// Redis holds a digest of the account, never the account, which may be a
// credential; neither does the Limiter print it.
func TestKeysHoldNoCredential(t *testing.T) {
	const token = "s3cret-mastodon-token"
	l := newLimiter(t, redisAddr, token, nil)
	mustWait(t, l, "first turn")
	l.ObserveRate(t.Context(), 429, favorites.Rate{RetryAfter: time.Minute})
	keys, err := client(t, redisAddr).Keys(t.Context(), "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	var mine int
	host := hostFor(t)
	for _, k := range keys {
		if strings.Contains(k, token) {
			t.Errorf("Redis key %q holds the token", k)
		}
		if strings.Contains(k, "mastodon:"+host+":") {
			mine++
		}
	}
	if mine != 2 {
		t.Errorf("keys %q: want 2 of provider and host (the rate and the block)", keys)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x"} {
		if s := fmt.Sprintf(verb, l); strings.Contains(s, token) || !strings.Contains(s, host) {
			t.Errorf("Sprintf(%s, limiter) = %q", verb, s)
		}
	}
}

func TestNewRefuses(t *testing.T) {
	ok := client(t, redisAddr)
	noDeadlines := redis.NewClient(&redis.Options{Addr: redisAddr})
	t.Cleanup(func() { noDeadlines.Close() })
	tests := []struct {
		name                    string
		rdb                     redis.UniversalClient
		provider, site, account string
		opts                    []redislimit.Option
		want                    string
	}{
		{"nil client", nil, "mastodon", "mastodon.social", "t", nil, "nil Redis client"},
		{"typed nil client", (*redis.Client)(nil), "mastodon", "mastodon.social", "t", nil, "nil Redis client"},
		{"client ignoring deadlines", noDeadlines, "mastodon", "mastodon.social", "t", nil, "ContextTimeoutEnabled"},
		{"no provider", ok, "", "mastodon.social", "t", nil, "provider"},
		{"no site", ok, "mastodon", "", "t", nil, "base URL or host"},
		{"site with a path", ok, "mastodon", "mastodon.social/api", "t", nil, "base URL or host"},
		{"site with credentials", ok, "mastodon", "https://u:pw@mastodon.social", "t", nil, "carries credentials"},
		{"provider with no limit", ok, "playplay", "playplay.example", "t", nil, "WithLimit"},
		{"unknown provider", ok, "myspace", "myspace.com", "t", nil, "WithLimit"},
		{"limit with no rate", ok, "mastodon", "mastodon.social", "t",
			[]redislimit.Option{redislimit.WithLimit(redislimit.Limit{Period: time.Second, Burst: 1})}, "Rate >= 1"},
		{"limit with no burst", ok, "mastodon", "mastodon.social", "t",
			[]redislimit.Option{redislimit.WithLimit(redislimit.Limit{Rate: 1, Period: time.Second})}, "Burst >= 1"},
		{"no timeout", ok, "mastodon", "mastodon.social", "t", []redislimit.Option{redislimit.WithTimeout(0)}, "WithTimeout"},
		{"no probe interval", ok, "mastodon", "mastodon.social", "t", []redislimit.Option{redislimit.WithProbeInterval(-1)}, "WithProbeInterval"},
		{"nil logger", ok, "mastodon", "mastodon.social", "t", []redislimit.Option{redislimit.WithLogger(nil)}, "WithLogger"},
		{"nil option", ok, "mastodon", "mastodon.social", "t", []redislimit.Option{nil}, "nil Option"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := redislimit.New(tt.rdb, tt.provider, tt.site, tt.account, tt.opts...)
			if err == nil || !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New = %v, %v; want an ErrInvalidArgument naming %q", l, err, tt.want)
			}
			if strings.Contains(err.Error(), "pw") {
				t.Errorf("the error shows the site's password: %v", err)
			}
		})
	}
}

// The limits by provider are the ones each provider's New paces a client
// with, where the provider shows it.
func TestProviderLimits(t *testing.T) {
	waifu, ok := waifuim.DefaultRateLimiter().(*rate.Limiter)
	if !ok {
		t.Fatalf("waifuim.DefaultRateLimiter is a %T", waifuim.DefaultRateLimiter())
	}
	tests := []struct {
		provider string
		perSec   float64
		burst    int
	}{
		{e621.ProviderName, e621.RequestsPerSecond, e621.Burst},
		{waifuim.ProviderName, float64(waifu.Limit()), waifu.Burst()},
		{mastodon.ProviderName, 1, 30}, // mastodon.New's: 300 in 5 minutes, bursts of 30
	}
	for _, tt := range tests {
		l, err := redislimit.ProviderLimit(tt.provider)
		if err != nil {
			t.Fatal(err)
		}
		if got := float64(l.Rate) / l.Period.Seconds(); got != tt.perSec || l.Burst != tt.burst {
			t.Errorf("ProviderLimit(%s) = %v: %v a second, bursts of %d; want %v and %d", tt.provider, l, got, l.Burst, tt.perSec, tt.burst)
		}
	}
}

// logRecorder is a slog.Handler that keeps the messages logged.
type logRecorder struct {
	mu   sync.Mutex
	msgs []string
}

func (r *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *logRecorder) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r *logRecorder) WithGroup(string) slog.Handler            { return r }
func (r *logRecorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	b.WriteString(rec.Level.String() + " " + rec.Message)
	rec.Attrs(func(a slog.Attr) bool { b.WriteString(" " + a.String()); return true })
	r.msgs = append(r.msgs, b.String())
	return nil
}

// count is how many messages hold s.
func (r *logRecorder) count(s string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, m := range r.msgs {
		if strings.Contains(m, s) {
			n++
		}
	}
	return n
}

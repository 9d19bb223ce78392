package watch

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/favkit/favorites"
)

// yieldRound yields the favourites of ch that pos has not yielded yet,
// oldest first, each with the mark after it, and returns where the watch
// stands after the round, and false when the loop broke.
func yieldRound(yield func(Event, error) bool, pos position, ch *favorites.Changes) (position, bool) {
	todo := make([]favorites.Favorite, 0, len(ch.Added))
	for i := len(ch.Added) - 1; i >= 0; i-- { // Added is newest first
		if !pos.done(ch.Added[i].Ref) {
			todo = append(todo, ch.Added[i])
		}
	}
	for i, fav := range todo {
		pos.Done = append(pos.Done, fav.Ref)
		mark := ch.Mark
		if i < len(todo)-1 {
			mark = pos.String()
		}
		if !yield(Event{Favorite: fav, Mark: mark}, nil) {
			return pos, false
		}
	}
	return position{Base: ch.Mark}, true
}

func defaults(opts *Options) Options {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Interval <= 0 {
		o.Interval = time.Minute
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 30 * time.Minute
	}
	o.MaxBackoff = max(o.MaxBackoff, o.Interval)
	return o
}

// backoff is the wait after failures in a row, the last being err: the
// interval doubled with each, at most MaxBackoff, and never shorter than
// the server asked.
func backoff(o Options, failures int, err error) time.Duration {
	wait := o.MaxBackoff
	if failures < 30 {
		wait = min(o.Interval<<failures, o.MaxBackoff)
	}
	var apiErr *favorites.APIError
	if errors.As(err, &apiErr) {
		wait = max(wait, apiErr.RetryAfter)
	}
	return wait
}

// sleep waits d and up to a tenth more, and reports false when ctx ended
// first.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d + rand.N(d/10+1))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

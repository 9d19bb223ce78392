// Package watch follows a favourites list as it grows: it runs a
// favorites.ChangeLister at an interval and yields each favourite added
// since a saved mark once, with the mark to save after it, so that a bot
// that stops and starts again neither repeats nor skips one.
package watch

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/favkit/favorites"
)

// Options tune [Added]; nil means the defaults.
type Options struct {
	// Interval is the wait between rounds, plus up to a tenth more at
	// random so that many bots do not ask at once; 0 means a minute.
	Interval time.Duration

	// MaxBackoff caps the wait after failures in a row, which doubles from
	// Interval with each; 0 means 30 minutes.
	MaxBackoff time.Duration
}

// Event is one favourite added to the list, and the mark to save once it
// is handled: [Added] from that mark goes on after it.
type Event struct {
	Favorite favorites.Favorite
	Mark     string
}

// Added yields each favourite added to f since mark, oldest first, once,
// then waits an interval and asks again, until ctx ends or the loop
// breaks. The empty mark starts from now. The requests are f's, so its
// client's rate limiter paces them.
//
// A failure a later attempt may mend ([favorites.IsTemporary]: a rate
// limit, a 5xx, a network failure) is yielded with the zero Event and the
// next round waits longer; the loop may go on. Any other failure (a 401 or
// 403, a stale mark) is yielded and ends it.
//
// Where f is a [favorites.Verifier], the first round checks its credential
// for favorites.ReadAccess first, so that a token that cannot list ends
// the loop at once with an error naming what it lacks; a failure the check
// may mend later is retried as a round's is.
//
// Marks of Added are its own: one names a mark of f's and the favourites
// of that round already yielded, so a restart from the middle of a round
// lists the round again and skips what was handled. After the last
// favourite of a round it is f's plain mark.
func Added(ctx context.Context, f favorites.ChangeLister, mark string, opts *Options) iter.Seq2[Event, error] {
	o := defaults(opts)
	return func(yield func(Event, error) bool) {
		pos, err := parseMark(mark)
		if err != nil {
			yield(Event{}, err)
			return
		}
		var wait time.Duration // the first round at once
		verified := false
		for failures := 0; ; {
			if !sleep(ctx, wait) {
				return
			}
			ch, err := verifiedChanges(ctx, f, &verified, pos.Base)
			if err == nil && ch == nil {
				err = fmt.Errorf("watch: %w: the ChangeLister gave no changes and no error", favorites.ErrMalformedReply)
			}
			switch {
			case ctx.Err() != nil:
				return
			case err != nil && !favorites.IsTemporary(err):
				yield(Event{}, err)
				return
			case err != nil:
				failures++
				wait = backoff(o, failures, err)
				if !yield(Event{}, err) {
					return
				}
				continue
			}
			failures, wait = 0, o.Interval
			var more bool
			if pos, more = yieldRound(yield, pos, ch); !more {
				return
			}
		}
	}
}

// verifiedChanges is f's changes since mark, after f's credential is
// verified once (see Added): *verified records that it was.
func verifiedChanges(ctx context.Context, f favorites.ChangeLister, verified *bool, mark string) (*favorites.Changes, error) {
	if !*verified {
		if err := favorites.Verify(ctx, f, favorites.ReadAccess); err != nil {
			return nil, err
		}
		*verified = true
	}
	return f.Changes(ctx, mark)
}

package favorites

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"
)

// restorer is one run of Restore: the favourites of the source flow
// through a queue in order, each resolved while those before it are
// added, and are added one at a time in that order.
type restorer struct {
	target Favorites
	opts   RestoreOptions
	have   map[Ref]bool // the target's favourites, and those added since
	rep    *RestoreReport
}

// ready is a favourite of the source resolved to the target's ref.
type ready struct {
	pos int
	fav Favorite
	ref Ref
	err error
}

// run reads source, resolving up to Concurrency favourites ahead of the
// add in progress, and adds them in order. It returns the source's error
// or ctx's, after every goroutine it started has ended.
func (r *restorer) run(ctx context.Context, source iter.Seq2[Favorite, error]) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan chan ready, r.opts.Concurrency)
	slots := make(chan struct{}, r.opts.Concurrency) // taken by each favourite between its read and its add
	var wg sync.WaitGroup
	var sourceErr error
	wg.Go(func() {
		defer close(queue)
		sourceErr = r.feed(ctx, source, queue, slots, &wg)
	})
	var stopped error
	for next := range queue {
		item := <-next
		<-slots
		if stopped != nil {
			continue // drain: the feeder stops at ctx's end
		}
		if err := ctx.Err(); err != nil {
			stopped = err
			cancel()
			continue
		}
		r.apply(ctx, item)
	}
	wg.Wait()
	if stopped != nil {
		return stopped
	}
	return sourceErr // ctx's, when it ended while the feeder waited for a slot
}

// feed queues the favourites of source after Start, each with its resolve
// started in a slot, and returns the source's error, or ctx's when it
// ended first.
func (r *restorer) feed(ctx context.Context, source iter.Seq2[Favorite, error], queue chan<- chan ready,
	slots chan struct{}, wg *sync.WaitGroup) error {
	pos := 0
	for fav, err := range source {
		if err != nil {
			return err
		}
		if pos++; pos <= r.opts.Start {
			continue
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		next, at := make(chan ready, 1), pos
		queue <- next // never blocks: a slot is held for every queued favourite
		wg.Go(func() { next <- r.resolve(ctx, at, fav) })
	}
	return nil
}

// resolve finds the target's ref for fav.
func (r *restorer) resolve(ctx context.Context, pos int, fav Favorite) ready {
	item := ready{pos: pos, fav: fav, ref: fav.Ref}
	switch {
	case r.opts.Resolve != nil:
		item.ref, item.err = r.opts.Resolve(ctx, fav)
	case fav.Provider != r.target.Provider():
		item.err = fmt.Errorf("%w: a favourite of %s, not %s; give RestoreOptions.Resolve to map it",
			ErrInvalidArgument, fav.Provider, r.target.Provider())
	}
	if item.err == nil {
		item.ref, item.err = r.target.Canonical(item.ref)
	}
	return item
}

// apply adds one resolved favourite unless the target has it, and
// records what became of it.
func (r *restorer) apply(ctx context.Context, item ready) {
	ev := RestoreEvent{Position: item.pos, Favorite: item.fav, Ref: item.ref, Err: item.err}
	switch {
	case item.err != nil:
		ev.Outcome = outcomeOf(item.err)
	case r.have[item.ref]:
		ev.Outcome = AlreadyThere
	case r.opts.DryRun:
		ev.Outcome = Added
	default:
		// The add finishes even if ctx ends, so that its outcome is known.
		actx, cancel := outlive(ctx, r.opts.ItemTimeout)
		ev.Err = r.target.Add(actx, item.ref)
		cancel()
		ev.Outcome = outcomeOf(ev.Err)
	}
	if ev.Outcome == Added {
		r.have[item.ref] = true // a second favourite of the source naming it is already there
	}
	r.record(ev)
}

// outcomeOf is the outcome of an error from Resolve or Add.
func outcomeOf(err error) RestoreOutcome {
	switch {
	case err == nil:
		return Added
	case errors.Is(err, ErrNotFound):
		return NotFound
	}
	return Failed
}

func (r *restorer) record(ev RestoreEvent) {
	switch ev.Outcome {
	case Added:
		r.rep.Added = append(r.rep.Added, ev.Ref)
	case AlreadyThere:
		r.rep.AlreadyThere = append(r.rep.AlreadyThere, ev.Ref)
	case NotFound:
		r.rep.NotFound = append(r.rep.NotFound, ev)
	default:
		r.rep.Failed = append(r.rep.Failed, ev)
	}
	r.rep.Position = ev.Position
	if r.opts.Progress != nil {
		r.opts.Progress(ev)
	}
}

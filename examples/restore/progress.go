package main

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/favkit/favorites"
)

// progressEvery is how often the progress line is redrawn at most.
const progressEvery = 200 * time.Millisecond

// progress keeps the progress line on stderr: favourites done of the
// whole, what became of them, the statuses resolved where favourites are
// looked up, and the rate.
type progress struct {
	w          io.Writer
	total      int // favourites in the backup
	start      int // done before this run
	resolving  bool
	added      string // what the line calls a favourite added: "added", or in a dry run "would be added"
	began      time.Time
	drawn      time.Time
	done       int // this run
	counts     [favorites.Failed + 1]int
	resolved   atomic.Int64
	err        error // the first error saving the state
	lastOutput string
}

func newProgress(w io.Writer, total, start int, resolving, dryRun bool) *progress {
	p := &progress{w: w, total: total, start: start, resolving: resolving, began: time.Now(), added: "added"}
	if dryRun {
		p.added = "would be added"
	}
	return p
}

// counting wraps resolve to count the statuses it finds; nil stays nil.
func (p *progress) counting(resolve func(context.Context, favorites.Favorite) (favorites.Ref, error)) func(context.Context, favorites.Favorite) (favorites.Ref, error) {
	if resolve == nil {
		return nil
	}
	return func(ctx context.Context, f favorites.Favorite) (favorites.Ref, error) {
		ref, err := resolve(ctx, f)
		if err == nil {
			p.resolved.Add(1)
		}
		return ref, err
	}
}

// event counts one favourite and redraws the line when it is due.
func (p *progress) event(ev favorites.RestoreEvent) {
	p.done++
	p.counts[ev.Outcome]++
	if now := time.Now(); now.Sub(p.drawn) >= progressEvery {
		p.drawn = now
		p.draw()
	}
}

// finish draws the line as it ends, and ends it.
func (p *progress) finish() {
	p.draw()
	fmt.Fprintln(p.w)
}

func (p *progress) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

func (p *progress) draw() {
	line := fmt.Sprintf("%d/%d: %d %s, %d already there, %d not found, %d failed",
		p.start+p.done, p.total, p.counts[favorites.Added], p.added, p.counts[favorites.AlreadyThere],
		p.counts[favorites.NotFound], p.counts[favorites.Failed])
	if p.resolving {
		line += fmt.Sprintf("; %d statuses resolved", p.resolved.Load())
	}
	line += fmt.Sprintf("; %.1f/s", float64(p.done)/max(time.Since(p.began).Seconds(), 1e-3))
	fmt.Fprintf(p.w, "\r%-*s", len(p.lastOutput), line) // over the longer line before it
	p.lastOutput = line
}

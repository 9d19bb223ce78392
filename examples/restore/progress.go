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

// progress keeps the progress line on stderr: how far in the backup the
// run is, what became of its favourites, the statuses resolved where
// favourites are looked up, and the rate.
type progress struct {
	w         io.Writer
	total     int // favourites in the backup
	resolving bool
	added     string // what the line calls a favourite added: "added", or in a dry run "would be added"
	tally     *tally
	began     time.Time
	drawn     time.Time
	events    int // this run
	resolved  atomic.Int64
	last      string
}

func newProgress(w io.Writer, total int, resolving, dryRun bool, t *tally) *progress {
	p := &progress{w: w, total: total, resolving: resolving, tally: t, began: time.Now(), added: "added"}
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

// event counts one favourite and redraws the line, at position in the
// backup, when it is due.
func (p *progress) event(position int) {
	p.events++
	if now := time.Now(); now.Sub(p.drawn) >= progressEvery {
		p.drawn = now
		p.draw(position)
	}
}

// finish draws the line as it ends, and ends it.
func (p *progress) finish(position int) {
	p.draw(position)
	fmt.Fprintln(p.w)
}

func (p *progress) draw(position int) {
	c := p.tally.counts
	line := fmt.Sprintf("%d/%d: %d %s, %d already there, %d not found, %d failed",
		position, p.total, c[favorites.Added], p.added, c[favorites.AlreadyThere], c[favorites.NotFound], c[favorites.Failed])
	if p.resolving {
		line += fmt.Sprintf("; %d statuses resolved", p.resolved.Load())
	}
	line += fmt.Sprintf("; %.1f/s", float64(p.events)/max(time.Since(p.began).Seconds(), 1e-3))
	fmt.Fprintf(p.w, "\r%-*s", len(p.last), line) // over the longer line before it
	p.last = line
}

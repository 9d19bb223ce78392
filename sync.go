package favorites

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/favkit/favorites/internal/text"
)

// Diff returns the canonical refs in want only (add) and current only.
func Diff(current, want []Ref) (add, remove []Ref) {
	have := make(map[Ref]bool, len(current))
	for _, r := range current {
		have[r] = true
	}
	wanted := make(map[Ref]bool, len(want))
	for _, r := range want {
		if !wanted[r] && !have[r] {
			add = append(add, r)
		}
		wanted[r] = true
	}
	for _, r := range current {
		if !wanted[r] {
			remove = append(remove, r)
			wanted[r] = true // so a duplicate in current is removed once
		}
	}
	return add, remove
}

// SyncOptions tune [Sync]; nil means the defaults.
type SyncOptions struct {
	DryRun      bool            // plan only: fill ToAdd and ToRemove, change nothing
	Prune       bool            // remove favourites not wanted; off, so a short want list deletes nothing
	Concurrency int             // changes in flight; 0: 4
	ItemTimeout time.Duration   // how long a change in flight when ctx ends may go on; 0: a minute
	Progress    func(SyncEvent) // called after each change, one call at a time
}

// SyncEvent is one change Sync made or failed to make.
type SyncEvent struct {
	Op       string // "add" or "remove"
	Ref      Ref
	Err      error
	Done, Of int // changes finished so far, this one included, of those planned
}

// SyncReport says what Sync found and did.
type SyncReport struct {
	ToAdd, ToRemove []Ref       // the plan
	Added, Removed  []Ref       // changes that succeeded
	Unchanged       int         // wanted refs that already were favourites
	Failed          []SyncEvent // changes that failed
	NotStarted      []Ref       // planned changes not begun because ctx ended
}

// Err joins the failures; nil when every planned change was made.
func (r *SyncReport) Err() error {
	if len(r.Failed) == 0 && len(r.NotStarted) == 0 {
		return nil
	}
	errs := make([]error, 0, len(r.Failed))
	for _, f := range r.Failed {
		errs = append(errs, fmt.Errorf("%s %s: %w", f.Op, f.Ref, f.Err))
	}
	return fmt.Errorf("sync: %d changes failed, %d not started: %w", len(r.Failed), len(r.NotStarted), errors.Join(errs...))
}

// Sync brings f's favourites to want: it lists, plans with [Diff], adds (and
// with Prune removes); a rerun finishes an interrupted one, doubling nothing.
// Where f is a [Verifier], its credential is checked first (read, and
// write unless DryRun), so that one that cannot do the job changes nothing.
func Sync(ctx context.Context, f Favorites, want []Ref, opts *SyncOptions) (*SyncReport, error) {
	o := syncDefaults(opts)
	want, err := canonicalRefs(f, want)
	if err != nil {
		return nil, fmt.Errorf("sync %s: nothing changed: %w", f.Provider(), err)
	}
	current, err := begin(ctx, "sync", f, ReadAccess|WriteAccess, o.DryRun)
	if err != nil {
		return nil, err
	}
	rep := &SyncReport{}
	rep.ToAdd, rep.ToRemove = Diff(current, want)
	if !o.Prune {
		rep.ToRemove = nil
	}
	rep.Unchanged = countUnique(want) - len(rep.ToAdd)
	if o.DryRun {
		return rep, nil
	}
	a := applier{f: f, opts: o, rep: rep, of: len(rep.ToAdd) + len(rep.ToRemove)}
	a.run(ctx, "add", rep.ToAdd)
	a.run(ctx, "remove", rep.ToRemove)
	if err := rep.Err(); err != nil {
		return rep, fmt.Errorf("%s: %w", f.Provider(), err)
	}
	return rep, nil
}

func syncDefaults(opts *SyncOptions) SyncOptions {
	var o SyncOptions
	if opts != nil {
		o = *opts
	}
	workDefaults(&o.Concurrency, &o.ItemTimeout)
	return o
}

// canonicalRefs spells every ref as f lists it, so that a wanted ref in
// another spelling of a listed item is never taken for a different item:
// that would add it again and, with Prune, remove the one the caller wanted.
func canonicalRefs(f Favorites, refs []Ref) ([]Ref, error) {
	out := make([]Ref, len(refs))
	for i, r := range refs {
		c, err := f.Canonical(r)
		if err != nil {
			return nil, fmt.Errorf("wanted ref %d (%s): %w", i+1, text.QuoteShort(r.String()), err)
		}
		out[i] = c
	}
	return out, nil
}

// listRefs lists f's favourites, each made canonical: an adapter lists
// canonical refs, and checking costs nothing against the request.
func listRefs(ctx context.Context, f Favorites) ([]Ref, error) {
	var refs []Ref
	for fav, err := range f.List(nil).All(ctx) {
		if err != nil {
			return refs, err
		}
		c, err := f.Canonical(fav.Ref)
		if err != nil {
			return refs, fmt.Errorf("%w: listed ref %s: %w", ErrMalformedReply, text.QuoteShort(fav.Ref.String()), err)
		}
		refs = append(refs, c)
	}
	return refs, nil
}

func countUnique(refs []Ref) int {
	seen := make(map[Ref]struct{}, len(refs))
	for _, r := range refs {
		seen[r] = struct{}{}
	}
	return len(seen)
}

// applier runs one kind of change over many refs with bounded concurrency.
type applier struct {
	f    Favorites
	opts SyncOptions
	of   int

	mu   sync.Mutex // guards rep, done and calls to Progress
	rep  *SyncReport
	done int
}

func (a *applier) run(ctx context.Context, op string, refs []Ref) {
	change := a.f.Add
	if op == "remove" {
		change = a.f.Remove
	}
	sem := make(chan struct{}, a.opts.Concurrency)
	var wg sync.WaitGroup
	for i, ref := range refs {
		select {
		case <-ctx.Done():
		case sem <- struct{}{}:
		}
		if ctx.Err() != nil {
			a.mu.Lock()
			a.rep.NotStarted = append(a.rep.NotStarted, refs[i:]...)
			a.mu.Unlock()
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			// A change in flight finishes even if ctx ends, so that an
			// interrupt never leaves the caller unsure whether it happened.
			ictx, cancel := outlive(ctx, a.opts.ItemTimeout)
			defer cancel()
			a.record(op, ref, change(ictx, ref))
		})
	}
	wg.Wait()
}

func (a *applier) record(op string, ref Ref, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	switch {
	case err != nil:
		a.rep.Failed = append(a.rep.Failed, SyncEvent{Op: op, Ref: ref, Err: err})
	case op == "add":
		a.rep.Added = append(a.rep.Added, ref)
	default:
		a.rep.Removed = append(a.rep.Removed, ref)
	}
	a.done++
	if a.opts.Progress != nil {
		a.opts.Progress(SyncEvent{Op: op, Ref: ref, Err: err, Done: a.done, Of: a.of})
	}
}

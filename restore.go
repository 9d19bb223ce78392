package favorites

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"
)

// RestoreOptions tune [Restore]; nil means the defaults.
type RestoreOptions struct {
	// DryRun lists the target and resolves every favourite, reporting
	// what would be added, and adds nothing.
	DryRun bool

	// Start skips the first Start favourites of the source: a rerun after
	// a crash passes the Position of the last event or report.
	Start int

	// Resolve finds the target's ref for a favourite of the source, such
	// as a Mastodon status on another instance (mastodon.Resolver); nil
	// takes the favourite's own Ref, which is the same item on every
	// account of e621, waifu.im, PlayPlay and DCH. An error matching
	// ErrNotFound reports the favourite as not found at the target.
	Resolve func(ctx context.Context, f Favorite) (Ref, error)

	// Need is what the job needs of the target's credential besides
	// listing and adding (ReadAccess, WriteAccess in a real run, which
	// Restore asks for itself): SearchAccess when Resolve searches the
	// target, as it does to move favourites between Mastodon instances.
	// Restore checks it at its start where the target is a Verifier.
	Need Access

	// Concurrency is how many favourites Resolve works on at once, ahead
	// of the adds; 0: 4. Adds go one at a time, in the source's order:
	// every service here orders a list by when each favourite was made.
	Concurrency int

	// ItemTimeout is how long an add in flight when ctx ends may go on,
	// so that an interrupt never leaves it in doubt; 0: a minute. Until
	// ctx ends nothing is timed: a resolve or an add that waits out a
	// rate limit is no failure, and one that hangs ends with ctx or with
	// the client's own timeout (an *http.Client with a Timeout). A
	// resolve ends with ctx.
	ItemTimeout time.Duration

	// Progress, when set, is called after each favourite, in the
	// source's order, one call at a time.
	Progress func(RestoreEvent)
}

// RestoreOutcome is what became of one favourite of the source.
type RestoreOutcome int

const (
	Added        RestoreOutcome = iota + 1 // added to the target (in a dry run: would be)
	AlreadyThere                           // a favourite of the target already
	NotFound                               // the target has no such item, or Resolve found none
	Failed                                 // resolving or adding failed; Err says why
)

var outcomeNames = [...]string{Added: "added", AlreadyThere: "already there", NotFound: "not found", Failed: "failed"}

// String is the outcome in words, such as "already there".
func (o RestoreOutcome) String() string {
	if o < Added || o > Failed {
		return fmt.Sprintf("RestoreOutcome(%d)", int(o))
	}
	return outcomeNames[o]
}

// RestoreEvent is one favourite of the source and what became of it.
type RestoreEvent struct {
	Position int      // favourites of the source done, this one included: pass it as Start to go on after it
	Favorite Favorite // as the source gave it
	Ref      Ref      // the target's ref; empty when Resolve failed
	Outcome  RestoreOutcome
	Err      error // why, for NotFound and Failed
}

// RestoreReport says what [Restore] did, favourite by favourite.
type RestoreReport struct {
	Added        []Ref          // in the order they were added
	AlreadyThere []Ref          // favourites of the target already
	NotFound     []RestoreEvent // with the ref (where one was resolved) and the reason
	Failed       []RestoreEvent // with the ref and the error
	Position     int            // favourites of the source done: Start for a rerun
}

// Err joins the failures; nil when nothing failed. A favourite not found
// at the target is no failure: it is reported, never counted as added.
func (r *RestoreReport) Err() error {
	if len(r.Failed) == 0 {
		return nil
	}
	errs := make([]error, len(r.Failed))
	for i, e := range r.Failed {
		errs[i] = fmt.Errorf("#%d %s: %w", e.Position, e.Favorite.Ref, e.Err)
	}
	return fmt.Errorf("restore: %d favourites failed: %w", len(r.Failed), errors.Join(errs...))
}

// Restore adds the favourites of source to target in the order source
// gives them, which must be the order they were made, oldest first, so
// that target lists them in the source's order. Where target is a
// [Verifier], its credential is checked first for what the job needs
// (see [RestoreOptions.Need]), so that one that cannot do it fails before
// anything is added. It lists target first:
// a favourite already there is counted, not added again, so a rerun adds
// nothing twice, and Start skips what an earlier run finished. A
// favourite the target does not have is reported as NotFound. ctx ending
// stops it before the next add; the report's Position says where to go on.
//
// The error is the source's, the target listing's, or ctx's; a favourite
// that failed is in the report (see [RestoreReport.Err]).
func Restore(ctx context.Context, target Favorites, source iter.Seq2[Favorite, error], opts *RestoreOptions) (*RestoreReport, error) {
	o := restoreDefaults(opts)
	if o.Start < 0 {
		return nil, fmt.Errorf("restore %s: %w: Start %d is negative", target.Provider(), ErrInvalidArgument, o.Start)
	}
	current, err := begin(ctx, "restore", target, ReadAccess|WriteAccess|o.Need, o.DryRun)
	if err != nil {
		return nil, err
	}
	r := restorer{target: target, opts: o, have: make(map[Ref]bool, len(current)),
		rep: &RestoreReport{Position: o.Start}}
	for _, ref := range current {
		r.have[ref] = true
	}
	err = r.run(ctx, source)
	if err != nil {
		return r.rep, fmt.Errorf("restore %s: stopped after %d favourites of the source: %w", target.Provider(), r.rep.Position, err)
	}
	return r.rep, nil
}

func restoreDefaults(opts *RestoreOptions) RestoreOptions {
	var o RestoreOptions
	if opts != nil {
		o = *opts
	}
	workDefaults(&o.Concurrency, &o.ItemTimeout)
	return o
}

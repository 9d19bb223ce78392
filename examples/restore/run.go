package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/examples/internal/files"
)

// state is how far a restore of one backup into one account got: every
// favourite up to Position was added, was there already, was not found,
// or is in Failed, which the next run tries again first. Size, Favorites
// and Skipped say which backup it is of, Account which account; a state of
// another backup or account is not used.
type state struct {
	Size      int64  `json:"size"`
	Favorites int    `json:"favorites"`
	Skipped   int    `json:"skipped"`
	Account   string `json:"account"`
	Position  int    `json:"position"`
	Failed    []int  `json:"failed,omitempty"` // positions, ascending
}

// runner is one run of a job: its passes over the backup, the state it
// saves after each favourite, and what it tells.
type runner struct {
	*job
	path      string // of the state
	st        state
	save      bool  // whether st is saved: an account to tag, and not a dry run
	newFailed []int // positions that failed in this run's pass from Position
	tally     *tally
	p         *progress
	stop      context.CancelCauseFunc
	saveErr   error
}

// run restores the backup: first the favourites an earlier run could not
// add, then on from where it stopped, then once more those this run could
// not add. It saves the state after each favourite and prints the report
// on stdout.
func (j *job) run(ctx context.Context, stdout, stderr io.Writer) error {
	r := &runner{job: j, path: j.in + ".restore-state", save: j.account != "" && !j.dryRun, tally: newTally()}
	if err := r.load(stderr); err != nil {
		return err
	}
	if r.st.Position == j.total && len(r.st.Failed) == 0 && j.total > 0 {
		fmt.Fprintf(stdout, "all %d favourites of %s were restored into this account already (%s); remove it to restore again\n",
			j.total, j.in, r.path)
		return nil
	}
	ctx, r.stop = context.WithCancelCause(ctx)
	defer r.stop(nil)
	start := r.st.Position
	r.p = newProgress(stderr, j.total, j.resolve != nil, j.dryRun, r.tally)
	err := r.passes(ctx, stderr)
	r.p.finish(r.st.Position)
	if err != nil && r.p.events == 0 {
		return err // nothing was done: the account could not be listed, or ctx ended first
	}
	r.tally.print(stdout, j, start, r.st.Position)
	switch cause := context.Cause(ctx); {
	case err != nil && cause != nil && !errors.Is(cause, context.Canceled):
		return fmt.Errorf("stopped: the service refused the account (%w); every favourite after it would be refused too. Check the token and its scopes, then run again to go on", cause)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("interrupted after %d of %d favourites; run the same command again to go on (nothing is added twice)",
			r.st.Position, j.total)
	case err != nil:
		return err
	case r.saveErr != nil:
		return fmt.Errorf("saving how far the restore got: %w", r.saveErr)
	case r.tally.counts[favorites.Failed] > 0:
		return fmt.Errorf("%d favourites failed (listed above); run the same command again to try them again", r.tally.counts[favorites.Failed])
	}
	return nil
}

// passes runs the passes over the backup, stopping at the first error.
func (r *runner) passes(ctx context.Context, w io.Writer) error {
	if len(r.st.Failed) > 0 {
		fmt.Fprintf(w, "trying again the %d favourites that failed before\n", len(r.st.Failed))
		if err := r.pass(ctx, slices.Clone(r.st.Failed), false); err != nil {
			return err
		}
	}
	if r.st.Position < r.total {
		if err := r.pass(ctx, nil, false); err != nil {
			return err
		}
	}
	if len(r.newFailed) == 0 {
		return nil
	}
	fmt.Fprintf(r.p.w, "\ntrying again the %d favourites that failed\n", len(r.newFailed))
	return r.pass(ctx, r.newFailed, true)
}

// pass restores the favourites at positions (1-based, ascending), or with
// none those after the state's Position. again says the positions failed
// earlier in this run, so their outcomes replace those in the tally.
func (r *runner) pass(ctx context.Context, positions []int, again bool) error {
	source, start := r.favorites(), r.st.Position
	at := func(pos int) int { return pos }
	if positions != nil {
		source, start = only(source, positions), 0
		at = func(pos int) int { return positions[pos-1] }
	}
	_, err := favorites.Restore(ctx, r.target, source, &favorites.RestoreOptions{
		DryRun: r.dryRun, Start: start, Resolve: r.p.counting(r.resolve), Concurrency: r.concurrency,
		Progress: func(ev favorites.RestoreEvent) {
			ev.Position = at(ev.Position)
			r.event(ev, positions != nil, again)
		},
	})
	return err
}

// event records what became of one favourite, and saves the state.
func (r *runner) event(ev favorites.RestoreEvent, retry, again bool) {
	r.tally.record(ev, again)
	if refused(ev) {
		r.stop(ev.Err) // every favourite after it would be refused the same way
	}
	failed := ev.Outcome == favorites.Failed
	switch {
	case retry && !failed:
		r.st.Failed = slices.DeleteFunc(r.st.Failed, func(p int) bool { return p == ev.Position })
	case !retry:
		r.st.Position = ev.Position
		if failed {
			r.st.Failed = append(r.st.Failed, ev.Position)
			r.newFailed = append(r.newFailed, ev.Position)
		}
	}
	r.p.event(r.st.Position)
	if r.save {
		if err := files.Save(r.path, r.st); err != nil && r.saveErr == nil {
			r.saveErr = err
		}
	}
}

// refused reports a favourite that failed because the service refused the
// account itself (401, or a 403 that is not a status's "not found"), such
// as a token without the scope a call needs.
func refused(ev favorites.RestoreEvent) bool {
	return ev.Outcome == favorites.Failed &&
		(errors.Is(ev.Err, favorites.ErrUnauthorized) || errors.Is(ev.Err, favorites.ErrForbidden))
}

// load reads the state, when it is of this backup and account, saying on
// w where the run starts.
func (r *runner) load(w io.Writer) error {
	info, err := os.Stat(r.in)
	if err != nil {
		return err
	}
	r.st = state{Size: info.Size(), Favorites: r.b.Len(), Skipped: r.b.Len() - r.total, Account: r.account}
	if r.account == "" {
		return nil
	}
	var saved state
	if err := files.Load(r.path, &saved); err != nil {
		return err
	}
	switch mine := r.st; {
	case saved.Account == "":
		return nil
	case saved.Account != mine.Account || saved.Size != mine.Size || saved.Favorites != mine.Favorites || saved.Skipped != mine.Skipped:
		fmt.Fprintf(w, "%s is of another backup or account: starting from the first favourite (nothing is added twice)\n", r.path)
		return nil
	}
	r.st = saved
	if r.st.Position > 0 {
		fmt.Fprintf(w, "going on after favourite %d of %d, as %s says\n", r.st.Position, r.total, r.path)
	}
	return nil
}

// only is the favourites of source at positions (1-based, ascending).
func only(source iter.Seq2[favorites.Favorite, error], positions []int) iter.Seq2[favorites.Favorite, error] {
	return func(yield func(favorites.Favorite, error) bool) {
		pos, next := 0, 0
		for fav, err := range source {
			if pos++; err == nil && pos != positions[next] {
				continue
			}
			if !yield(fav, err) || err != nil {
				return
			}
			if next++; next == len(positions) {
				return
			}
		}
	}
}

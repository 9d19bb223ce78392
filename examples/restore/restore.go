package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/examples/internal/cli"
	"github.com/favkit/favorites/examples/internal/files"
	"github.com/favkit/favorites/providers/mastodon"
)

// job is one restore: a backup into an account.
type job struct {
	b         *backup.File
	in        string // the backup's path
	target    favorites.Favorites
	targetURL string // the account's service, for messages
	// account tags the target in the state file; "" saves no state (a
	// -demo run, whose fakes live for one run, and -dry-run).
	account     string
	resolve     func(context.Context, favorites.Favorite) (favorites.Ref, error)
	skip        map[favorites.Ref]bool // left out: a backup of format 1's removals
	total       int                    // favourites to restore: the backup's, without those left out
	dryRun      bool
	concurrency int
}

// state is how far a restore of one backup into one account got: every
// favourite before Position is settled (added, there already, or not
// found), so a rerun starts there. Size, Favorites and Skipped say which
// backup it is of, Account which account; a state of another backup or
// account is not used.
type state struct {
	Size      int64  `json:"size"`
	Favorites int    `json:"favorites"`
	Skipped   int    `json:"skipped"`
	Account   string `json:"account"`
	Position  int    `json:"position"`
}

// restoreLive restores the -in backup into the account the flags name.
func restoreLive(ctx context.Context, o *options, stdout, stderr io.Writer) error {
	b, err := backup.Open(o.in)
	if err != nil {
		return err
	}
	defer b.Close()
	switch {
	case o.Provider == "":
		o.Provider = b.Provider()
	case o.Provider != b.Provider():
		return fmt.Errorf("%s is a backup of %s, not %s", o.in, b.Provider(), o.Provider)
	}
	sess, err := o.Open()
	if err != nil {
		return err
	}
	defer sess.Close()
	return o.restore(ctx, b, sess.Favorites, sess.BaseURL, o.AccountTag(), stdout, stderr)
}

// restore restores b, the backup at -in, into target, an account of the
// service at targetURL, which account tags in the state ("" saves none).
func (o *options) restore(ctx context.Context, b *backup.File, target favorites.Favorites, targetURL, account string, stdout, stderr io.Writer) error {
	j := &job{b: b, in: o.in, target: target, targetURL: targetURL, account: account, dryRun: o.dryRun, concurrency: o.concurrency}
	if err := j.prepare(stderr); err != nil {
		return err
	}
	return j.run(ctx, stdout, stderr)
}

// prepare reads the removals a backup of format 1 keeps beside it, and on
// Mastodon makes the resolver that finds another instance's statuses on
// the target, saying on w what it will do.
func (j *job) prepare(w io.Writer) error {
	j.total = j.b.Len()
	if j.b.Legacy() && len(j.b.Parts()) == 0 {
		removed, err := files.ReadRemoved(j.in+".removed", -1)
		if err != nil {
			return err
		}
		j.skip = make(map[favorites.Ref]bool, len(removed))
		for _, ref := range removed {
			j.skip[ref] = true
		}
		if err := j.countKept(); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s is a backup of format 1: the favourites its incremental runs added are restored first; %d favourites removed since (%s.removed) are left out. A new full backup gives the exact order.\n",
			j.in, j.b.Len()-j.total, j.in)
	}
	a, ok := j.target.(*mastodon.Adapter)
	if !ok {
		if from := j.b.BaseURL(); from != "" && j.targetURL != "" && !cli.SameInstance(from, j.targetURL) {
			fmt.Fprintf(w, "note: the backup is of %s, the account of %s; %s IDs are taken as they are\n", from, j.targetURL, j.b.Provider())
		}
		return nil
	}
	resolve, err := mastodon.Resolver(a.Client(), j.b.BaseURL())
	if err != nil {
		return fmt.Errorf("the backup's base URL: %w", err)
	}
	switch from := j.b.BaseURL(); {
	case from == "":
		fmt.Fprintf(w, "the backup does not say its instance: each status is looked up on %s by its URI\n", j.targetURL)
		j.resolve = resolve
	case !cli.SameInstance(from, j.targetURL):
		fmt.Fprintf(w, "moving from %s: each status is looked up on %s by its URI\n", from, j.targetURL)
		j.resolve = resolve
	}
	return nil
}

// countKept sets total to the backup's favourites that are not skipped.
func (j *job) countKept() error {
	j.total = 0
	for _, err := range j.favorites() {
		if err != nil {
			return err
		}
		j.total++
	}
	return nil
}

// run restores the backup from where the state says, saving it as it goes,
// and prints the report on stdout.
func (j *job) run(ctx context.Context, stdout, stderr io.Writer) error {
	statePath := j.in + ".restore-state"
	mine, start, err := j.start(statePath, stderr)
	if err != nil {
		return err
	}
	if start == j.total && start > 0 {
		fmt.Fprintf(stdout, "all %d favourites of %s were restored into this account already (%s); remove it to restore again\n",
			start, j.in, statePath)
		return nil
	}
	p := newProgress(stderr, j.total, start, j.resolve != nil, j.dryRun)
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	settled := start // every favourite up to here is settled
	progress := func(ev favorites.RestoreEvent) {
		p.event(ev)
		if refused(ev) {
			stop(ev.Err) // every favourite after it would be refused the same way
		}
		if ev.Outcome == favorites.Failed || settled < ev.Position-1 {
			return // a failure holds the state where it is, for a rerun to try again
		}
		settled = ev.Position
		if mine.Account != "" && !j.dryRun {
			mine.Position = settled
			if err := files.Save(statePath, mine); err != nil {
				p.fail(err)
			}
		}
	}
	rep, err := favorites.Restore(ctx, j.target, j.favorites(), &favorites.RestoreOptions{
		DryRun: j.dryRun, Start: start, Resolve: p.counting(j.resolve), Concurrency: j.concurrency, Progress: progress})
	p.finish()
	if rep == nil { // the account could not be listed: nothing was added
		return err
	}
	printReport(stdout, rep, start, j)
	switch cause := context.Cause(ctx); {
	case err != nil && cause != nil && !errors.Is(cause, context.Canceled):
		return fmt.Errorf("stopped: the service refused the account (%w); every favourite after it would be refused too. Check the token and its scopes, then run again to go on", cause)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("interrupted after %d of %d favourites; run the same command again to go on (nothing is added twice)",
			rep.Position, j.total)
	case err != nil:
		return err
	case p.err != nil:
		return fmt.Errorf("saving how far the restore got: %w", p.err)
	}
	return rep.Err()
}

// refused reports a favourite that failed because the service refused the
// account itself (401, or a 403 that is not a status's "not found"), such
// as a token without the scope a call needs.
func refused(ev favorites.RestoreEvent) bool {
	return ev.Outcome == favorites.Failed &&
		(errors.Is(ev.Err, favorites.ErrUnauthorized) || errors.Is(ev.Err, favorites.ErrForbidden))
}

// start loads the state at path and returns the state to save as the
// restore goes (its Account empty when none is saved) and the position to
// start from: the state's, when it is of this backup and account.
func (j *job) start(path string, w io.Writer) (state, int, error) {
	info, err := os.Stat(j.in)
	if err != nil {
		return state{}, 0, err
	}
	mine := state{Size: info.Size(), Favorites: j.b.Len(), Skipped: j.b.Len() - j.total, Account: j.account}
	if j.account == "" {
		return state{}, 0, nil
	}
	var saved state
	if err := files.Load(path, &saved); err != nil {
		return mine, 0, err
	}
	switch {
	case saved == state{}:
		return mine, 0, nil
	case saved.Account != mine.Account || saved.Size != mine.Size || saved.Favorites != mine.Favorites || saved.Skipped != mine.Skipped:
		fmt.Fprintf(w, "%s is of another backup or account: starting from the first favourite (nothing is added twice)\n", path)
		return mine, 0, nil
	}
	if saved.Position > 0 {
		fmt.Fprintf(w, "going on after favourite %d of %d, as %s says\n", saved.Position, j.total, path)
	}
	mine.Position = saved.Position
	return mine, saved.Position, nil
}

// favorites are the backup's favourites, oldest first, without those to
// skip.
func (j *job) favorites() iter.Seq2[favorites.Favorite, error] {
	if len(j.skip) == 0 {
		return j.b.Favorites()
	}
	return func(yield func(favorites.Favorite, error) bool) {
		for fav, err := range j.b.Favorites() {
			if err == nil && j.skip[fav.Ref] {
				continue
			}
			if !yield(fav, err) {
				return
			}
		}
	}
}

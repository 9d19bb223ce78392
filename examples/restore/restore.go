package main

import (
	"context"
	"fmt"
	"io"
	"iter"

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

// Command backup writes every favourite of one provider to a backup file in
// the format of package favorites/backup (version 2): JSON Lines, a header
// line opening each part, then one favorites.Favorite a line with the
// provider's own JSON in "raw". The file records the order in which the
// favourites were made, so that the restore program can replay it into
// another account.
//
// A full backup is one part of kind "full", with the provider and its base
// URL in its header. It saves its place after each page (the listing's
// cursor, the page size it was made with and the file's length), so a run
// that was interrupted (a crash, a fault, Ctrl-C) cuts the file back to the
// saved length and continues where it stopped when started again, with the
// same page size, and writes no favourite twice, even when the resumed
// listing repeats some (as e621's does after the list changed). A progress
// line on stderr shows the count and rate.
//
// A new full backup first takes a mark of the provider's list (a
// favorites.ChangeLister's Changes from ""), before its first page, and
// keeps it in <out>.state. With -incremental, backup appends a part of kind
// "changes": the favourites added since that mark, and where the provider
// reports removals since a mark (waifu.im, DCH) a line for each removal;
// then it moves the mark on, after the part is written and synced. A line
// on stderr says how many; where removals are not reported it says they
// need two full backups compared. -incremental refuses a file whose full
// backup is not finished or has no mark (one made before backup kept
// marks), saying what to do; a mark the provider can no longer honour asks
// for a new full backup.
//
// Files an earlier version wrote (format 1: the favourites without headers,
// removals in <out>.removed) go on: an unfinished full backup is finished
// in the same form, and the first -incremental run appends a part of
// format 2 that carries the removals of <out>.removed into the file.
//
//	backup -provider e621 -out e621.jsonl
//	backup -provider e621 -out e621.jsonl -incremental
//	backup -provider mastodon -demo          # offline, against a fake server
//	backup -provider waifuim -demo -incremental -out w.jsonl
//
// Each -demo run starts a fresh fake, so -demo -incremental does it all in
// one run into a new file: the full backup, 5 new favourites and 2 removed
// on the fake, then the incremental backup.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"

	"github.com/favkit/favorites/examples/internal/cli"
)

func main() { cli.Main("backup", run) }

type options struct {
	cli.Config
	out       string
	pageSize  int
	stopAfter int // pages; for trying out a resume

	incremental bool
}

func parse(args []string, stderr io.Writer) (*options, error) {
	var o options
	fs := o.FlagSet("backup", "backup -provider NAME [-demo] [-out FILE] [flags]", stderr)
	fs.StringVar(&o.out, "out", "", "output file (default <provider>.jsonl); its place is kept in <out>.state")
	fs.IntVar(&o.pageSize, "page-size", 0, "favourites a page (default: the provider's largest; a resumed backup keeps its own)")
	fs.IntVar(&o.stopAfter, "stop-after", 0, "stop after this many pages, as if interrupted (0: never)")
	fs.BoolVar(&o.incremental, "incremental", false, "append only the favourites added since the last run (the mark in <out>.state)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.incremental && (o.pageSize != 0 || o.stopAfter != 0) {
		return nil, fmt.Errorf("-page-size and -stop-after are for a full backup, not -incremental")
	}
	if o.out == "" {
		o.out = o.Provider + ".jsonl"
	}
	return &o, nil
}

func run(ctx context.Context, args []string, _, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	sess, err := o.Open()
	if err != nil {
		return err
	}
	defer sess.Close()
	t := target{f: sess.Favorites, path: o.out, baseURL: publicURL(sess.BaseURL)}
	switch {
	case o.incremental && o.Demo:
		return demoIncremental(ctx, sess, t, stderr)
	case o.incremental:
		_, err := incremental(ctx, t, stderr)
		return err
	}
	n, err := full(ctx, t, o.pageSize, o.stopAfter, stderr)
	fmt.Fprintf(stderr, "\n%d favourites in %s\n", n, o.out)
	return err
}

// Favourites the demo adds and removes between its full and incremental
// backups.
const demoAdded, demoRemoved = 5, 2

// demoIncremental makes a full backup of the demo fake into a new file,
// adds and removes favourites as another app would, and backs up what is
// new: a demo fake lives for one run, so the marks of an earlier run's
// file are of another fake.
func demoIncremental(ctx context.Context, sess *cli.Session, t target, stderr io.Writer) error {
	if _, err := os.Stat(t.path + ".state"); err == nil {
		return fmt.Errorf("-demo -incremental makes a new backup of a new fake, and %s.state exists; remove it or choose another -out", t.path)
	}
	f := sess.Favorites
	n, err := full(ctx, t, 0, 0, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "\n%d favourites in %s\n", n, t.path)
	for _, ref := range sess.Spare[:demoAdded] {
		err = errors.Join(err, f.Add(ctx, ref))
	}
	for _, ref := range sess.Catalogue[:demoRemoved] { // the demo's first items are favourites
		err = errors.Join(err, f.Remove(ctx, ref))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "demo: %d favourites added on the fake, %d removed\n", demoAdded, demoRemoved)
	_, err = incremental(ctx, t, stderr)
	return err
}

// publicURL is base without what must never be in a file: a user and
// password, a query, a fragment.
func publicURL(base string) string {
	u, err := url.Parse(base)
	if err != nil || base == "" {
		return ""
	}
	u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
	return u.String()
}

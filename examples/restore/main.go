// Command restore replays a backup file into an account: the favourites
// the backup program saved, oldest first, so that the account lists them
// in the order they were made, on any of the five providers.
//
//	restore -provider e621 -in e621.jsonl          # into the account of E621_LOGIN / E621_API_KEY
//	restore -in mastodon.jsonl -base-url https://new.example -token ...
//	restore -provider mastodon -demo               # offline, two fake instances
//
// The account is named by the usual flags and variables (see -h); the
// provider defaults to the backup's. It uses favorites.Restore: the
// account's favourites are listed first, so one that is there already is
// counted, not added again, and a favourite the service no longer has is
// reported as not found. A progress line on stderr shows how far it got,
// what became of each favourite, and the rate; at the end the report lists
// every favourite not found, with the reason, and every failure.
//
// On Mastodon a status ID is the instance's own, so a backup of another
// instance (its header's base URL is not -base-url's) is moved: each
// status is looked up on the target by its URI (mastodon.Resolver, GET
// /api/v2/search with resolve=true, which needs the read:search scope) and
// favourited under the target's ID. Mastodon answers nothing for a status
// deleted since, private, or whose server cannot be reached: those are
// reported as not found. Resolving is slow on the server's side (it
// fetches the status from its origin), and each favourite costs two
// requests of the instance's budget (300 in 5 minutes), so 1,000
// favourites take about half an hour; the progress line counts the
// statuses resolved. A refusal of the account itself (401, or a 403 such
// as a token without read:search) stops the run at once, saying so, rather
// than failing every favourite in turn. A backup that does not say its instance (one of format
// 1) is looked up favourite by favourite too.
//
// After each favourite, restore saves in <in>.restore-state, atomically,
// how far it got and which favourites failed. Ctrl-C stops it before the
// next add (the add in flight finishes); run the same command again and it
// goes on from there, and since it lists the account first, it adds
// nothing twice. A favourite that failed (a server error, a rate limit
// outlasting the retries) is tried again at the end of the run, and one
// that fails again is tried first by the next run. The state is of one
// backup and one account: a backup that changed since, or another
// account, starts from the first favourite (again adding nothing twice). -dry-run lists the account and
// resolves every favourite, reports what would be added, and adds and
// saves nothing.
//
// A backup of format 1, written by versions of the backup program before
// format 2 (no header lines, removals beside it in <in>.removed), still
// restores: the favourites of <in>.removed are left out, and the order is
// the one package favorites/backup documents for such a file (the
// favourites its incremental runs added come first; where every favourite
// has a favorited_at, by that time). A new full backup gives the exact
// order.
//
// -demo runs offline: it makes a backup of an account on a fake server
// (on Mastodon, one instance, with a few of its statuses deleted after the
// backup), restores it into a fresh account (on Mastodon, of another fake
// instance that federates with the first), and prints the report.
package main

import (
	"context"
	"fmt"
	"io"

	"github.com/favkit/favorites/examples/internal/cli"
)

func main() { cli.Main("restore", run) }

type options struct {
	cli.Config
	in          string
	dryRun      bool
	concurrency int
}

func parse(args []string, stderr io.Writer) (*options, error) {
	var o options
	fs := o.FlagSet("restore", "restore -in FILE [-provider NAME] [-dry-run] [flags]  |  restore -provider NAME -demo", stderr)
	fs.StringVar(&o.in, "in", "", "the backup file to restore (with -demo: where to write the demo's backup; default a temporary file)")
	fs.BoolVar(&o.dryRun, "dry-run", false, "resolve and report what would be added; add and save nothing")
	fs.IntVar(&o.concurrency, "concurrency", 4, "favourites resolved at once, ahead of the adds (Mastodon between instances)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	switch {
	case fs.NArg() > 0:
		return nil, fmt.Errorf("unexpected arguments %q: the backup is given with -in", fs.Args())
	case o.in == "" && !o.Demo:
		return nil, fmt.Errorf("-in FILE is required: the backup to restore (or run with -demo)")
	case o.concurrency < 1:
		return nil, fmt.Errorf("-concurrency %d: want at least 1", o.concurrency)
	}
	return &o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	if o.Demo {
		return demo(ctx, o, stdout, stderr)
	}
	return restoreLive(ctx, o, stdout, stderr)
}

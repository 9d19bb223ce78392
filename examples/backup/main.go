// Command backup writes every favourite of one provider to a JSON Lines file,
// one favorites.Favorite a line with the provider's own JSON in "raw".
//
// It saves its place after each page (the listing's cursor and the page
// size it was made with), so a run that was interrupted (a crash, a fault,
// Ctrl-C) continues where it stopped when started again, with the same page
// size, and writes no favourite twice, even when the resumed listing
// repeats some (as e621's does after the list changed). A progress line on
// stderr shows the count and rate.
//
//	backup -provider e621 -out e621.jsonl
//	backup -provider mastodon -demo          # offline, against a fake server
package main

import (
	"context"
	"fmt"
	"io"

	"github.com/favkit/favorites/examples/internal/cli"
)

func main() { cli.Main("backup", run) }

type options struct {
	cli.Config
	out       string
	pageSize  int
	stopAfter int // pages; for trying out a resume
}

func parse(args []string, stderr io.Writer) (*options, error) {
	var o options
	fs := o.FlagSet("backup", "backup -provider NAME [-demo] [-out FILE] [flags]", stderr)
	fs.StringVar(&o.out, "out", "", "output file (default <provider>.jsonl); its place is kept in <out>.state")
	fs.IntVar(&o.pageSize, "page-size", 0, "favourites a page (default: the provider's largest; a resumed backup keeps its own)")
	fs.IntVar(&o.stopAfter, "stop-after", 0, "stop after this many pages, as if interrupted (0: never)")
	if err := fs.Parse(args); err != nil {
		return nil, err
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
	n, err := backup(ctx, sess.Favorites, o.out, o.pageSize, o.stopAfter, stderr)
	fmt.Fprintf(stderr, "\n%d favourites in %s\n", n, o.out)
	return err
}

// Command backup writes every favourite of one provider to a JSON Lines file,
// one favorites.Favorite a line with the provider's own JSON in "raw".
//
// It saves its place after each page, so a run that was interrupted (a
// crash, a fault, Ctrl-C) continues where it stopped when started again, and
// writes no line twice. A progress line on stderr shows the count and rate.
//
//	backup -provider e621 -out e621.jsonl
//	backup -provider mastodon -demo          # offline, against a fake server
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/favkit/favorites/examples/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "backup:", err)
		}
		os.Exit(2)
	}
}

type options struct {
	cli.Config
	out       string
	pageSize  int
	stopAfter int // pages; for trying out a resume
}

func parse(args []string, stderr io.Writer) (*options, error) {
	var o options
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o.Register(fs)
	fs.StringVar(&o.out, "out", "", "output file (default <provider>.jsonl); its place is kept in <out>.state")
	fs.IntVar(&o.pageSize, "page-size", 0, "favourites a page (default: the provider's largest)")
	fs.IntVar(&o.stopAfter, "stop-after", 0, "stop after this many pages, as if interrupted (0: never)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: backup -provider NAME [-demo] [-out FILE] [flags]")
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\n"+cli.EnvHelp)
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.out == "" {
		o.out = o.Provider + ".jsonl"
	}
	return &o, nil
}

func run(ctx context.Context, args []string, stderr io.Writer) error {
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

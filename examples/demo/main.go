// Command demo is the SDK's main job, run offline: it starts each provider's
// fake server in-process, seeds it, and uses the SDK as a program would: list
// favourites page by page, add and remove them, and meet a typed error. It
// takes no flags.
//
//	go run ./examples/demo
package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/examples/internal/cli"
)

type section struct {
	name string
	run  func(ctx context.Context, w io.Writer) error
}

func main() { cli.Main("demo", run) }

func run(ctx context.Context, args []string, w, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: demo\n\nRuns the SDK against each provider's fake server, offline, and prints what it does.")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("demo takes no arguments, got %q", fs.Args())
	}
	sections := []section{
		{"Mastodon", demoMastodon},
		{"e621", demoE621},
		{"waifu.im", demoWaifuim},
		{"PlayPlay", demoPlayPlay},
		{"Digital Concert Hall", demoDCH},
	}
	for _, s := range sections {
		fmt.Fprintf(w, "\n== %s ==\n", s.name)
		if err := s.run(ctx, w); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}

// printPages lists favourites page by page, one line each, as a user would
// see them; the cursor shown is where a resumed listing would start.
func printPages(ctx context.Context, w io.Writer, p *favorites.Pager[favorites.Favorite], line func(favorites.Favorite) string) error {
	n := 0
	for page, err := range p.Pages(ctx) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(w, "page %d: %d favourites (next cursor %q)\n", n, len(page.Items), p.Cursor())
		for _, fav := range page.Items {
			fmt.Fprintln(w, "  "+line(fav))
		}
	}
	return nil
}

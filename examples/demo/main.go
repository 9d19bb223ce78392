// Command demo is the SDK's main job, run offline: it starts each provider's
// fake server in-process, seeds it, and uses the SDK as a program would: list
// favourites page by page, add and remove them, and meet a typed error.
//
//	go run ./examples/demo
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/favkit/favorites"
)

type section struct {
	name string
	run  func(ctx context.Context, w io.Writer) error
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer) error {
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

// Command syncbot keeps one provider's favourites equal to a list of refs.
//
// The list is a file with one favorites.Ref a line, in the form Ref.String
// writes (such as "103186075217296344" or "upload:30452"); blank lines and
// lines starting with '#' are skipped. A bad line is reported with its line
// number, and then nothing is changed. With -interval the bot repeats until
// stopped; Ctrl-C ends it cleanly once the changes in flight are done.
//
//	syncbot -provider mastodon -refs wanted.txt -prune
//	syncbot -provider e621 -demo            # offline, against a fake server
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/examples/internal/cli"
)

func main() { cli.Main("syncbot", run) }

type options struct {
	cli.Config
	refs     string
	interval time.Duration
	sync     favorites.SyncOptions
}

func parse(args []string, stderr io.Writer) (*options, error) {
	var o options
	fs := o.FlagSet("syncbot", "syncbot -provider NAME -refs FILE [-prune] [-interval 10m] [flags]", stderr)
	fs.StringVar(&o.refs, "refs", "", "file of wanted refs, one a line (with -demo: default every other demo item)")
	fs.DurationVar(&o.interval, "interval", 0, "repeat every interval until stopped (0: once)")
	fs.BoolVar(&o.sync.Prune, "prune", false, "remove favourites that are not in the file")
	fs.BoolVar(&o.sync.DryRun, "dry-run", false, "print the plan, change nothing")
	fs.IntVar(&o.sync.Concurrency, "concurrency", 4, "changes in flight at once")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if o.refs == "" && !o.Demo {
		return nil, fmt.Errorf("-refs is required (or -demo)")
	}
	return &o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	var want []favorites.Ref
	if o.refs != "" {
		if want, err = readRefsFile(o.refs); err != nil {
			return err // before opening anything: a bad file changes nothing
		}
	}
	sess, err := o.Open()
	if err != nil {
		return err
	}
	defer sess.Close()
	if o.refs == "" {
		want = everyOther(sess.Catalogue)
		fmt.Fprintf(stdout, "demo: wanting %d of the fake's %d items\n", len(want), len(sess.Catalogue))
	}
	return loop(ctx, sess.Favorites, want, o, stdout)
}

// loop syncs once, or every interval until ctx ends.
func loop(ctx context.Context, f favorites.Favorites, want []favorites.Ref, o *options, stdout io.Writer) error {
	for {
		rep, err := favorites.Sync(ctx, f, want, &o.sync)
		printReport(stdout, f.Provider(), rep, err)
		if o.interval == 0 || ctx.Err() != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(o.interval):
		}
	}
}

func printReport(w io.Writer, provider string, rep *favorites.SyncReport, err error) {
	if rep == nil {
		fmt.Fprintf(w, "%s: %v\n", provider, err)
		return
	}
	fmt.Fprintf(w, "%s: plan +%d -%d; added %d, removed %d, unchanged %d, failed %d, not started %d\n",
		provider, len(rep.ToAdd), len(rep.ToRemove), len(rep.Added), len(rep.Removed), rep.Unchanged,
		len(rep.Failed), len(rep.NotStarted))
	for _, f := range rep.Failed {
		fmt.Fprintf(w, "  %s %s: %v\n", f.Op, f.Ref, f.Err)
	}
}

func everyOther(refs []favorites.Ref) []favorites.Ref {
	var out []favorites.Ref
	for i := 0; i < len(refs); i += 2 {
		out = append(out, refs[i])
	}
	return out
}

// readRefsFile reads wanted refs, reporting every bad line by number.
func readRefsFile(path string) ([]favorites.Ref, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readRefs(f, path)
}

func readRefs(r io.Reader, name string) ([]favorites.Ref, error) {
	var refs []favorites.Ref
	var bad []error
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ref, err := favorites.ParseRef(line)
		if err != nil {
			bad = append(bad, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		refs = append(refs, ref)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("%d bad lines, nothing changed:\n%w", len(bad), errors.Join(bad...))
	}
	return refs, nil
}

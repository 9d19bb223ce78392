// Command syncbot keeps one provider's favourites equal to a list of refs,
// or with -watch copies each new favourite of one account to a second
// account of the same service as it appears.
//
// The list is a file with one favorites.Ref a line, in the form Ref.String
// writes (such as "103186075217296344" or "upload:30452"); blank lines and
// lines starting with '#' are skipped. A bad line is reported with its line
// number, and then nothing is changed. With -interval the bot repeats until
// stopped; Ctrl-C ends it cleanly once the changes in flight are done.
//
// With -watch the bot follows the first account's favourites with
// watch.Added, every -interval (default a minute), printing a line a round
// and one a favourite, and adds each new one to the second account (the
// -to-* flags). On e621, waifu.im, PlayPlay and DCH an item's ID is the
// same for every account; a Mastodon status ID is per instance, so there
// the second account must be on the first's instance, which the bot checks
// (same base URL) and says. The watch's mark is saved to -state after each
// favourite handled, so a restart neither repeats nor skips one; the first
// run starts from now. A mark the service can no longer honour stops the
// bot with what to do. A favourite the second account cannot find is
// reported and passed; any other failed add stops the bot with the mark
// before it, so the next run tries it again.
//
//	syncbot -provider mastodon -refs wanted.txt -prune
//	syncbot -provider e621 -demo            # offline, against a fake server
//	syncbot -provider e621 -watch -to-user bob -to-api-key KEY
//	syncbot -provider dch -demo -watch      # 5 favourites made and copied
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

	watch     bool
	to        cli.Second
	state     string
	stopAfter int
}

func parse(args []string, stderr io.Writer) (*options, error) {
	var o options
	fs := o.FlagSet("syncbot", "syncbot -provider NAME -refs FILE [-prune] [-interval 10m] [flags]\n"+
		"       syncbot -provider NAME -watch -to-token T [-state FILE] [-interval 1m] [flags]", stderr)
	fs.StringVar(&o.refs, "refs", "", "file of wanted refs, one a line (with -demo: default every other demo item)")
	fs.DurationVar(&o.interval, "interval", 0, "repeat every interval until stopped (0: once)")
	fs.BoolVar(&o.sync.Prune, "prune", false, "remove favourites that are not in the file")
	fs.BoolVar(&o.sync.DryRun, "dry-run", false, "print the plan, change nothing")
	fs.IntVar(&o.sync.Concurrency, "concurrency", 4, "changes in flight at once")
	fs.BoolVar(&o.watch, "watch", false, "copy each new favourite to the second account (-to-*) as it appears")
	fs.StringVar(&o.state, "state", "", "with -watch: where the watch keeps its place (default syncbot-<provider>.watch)")
	fs.IntVar(&o.stopAfter, "stop-after", 0, "with -watch: stop after this many favourites (0: never; with -demo: 5)")
	o.to.Register(fs)
	usage := fs.Usage
	fs.Usage = func() { usage(); fmt.Fprintln(stderr, cli.SecondHelp) }
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return &o, o.check()
}

// check refuses flags that do not go together.
func (o *options) check() error {
	if o.watch {
		if o.refs != "" || o.sync.Prune || o.sync.DryRun {
			return fmt.Errorf("-watch copies new favourites to a second account; -refs, -prune and -dry-run are for syncing to a list")
		}
		return nil
	}
	if o.state != "" || o.stopAfter != 0 {
		return fmt.Errorf("-state and -stop-after go with -watch")
	}
	if o.refs == "" && !o.Demo {
		return fmt.Errorf("-refs is required (or -demo)")
	}
	return nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	if o.watch {
		return runWatch(ctx, o, stdout)
	}
	var want []favorites.Ref
	if o.refs != "" {
		if want, err = readRefsFile(o.refs); err != nil {
			return err // before opening anything: a bad file changes nothing
		}
	}
	sess, err := o.OpenContext(ctx)
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

package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/examples/internal/cli"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/watch"
)

// demoNew is how many favourites -demo -watch makes on the first account.
const demoNew = 5

// runWatch opens both accounts and copies new favourites until stopped.
func runWatch(ctx context.Context, o *options, stdout io.Writer) error {
	sess, err := o.OpenContext(ctx)
	if err != nil {
		return err
	}
	defer sess.Close()
	to, err := o.to.Open(&o.Config, sess)
	if err != nil {
		return err
	}
	if o.Provider == mastodon.ProviderName {
		fmt.Fprintf(stdout, "mastodon: a status ID is per instance; both accounts are on %s\n", sess.BaseURL)
	}
	path, cleanup, err := o.statePath()
	if err != nil {
		return err
	}
	defer cleanup()
	st, err := startWatch(ctx, sess.Favorites, path, stdout)
	if err != nil {
		return err
	}
	c := &copier{from: sess.Favorites.(favorites.ChangeLister), to: to, provider: o.Provider, path: path, st: st,
		stopAfter: o.stopAfter, out: stdout}
	opts := &watch.Options{Interval: o.interval}
	if !o.Demo {
		return c.run(ctx, opts)
	}
	return runDemoWatch(ctx, c, sess, opts)
}

// statePath is -state, or its default, and what removes a temporary one.
// Under -demo, whose fake is new each run, a state file from an earlier run
// is refused and the default is a temporary file.
func (o *options) statePath() (string, func(), error) {
	keep := func() {}
	switch {
	case !o.Demo:
		return cmp.Or(o.state, "syncbot-"+o.Provider+".watch"), keep, nil
	case o.state == "":
		dir, err := os.MkdirTemp("", "syncbot-demo")
		return filepath.Join(dir, "watch"), func() { os.RemoveAll(dir) }, err
	}
	if _, err := os.Stat(o.state); err == nil {
		return "", keep, fmt.Errorf("-demo -watch follows a new fake, and %s exists; remove it or choose another -state", o.state)
	}
	return o.state, keep, nil
}

// runDemoWatch makes demoNew favourites on the demo's first account, one a
// round, as another app would, while the bot copies them, then says what
// the second account holds.
func runDemoWatch(ctx context.Context, c *copier, sess *cli.Session, opts *watch.Options) error {
	if opts.Interval == 0 {
		opts.Interval = 100 * time.Millisecond
	}
	if c.stopAfter == 0 {
		c.stopAfter = demoNew
	}
	made := sess.Spare[:demoNew]
	madeCtx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, ref := range made {
			if sess.Favorites.Add(madeCtx, ref) != nil || !pause(madeCtx, opts.Interval) {
				return
			}
		}
	})
	err := c.run(ctx, opts)
	cancel()
	wg.Wait()
	if err != nil {
		return err
	}
	var have []favorites.Ref
	for fav, err := range c.to.List(nil).All(ctx) {
		if err != nil {
			return err
		}
		have = append(have, fav.Ref)
	}
	n := 0
	for _, r := range made {
		if slices.Contains(have, r) {
			n++
		}
	}
	fmt.Fprintf(c.out, "demo: the second account holds %d favourites, %d of the %d made on the first\n", len(have), n, len(made))
	return nil
}

// pause waits d, and reports false when ctx ended first.
func pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

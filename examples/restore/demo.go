package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/examples/internal/cli"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// The Mastodon demo's source account has demoStatuses favourites, of
// which demoDeleted statuses are deleted after the backup.
const (
	demoStatuses = 40
	demoDeleted  = 3
)

// demoSetup is a demo's two accounts: the one backed up and the fresh one
// restored into, on fakes that close with close.
type demoSetup struct {
	from, to       favorites.Favorites
	fromURL, toURL string
	story          string // what the demo did before the restore, for the user
	after          func() error
	close          func()
}

// demo backs up an account of a fake into a new file, restores the file
// into a fresh account, prints the report, and checks the new account
// lists the favourites in the backup's order.
func demo(ctx context.Context, o *options, stdout, stderr io.Writer) error {
	in, cleanup, err := demoFile(o.in, o.Provider)
	if err != nil {
		return err
	}
	defer cleanup()
	var d *demoSetup
	if o.Provider == mastodon.ProviderName {
		d, err = demoMastodon()
	} else {
		d, err = demoAccounts(&o.Config)
	}
	if err != nil {
		return err
	}
	defer d.close()
	if err := writeDemoBackup(ctx, in, d); err != nil {
		return err
	}
	if d.after != nil {
		if err := d.after(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "demo: %s\n", d.story)
	b, err := backup.Open(in)
	if err != nil {
		return err
	}
	defer b.Close()
	demo := *o
	demo.in = in
	if err := demo.restore(ctx, b, d.to, d.toURL, "", stdout, stderr); err != nil || o.dryRun {
		return err
	}
	return sameOrder(ctx, stdout, b, d.to)
}

// demoFile is where the demo writes its backup: path, which must not
// exist, or a file in a new temporary directory that cleanup removes.
func demoFile(path, provider string) (string, func(), error) {
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			return "", nil, fmt.Errorf("-demo writes a new backup to -in, and %s exists; remove it or choose another -in", path)
		}
		return path, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "restore-demo")
	if err != nil {
		return "", nil, err
	}
	return filepath.Join(dir, provider+".jsonl"), func() { os.RemoveAll(dir) }, nil
}

// demoMastodon starts two instances that federate: on the first, alice has
// favourited demoStatuses statuses; on the second, a fresh account. After
// the backup, demoDeleted of the statuses are deleted.
func demoMastodon() (*demoSetup, error) {
	source, target := mastodontest.NewServer(), mastodontest.NewServer()
	d := &demoSetup{fromURL: source.URL, toURL: target.URL, close: func() { source.Close(); target.Close() }}
	target.Federate(source)
	ids := source.AddStatuses(demoStatuses)
	fromClient, err := source.Client(cli.DemoOptions()...)
	if err == nil {
		err = source.Favorite(mastodontest.DefaultUser, ids...)
	}
	toClient, err2 := target.AddAccount().Client(cli.DemoOptions()...)
	if err = errors.Join(err, err2); err != nil {
		d.close()
		return nil, err
	}
	d.from, d.to = mastodon.NewAdapter(fromClient), mastodon.NewAdapter(toClient)
	gone := []string{ids[4], ids[17], ids[30]}[:demoDeleted]
	d.after = func() error {
		for _, id := range gone {
			if err := source.DeleteStatus(id); err != nil {
				return err
			}
		}
		return nil
	}
	d.story = fmt.Sprintf("backed up %d favourites of an account on instance %s; %d of those statuses were deleted since; restoring into a new account on instance %s",
		demoStatuses, source.URL, demoDeleted, target.URL)
	return d, nil
}

// demoAccounts opens the provider's demo fake, whose first account has
// favourites, and a fresh account there: IDs are the same for every
// account of e621, waifu.im, PlayPlay and the DCH.
func demoAccounts(c *cli.Config) (*demoSetup, error) {
	sess, err := c.Open()
	if err != nil {
		return nil, err
	}
	var second cli.Second
	to, err := second.Open(c, sess)
	if err != nil {
		sess.Close()
		return nil, err
	}
	return &demoSetup{from: sess.Favorites, to: to, fromURL: sess.BaseURL, toURL: sess.BaseURL, close: sess.Close,
		story: fmt.Sprintf("backed up the favourites of an account on the %s fake at %s; restoring into a new account there", c.Provider, sess.BaseURL)}, nil
}

// writeDemoBackup writes the demo's backup of d.from to path, a new file.
func writeDemoBackup(ctx context.Context, path string, d *demoSetup) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = backup.WriteFull(ctx, f, d.from, d.fromURL)
	return errors.Join(err, f.Close())
}

// sameOrder checks the new account lists the restored favourites as the
// backup has them, newest first, each named by its web address where it
// has one (a Mastodon status's differs in ID, not in URL), and says so.
func sameOrder(ctx context.Context, w io.Writer, b *backup.File, to favorites.Favorites) error {
	key := func(f favorites.Favorite) string {
		if f.URL != "" {
			return f.URL
		}
		return f.Ref.String()
	}
	var listed []string
	for fav, err := range to.List(nil).All(ctx) {
		if err != nil {
			return err
		}
		listed = append(listed, key(fav))
	}
	var backedUp []string
	for fav, err := range b.Favorites() {
		if err != nil {
			return err
		}
		if k := key(fav); slices.Contains(listed, k) {
			backedUp = append(backedUp, k)
		}
	}
	slices.Reverse(backedUp)
	if !slices.Equal(listed, backedUp) {
		return fmt.Errorf("the new account lists %d favourites in another order than the backup's", len(listed))
	}
	fmt.Fprintf(w, "the new account lists its %d favourites in the backup's order\n", len(listed))
	return nil
}

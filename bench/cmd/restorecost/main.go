// Command restorecost measures what a restore costs at the services' own
// rate limits (issue 27): moving Mastodon favourites from one instance to
// another, and restoring e621 favourites into a second account.
//
// Mastodon: two mastodontest instances at their default rate limit (300
// requests in 5 minutes each, X-RateLimit-* on every answer) that federate.
// The source's DefaultUser has n favourites. A backup lists them with the
// SDK's default client (package backup writes the file), then
// favorites.Restore with mastodon.Resolver moves them to a fresh account on
// the target, with the SDK's default client (one request a second after a
// burst of 30, waiting out a spent X-RateLimit-Remaining). Halfway the run
// is cut (its context cancelled, as Ctrl-C does) and a new run with a new
// client goes on from the report's Position, as the restore program does
// after a restart.
//
// e621: one e621test at its default limit (2 requests a second, 503 past
// it); the default account has n favourites, a backup lists them, and
// Restore adds them to a second account with e621's default client (one
// request a second, bursts of 2), cut halfway and resumed the same way.
//
// With -program, the Mastodon move runs the restore program itself as a
// user would (built from examples/restore, the target's account in
// MASTODON_BASE_URL and MASTODON_TOKEN), sends it SIGINT once half the
// favourites are on the target, and runs it again; it talks to the target
// through a proxy that counts the favourite POSTs and how they were
// answered.
//
// Requests are counted by the fakes (every request that reached them) and,
// for favourite POSTs, by the client's transport (every attempt, with its
// status).
//
//	cd bench && go run ./cmd/restorecost -provider mastodon   # about 35 minutes
//	cd bench && go run ./cmd/restorecost -provider mastodon -program
//	cd bench && go run ./cmd/restorecost -provider e621       # about 17 minutes
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

func main() {
	provider := flag.String("provider", "mastodon", "mastodon or e621")
	n := flag.Int("n", 1000, "favourites to restore")
	deleted := flag.Int("deleted", 0, "Mastodon: statuses deleted at the source after the backup")
	program := flag.Bool("program", false, "Mastodon: run the restore program (examples/restore), interrupted with SIGINT halfway")
	flag.Parse()
	log.SetFlags(0)
	err := inTempDir(func(dir string) error {
		switch {
		case *provider == "mastodon" && *program:
			return moveWithProgram(*n, dir)
		case *provider == "mastodon":
			return moveMastodon(*n, *deleted, dir)
		case *provider == "e621":
			return restoreE621(*n, dir)
		}
		return fmt.Errorf("-provider %q: want mastodon or e621", *provider)
	})
	if err != nil {
		log.Fatal(err)
	}
}

// counter counts the favourite POSTs a client sends, and their answers.
type counter struct {
	next            http.RoundTripper
	posts, accepted atomic.Int64
	searches        atomic.Int64
	refused         atomic.Int64 // 429 and 5xx answers to any request
}

func (c *counter) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err == nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500) {
		c.refused.Add(1)
	}
	if r.URL.Path == "/api/v2/search" {
		c.searches.Add(1)
	}
	if r.Method == http.MethodPost {
		c.posts.Add(1)
		if err == nil && resp.StatusCode < 300 {
			c.accepted.Add(1)
		}
	}
	return resp, err
}

// phase is one measured step.
type phase struct {
	name     string
	requests int // at the fake
	elapsed  time.Duration
}

func (p phase) String() string {
	return fmt.Sprintf("%-28s %5d requests in %v", p.name, p.requests, p.elapsed.Round(100*time.Millisecond))
}

// writeBackup writes a backup of f (backup.WriteFull) to a file in dir
// and opens it.
func writeBackup(ctx context.Context, f favorites.Favorites, baseURL, dir string) (*backup.File, error) {
	path := filepath.Join(dir, f.Provider()+".jsonl")
	out, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	_, err = backup.WriteFull(ctx, out, f, baseURL)
	if err = errors.Join(err, out.Close()); err != nil {
		return nil, err
	}
	return backup.Open(path)
}

// restoreCut runs Restore of b into the target that open makes, twice:
// the first run cancelled once half the favourites are added, the second
// from its Position with a client opened anew. It returns the reports.
func restoreCut(b *backup.File, open func() (favorites.Favorites, func(context.Context, favorites.Favorite) (favorites.Ref, error), error)) ([2]*favorites.RestoreReport, error) {
	var reps [2]*favorites.RestoreReport
	start := 0
	for run := range 2 {
		target, resolve, err := open()
		if err != nil {
			return reps, err
		}
		ctx, cancel := context.WithCancel(context.Background())
		added := 0
		progress := func(ev favorites.RestoreEvent) {
			if ev.Outcome == favorites.Added {
				added++
			}
			if run == 0 && ev.Position >= b.Len()/2 {
				cancel() // the cut: as Ctrl-C ends the restore program's context
			}
			if ev.Position%100 == 0 {
				fmt.Fprintf(os.Stderr, "  run %d: %d of %d\n", run+1, ev.Position, b.Len())
			}
		}
		rep, err := favorites.Restore(ctx, target, b.Favorites(), &favorites.RestoreOptions{
			Start: start, Resolve: resolve, Progress: progress})
		cancel()
		if err != nil && !(run == 0 && errors.Is(err, context.Canceled)) {
			return reps, err
		}
		reps[run], start = rep, rep.Position
	}
	return reps, nil
}

func report(reps [2]*favorites.RestoreReport, c *counter, wantAdded int) error {
	added, notFound, failed := 0, 0, 0
	for i, r := range reps {
		fmt.Printf("run %d: position %d, %d added, %d already there, %d not found, %d failed\n",
			i+1, r.Position, len(r.Added), len(r.AlreadyThere), len(r.NotFound), len(r.Failed))
		added, notFound, failed = added+len(r.Added), notFound+len(r.NotFound), failed+len(r.Failed)
		for _, ev := range append(r.NotFound, r.Failed...) {
			fmt.Printf("  #%d %s %s: %v\n", ev.Position, ev.Favorite.Ref, ev.Outcome, ev.Err)
		}
	}
	fmt.Printf("favourite POSTs sent %d, accepted %d; favourites added %d, not found %d, failed %d; 429/5xx answers to the restoring client %d\n",
		c.posts.Load(), c.accepted.Load(), added, notFound, failed, c.refused.Load())
	if int(c.accepted.Load()) != added || added != wantAdded || failed != 0 {
		return fmt.Errorf("POSTs accepted %d, added %d, failed %d: want %d added, one accepted POST each, none failed",
			c.accepted.Load(), added, failed, wantAdded)
	}
	return nil
}

// instances are two mastodontest instances at their default limits that
// federate; the source's DefaultUser has favourited ids, backed up in b by
// the backup phase.
type instances struct {
	source, target *mastodontest.Server
	ids            []string
	b              *backup.File
	backup         phase
	began          time.Time
}

// newInstances starts the instances with n favourites, backed up to a
// file in dir with the SDK's default client.
func newInstances(n int, dir string) (*instances, error) {
	in := &instances{source: mastodontest.NewServer(), target: mastodontest.NewServer(), began: time.Now()}
	in.target.Federate(in.source)
	in.ids = in.source.AddStatuses(n)
	src, err := in.source.Client()
	if err == nil {
		err = in.source.Favorite(mastodontest.DefaultUser, in.ids...)
	}
	if err == nil {
		in.b, err = writeBackup(context.Background(), mastodon.NewAdapter(src), in.source.URL, dir)
	}
	if err != nil {
		in.Close()
		return nil, err
	}
	in.backup = phase{"backup (source)", in.source.Faults.Requests(), time.Since(in.began)}
	return in, nil
}

func (in *instances) Close() {
	if in.b != nil {
		in.b.Close()
	}
	in.source.Close()
	in.target.Close()
}

// inTempDir runs f with a new temporary directory, removed afterwards.
func inTempDir(f func(dir string) error) error {
	dir, err := os.MkdirTemp("", "restorecost")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return f(dir)
}

func moveMastodon(n, deleted int, dir string) error {
	fmt.Printf("moving %d Mastodon favourites between two mastodontest instances at their default limit (%d requests / %v each), SDK default clients\n",
		n, mastodontest.DefaultRateLimit, mastodontest.DefaultRatePeriod)
	in, err := newInstances(n, dir)
	if err != nil {
		return err
	}
	defer in.Close()
	source, target, ids, b, backupPhase, t0 := in.source, in.target, in.ids, in.b, in.backup, in.began
	for _, id := range ids[:deleted] {
		if err := source.DeleteStatus(id); err != nil {
			return err
		}
	}

	acct := target.AddAccount()
	c := &counter{next: http.DefaultTransport}
	var resolved atomic.Int64
	open := func() (favorites.Favorites, func(context.Context, favorites.Favorite) (favorites.Ref, error), error) {
		cl, err := acct.Client(favorites.WithHTTPClient(&http.Client{Transport: c}))
		if err != nil {
			return nil, nil, err
		}
		resolve, err := mastodon.Resolver(cl, b.BaseURL())
		if err != nil {
			return nil, nil, err
		}
		counted := func(ctx context.Context, f favorites.Favorite) (favorites.Ref, error) {
			ref, err := resolve(ctx, f)
			if err == nil {
				resolved.Add(1)
			}
			return ref, err
		}
		return mastodon.NewAdapter(cl), counted, nil
	}
	s0, tr0, t1 := source.Faults.Requests(), target.Faults.Requests(), time.Now()
	reps, err := restoreCut(b, open)
	restorePhase := phase{"restore (target)", target.Faults.Requests() - tr0, time.Since(t1)}
	fmt.Println(backupPhase)
	fmt.Println(restorePhase)
	fmt.Printf("%-28s %5d requests\n", "source during the restore", source.Faults.Requests()-s0)
	fmt.Printf("searches sent %d, statuses resolved %d (a status found; a few twice, resolved ahead of the cut and again after it); 429 answers: source %d, target %d\n",
		c.searches.Load(), resolved.Load(), source.Throttled(), target.Throttled())
	fmt.Println("(the target fetches each status from the source in-process, not over HTTP: one fetch a status resolved the first time)")
	fmt.Printf("total wall time %v\n", time.Since(t0).Round(100*time.Millisecond))
	if err != nil {
		return err
	}
	rerr := report(reps, c, n-deleted)
	if got := len(acct.Favorites()); got != n-deleted {
		return errors.Join(rerr, fmt.Errorf("the target account holds %d favourites, want %d", got, n-deleted))
	}
	return rerr
}

func restoreE621(n int, dir string) error {
	ctx := context.Background()
	srv := e621test.NewServer() // e621's front-end limit, 2 a second
	defer srv.Close()
	posts := srv.AddPosts(n)
	if err := srv.Favorite(e621test.Login, posts...); err != nil {
		return err
	}
	fmt.Printf("restoring %d e621 favourites into a second account, e621test at its default limit (2 requests/s), SDK default client (%d/s, bursts of %d)\n",
		n, e621.RequestsPerSecond, e621.Burst)
	t0 := time.Now()
	cl, err := srv.Client()
	if err != nil {
		return err
	}
	b, err := writeBackup(ctx, e621.NewAdapter(cl), srv.URL, dir)
	if err != nil {
		return err
	}
	defer b.Close()
	backupPhase := phase{"backup (first account)", srv.Faults.Requests(), time.Since(t0)}

	acct := srv.AddAccount()
	c := &counter{next: http.DefaultTransport}
	open := func() (favorites.Favorites, func(context.Context, favorites.Favorite) (favorites.Ref, error), error) {
		cl, err := acct.Client(favorites.WithHTTPClient(&http.Client{Transport: c}))
		if err != nil {
			return nil, nil, err
		}
		return e621.NewAdapter(cl), nil, nil
	}
	r0, t1 := srv.Faults.Requests(), time.Now()
	reps, err := restoreCut(b, open)
	fmt.Println(backupPhase)
	fmt.Println(phase{"restore (second account)", srv.Faults.Requests() - r0, time.Since(t1)})
	fmt.Printf("total wall time %v\n", time.Since(t0).Round(100*time.Millisecond))
	if err != nil {
		return err
	}
	rerr := report(reps, c, n)
	if got := len(acct.Favorites()); got != n {
		return errors.Join(rerr, fmt.Errorf("the second account holds %d favourites, want %d", got, n))
	}
	return rerr
}

// moveWithProgram moves n favourites between two fakes with the restore
// program, interrupted halfway and run again.
func moveWithProgram(n int, dir string) error {
	bin := filepath.Join(dir, "restore")
	build := exec.Command("go", "build", "-o", bin, "github.com/favkit/favorites/examples/restore")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building restore: %w", err)
	}
	fmt.Printf("moving %d Mastodon favourites with the restore program, SIGINT halfway, between two mastodontest instances at their default limit\n", n)
	in, err := newInstances(n, dir)
	if err != nil {
		return err
	}
	defer in.Close()
	target := in.target
	acct := target.AddAccount()
	// The program talks to the target through a proxy that counts what it
	// sends and how the target answers: a POST refused with 429 by the
	// rate budget is sent again, and is no favourite added twice.
	var posts, accepted, searches, refused atomic.Int64
	u, err := url.Parse(target.URL)
	if err != nil {
		return err
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	var front *httptest.Server
	proxy.ModifyResponse = func(resp *http.Response) error {
		if link := resp.Header.Get("Link"); link != "" { // the target's pages link to itself
			resp.Header.Set("Link", strings.ReplaceAll(link, target.URL, front.URL))
		}
		switch r := resp.Request; {
		case r.Method == http.MethodPost:
			posts.Add(1)
			if resp.StatusCode < 300 {
				accepted.Add(1)
			}
		case r.URL.Path == "/api/v2/search":
			searches.Add(1)
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			refused.Add(1)
		}
		return nil
	}
	front = httptest.NewServer(proxy)
	defer front.Close()
	before, t0 := target.Faults.Requests(), time.Now()
	for run := 1; run <= 2; run++ {
		cmd := exec.Command(bin, "-in", filepath.Join(dir, "mastodon.jsonl"))
		cmd.Env = append(os.Environ(), "MASTODON_BASE_URL="+front.URL, "MASTODON_TOKEN="+acct.Token)
		var stdout strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
		start := time.Now()
		if err := cmd.Start(); err != nil {
			return err
		}
		if run == 1 {
			go func() {
				for len(acct.Favorites()) < n/2 {
					time.Sleep(100 * time.Millisecond)
				}
				cmd.Process.Signal(os.Interrupt) // Ctrl-C
			}()
		}
		err := cmd.Wait()
		fmt.Printf("\nrun %d: %v, exit %v\n%s", run, time.Since(start).Round(100*time.Millisecond), err, stdout.String())
		if run == 2 && err != nil {
			return err
		}
	}
	fmt.Printf("target: %d requests (%d answered 429), %d searches, %d favourite POSTs of which %d accepted; %d favourites on the target account; wall time %v\n",
		target.Faults.Requests()-before, refused.Load(), searches.Load(), posts.Load(), accepted.Load(), len(acct.Favorites()), time.Since(t0).Round(100*time.Millisecond))
	if got := len(acct.Favorites()); got != n || accepted.Load() != int64(n) {
		return fmt.Errorf("%d favourites on the target after %d accepted POSTs; want %d and %d", got, accepted.Load(), n, n)
	}
	return nil
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/examples/internal/cli"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// -h prints the usage, with each provider's flags and variables, and the
// program exits 0.
func TestHelpExitsZero(t *testing.T) {
	var stderr bytes.Buffer
	err := run(t.Context(), []string{"-h"}, io.Discard, &stderr)
	if !errors.Is(err, flag.ErrHelp) || cli.Exit("restore", err, io.Discard) != 0 {
		t.Fatalf("run -h = %v; want flag.ErrHelp, exit 0", err)
	}
	for _, want := range []string{"usage: restore -in FILE", "-dry-run", "-token or MASTODON_TOKEN"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, stderr.String())
		}
	}
}

// What restore refuses before it sends anything, saying what to do.
func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	e621File := filepath.Join(dir, "e621.jsonl")
	if err := os.WriteFile(e621File, []byte(`{"favkit_backup":2,"kind":"full","provider":"e621","order":"newest_first"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("MASTODON_TOKEN", "")
	t.Setenv("MASTODON_BASE_URL", "")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no -in", []string{"-provider", "e621"}, "-in FILE is required"},
		{"a missing file", []string{"-in", filepath.Join(dir, "none.jsonl")}, "no such file"},
		{"another provider's backup", []string{"-provider", "mastodon", "-in", e621File}, "is a backup of e621, not mastodon"},
		{"no credentials", []string{"-in", e621File, "-base-url", "http://127.0.0.1:1"}, "e621 needs"},
		{"-demo into a file that exists", []string{"-provider", "e621", "-demo", "-in", e621File}, "remove it or choose another -in"},
		{"a bad -concurrency", []string{"-in", e621File, "-concurrency", "0"}, "-concurrency 0"},
	}
	t.Setenv("E621_LOGIN", "")
	t.Setenv("E621_API_KEY", "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(t.Context(), tt.args, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run = %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

// -demo on every provider: the backup, the restore into a fresh account,
// the report, and the new account in the backup's order. On Mastodon the
// restore moves between instances, and the statuses deleted since are
// reported as not found, with the reason.
func TestRunDemo(t *testing.T) {
	for _, provider := range cli.Providers {
		t.Run(provider, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			in := filepath.Join(t.TempDir(), "b.jsonl")
			if err := run(t.Context(), []string{"-provider", provider, "-demo", "-in", in}, &stdout, &stderr); err != nil {
				t.Fatalf("%v\n%s%s", err, stdout.String(), stderr.String())
			}
			want := []string{"90 added, 0 already there, 0 not found, 0 failed", "lists its 90 favourites in the backup's order"}
			if provider == mastodon.ProviderName {
				want = []string{"37 added, 0 already there, 3 not found, 0 failed", "not found:\n  #5 ",
					"deleted, private or not visible to this account", "lists its 37 favourites in the backup's order"}
				if !strings.Contains(stderr.String(), "37 statuses resolved") || !strings.Contains(stderr.String(), "moving from http://") {
					t.Errorf("stderr does not show the move and the statuses resolved:\n%s", stderr.String())
				}
			}
			total := map[bool]string{true: "40/40: 37 added, 0 already there, 3 not found", false: "90/90: 90 added"}[provider == mastodon.ProviderName]
			if line := stderr.String(); !strings.Contains(line, "\r"+total) || !strings.HasSuffix(strings.TrimSpace(line[strings.LastIndex(line, "\r"):]), "/s") {
				t.Errorf("the progress line does not end with %q and a rate:\n%q", total, line)
			}
			for _, w := range want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			if b, err := backup.Open(in); err != nil || b.Provider() != provider || b.BaseURL() == "" || b.Close() != nil {
				t.Errorf("the demo's backup at -in: %v", err)
			}
			if _, err := os.Stat(in + ".restore-state"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a -demo run saved a state: %v", err)
			}
		})
	}
}

// e621Env is an e621 fake whose first account has n favourites, backed up
// to a file, and a second account to restore into.
type e621Env struct {
	srv  *e621test.Server
	to   e621test.Account
	in   string
	refs []favorites.Ref // the backup's favourites, oldest first
}

func newE621Env(t *testing.T, n int) *e621Env {
	t.Helper()
	srv := e621test.NewServer(e621test.WithRateLimit(0))
	t.Cleanup(srv.Close)
	posts := srv.AddPosts(n)
	if err := srv.Favorite(e621test.Login, posts...); err != nil {
		t.Fatal(err)
	}
	cl, err := srv.Client(favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	e := &e621Env{srv: srv, to: srv.AddAccount(), in: filepath.Join(t.TempDir(), "e621.jsonl")}
	writeBackup(t, e.in, e621.NewAdapter(cl), srv.URL)
	for _, p := range posts {
		e.refs = append(e.refs, favorites.Ref{ID: strconv.FormatInt(p, 10)})
	}
	return e
}

// restore runs the program's restore of the backup into the account e.to
// with o's flags, as restoreLive does once it has opened the account, with
// a client that does not wait for e621's limit of one request a second.
func (e *e621Env) restore(ctx context.Context, t *testing.T, o options, stdout, stderr io.Writer) error {
	t.Helper()
	cl, err := e.to.Client(favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	b, err := backup.Open(e.in)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	o.in = e.in
	o.concurrency = max(o.concurrency, 1)
	return o.restore(ctx, b, e621.NewAdapter(cl), e.srv.URL, "account "+e.to.Login, stdout, stderr)
}

func writeBackup(t *testing.T, path string, f favorites.Favorites, base string) {
	t.Helper()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := backup.WriteFull(t.Context(), out, f, base); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// isPost matches a favourite POST.
func isPost(r *http.Request) bool { return r.Method == http.MethodPost }

// The account's favourites, newest first, as refs.
func (e *e621Env) listed() []favorites.Ref {
	var refs []favorites.Ref
	for _, id := range e.to.Favorites() {
		refs = append(refs, favorites.Ref{ID: strconv.FormatInt(id, 10)})
	}
	return refs
}

// Ctrl-C stops a restore; the rerun goes on from the saved state, adds
// nothing twice, and the account lists the favourites in the backup's
// order. A third run has nothing left to do.
func TestInterruptedRestoreGoesOn(t *testing.T) {
	e := newE621Env(t, 30)
	ctx, cancel := context.WithCancel(t.Context())
	var posts atomic.Int64
	e.srv.Faults.Inject(1, favoritestest.Fault{Match: func(r *http.Request) bool {
		if isPost(r) && posts.Add(1) == 12 {
			cancel() // Ctrl-C while the 12th add is in flight: it finishes
		}
		return false
	}})
	err := e.restore(ctx, t, options{concurrency: 3}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "interrupted after 12 of 30 favourites; run the same command again to go on") {
		t.Fatalf("interrupted run: %v", err)
	}
	var st state
	data, _ := os.ReadFile(e.in + ".restore-state")
	if json.Unmarshal(data, &st) != nil || st.Position != 12 || st.Account != "account "+e.to.Login {
		t.Errorf("saved state %s; want position 12 and the account", data)
	}
	var stdout, stderr bytes.Buffer
	if err := e.restore(t.Context(), t, options{}, &stdout, &stderr); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if !strings.Contains(stderr.String(), "going on after favourite 12 of 30") ||
		!strings.Contains(stdout.String(), "18 added, 0 already there") {
		t.Errorf("rerun said:\n%s%s", stderr.String(), stdout.String())
	}
	if n := posts.Load(); n != 30 {
		t.Errorf("%d favourite POSTs for 30 favourites", n)
	}
	want := slices.Clone(e.refs)
	slices.Reverse(want)
	if got := e.listed(); !slices.Equal(got, want) {
		t.Errorf("the account lists\n%v\nwant\n%v", got, want)
	}
	stdout.Reset()
	if err := e.restore(t.Context(), t, options{}, &stdout, io.Discard); err != nil || !strings.Contains(stdout.String(), "all 30 favourites of "+e.in+" were restored") {
		t.Errorf("third run: %v, %q", err, stdout.String())
	}
}

// A favourite whose add fails is tried again at the end of the run; one
// that fails again is kept in the state, and the next run tries it first,
// without going over the rest again.
func TestFailureIsTriedAgain(t *testing.T) {
	for _, failures := range []int{1, 2} {
		t.Run(fmt.Sprint(failures, " failures"), func(t *testing.T) {
			e := newE621Env(t, 8)
			// The third favourite's add is refused; with two failures, its
			// second try too, the ninth POST, after the other seven.
			failAt := []int64{3, 9}[:failures]
			var posts atomic.Int64
			e.srv.Faults.Inject(1, favoritestest.Fault{Match: func(r *http.Request) bool {
				if isPost(r) {
					posts.Add(1)
				}
				return false // counts, and lets the next fault look
			}})
			e.srv.Faults.Inject(failures, favoritestest.Fault{Status: http.StatusBadRequest, Body: `{"success":false,"message":"injected"}`,
				Match: func(r *http.Request) bool { return isPost(r) && slices.Contains(failAt, posts.Load()) }})
			var stdout, stderr bytes.Buffer
			err := e.restore(t.Context(), t, options{concurrency: 1}, &stdout, &stderr)
			if !strings.Contains(stderr.String(), "trying again the 1 favourites that failed\n") {
				t.Errorf("stderr does not say the failure is tried again:\n%s", stderr.String())
			}
			var st state
			data, _ := os.ReadFile(e.in + ".restore-state")
			if json.Unmarshal(data, &st) != nil || st.Position != 8 {
				t.Fatalf("state %s; want position 8", data)
			}
			if failures == 1 {
				if err != nil || !strings.Contains(stdout.String(), "8 added, 0 already there, 0 not found, 0 failed") || len(st.Failed) != 0 {
					t.Errorf("run: %v, state %s\n%s", err, data, stdout.String())
				}
				return
			}
			if err == nil || !strings.Contains(stdout.String(), "7 added, 0 already there, 0 not found, 1 failed") ||
				!strings.Contains(stdout.String(), "failed:\n  #3 "+e.refs[2].ID) || fmt.Sprint(st.Failed) != "[3]" {
				t.Fatalf("first run: %v, state %s\n%s", err, data, stdout.String())
			}
			stdout.Reset()
			stderr.Reset()
			if err := e.restore(t.Context(), t, options{}, &stdout, &stderr); err != nil ||
				!strings.Contains(stderr.String(), "trying again the 1 favourites that failed before") ||
				!strings.Contains(stdout.String(), "1 added, 0 already there, 0 not found, 0 failed") {
				t.Errorf("rerun: %v\n%s%s", err, stderr.String(), stdout.String())
			}
			if got, want := posts.Load(), int64(8+failures); got != want || len(e.to.Favorites()) != 8 {
				t.Errorf("%d POSTs for 8 favourites and %d refusals; the account has %d", got, failures, len(e.to.Favorites()))
			}
		})
	}
}

// A dry run reports what would be added, adds nothing, and saves nothing.
func TestDryRun(t *testing.T) {
	e := newE621Env(t, 5)
	if err := e.to.Favorite(mustID(t, e.refs[1])); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if err := e.restore(t.Context(), t, options{dryRun: true}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "4 would be added (dry run), 1 already there") || len(e.to.Favorites()) != 1 {
		t.Errorf("dry run: %q, the account has %d", stdout.String(), len(e.to.Favorites()))
	}
	if _, err := os.Stat(e.in + ".restore-state"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dry run saved a state: %v", err)
	}
}

func mustID(t *testing.T, ref favorites.Ref) int64 {
	t.Helper()
	id, err := strconv.ParseInt(ref.ID, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A state of another account is not used: the restore into it starts
// from the first favourite.
func TestStateOfAnotherAccount(t *testing.T) {
	e := newE621Env(t, 4)
	if err := e.restore(t.Context(), t, options{}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	e.to = e.srv.AddAccount()
	var stdout, stderr bytes.Buffer
	if err := e.restore(t.Context(), t, options{}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "is of another backup or account: starting from the first favourite") ||
		!strings.Contains(stdout.String(), "4 added") || len(e.to.Favorites()) != 4 {
		t.Errorf("into another account:\n%s%s", stderr.String(), stdout.String())
	}
}

// A backup of format 1 restores: the favourites of <in>.removed are left
// out, a last line cut short there is not read, and the order is the
// documented one.
func TestFormat1Backup(t *testing.T) {
	e := newE621Env(t, 5)
	var lines []string
	for _, ref := range slices.Backward(e.refs) { // a listing: newest first
		line, err := json.Marshal(favorites.Favorite{Provider: "e621", Ref: ref})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(line))
	}
	removed := fmt.Sprintf(`{"provider":"e621","ref":{"id":%q},"noticed":"2026-01-01T00:00:00Z"}`+"\n"+`{"provider":"e621","ref":{"id":"%s`,
		e.refs[3].ID, e.refs[0].ID)
	if os.WriteFile(e.in, []byte(strings.Join(lines, "\n")+"\n"), 0o644) != nil || os.WriteFile(e.in+".removed", []byte(removed), 0o644) != nil {
		t.Fatal("writing the format 1 backup")
	}
	var stdout, stderr bytes.Buffer
	if err := e.restore(t.Context(), t, options{}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "is a backup of format 1") || !strings.Contains(stderr.String(), "1 favourites removed since") ||
		!strings.Contains(stdout.String(), "4 added") {
		t.Errorf("restore said:\n%s%s", stderr.String(), stdout.String())
	}
	want := []favorites.Ref{e.refs[4], e.refs[2], e.refs[1], e.refs[0]}
	if got := e.listed(); !slices.Equal(got, want) {
		t.Errorf("the account lists %v, want %v", got, want)
	}
}

// instances starts two Mastodon fakes that federate, source and target;
// on source alice has favourited n statuses, ids, backed up to in.
func instances(t *testing.T, n int) (source, target *mastodontest.Server, ids []string, in string) {
	t.Helper()
	source, target = mastodontest.NewServer(), mastodontest.NewServer()
	t.Cleanup(source.Close)
	t.Cleanup(target.Close)
	target.Federate(source)
	ids = source.AddStatuses(n)
	if err := source.Favorite(mastodontest.DefaultUser, ids...); err != nil {
		t.Fatal(err)
	}
	from, err := source.Client(favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	in = filepath.Join(t.TempDir(), "m.jsonl")
	writeBackup(t, in, mastodon.NewAdapter(from), source.URL)
	return source, target, ids, in
}

// On Mastodon, a backup of another instance is moved: each status is
// found on the target by its URI, favourited under the target's ID, in the
// backup's order; the credentials come from the usual variables.
func TestMastodonMove(t *testing.T) {
	source, target, ids, in := instances(t, 6)
	acct := target.AddAccount()
	t.Setenv("MASTODON_BASE_URL", target.URL)
	t.Setenv("MASTODON_TOKEN", acct.Token)
	var stdout, stderr bytes.Buffer
	if err := run(t.Context(), []string{"-in", in}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "6 added") || !strings.Contains(stderr.String(), "6 statuses resolved") {
		t.Errorf("restore said:\n%s%s", stderr.String(), stdout.String())
	}
	data, err := os.ReadFile(in + ".restore-state")
	var st state
	if err != nil || json.Unmarshal(data, &st) != nil || st.Position != 6 || st.Account == "" || strings.Contains(string(data), acct.Token) {
		t.Errorf("state %s (%v); want position 6 and an account tag without the token", data, err)
	}
	got := acct.Favorites()
	if len(got) != 6 || slices.ContainsFunc(got, func(id string) bool { return slices.Contains(ids, id) }) {
		t.Errorf("the target account holds %v; want 6 statuses under the target's own IDs", got)
	}
	// Within one instance nothing is looked up.
	other := source.AddAccount()
	t.Setenv("MASTODON_BASE_URL", source.URL)
	t.Setenv("MASTODON_TOKEN", other.Token)
	stderr.Reset()
	if err := run(t.Context(), []string{"-in", in}, io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr.String(), "resolved") || len(other.Favorites()) != 6 {
		t.Errorf("a restore within the instance: %d favourites; said\n%s", len(other.Favorites()), stderr.String())
	}
}

// A token the target refuses (here: without read:search) stops the
// restore at the first refusal, saying what to check, instead of failing
// every favourite in turn.
func TestRefusedTokenStops(t *testing.T) {
	_, target, _, in := instances(t, 20)
	acct := target.AddAccount()
	target.AddToken("no-search", acct.User, "read:favourites", "write:favourites")
	t.Setenv("MASTODON_BASE_URL", target.URL)
	t.Setenv("MASTODON_TOKEN", "no-search")
	before := target.Faults.Requests()
	err := run(t.Context(), []string{"-in", in, "-concurrency", "2"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "stopped: the service refused the account") ||
		!strings.Contains(err.Error(), "outside the authorized scopes") {
		t.Fatalf("run = %v", err)
	}
	if n := target.Faults.Requests() - before; n > 5 {
		t.Errorf("%d requests to the target after a refusal; want it to stop at once", n)
	}
}

// An account that cannot be listed ends the run before anything is added,
// with the listing's error, and the saved state unchanged.
func TestUnlistableAccount(t *testing.T) {
	e := newE621Env(t, 3)
	e.srv.Faults.Inject(1, favoritestest.Fault{Status: http.StatusBadRequest, Body: `{"success":false,"message":"injected"}`,
		// The listing, not the check of the key that comes first (limit=1).
		Match: func(r *http.Request) bool { return r.Method == http.MethodGet && r.URL.Query().Get("limit") != "1" }})
	var stdout bytes.Buffer
	err := e.restore(t.Context(), t, options{}, &stdout, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "listing failed after") || len(e.to.Favorites()) != 0 || stdout.Len() != 0 {
		t.Errorf("run = %v with %d favourites added, and a report %q", err, len(e.to.Favorites()), stdout.String())
	}
	if _, err := os.Stat(e.in + ".restore-state"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a state saved: %v", err)
	}
}

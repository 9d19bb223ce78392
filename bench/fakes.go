// Package bench measures the SDK against the floor (a hand-written net/http
// and encoding/json loop) and a peer (github.com/mattn/go-mastodon), on the
// SDK's own fake servers over loopback. It is a module of its own, so the
// peer never becomes a dependency of the SDK.
//
// The fakes run in a child process (this same binary, started again with
// [ServeEnv] set), so the measuring process holds only the clients: its
// allocation counts, CPU time and heap are the client's alone, not the
// server's rendering of the same JSON.
package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"time"

	"github.com/favkit/favorites/providers/e621/e621test"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// ServeEnv, set in a process's environment, makes [ServeIfChild] run the
// fakes instead of the caller's program. Its value is the JSON of a
// [FakeSpec].
const ServeEnv = "FAVBENCH_SERVE"

// FakeSpec says what the child process seeds.
type FakeSpec struct {
	Mastodon int // favourites of mastodontest.DefaultUser
	E621     int // favourites of e621test.Login
}

// Fakes is a running child process serving the fakes.
type Fakes struct {
	Mastodon, E621 string // base URLs on loopback; empty when not seeded
	cmd            *exec.Cmd
	stdin          interface{ Close() error }
}

// StartFakes starts this binary again as the fake servers, seeded per spec,
// and returns once they listen. The fakes have no rate limits: the
// listings measured here would otherwise spend their budget.
func StartFakes(spec FakeSpec) (*Fakes, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	js, _ := json.Marshal(spec)
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), ServeEnv+"="+string(js))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	f := &Fakes{cmd: cmd, stdin: stdin}
	if err := json.NewDecoder(bufio.NewReader(stdout)).Decode(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("fake server process: %w", err)
	}
	return f, nil
}

// Close stops the child process: closing its stdin is its signal to exit.
func (f *Fakes) Close() {
	_ = f.stdin.Close()
	_ = f.cmd.Wait()
}

// ServeIfChild runs the fakes and exits when this process was started by
// [StartFakes]; otherwise it returns at once. Call it first in main or
// TestMain.
func ServeIfChild() {
	js := os.Getenv(ServeEnv)
	if js == "" {
		return
	}
	if err := serve(js); err != nil {
		fmt.Fprintln(os.Stderr, "bench: fake server process:", err)
		os.Exit(2)
	}
	os.Exit(0)
}

// serve seeds the fakes spec asks for, prints their URLs as JSON, and
// serves until stdin closes.
func serve(spec string) error {
	var s FakeSpec
	if err := json.Unmarshal([]byte(spec), &s); err != nil {
		return err
	}
	var urls struct{ Mastodon, E621 string }
	if s.Mastodon > 0 {
		srv := SeedMastodon(s.Mastodon, mastodontest.WithRateLimit(1<<40, time.Hour))
		defer srv.Close()
		urls.Mastodon = srv.URL
	}
	if s.E621 > 0 {
		srv := e621test.NewServer(e621test.WithRateLimit(0), e621test.WithMaxFavorites(s.E621))
		defer srv.Close()
		if err := srv.Favorite(e621test.Login, srv.AddPosts(s.E621)...); err != nil {
			return err
		}
		urls.E621 = srv.URL
	}
	if err := json.NewEncoder(os.Stdout).Encode(urls); err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, os.Stdin) // until the parent closes it
	return nil
}

// SeedMastodon starts a Mastodon fake whose default user has n favourites.
func SeedMastodon(n int, opts ...mastodontest.Option) *mastodontest.Server {
	srv := mastodontest.NewServer(opts...)
	if err := srv.Favorite(mastodontest.DefaultUser, srv.AddStatuses(n)...); err != nil {
		panic("bench: seeding " + strconv.Itoa(n) + " statuses: " + err.Error())
	}
	return srv
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/watch"
)

var fast = &watch.Options{Interval: time.Millisecond, MaxBackoff: 4 * time.Millisecond}

func ids(from, to int) []favorites.Ref {
	var refs []favorites.Ref
	for i := from; i < to; i++ {
		refs = append(refs, favorites.Ref{ID: strconv.Itoa(i)})
	}
	return refs
}

func addAll(t *testing.T, m *favoritestest.Memory, refs []favorites.Ref) {
	t.Helper()
	for _, r := range refs {
		if err := m.Add(t.Context(), r); err != nil {
			t.Fatal(err)
		}
	}
}

// watchRun starts or resumes the watch at path and copies from from to to
// until stopAfter favourites are handled, and returns its output.
func watchRun(t *testing.T, from, to favorites.Favorites, path string, stopAfter int) (string, error) {
	t.Helper()
	var out bytes.Buffer
	st, err := startWatch(t.Context(), from, path, &out)
	if err != nil {
		return out.String(), err
	}
	c := &copier{from: from.(favorites.ChangeLister), to: to, provider: from.Provider(), path: path, st: st, stopAfter: stopAfter, out: &out}
	err = c.run(t.Context(), fast)
	return out.String(), err
}

func readState(t *testing.T, path string) watchState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var st watchState
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestWatchRestartNeitherRepeatsNorSkips stops the bot after a number of
// favourites (the first round's end, or its middle), adds more, starts it
// again from its state file, and wants the second account to get every
// favourite made since the first start exactly once (one Add each), none of
// those there before, and the state to count them.
func TestWatchRestartNeitherRepeatsNorSkips(t *testing.T) {
	tests := []struct {
		name      string
		firstStop int
	}{
		{"stopped after the first", 1},
		{"stopped in the middle of a round", 3},
		{"stopped at the end of a round", 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := favoritestest.NewMemory("memory", ids(0, 10)...) // there before: not copied
			to := favoritestest.NewMemory("memory")
			path := filepath.Join(t.TempDir(), "watch")
			st, err := startWatch(t.Context(), from, path, io.Discard)
			if err != nil || readState(t, path) != st || st.Mark == "" {
				t.Fatalf("first start: state %+v, %v", st, err)
			}
			addAll(t, from, ids(100, 106)) // one round's worth
			if out, err := watchRun(t, from, to, path, tt.firstStop); err != nil {
				t.Fatalf("first run: %v\n%s", err, out)
			}
			if got := readState(t, path); got.Copied != tt.firstStop || got.Provider != "memory" {
				t.Fatalf("state after the first run %+v, want %d copied", got, tt.firstStop)
			}
			addAll(t, from, ids(200, 202))
			out, err := watchRun(t, from, to, path, 8-tt.firstStop)
			if err != nil {
				t.Fatalf("second run: %v\n%s", err, out)
			}
			want := append(ids(100, 106), ids(200, 202)...)
			got := to.Refs()
			if len(got) != len(want) || to.Calls("add") != len(want) {
				t.Errorf("second account has %v after %d adds, want %v once each", got, to.Calls("add"), want)
			}
			for _, r := range want {
				if !slices.Contains(got, r) {
					t.Errorf("%v was not copied", r)
				}
			}
			if st := readState(t, path); st.Copied != 8 {
				t.Errorf("state counts %d copied, want 8", st.Copied)
			}
			if !strings.Contains(out, "memory round 1: ") || !strings.Contains(out, "  copied 201 ") {
				t.Errorf("no round line or copy line in:\n%s", out)
			}
		})
	}
}

// TestWatchFailedAdd wants an add that fails to stop the bot with its
// place before the favourite (the next run copies it), and one the second
// account cannot find to be reported and passed.
func TestWatchFailedAdd(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		wantErr    string // "" when the run goes on
		wantOut    string
		wantCopied int // after the first run
	}{
		{"server error", favorites.ErrServer, "keeps the place before it, so the next run tries it again", "  copied 1 ", 1},
		{"not found", favorites.ErrNotFound, "", "  skipped 2: not found on the second account", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := favoritestest.NewMemory("memory")
			to := favoritestest.NewMemory("memory")
			to.Fail = func(op string, r favorites.Ref) error {
				if op == "add" && r.ID == "2" {
					return tt.err
				}
				return nil
			}
			path := filepath.Join(t.TempDir(), "watch")
			if _, err := startWatch(t.Context(), from, path, io.Discard); err != nil {
				t.Fatal(err)
			}
			addAll(t, from, ids(1, 4))
			stop := 3
			if tt.wantErr != "" {
				stop = 0
			}
			out, err := watchRun(t, from, to, path, stop)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("run = %v, want %q", err, tt.wantErr)
			}
			if !strings.Contains(out, tt.wantOut) || readState(t, path).Copied != tt.wantCopied {
				t.Fatalf("state %+v; output lacks %q:\n%s", readState(t, path), tt.wantOut, out)
			}
			to.Fail = nil
			if tt.wantErr != "" { // the next run copies what the failed one did not
				if _, err := watchRun(t, from, to, path, 2); err != nil {
					t.Fatal(err)
				}
				if got := to.Refs(); len(got) != 3 {
					t.Errorf("second account has %v after the rerun, want 1, 2, 3", got)
				}
			}
		})
	}
}

// TestWatchRefusals wants a watch that cannot go on to say why and what to
// do, and to copy nothing.
func TestWatchRefusals(t *testing.T) {
	tests := []struct {
		name  string
		state string
		want  []string
	}{
		{"stale mark", `{"provider":"memory","mark":"memory.v1.memory.99"}`, []string{"can no longer be used", "remove", "to watch from now on"}},
		{"another provider", `{"provider":"e621","mark":"x"}`, []string{"holds a watch of e621, not memory"}},
		{"not a state file", `{"count":3}`, []string{"is not a syncbot watch state"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := favoritestest.NewMemory("memory", ids(0, 3)...)
			to := favoritestest.NewMemory("memory")
			path := filepath.Join(t.TempDir(), "watch")
			if err := os.WriteFile(path, []byte(tt.state), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := watchRun(t, from, to, path, 0)
			if err == nil {
				t.Fatal("not refused")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if errors.Is(err, favorites.ErrStaleMark) != (tt.name == "stale mark") {
				t.Errorf("error %v: ErrStaleMark %v", err, errors.Is(err, favorites.ErrStaleMark))
			}
			if to.Calls("add") != 0 {
				t.Error("a refused watch copied")
			}
		})
	}
}

// Each line comes after what it tells of: a round's line says what the
// round found, and each copy's line, after the copy, the count so far.
func TestWatchLogsInOrder(t *testing.T) {
	from := favoritestest.NewMemory("memory")
	to := favoritestest.NewMemory("memory")
	path := filepath.Join(t.TempDir(), "watch")
	if _, err := startWatch(t.Context(), from, path, io.Discard); err != nil {
		t.Fatal(err)
	}
	addAll(t, from, ids(1, 3))
	out, err := watchRun(t, from, to, path, 2)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{`memory round 1: 2 new since the mark`, `  copied 1 "" (1 in all)`, `  copied 2 "" (2 in all)`}
	if !slices.Equal(lines, want) {
		t.Errorf("log:\n%s\nwant:\n%s", out, strings.Join(want, "\n"))
	}
}

// TestRunWatchDemo runs syncbot -demo -watch on every provider's fake:
// the demo makes 5 favourites on the first account while the bot runs,
// and the second account must end with exactly those.
func TestRunWatchDemo(t *testing.T) {
	for _, provider := range []string{"mastodon", "e621", "waifuim", "playplay", "dch"} {
		t.Run(provider, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(t.Context(), []string{"-provider", provider, "-demo", "-watch", "-interval", "5ms"}, &out, io.Discard); err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			s := out.String()
			if !strings.Contains(s, "demo: the second account holds 5 favourites, 5 of the 5 made on the first") ||
				strings.Count(s, "  copied ") != 5 || !strings.Contains(s, provider+" round 1: ") {
				t.Errorf("output:\n%s", s)
			}
			if (provider == "mastodon") != strings.Contains(s, "a status ID is per instance; both accounts are on http://127.0.0.1:") {
				t.Errorf("the Mastodon instance line is wrong:\n%s", s)
			}
		})
	}
}

// TestRunWatchRefusesBadFlags wants flags that cannot go together, and a
// Mastodon second account on another instance, refused before anything is
// sent (the Mastodon case names hosts no test may reach).
func TestRunWatchRefusesBadFlags(t *testing.T) {
	t.Setenv("TO_DCH_TOKEN", "")
	existing := filepath.Join(t.TempDir(), "old.watch")
	if err := os.WriteFile(existing, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"watch with a refs file", []string{"-provider", "dch", "-watch", "-refs", "x.txt"}, "-refs, -prune and -dry-run are for syncing to a list"},
		{"watch with prune", []string{"-provider", "dch", "-demo", "-watch", "-prune"}, "-refs, -prune and -dry-run"},
		{"state without watch", []string{"-provider", "dch", "-demo", "-state", "s"}, "-state and -stop-after go with -watch"},
		{"demo with an old state", []string{"-provider", "dch", "-demo", "-watch", "-state", existing}, "remove it or choose another -state"},
		{"mastodon on two instances", []string{"-provider", "mastodon", "-watch", "-base-url", "https://one.invalid",
			"-token", "a", "-to-base-url", "https://two.invalid", "-to-token", "b"},
			"a Mastodon status ID is per instance, so the second account must be on the first's instance (https://one.invalid), not https://two.invalid"},
		{"mastodon demo on two instances", []string{"-provider", "mastodon", "-demo", "-watch", "-to-base-url", "https://other.invalid"},
			"a Mastodon status ID is per instance, so the second account must be on the first's instance (http://127.0.0.1:"},
		{"demo with another server", []string{"-provider", "e621", "-demo", "-watch", "-to-base-url", "https://e926.invalid"},
			"-demo runs offline on one fake server"},
		{"second account without credentials", []string{"-provider", "dch", "-watch", "-token", "a"},
			"the second account (dch) needs -to-token or TO_DCH_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(t.Context(), tt.args, &out, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("run = %v, want %q", err, tt.want)
			}
			if strings.Contains(out.String(), "copied") {
				t.Errorf("a refused run copied:\n%s", out.String())
			}
		})
	}
}

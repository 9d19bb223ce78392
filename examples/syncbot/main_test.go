package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/examples/internal/cli"
)

// -h prints the usage, the second account's flags included, and the
// program exits 0.
func TestHelpExitsZero(t *testing.T) {
	var stderr bytes.Buffer
	err := run(t.Context(), []string{"-h"}, io.Discard, &stderr)
	if !errors.Is(err, flag.ErrHelp) || cli.Exit("syncbot", err, io.Discard) != 0 {
		t.Fatalf("run -h = %v, exit %d; want flag.ErrHelp and 0", err, cli.Exit("syncbot", err, io.Discard))
	}
	for _, want := range []string{"usage: syncbot", "-token or DCH_TOKEN", "TO_MASTODON_TOKEN"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestReadRefs(t *testing.T) {
	in := "# wanted\n\n103186075217296344\n  upload:30452  \npexels:30452~12345\n"
	got, err := readRefs(strings.NewReader(in), "f")
	want := []favorites.Ref{{ID: "103186075217296344"}, {ID: "30452", Source: "upload"}, {ID: "30452~12345", Source: "pexels"}}
	if err != nil || len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("readRefs = %v, %v", got, err)
	}
}

func TestReadRefsReportsEveryBadLine(t *testing.T) {
	in := "1\n:2\n3\nsrc:\na b\n"
	_, err := readRefs(strings.NewReader(in), "wanted.txt")
	if err == nil {
		t.Fatal("bad lines accepted")
	}
	for _, want := range []string{"3 bad lines", "wanted.txt:2:", "wanted.txt:4:", "wanted.txt:5:", "nothing changed"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestRunDemoSyncs(t *testing.T) {
	var out bytes.Buffer
	if err := run(t.Context(), []string{"-provider", "dch", "-demo", "-prune"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	// 120 items, 90 favourites; every other item wanted (60): 30 of them are
	// among items 90-119 (15 to add), 45 wanted favourites stay, 45 go.
	if !strings.Contains(out.String(), "plan +15 -45; added 15, removed 45, unchanged 45, failed 0") {
		t.Fatalf("report:\n%s", out.String())
	}
}

func TestRunBadFileChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wanted.txt")
	if err := os.WriteFile(path, []byte("23000-1\n%zz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := run(t.Context(), []string{"-provider", "dch", "-demo", "-prune", "-refs", path}, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "wanted.txt:2:") || out.Len() != 0 {
		t.Fatalf("run = %v, output %q", err, out.String())
	}
}

// cancelOnWrite cancels a context once the first report is written, as a
// SIGINT arriving while the bot waits for its next round.
type cancelOnWrite struct {
	bytes.Buffer
	cancel func()
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	defer w.cancel()
	return w.Buffer.Write(p)
}

func TestRunIntervalEndsCleanlyWhenStopped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wanted.txt")
	if err := os.WriteFile(path, []byte("# none of the demo items\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	out := &cancelOnWrite{cancel: cancel}
	err := run(ctx, []string{"-provider", "waifuim", "-demo", "-refs", path, "-interval", "1h"}, out, io.Discard)
	if err != nil {
		t.Fatalf("stopped bot returned %v, want a clean nil", err)
	}
	if !strings.Contains(out.String(), "waifuim: plan +") {
		t.Errorf("no report before stopping:\n%s", out.String())
	}
}

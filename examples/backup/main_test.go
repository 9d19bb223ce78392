package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/favkit/favorites/examples/internal/cli"
)

// -h prints the usage, with each provider's flags and variables, and the
// program exits 0.
func TestHelpExitsZero(t *testing.T) {
	var stderr bytes.Buffer
	err := run(t.Context(), []string{"-h"}, io.Discard, &stderr)
	if !errors.Is(err, flag.ErrHelp) || cli.Exit("backup", err, io.Discard) != 0 {
		t.Fatalf("run -h = %v, exit %d; want flag.ErrHelp and 0", err, cli.Exit("backup", err, io.Discard))
	}
	for _, want := range []string{"usage: backup", "-token or MASTODON_TOKEN", "-api-key or E621_API_KEY"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, stderr.String())
		}
	}
}

// Without credentials, backup names the flag and the variable of each that
// is missing, and sends nothing (the base URLs named cannot be reached).
func TestMissingCredentialsNamed(t *testing.T) {
	t.Setenv("MASTODON_TOKEN", "")
	t.Setenv("MASTODON_BASE_URL", "https://mastodon.invalid")
	err := run(t.Context(), []string{"-provider", "mastodon", "-out", t.TempDir() + "/m.jsonl"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "mastodon needs -token or MASTODON_TOKEN") ||
		strings.Contains(err.Error(), "MASTODON_BASE_URL") {
		t.Fatalf("run = %v, want it to name -token and MASTODON_TOKEN alone", err)
	}
}

package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/favkit/favorites/examples/internal/cli"
)

// -h prints the usage and the program exits 0; an argument it does not
// take is refused.
func TestFlags(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		said   string
	}{
		{[]string{"-h"}, 0, "usage: demo"},
		{[]string{"-provider", "e621"}, 2, "flag provided but not defined: -provider"},
		{[]string{"extra"}, 2, `demo takes no arguments, got ["extra"]`},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := run(t.Context(), tt.args, &stdout, &stderr)
		if got := cli.Exit("demo", err, &stderr); got != tt.status || !strings.Contains(stderr.String(), tt.said) {
			t.Errorf("demo %q: exit %d, stderr %q; want %d and %q", tt.args, got, stderr.String(), tt.status, tt.said)
		}
		if stdout.Len() != 0 {
			t.Errorf("demo %q ran: %s", tt.args, stdout.String())
		}
	}
}

// The demo runs through every provider's section against the fakes.
func TestRunsEverySection(t *testing.T) {
	var out bytes.Buffer
	if err := run(t.Context(), nil, &out, io.Discard); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"== Mastodon ==", "== e621 ==", "== waifu.im ==", "== PlayPlay ==", "== Digital Concert Hall =="} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in:\n%s", want, out.String())
		}
	}
}

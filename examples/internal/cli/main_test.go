package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

func TestExit(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		said   string
	}{
		{"success", nil, 0, ""},
		{"-h", fmt.Errorf("parsing: %w", flag.ErrHelp), 0, ""},
		{"a failure", errors.New("no network"), 2, "prog: no network\n"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		if got := Exit("prog", tt.err, &stderr); got != tt.status || stderr.String() != tt.said {
			t.Errorf("%s: exit %d printing %q, want %d printing %q", tt.name, got, stderr.String(), tt.status, tt.said)
		}
	}
}

// Without credentials, Open names each missing one by its flag and its
// variable, for the first account and the second, before anything is
// sent; one given by its variable is not named.
func TestMissingCredentialsNamed(t *testing.T) {
	for _, creds := range credentials {
		for _, c := range creds {
			t.Setenv(c.env, "")
			t.Setenv("TO_"+c.env, "")
		}
	}
	t.Setenv("E621_LOGIN", "tester")
	tests := []struct {
		provider string
		second   bool
		want     string
	}{
		{"mastodon", false, "mastodon needs -base-url or MASTODON_BASE_URL and -token or MASTODON_TOKEN"},
		{"e621", false, "e621 needs -api-key or E621_API_KEY ("},
		{"waifuim", false, "waifuim needs -token or WAIFUIM_TOKEN"},
		{"playplay", false, "playplay needs -base-url or PLAYPLAY_BASE_URL and -token or PLAYPLAY_TOKEN"},
		{"dch", false, "dch needs -token or DCH_TOKEN"},
		{"e621", true, "the second account (e621) needs -to-user or TO_E621_LOGIN and -to-api-key or TO_E621_API_KEY"},
		{"dch", true, "the second account (dch) needs -to-token or TO_DCH_TOKEN"},
	}
	for _, tt := range tests {
		c := &Config{Provider: tt.provider}
		var err error
		if tt.second {
			var s Second
			_, err = s.Open(c, nil)
		} else {
			_, err = c.Open()
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("%s (second %v): %v, want it to say %q", tt.provider, tt.second, err, tt.want)
		}
	}
}

// The help lists every provider's flags and variables.
func TestHelpListsEveryProvider(t *testing.T) {
	help := envHelp()
	for _, p := range Providers {
		for _, c := range credentials[p] {
			if !strings.Contains(help, "-"+c.flag+" or "+c.env) {
				t.Errorf("help lacks %s's -%s or %s:\n%s", p, c.flag, c.env, help)
			}
		}
	}
}

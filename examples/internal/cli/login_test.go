package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// browser plays the user at the terminal: when the sign-in prints the
// authorization URL, it approves it on the fake, as DefaultUser, and
// pastes the code the page shows.
type browser struct {
	srv   *mastodontest.Server
	paste *io.PipeWriter
	mu    sync.Mutex
	out   bytes.Buffer
}

var authURL = regexp.MustCompile(`http://\S+/oauth/authorize\?\S+`)

func (b *browser) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.out.Write(p)
	if u := authURL.FindString(string(p)); u != "" {
		go func() {
			page, err := b.srv.Approve(u)
			if err != nil {
				b.paste.CloseWithError(err)
				return
			}
			io.WriteString(b.paste, page.Query().Get("code")+"\n")
		}()
	}
	return len(p), nil
}

func (b *browser) said() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.out.String()
}

// signInConfig is a Config that signs in on srv, its code pasted by a
// browser, its token kept in dir.
func signInConfig(srv *mastodontest.Server, path string) (*Config, *browser) {
	r, w := io.Pipe()
	b := &browser{srv: srv, paste: w}
	return &Config{Provider: "mastodon", BaseURL: srv.URL, SignIn: true, TokenFile: path, Stdin: r, Prompt: b}, b
}

// -login signs in, saves the token in a file only the user can read, and
// uses it; the next run, without a token, reads it from there.
func TestLoginSavesAndReusesTheToken(t *testing.T) {
	t.Setenv("MASTODON_TOKEN", "")
	srv := mastodontest.NewServer()
	defer srv.Close()
	ids := srv.AddStatuses(2)
	if err := srv.Favorite(mastodontest.DefaultUser, ids[0]); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "config", "token.json")
	c, b := signInConfig(srv, path)
	sess, err := c.OpenContext(t.Context())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.said())
	}
	defer sess.Close()
	if !strings.Contains(b.said(), "Signed in as @"+mastodontest.DefaultUser) {
		t.Fatalf("the sign-in said:\n%s", b.said())
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("token file %v, %v: want mode 0600", info, err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), c.Token) || strings.Contains(b.said(), c.Token) {
		t.Fatalf("the file does not hold the token, or the prompt shows it:\n%s", b.said())
	}
	assertLists(t, sess.Favorites, ids[0])

	next := &Config{Provider: "mastodon", BaseURL: srv.URL, TokenFile: path}
	sess2, err := next.OpenContext(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer sess2.Close()
	assertLists(t, sess2.Favorites, ids[0])
}

func assertLists(t *testing.T, f favorites.Favorites, want string) {
	t.Helper()
	page, err := f.List(nil).NextPage(t.Context())
	if err != nil || len(page.Items) != 1 || page.Items[0].Ref.ID != want {
		t.Fatalf("listing: %v, %v; want %s", page.Items, err, want)
	}
}

// A token file others may read is not used, and -login replaces it with
// one only its owner can read; a file of another instance is refused.
func TestTokenFileGuards(t *testing.T) {
	t.Setenv("MASTODON_TOKEN", "")
	srv := mastodontest.NewServer()
	defer srv.Close()
	dir := t.TempDir()
	loosePath := filepath.Join(dir, "loose.json")
	if err := os.WriteFile(loosePath, []byte(`{"base_url":"`+srv.URL+`","token":{"access_token":"`+mastodontest.Token+`"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c := &Config{Provider: "mastodon", BaseURL: srv.URL, TokenFile: loosePath}
	if _, err := c.OpenContext(t.Context()); !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a file others may read: %v, want it refused naming chmod 600", err)
	}
	login, b := signInConfig(srv, loosePath)
	sess, err := login.OpenContext(t.Context())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.said())
	}
	sess.Close()
	if info, err := os.Stat(loosePath); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("after -login: %v, %v; want mode 0600", info, err)
	}
	other := mastodontest.NewServer()
	defer other.Close()
	c = &Config{Provider: "mastodon", BaseURL: other.URL, TokenFile: loosePath}
	if _, err := c.OpenContext(t.Context()); !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), "is for "+srv.URL) {
		t.Fatalf("another instance's token: %v, want it refused", err)
	}
}

// -login is the sign-in and -user the e621 login; the sign-in is refused
// where it means nothing, and without a pasted code nothing is saved.
func TestLoginFlag(t *testing.T) {
	for _, tt := range []struct {
		args      []string
		signIn    bool
		login     string
		provider  string
		wantError string
	}{
		{[]string{"-login"}, true, "", "mastodon", ""},
		{[]string{"-user", "alice"}, false, "alice", "e621", ""},
		{[]string{"-login"}, true, "", "e621", "Mastodon only"},
		{[]string{"-login"}, true, "", "dch", "Mastodon only"},
	} {
		var c Config
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		c.Register(fs)
		if err := fs.Parse(tt.args); err != nil || c.SignIn != tt.signIn || c.Login != tt.login {
			t.Fatalf("%v: sign-in %t, login %q, %v", tt.args, c.SignIn, c.Login, err)
		}
		c.Provider = tt.provider
		if err := c.checkLogin(); (tt.wantError == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantError)) {
			t.Errorf("%v on %s: %v, want %q", tt.args, tt.provider, err, tt.wantError)
		}
	}
	srv := mastodontest.NewServer()
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "token.json")
	c := &Config{Provider: "mastodon", BaseURL: srv.URL, SignIn: true, TokenFile: path, Stdin: strings.NewReader(""), Prompt: io.Discard}
	if _, err := c.OpenContext(context.Background()); !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), "no code") {
		t.Fatalf("no code pasted: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a token file was written: %v", err)
	}
}

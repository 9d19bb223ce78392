package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
)

// checkLogin refuses -login alone where there is nothing to sign in to.
func (c *Config) checkLogin() error {
	if !c.SignIn || c.Provider == mastodon.ProviderName {
		return nil
	}
	return fmt.Errorf("%w: -login signs in to Mastodon only; %s takes a token (-token)", favorites.ErrInvalidArgument, c.Provider)
}

// tokenFile is what -login saves: the instance, the app that signed in
// (whose secret revokes the token), and the token.
type tokenFile struct {
	BaseURL string          `json:"base_url"`
	App     *mastodon.App   `json:"app"`
	Token   *mastodon.Token `json:"token"`
}

// mastodonToken sets c.Token for a Mastodon account when no -token or
// MASTODON_TOKEN gives one: with -login by signing in (and saving the
// token), else from the token file of an earlier -login, if there is one.
// A second account (-to-*) never signs in or reads the file, which is the
// first account's.
func (c *Config) mastodonToken(ctx context.Context) error {
	if err := c.checkLogin(); err != nil || c.Provider != mastodon.ProviderName || c.flagPrefix != "" {
		return err
	}
	base := c.ResolvedBaseURL()
	switch {
	case base == "":
		return nil // resolve names it
	case c.SignIn:
		return c.signIn(ctx, base)
	case c.env(c.Token, "MASTODON_TOKEN") != "":
		return nil
	}
	path, err := c.tokenPath(base)
	if err != nil {
		return err
	}
	tf, err := readTokenFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // resolve names -token, and -login
	}
	if err != nil {
		return err
	}
	if !SameInstance(tf.BaseURL, base) {
		return fmt.Errorf("%w: the token in %s is for %s, not %s: sign in again with -login", favorites.ErrInvalidArgument, path, tf.BaseURL, base)
	}
	c.Token = tf.Token.AccessToken
	return nil
}

// signIn registers an app on the instance, prints the authorization URL,
// reads the code the user pastes, exchanges it, checks the token and
// saves it.
func (c *Config) signIn(ctx context.Context, base string) error {
	path, err := c.tokenPath(base)
	if err != nil {
		return err
	}
	o, err := mastodon.NewOAuth(base)
	if err != nil {
		return err
	}
	app, err := o.RegisterApp(ctx, mastodon.AppOptions{Name: "favkit favorites examples", Website: "https://github.com/favkit/favorites"})
	if err != nil {
		return fmt.Errorf("signing in: %w", err)
	}
	auth, err := o.Authorize(ctx, app, nil)
	if err != nil {
		return fmt.Errorf("signing in: %w", err)
	}
	fmt.Fprintf(c.prompt(), "Open this page, sign in and authorize the app:\n\n  %s\n\nThen paste the code it shows here: ", auth.URL)
	code, err := bufio.NewReader(c.stdin()).ReadString('\n')
	if strings.TrimSpace(code) == "" {
		return fmt.Errorf("%w: signing in: no code was pasted (%v)", favorites.ErrInvalidArgument, err)
	}
	tok, err := auth.Exchange(ctx, code)
	if err != nil {
		return fmt.Errorf("signing in: %w", err)
	}
	if err := c.confirm(ctx, base, tok, path); err != nil {
		return err
	}
	c.Token = tok.AccessToken
	return writeTokenFile(path, &tokenFile{BaseURL: base, App: app, Token: tok})
}

// confirm checks the new token by the account it acts for and says so.
func (c *Config) confirm(ctx context.Context, base string, tok *mastodon.Token, path string) error {
	cl, err := mastodon.New(base, tok.AccessToken)
	if err != nil {
		return err
	}
	acct, _, err := cl.VerifyCredentials(ctx)
	if err != nil {
		return fmt.Errorf("signing in: the new token does not work: %w", err)
	}
	fmt.Fprintf(c.prompt(), "Signed in as @%s (%s). The token is saved in %s, which only you can read;\nlater runs read it from there.\n",
		acct.Acct, acct.URL, path)
	return nil
}

// tokenPath is -token-file, or the default for the instance at base:
// mastodon-<host>.json in favkit's folder of the user's configuration.
func (c *Config) tokenPath(base string) (string, error) {
	if c.TokenFile != "" {
		return c.TokenFile, nil
	}
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("%w: base URL %q has no host to name its token file by", favorites.ErrInvalidArgument, base)
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no folder for the token file (%v): give one with -token-file", err)
	}
	return filepath.Join(dir, "favkit", "mastodon-"+strings.NewReplacer(":", "_", "/", "_").Replace(u.Host)+".json"), nil
}

// readTokenFile reads a token file, refusing one that others may read: the
// token in it may have been seen, and it is not used until that is fixed.
func readTokenFile(path string) (*tokenFile, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if loose(info.Mode()) {
		return nil, fmt.Errorf("%w: %s may be read by others (mode %#o): run chmod 600 %s, and if others could read it, sign in again with -login",
			favorites.ErrInvalidArgument, path, info.Mode().Perm(), path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var tf tokenFile
	if err := json.Unmarshal(data, &tf); err != nil || tf.Token == nil || tf.Token.AccessToken == "" {
		return nil, fmt.Errorf("%w: %s holds no token (%v): sign in again with -login", favorites.ErrInvalidArgument, path, err)
	}
	return &tf, nil
}

// loose reports whether mode lets anyone but the owner read or write the
// file. Windows has no such bits, so nothing is loose there.
func loose(mode fs.FileMode) bool { return runtime.GOOS != "windows" && mode.Perm()&0o077 != 0 }

// writeTokenFile saves tf at path, readable by its owner only: written to
// a new file of mode 0600 beside it, then renamed over it, so that no
// moment shows a partial token, and a file there before with a looser
// mode is replaced, not reused.
func writeTokenFile(path string, tf *tokenFile) error {
	data, err := json.MarshalIndent(tf, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".token-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing there
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func (c *Config) stdin() io.Reader {
	if c.Stdin != nil {
		return c.Stdin
	}
	return os.Stdin
}

func (c *Config) prompt() io.Writer {
	if c.Prompt != nil {
		return c.Prompt
	}
	return os.Stderr
}

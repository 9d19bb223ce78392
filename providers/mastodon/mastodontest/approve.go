package mastodontest

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Approve opens authURL, an authorization URL of this server, as
// DefaultUser's browser would, approves it, and returns where the server
// sent the browser: the app's redirect URI with code (or error) and
// state, or for OutOfBand the page that shows the code, with the code in
// its query too. A request the server cannot send back (an unknown app, a
// redirect URI that is not the app's) is an error with the page's text.
func (s *Server) Approve(authURL string) (*url.URL, error) { return s.approve(DefaultUser, authURL) }

// Approve is [Server.Approve] as this account's browser.
func (a Account) Approve(authURL string) (*url.URL, error) { return a.srv.approve(a.User, authURL) }

func (s *Server) approve(user, authURL string) (*url.URL, error) {
	if !strings.HasPrefix(authURL, s.URL+"/") {
		return nil, fmt.Errorf("mastodontest: %q is not a URL of this server (%s)", authURL, s.URL)
	}
	req, err := http.NewRequest(http.MethodGet, authURL, nil)
	if err != nil {
		return nil, err
	}
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: user})
	hc := *s.srv.Client()
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		page, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		return nil, fmt.Errorf("mastodontest: the authorization page answered %d: %s", resp.StatusCode, page)
	}
	return resp.Location()
}

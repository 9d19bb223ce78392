package driver

import (
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
)

// TestRedirectKeepsCredentialsOnTheBaseHost follows one redirect per row and
// checks which Authorization the target got: the credential goes only where
// the base URL points, with the same scheme, host and port.
func TestRedirectKeepsCredentialsOnTheBaseHost(t *testing.T) {
	auths := map[string]Credential{
		"bearer": mustBearerToken(t, "tok"),
		"basic":  mustBasicAuth(t, "me", "k3y"),
	}
	tests := []struct {
		name, location string
		keep           bool
	}{
		{"same host", "https://api.example/v1/elsewhere", true},
		{"other host", "https://evil.example/x", false},
		{"subdomain", "https://a.api.example/x", false},
		{"other port", "https://api.example:8443/x", false},
		{"downgrade to http", "http://api.example/v1/x", false},
	}
	for authName, auth := range auths {
		for _, tt := range tests {
			t.Run(authName+"/"+tt.name, func(t *testing.T) {
				mt := httpmock.NewMockTransport()
				mt.RegisterResponder("GET", testBase+"/moved", func(*http.Request) (*http.Response, error) {
					r := httpmock.NewStringResponse(http.StatusFound, "")
					r.Header.Set("Location", tt.location)
					return r, nil
				})
				var got []string
				mt.RegisterResponder("GET", tt.location, func(r *http.Request) (*http.Response, error) {
					got = append(got, r.Header.Get("Authorization"))
					return httpmock.NewStringResponse(200, `{}`), nil
				})
				c, err := New(Config{Provider: "p", Credential: auth}, favorites.WithBaseURL(testBase), favorites.WithHTTPClient(&http.Client{Transport: mt}))
				if err != nil {
					t.Fatal(err)
				}
				req, _ := c.NewRequest("GET", "moved", nil, nil)
				if _, err := c.Do(t.Context(), req, nil); err != nil {
					t.Fatal(err)
				}
				if len(got) != 1 || (got[0] != "") == !tt.keep {
					t.Fatalf("redirect target got Authorization %q; want it kept: %v", got, tt.keep)
				}
			})
		}
	}
}

// TestNextLinkStaysOnTheBaseHost feeds next links that would carry the
// credential elsewhere; each must fail its page before it is followed.
func TestNextLinkStaysOnTheBaseHost(t *testing.T) {
	links := []string{
		"https://evil.example/v1/favourites?page=2",
		"//evil.example/v1/favourites",
		"http://api.example/v1/favourites?page=2",
		"https://api.example:444/v1/favourites",
		"https://user:pw@api.example/v1/favourites",
		"https://evil.example@api.example.evil.example/v1",
	}
	for _, link := range links {
		t.Run(link, func(t *testing.T) {
			c, mt := newMockClient(t)
			mt.RegisterResponder("GET", testBase+"/favourites",
				jsonResponder(200, `["a"]`, "Link", "<"+link+`>; rel="next"`))
			got, err := collect(t, LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}))
			if !errors.Is(err, favorites.ErrCrossHostURL) || !errors.Is(err, favorites.ErrMalformedReply) || len(got) != 0 {
				t.Fatalf("listing = %v, %v; want the first page to fail with ErrCrossHostURL", got, err)
			}
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Fatalf("%d requests, want only the first page", n)
			}
			if strings.Contains(err.Error(), "pw") {
				t.Errorf("error %q shows the link's password", err)
			}
		})
	}
}

// TestTLSVerificationStaysOn points the default client at a server whose
// certificate nothing trusts: the handshake must fail before any request,
// and so any credential, reaches it.
func TestTLSVerificationStaysOn(t *testing.T) {
	var reached atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { reached.Add(1) }))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	srv.StartTLS()
	defer srv.Close()
	tr := &http.Transport{} // a plain transport: the defaults a user gets
	defer tr.CloseIdleConnections()
	c, err := New(Config{Provider: "p", Credential: mustBearerToken(t, "tok")}, favorites.WithBaseURL(srv.URL),
		favorites.WithHTTPClient(&http.Client{Transport: tr}), favorites.WithRetryPolicy(favorites.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err = c.Do(t.Context(), req, nil)
	var certErr *tls.CertificateVerificationError
	if !errors.As(err, &certErr) {
		t.Fatalf("Do against an untrusted certificate = %v, want a certificate verification error", err)
	}
	if n := reached.Load(); n != 0 {
		t.Fatalf("the server handled %d requests", n)
	}
}

// TestNextLinkFollowsTheSavedCursorRule serves a Mastodon-style listing
// below a base path whose next link leads where a saved cursor would be
// refused: the page must fail with ErrCrossHostURL and nothing go there, so
// the bearer token never reaches that endpoint or app.
func TestNextLinkFollowsTheSavedCursorRule(t *testing.T) {
	var elsewhere atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	var next string
	var srvURL string
	paths := map[string]*atomic.Int64{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n, ok := paths[r.URL.Path]; ok {
			n.Add(1)
		} else {
			elsewhere.Add(1)
		}
		w.Header().Set("Link", "<"+strings.ReplaceAll(next, "SERVER", srvURL)+`>; rel="next"`)
		w.Write([]byte(`["a"]`))
	}))
	defer srv.Close()
	srvURL = srv.URL
	const listing = "/masto/api/v1/favourites"
	paths[listing] = new(atomic.Int64)
	links := map[string]string{
		"oauth revoke":      "SERVER/oauth/revoke",
		"masto revoke":      "SERVER/masto/oauth/revoke",
		"relative revoke":   "/oauth/revoke",
		"out of base path":  "SERVER/other-app/api/v1/favourites?max_id=1",
		"dot segments":      "SERVER/masto/api/v1/favourites/../../../../other-app?max_id=1",
		"another port":      other.URL + listing + "?max_id=1",
		"listing's own sub": "SERVER" + listing + "/x?max_id=1",
	}
	c, err := New(Config{Provider: "mastodon", Credential: mustBearerToken(t, "s3cret-token")}, favorites.WithBaseURL(srv.URL+"/masto"),
		favorites.WithRetryPolicy(favorites.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	for name, link := range links {
		t.Run(name, func(t *testing.T) {
			next = link
			paths[listing].Store(0)
			elsewhere.Store(0)
			got, err := collect(t, LinkPager[string](c, "api/v1/favourites", nil, "", ItemRules[string]{}))
			if !errors.Is(err, favorites.ErrCrossHostURL) || len(got) != 0 {
				t.Fatalf("next link %s: %v, %v; want the first page to fail with ErrCrossHostURL", link, got, err)
			}
			if n, m := paths[listing].Load(), elsewhere.Load(); n != 1 || m != 0 {
				t.Fatalf("%d requests to the listing (want 1) and %d elsewhere (want 0)", n, m)
			}
			// A saved cursor to the same place is refused alike.
			_, err = collect(t, LinkPager[string](c, "api/v1/favourites", nil, strings.ReplaceAll(link, "SERVER", srv.URL), ItemRules[string]{}))
			if !errors.Is(err, favorites.ErrCrossHostURL) || elsewhere.Load() != 0 {
				t.Fatalf("saved cursor %s: %v", link, err)
			}
		})
	}
}

// TestRequestPrintsWithoutCredential prints a Request under each verb: the
// credential headers show REDACTED, never their value, while the rest stays
// there for the debugging reader.
func TestRequestPrintsWithoutCredential(t *testing.T) {
	c, _ := newMockClientAs(t, mustBasicAuth(t, "me", "k3y-pass"))
	req, err := c.NewRequest("GET", "favourites", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Cookie", "session=c00kie")
	secrets := []string{"k3y-pass", "bWU6azN5LXBhc3M", "c00kie"} // the base64 of me:k3y-pass, unpadded
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%t", "%x", "%X"} {
		got := fmt.Sprintf(verb, req)
		for _, s := range secrets {
			if strings.Contains(got, s) {
				t.Errorf("%s shows %q: %s", verb, s, got)
			}
		}
		if verb == "%v" && (!strings.Contains(got, "REDACTED") || !strings.Contains(got, "application/json")) {
			t.Errorf("%s = %s; want the headers, credentials REDACTED", verb, got)
		}
	}
}

// echoAuth answers 401 with the request's Authorization value, and its
// credential part, echoed everywhere a server's words land in an error:
// the message, the body, the request ID, a JSON-escaped copy.
func echoAuth(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Authorization")
	_, cred, _ := strings.Cut(auth, " ")
	w.Header().Set("X-Request-Id", cred)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusUnauthorized)
	fmt.Fprintf(w, `{"error":"bad header %s","message":"token %s","code":%q,"echo":"%s"}`,
		auth, cred, cred, strings.ReplaceAll(auth, "/", `\/`))
}

// TestCredentialsNeverComeBackInErrors points a client at a server that
// echoes its credential into a 401: neither the error, its APIError fields
// nor the debug log may hold any form of it.
func TestCredentialsNeverComeBackInErrors(t *testing.T) {
	const token, user, pass = "t0k/en+s3cret", "me", "pa/ss+w0rd"
	basic := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	tests := []struct {
		name  string
		auth  Credential
		forms []string
	}{
		{"bearer", mustBearerToken(t, token), []string{token, url.QueryEscape(token)}},
		{"basic", mustBasicAuth(t, user, pass), []string{pass, user + ":" + pass, basic, strings.TrimRight(basic, "=")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			c, _ := newServerClientAs(t, echoAuth, tt.auth,
				favorites.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
			req, _ := c.NewRequest("GET", "favourites", nil, nil)
			_, err := c.Do(t.Context(), req, nil)
			var apiErr *favorites.APIError
			if !errors.As(err, &apiErr) || !errors.Is(err, favorites.ErrUnauthorized) {
				t.Fatalf("Do = %v, want a 401 APIError", err)
			}
			if !strings.Contains(apiErr.Message, "REDACTED") {
				t.Errorf("Message %q: want the echo there, scrubbed", apiErr.Message)
			}
			shown := map[string]string{"Error": err.Error(), "Message": apiErr.Message, "Body": string(apiErr.Body),
				"URL": apiErr.URL, "Code": apiErr.Code, "RequestID": apiErr.RequestID, "log": logs.String(),
				"%+v": fmt.Sprintf("%+v", apiErr)}
			for where, s := range shown {
				for _, form := range tt.forms {
					if strings.Contains(s, form) {
						t.Errorf("%s holds %q: %s", where, form, s)
					}
				}
			}
		})
	}
}

// echoingTransport fails every request with a timeout whose text repeats
// the request's Authorization header, as a careless proxy might.
type echoingTransport struct{}

type echoTimeout struct{ text string }

func (e echoTimeout) Error() string { return e.text }
func (echoTimeout) Timeout() bool   { return true }
func (echoTimeout) Temporary() bool { return true }

func (echoingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, echoTimeout{"proxy refused " + r.Header.Get("Authorization")}
}

// TestNetworkErrorsAreScrubbed: a transport error that echoes the
// credential is scrubbed in the error's text, while errors.As still finds
// the net.Error below.
func TestNetworkErrorsAreScrubbed(t *testing.T) {
	c, err := New(Config{Provider: "p", Credential: mustBearerToken(t, "s3cret-token")}, favorites.WithBaseURL(testBase), favorites.WithRetryPolicy(favorites.RetryPolicy{}),
		favorites.WithHTTPClient(&http.Client{Transport: echoingTransport{}}))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := c.NewRequest("GET", "favourites", nil, nil)
	_, err = c.Do(t.Context(), req, nil)
	if err == nil || strings.Contains(err.Error(), "s3cret-token") || !strings.Contains(err.Error(), "proxy refused") {
		t.Fatalf("Do = %v; want the proxy's error without the token", err)
	}
	var netErr net.Error
	if !errors.As(err, &netErr) || !netErr.Timeout() {
		t.Errorf("errors.As(%v, net.Error) lost the network error", err)
	}
}

// TestNextLinkWithTheCredentialIsRefused: a server that puts the token in
// its next link ends the walk before the link becomes a cursor, which
// callers save and print.
func TestNextLinkWithTheCredentialIsRefused(t *testing.T) {
	c, hits := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `<`+r.URL.Path+`?max_id=s3cret-token>; rel="next"`)
		w.Write([]byte(`["a"]`))
	})
	p := LinkPager[string](c, "favourites", nil, "", ItemRules[string]{})
	_, err := collect(t, p)
	if !errors.Is(err, favorites.ErrCrossHostURL) || strings.Contains(err.Error(), "s3cret-token") ||
		strings.Contains(p.Cursor(), "s3cret-token") || hits.Load() != 1 {
		t.Fatalf("walk = %v, cursor %q, %d requests; want ErrCrossHostURL after one, no token", err, p.Cursor(), hits.Load())
	}
}

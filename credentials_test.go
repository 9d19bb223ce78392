package favorites

import (
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jarcoal/httpmock"
)

// TestRedirectKeepsCredentialsOnTheBaseHost follows one redirect per row and
// checks which Authorization the target got: the credential goes only where
// the base URL points, with the same scheme, host and port.
func TestRedirectKeepsCredentialsOnTheBaseHost(t *testing.T) {
	auths := map[string]Option{
		"bearer": WithBearerToken("tok"),
		"basic":  WithBasicAuth("me", "k3y"),
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
				c, err := New("p", WithBaseURL(testBase), auth, WithHTTPClient(&http.Client{Transport: mt}))
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
// credential elsewhere; each must end the listing before it is followed.
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
			if !errors.Is(err, ErrCrossHostURL) || !slices.Equal(got, []string{"a"}) {
				t.Fatalf("listing = %v, %v; want the first page then ErrCrossHostURL", got, err)
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
	c, err := New("p", WithBaseURL(srv.URL), WithBearerToken("tok"),
		WithHTTPClient(&http.Client{Transport: tr}), WithRetryPolicy(RetryPolicy{}))
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

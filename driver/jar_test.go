package driver

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
)

// TestJarCookieSentOncePerAttempt gives the client a cookie jar and makes
// the first attempt fail: every attempt, and a second Do of the same
// Request, must carry each cookie once, not once more per attempt, and a
// cookie the server sets is kept for the next request.
func TestJarCookieSentOncePerAttempt(t *testing.T) {
	jar, _ := cookiejar.New(nil)
	base, _ := url.Parse(testBase)
	jar.SetCookies(base, []*http.Cookie{{Name: "s", Value: "1"}})
	mt := httpmock.NewMockTransport()
	var got []string
	mt.RegisterResponder("GET", testBase+"/x", sequence(
		func(r *http.Request) (*http.Response, error) {
			got = append(got, r.Header.Get("Cookie"))
			return jsonResponder(503, `{}`)(r)
		},
		func(r *http.Request) (*http.Response, error) {
			got = append(got, r.Header.Get("Cookie"))
			return jsonResponder(200, `{}`, "Set-Cookie", "t=2")(r)
		}))
	c, _ := newMockClient(t, favorites.WithHTTPClient(&http.Client{Transport: mt, Jar: jar}))
	req, _ := c.NewRequest("GET", "x", nil, nil)
	for range 2 {
		if _, err := c.Do(t.Context(), req, nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != 3 {
		t.Fatalf("%d attempts, want 3", len(got))
	}
	// The answer's Set-Cookie reaches the jar and the next request.
	for i, want := range []string{"s=1", "s=1", "s=1; t=2"} {
		parts := strings.Split(got[i], "; ")
		slices.Sort(parts) // the jar's order is its own
		if strings.Join(parts, "; ") != want {
			t.Errorf("attempt %d sent Cookie %q, want %q", i+1, got[i], want)
		}
	}
}

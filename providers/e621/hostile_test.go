package e621_test

import (
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/e621"
)

// The typed calls take post IDs as numbers (TestTypedCallsRefuseBadPostIDs
// covers those that no post has), and refs go through the conformance
// suite's hostile table.
//
// The login is the one string the typed client takes. It goes only into
// the Basic auth and User-Agent headers: one that would break a header is
// refused by New, and any other never reaches the path or the query.
func TestHostileLoginNeverReachesTheURL(t *testing.T) {
	for _, h := range drivertest.HostileValues {
		t.Run(h.Name, func(t *testing.T) {
			mt := httpmock.NewMockTransport()
			var sent []*url.URL
			mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
				sent = append(sent, r.URL)
				return httpmock.NewStringResponse(http.StatusOK, `{"posts":[]}`), nil
			})
			c, err := e621.New(h.Value, testKey, favorites.WithHTTPClient(&http.Client{Transport: mt}),
				favorites.WithRateLimiter(nil), favorites.WithRetryPolicy(favorites.RetryPolicy{}))
			breaksHeader := h.Value == "" || strings.ContainsFunc(h.Value, unicode.IsControl)
			switch {
			case breaksHeader && errors.Is(err, favorites.ErrInvalidArgument):
				t.Logf("| login %-14s | refused: %s", h.Name, drivertest.Clip(err.Error(), 80))
				return
			case err != nil || breaksHeader:
				t.Fatalf("New with login %.40q = %v; want ErrInvalidArgument exactly when it breaks a header", h.Value, err)
			}
			if _, err := c.Favorites(nil).NextPage(t.Context()); err != nil {
				t.Fatal(err)
			}
			if len(sent) != 1 || sent[0].Path != "/favorites.json" ||
				!slices.Equal(slices.Sorted(maps.Keys(sent[0].Query())), []string{"limit", "page"}) {
				t.Fatalf("login %.40q: sent %v, want one GET /favorites.json?limit&page", h.Value, sent)
			}
			t.Logf("| login %-14s | accepted, headers only: %s", h.Name, sent[0])
		})
	}
}

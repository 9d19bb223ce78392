package bench

import (
	"net/http"
	"testing"

	"github.com/favkit/favorites/providers/e621/e621test"
)

// Every contender walks a listing of several pages to its end, so the
// benchmarks compare listings that do the same work.
func TestContendersListEverything(t *testing.T) {
	mastodonSrv := SeedMastodon(85)
	defer mastodonSrv.Close()
	e621Srv := e621test.NewServer(e621test.WithRateLimit(0))
	defer e621Srv.Close()
	if err := e621Srv.Favorite(e621test.Login, e621Srv.AddPosts(700)...); err != nil {
		t.Fatal(err)
	}
	groups := []struct {
		base    string
		want    int
		listers []namedLister
	}{
		{mastodonSrv.URL, 85, mastodonListers},
		{e621Srv.URL, 700, e621Listers},
	}
	for _, g := range groups {
		for _, l := range g.listers {
			hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
			n, err := l.list(t.Context(), hc, g.base)
			hc.CloseIdleConnections()
			if err != nil || n != g.want {
				t.Errorf("%s on %s: listed %d, %v; want %d", l.name, g.base, n, err, g.want)
			}
		}
	}
}

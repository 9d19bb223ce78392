package bench

import (
	"context"
	"net/http"

	gomastodon "github.com/mattn/go-mastodon"

	"github.com/favkit/favorites/providers/mastodon"
)

// GoMastodon lists every favourite with github.com/mattn/go-mastodon's
// GetFavourites, paging as its documentation shows: each call sets the
// Pagination to the next page from the Link header, and a zero MaxID ends
// the walk.
func GoMastodon(ctx context.Context, hc *http.Client, base, token string, each func(*gomastodon.Status)) (int, error) {
	c := gomastodon.NewClient(&gomastodon.Config{Server: base, AccessToken: token})
	c.Client = *hc
	n := 0
	pg := gomastodon.Pagination{Limit: mastodon.MaxLimit}
	for {
		page, err := c.GetFavourites(ctx, &pg)
		if err != nil {
			return n, err
		}
		for _, st := range page {
			each(st)
		}
		n += len(page)
		if pg.MaxID == "" {
			return n, nil
		}
		pg.MinID, pg.SinceID = "", "" // keep walking towards older favourites only
	}
}

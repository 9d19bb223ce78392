package mastodon

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

const favouritesPath = "/api/v1/favourites"

// sinceQuery is a favourites request above a favourite ID.
type sinceQuery struct {
	Limit int    `url:"limit"`
	MinID string `url:"min_id,omitempty"`
}

// FavouritesSince returns the statuses favourited since mark, newest
// favourite first, each once, and the mark to give the next call; "" means
// from now. The package doc's "Marks" gives the rules it stands on, its
// cost, what it cannot see and the mark's text.
func (c *Client) FavouritesSince(ctx context.Context, mark string) ([]*Status, string, error) {
	instance := c.account
	if mark == "" {
		return c.markNow(ctx, instance)
	}
	m, err := parseMark(mark, instance)
	if err != nil {
		return nil, "", err
	}
	if m.minID == "" {
		return c.sinceEmpty(ctx, m)
	}
	return c.above(ctx, m)
}

// markNow marks the newest favourite, in one request of one status.
func (c *Client) markNow(ctx context.Context, instance string) ([]*Status, string, error) {
	page, resp, err := c.favouritesPage(ctx, sinceQuery{Limit: 1})
	if err != nil {
		return nil, "", err
	}
	newest, err := prevMinID(resp, page)
	if err != nil {
		return nil, "", err
	}
	return nil, mark{instance: instance, minID: newest}.String(), nil
}

// above walks up from m's favourite ID by min_id until a page is not full,
// and gives the statuses newest first.
func (c *Client) above(ctx context.Context, m mark) ([]*Status, string, error) {
	var pages [][]*Status
	for {
		page, resp, err := c.favouritesPage(ctx, sinceQuery{Limit: MaxLimit, MinID: m.minID})
		if err != nil {
			return nil, "", err
		}
		if len(page) == 0 {
			break
		}
		newest, err := prevMinID(resp, page)
		if err != nil {
			return nil, "", err
		}
		if newest == m.minID {
			return nil, "", fmt.Errorf("%s: %w: the page above favourite %s links back to it", ProviderName, favorites.ErrPaginationLoop, newest)
		}
		pages = append(pages, page)
		m.minID = newest
		// A server that caps the limit lower says a page is full by its
		// next link; with neither, nothing was above the page when read.
		if len(page) < MaxLimit && resp.NextURL == "" {
			break
		}
	}
	var sts []*Status
	for i := len(pages) - 1; i >= 0; i-- { // pages go up; each is newest first
		sts = append(sts, pages[i]...)
	}
	return onceEach(sts), m.String(), nil
}

// sinceEmpty lists everything, newest first, for a mark made on an empty
// list, and marks the newest favourite of the first page: those made
// during the walk are above it, so the next run has them.
func (c *Client) sinceEmpty(ctx context.Context, m mark) ([]*Status, string, error) {
	p := c.Favourites(nil)
	var sts []*Status
	for first := true; ; first = false {
		page, err := p.NextPage(ctx)
		if errors.Is(err, favorites.ErrNoMorePages) {
			break
		}
		if err != nil {
			return nil, "", err
		}
		if first {
			if m.minID, err = prevMinID(page.Response, page.Items); err != nil {
				return nil, "", err
			}
		}
		sts = append(sts, page.Items...)
	}
	return onceEach(sts), m.String(), nil
}

// favouritesPage fetches one page of favourites, checked as listings are.
func (c *Client) favouritesPage(ctx context.Context, q sinceQuery) ([]*Status, *favorites.Response, error) {
	req, err := c.c.NewRequest(http.MethodGet, favouritesPath, q, nil)
	if err != nil {
		return nil, nil, err
	}
	var list driver.RawJSON
	resp, err := c.c.Do(ctx, req, &list)
	if err != nil {
		return nil, resp, err
	}
	page, err := driver.DecodeItems(ctx, list, statusRules(q.Limit+PageMargin))
	if err != nil {
		return nil, resp, fmt.Errorf("%s: GET %s: %w", ProviderName, favouritesPath, err)
	}
	return page, resp, nil
}

// prevMinID is the newest favourite ID of a page: the min_id of its
// rel="prev" link, which Mastodon sends with every non-empty page. An
// empty page has none, and gives "".
func prevMinID(resp *favorites.Response, page []*Status) (string, error) {
	if len(page) == 0 {
		return "", nil
	}
	malformed := func(why string) error {
		return fmt.Errorf("%s: %w: a page of %d favourites %s; Mastodon's prev link names the newest favourite ID as min_id",
			ProviderName, favorites.ErrMalformedReply, len(page), why)
	}
	if resp.PrevURL == "" {
		return "", malformed(`came without a rel="prev" link`)
	}
	u, err := url.Parse(resp.PrevURL)
	if err != nil || !strings.HasSuffix(strings.TrimRight(u.Path, "/"), favouritesPath) {
		return "", malformed(`has a rel="prev" link that is not to ` + favouritesPath)
	}
	v := u.Query()["min_id"]
	if len(v) == 0 || !validFavouriteID(v[len(v)-1]) {
		return "", malformed(`has a rel="prev" link without a usable min_id`)
	}
	return v[len(v)-1], nil
}

// onceEach keeps the first, newest, listing of each status: one unfavourited
// and favourited again during a run is listed twice, under two favourite IDs.
func onceEach(sts []*Status) []*Status {
	seen := make(map[string]bool, len(sts))
	out := sts[:0]
	for _, s := range sts {
		if !seen[s.ID] {
			seen[s.ID] = true
			out = append(out, s)
		}
	}
	return out
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// demoMastodon lists a Mastodon user's favourites page by page by the Link
// header, favourites and unfavourites a status, and meets a typed error and
// a spent rate-limit budget, all against the in-process fake.
func demoMastodon(ctx context.Context, w io.Writer) error {
	srv := mastodontest.NewServer()
	defer srv.Close()
	ids, err := seedMastodon(srv)
	if err != nil {
		return err
	}

	c, err := srv.Client()
	if err != nil {
		return err
	}
	if err := listMastodon(ctx, w, c); err != nil {
		return err
	}

	st, _, err := c.Favourite(ctx, ids[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "favourited %s: favourited=%v, %d favourite(s)\n", st.ID, st.Favourited, st.FavouritesCount)
	if _, _, err := c.Favourite(ctx, ids[0]); err != nil { // idempotent: no error
		return err
	}
	if st, _, err = c.Unfavourite(ctx, ids[1]); err != nil {
		return err
	}
	fmt.Fprintf(w, "unfavourited %s: favourited=%v\n", st.ID, st.Favourited)
	fmt.Fprintf(w, "favourites now, newest first: %v\n", srv.Favorites(mastodontest.DefaultUser))

	if err := mastodonErrors(ctx, w, srv, c); err != nil {
		return err
	}
	return mastodonRateLimit(ctx, w, srv, c, ids[2])
}

// seedMastodon adds statuses, favourites five of them and returns the IDs of
// the statuses.
func seedMastodon(srv *mastodontest.Server) ([]string, error) {
	ids := []string{
		srv.AddStatus(mastodontest.Status{Content: "<p>Not yet a favourite &amp; about to be one</p>"}),
		srv.AddStatus(mastodontest.Status{Content: "<p>Soon unfavourited</p>", Acct: "carol@social.example"}),
	}
	ids = append(ids, srv.AddStatuses(4)...)
	return ids, srv.Favorite(mastodontest.DefaultUser, ids[1:]...)
}

// listMastodon shows the pages the Link header leads to, with the
// rate-limit figures each response carried.
func listMastodon(ctx context.Context, w io.Writer, c *mastodon.Client) error {
	f := mastodon.NewAdapter(c)
	n := 0
	for page, err := range f.List(&favorites.ListOptions{PageSize: 2}).Pages(ctx) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(w, "page %d (%d left of %d requests):\n", n, page.Response.Rate.Remaining, page.Response.Rate.Limit)
		for _, fav := range page.Items {
			fmt.Fprintf(w, "  %s  %q\n", fav.Ref, fav.Title)
		}
		if len(page.Items) == 0 {
			fmt.Fprintln(w, "  (empty: the previous page was full, so the server linked on)")
		}
	}
	return nil
}

// mastodonErrors shows a typed 404 and an ID refused before sending.
func mastodonErrors(ctx context.Context, w io.Writer, srv *mastodontest.Server, c *mastodon.Client) error {
	_, _, err := c.Favourite(ctx, "999")
	var apiErr *favorites.APIError
	if !errors.Is(err, favorites.ErrNotFound) || !errors.As(err, &apiErr) {
		return fmt.Errorf("expected a 404, got %v", err)
	}
	fmt.Fprintf(w, "favourite an unknown status: ErrNotFound, %d %q\n", apiErr.StatusCode, apiErr.Message)

	before := srv.Faults.Requests()
	_, _, err = c.Favourite(ctx, "../../admin")
	if !errors.Is(err, favorites.ErrInvalidArgument) || srv.Faults.Requests() != before {
		return fmt.Errorf("expected an invalid ID refused before sending, got %v", err)
	}
	fmt.Fprintln(w, "favourite \"../../admin\": ErrInvalidArgument, nothing sent")
	return nil
}

// mastodonRateLimit spends the server's budget: the next request waits for
// X-RateLimit-Reset instead of earning a 429.
func mastodonRateLimit(ctx context.Context, w io.Writer, srv *mastodontest.Server, c *mastodon.Client, id string) error {
	srv.SetRateLimit(300, 1, 300*time.Millisecond)
	for range 2 {
		if _, _, err := c.Status(ctx, id); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "budget spent after one request; the second waited for the reset: %d refused with 429\n", srv.Throttled())
	return nil
}

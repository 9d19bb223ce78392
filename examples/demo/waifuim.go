package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// demoWaifuim lists the waifu.im favourites (one page: the service returns
// them all), filters them with the typed client, adds, toggles and removes
// through the portable adapter, and meets the service's 409 and 401.
func demoWaifuim(ctx context.Context, w io.Writer) error {
	srv := waifuimtest.NewServer()
	defer srv.Close()
	ids := srv.GenerateImages(6)
	if err := srv.Favorite(waifuimtest.UserID, ids[:4]...); err != nil {
		return err
	}

	// The fake needs no pacing; against the service keep the 5/s default.
	c, err := srv.Client(favorites.WithRateLimiter(nil))
	if err != nil {
		return err
	}
	f := waifuim.NewAdapter(c)
	if err := printPages(ctx, w, f.List(nil), func(fav favorites.Favorite) string {
		return fmt.Sprintf("%-5s %-5s %s %dx%d", fav.Kind, fav.Ref, fav.Title, fav.Width, fav.Height)
	}); err != nil {
		return err
	}

	safe := 0
	for _, err := range c.Favorites(&waifuim.FavoritesQuery{NSFW: waifuim.NSFWFalse, GIF: waifuim.Bool(false)}).All(ctx) {
		if err != nil {
			return err
		}
		safe++
	}
	fmt.Fprintf(w, "safe, no GIFs: %d of them\n", safe)
	none, err := c.Favorites(&waifuim.FavoritesQuery{IncludedTags: []string{"no-such-tag"}}).NextPage(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "tag no-such-tag: %d (the service's 404 is an empty list)\n", len(none.Items))

	if err := waifuimEdits(ctx, w, srv, c, f, ids); err != nil {
		return err
	}

	bad, err := srv.NewClient("expired-token")
	if err != nil {
		return err
	}
	_, err = bad.Favorites(nil).NextPage(ctx)
	var apiErr *favorites.APIError
	if !errors.Is(err, favorites.ErrUnauthorized) || !errors.As(err, &apiErr) {
		return fmt.Errorf("expected a 401, got %v", err)
	}
	fmt.Fprintf(w, "with an expired token: %d %s (errors.Is ErrUnauthorized)\n", apiErr.StatusCode, apiErr.Message)
	return nil
}

func waifuimEdits(ctx context.Context, w io.Writer, srv *waifuimtest.Server, c *waifuim.Client, f *waifuim.Adapter, ids []int64) error {
	ref := func(id int64) favorites.Ref { return waifuim.Ref(&waifuim.Image{ImageID: id}) }
	if err := f.Add(ctx, ref(ids[4])); err != nil {
		return err
	}
	if err := f.Remove(ctx, ref(ids[0])); err != nil {
		return err
	}
	fmt.Fprintf(w, "added %d, removed %d; now: %v\n", ids[4], ids[0], srv.Favorites(waifuimtest.UserID))

	for range 2 {
		added, err := f.Toggle(ctx, ref(ids[5]))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "toggle %d: now a favourite: %v\n", ids[5], added)
	}
	srv.Faults.FailNext(1, 502)
	before := srv.Faults.Requests()
	_, err := f.Toggle(ctx, ref(ids[5]))
	fmt.Fprintf(w, "toggle on a 502: %v after %d request (never repeated: a repeat would undo it)\n",
		errors.Is(err, favorites.ErrServer), srv.Faults.Requests()-before)

	_, _, err = c.Insert(ctx, waifuim.Edit{ImageID: ids[4]})
	if !errors.Is(err, favorites.ErrAlreadyFavorited) {
		return fmt.Errorf("expected a 409, got %v", err)
	}
	fmt.Fprintln(w, "typed Insert of a favourite: errors.Is ErrAlreadyFavorited")
	return nil
}

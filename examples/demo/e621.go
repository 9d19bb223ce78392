package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// demoE621 lists e621 favourites page by page, adds and removes one, and
// meets e621's typed errors, against the in-process fake, which enforces
// e621's two requests a second; the client's default limiter keeps under it.
func demoE621(ctx context.Context, w io.Writer) error {
	srv := e621test.NewServer()
	defer srv.Close()
	ids := srv.AddPosts(6)
	if err := srv.Favorite(e621test.Login, ids[:5]...); err != nil {
		return err
	}
	c, err := srv.Client(favorites.WithUserAgent(e621.UserAgent("favkit-demo", "1.0", e621test.Login)))
	if err != nil {
		return err
	}
	if err := listE621(ctx, w, e621.NewAdapter(c)); err != nil {
		return err
	}
	return changeE621(ctx, w, srv, c, ids[5])
}

// listE621 shows each page of the portable listing.
func listE621(ctx context.Context, w io.Writer, f favorites.Favorites) error {
	n := 0
	for page, err := range f.List(&favorites.ListOptions{PageSize: 2}).Pages(ctx) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(w, "page %d:\n", n)
		for _, fav := range page.Items {
			fmt.Fprintf(w, "  %-5s %-9s %-20q %dx%d\n", fav.Ref, fav.Kind, fav.Title, fav.Width, fav.Height)
		}
	}
	return nil
}

// changeE621 adds and removes a favourite with the typed client, then
// shows the errors a caller tests for.
func changeE621(ctx context.Context, w io.Writer, srv *e621test.Server, c *e621.Client, id int64) error {
	ch, _, err := c.AddFavorite(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "added %d (%s): %d favourite(s)\n", ch.PostID, c.PostURL(ch.PostID), ch.FavoriteCount)
	_, _, err = c.AddFavorite(ctx, id)
	fmt.Fprintf(w, "added again: already favourited=%v\n", errors.Is(err, favorites.ErrAlreadyFavorited))
	if err := e621.NewAdapter(c).Add(ctx, favorites.Ref{ID: fmt.Sprint(id)}); err != nil {
		return fmt.Errorf("portable Add of a favourite: %w", err)
	}
	fmt.Fprintln(w, "portable Add of the same post: no error")

	srv.SetTransferring(e621test.Login, true)
	_, _, err = c.RemoveFavorite(ctx, id)
	fmt.Fprintf(w, "remove during a transfer: transferring=%v, temporary (try later)\n", errors.Is(err, e621.ErrTransferring))
	srv.SetTransferring(e621test.Login, false)
	if _, _, err := c.RemoveFavorite(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(w, "removed %d; favourites now, newest first: %v\n", id, srv.Favorites(e621test.Login))

	_, err = c.Favorites(&e621.FavoritesOptions{Page: 751}).NextPage(ctx)
	fmt.Fprintf(w, "page 751, refused before sending: %v\n", err)
	return nil
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
)

// demoDCH lists the Digital Concert Hall favourites (one page: the service
// returns them all), adds and removes one through the portable adapter, and
// meets the service's 401.
func demoDCH(ctx context.Context, w io.Writer) error {
	srv := dchtest.NewServer()
	defer srv.Close()
	srv.AddItems(dchtest.DocumentItems()...)
	if err := srv.Favorite("301", "23427-3"); err != nil {
		return err
	}

	c, err := srv.Client()
	if err != nil {
		return err
	}
	f := dch.NewAdapter(c)
	if err := printPages(ctx, w, f.List(nil), func(fav favorites.Favorite) string {
		return fmt.Sprintf("%-9s %-8s %s", fav.Kind, fav.Ref, fav.Title)
	}); err != nil {
		return err
	}

	if err := f.Add(ctx, favorites.Ref{ID: "23427-1"}); err != nil {
		return err
	}
	if err := f.Remove(ctx, favorites.Ref{ID: "301"}); err != nil {
		return err
	}
	fmt.Fprintln(w, "added 23427-1, removed 301; now:", srv.Favorites())

	// The typed client keeps the service's detail: image templates.
	for fav, err := range c.Favourites().All(ctx) {
		if err != nil {
			return err
		}
		if fav.Image.Detail != nil {
			fmt.Fprintf(w, "detail image of %s at 1280x720: ...%s\n", fav.ID, dchTail(fav.Image.Detail.URL(1280, 720), 50))
		}
	}

	bad, err := dch.New("expired-token", favorites.WithBaseURL(srv.URL))
	if err != nil {
		return err
	}
	_, err = bad.Favourites().NextPage(ctx)
	var apiErr *favorites.APIError
	if !errors.Is(err, favorites.ErrUnauthorized) || !errors.As(err, &apiErr) {
		return fmt.Errorf("expected a 401, got %v", err)
	}
	fmt.Fprintf(w, "with an expired token: %d %s (errors.Is ErrUnauthorized)\n", apiErr.StatusCode, apiErr.Message)
	return nil
}

// dchTail keeps the last n bytes of s, so the fake's changing port stays
// out of sight.
func dchTail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

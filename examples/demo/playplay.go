package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// demoPlayPlay lists the PlayPlay favourites page by page (the server names
// the next page in the body), adds a stock photo and removes an upload
// through the portable adapter, and meets the service's typed errors.
func demoPlayPlay(ctx context.Context, w io.Writer) error {
	srv := playplaytest.NewServer(playplaytest.WithPageSize(2))
	defer srv.Close()
	srv.AddMedia(playplaytest.Upload(101), playplaytest.Upload(102),
		playplaytest.Stock(201, "pexels", "3608618"), playplaytest.Stock(202, "pexels", "1181244"))
	if err := srv.Favorite(101, 102, 201); err != nil {
		return err
	}

	c, err := srv.Client()
	if err != nil {
		return err
	}
	f := playplay.NewAdapter(c)
	if err := printPages(ctx, w, f.List(nil), func(fav favorites.Favorite) string {
		return fmt.Sprintf("%-5s %-21s %s", fav.Kind, fav.Ref, fav.Title)
	}); err != nil {
		return err
	}

	stock := playplay.MediaRef{RawMediaID: 202, Source: "pexels"}.Ref()
	upload := favorites.Ref{ID: "101", Source: playplay.SourceUpload}
	if err := f.Add(ctx, stock); err != nil {
		return err
	}
	if err := f.Remove(ctx, upload); err != nil {
		return err
	}
	fmt.Fprintf(w, "added %s, removed %s; now (raw media IDs): %v\n", stock, upload, srv.Favorites())

	// The typed client keeps the service's meaning: a second store is an error.
	_, _, err = c.AddFavorite(ctx, playplay.AddParams{RawMediaID: 202, Source: "pexels", StockID: "1181244"})
	if !errors.Is(err, favorites.ErrAlreadyFavorited) {
		return fmt.Errorf("expected an already-favourited error, got %v", err)
	}
	fmt.Fprintln(w, "storing it again with the typed client:", err)

	// A wrong combination of delete parameters never leaves the client.
	_, err = c.RemoveFavorite(ctx, playplay.RemoveParams{RawMediaID: 202, StockID: "1181244"})
	if !errors.Is(err, favorites.ErrInvalidArgument) {
		return fmt.Errorf("expected a refusal, got %v", err)
	}
	fmt.Fprintln(w, "refused before sending:", err)
	return nil
}

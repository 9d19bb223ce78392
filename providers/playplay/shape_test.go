package playplay_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// Every typed call that talks to the service gives its Response whenever
// the server answered, with the error too, so a caller can read the status
// of a failure; and refuses bad input before sending, with no Response.
func TestTypedCallsGiveTheResponse(t *testing.T) {
	type call func(ctx context.Context, c *playplay.Client) (*favorites.Response, error)
	tests := []struct {
		name         string
		good, refuse call
		okStatus     int
	}{
		{"FavoritesPage",
			func(ctx context.Context, c *playplay.Client) (*favorites.Response, error) {
				_, r, err := c.FavoritesPage(ctx, 1)
				return r, err
			},
			func(ctx context.Context, c *playplay.Client) (*favorites.Response, error) {
				_, r, err := c.FavoritesPage(ctx, -1)
				return r, err
			}, http.StatusOK},
		{"AddFavorite",
			func(ctx context.Context, c *playplay.Client) (*favorites.Response, error) {
				_, r, err := c.AddFavorite(ctx, playplay.AddParams{RawMediaID: 2, Source: playplay.SourceUpload})
				return r, err
			},
			func(ctx context.Context, c *playplay.Client) (*favorites.Response, error) {
				_, r, err := c.AddFavorite(ctx, playplay.AddParams{RawMediaID: 2})
				return r, err
			}, http.StatusCreated},
		{"RemoveFavorite",
			func(ctx context.Context, c *playplay.Client) (*favorites.Response, error) {
				return c.RemoveFavorite(ctx, playplay.RemoveByRawMediaID(1))
			},
			func(ctx context.Context, c *playplay.Client) (*favorites.Response, error) {
				return c.RemoveFavorite(ctx, playplay.RemoveParams{})
			}, http.StatusNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := playplaytest.NewServer()
			t.Cleanup(srv.Close)
			srv.AddMedia(playplaytest.Upload(1), playplaytest.Upload(2))
			if err := srv.Favorite(1); err != nil {
				t.Fatal(err)
			}
			c, err := playplay.New(srv.URL, srv.Token(), fastOptions()...)
			if err != nil {
				t.Fatal(err)
			}

			if r, err := tt.refuse(t.Context(), c); r != nil || !errors.Is(err, favorites.ErrInvalidArgument) || srv.Faults.Requests() != 0 {
				t.Errorf("bad input: Response %v, error %v, %d requests; want nil, ErrInvalidArgument, 0", r, err, srv.Faults.Requests())
			}
			srv.Faults.FailNext(1, http.StatusInternalServerError)
			if r, err := tt.good(t.Context(), c); r == nil || r.StatusCode != http.StatusInternalServerError || !errors.Is(err, favorites.ErrServer) {
				t.Errorf("a 500: Response %v, error %v; want the 500 and ErrServer", r, err)
			}
			if r, err := tt.good(t.Context(), c); err != nil || r == nil || r.StatusCode != tt.okStatus {
				t.Errorf("success: Response %v, error %v; want %d", r, err, tt.okStatus)
			}
		})
	}
}

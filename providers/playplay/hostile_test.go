package playplay_test

import (
	"context"
	"testing"

	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// Every hostile form of a source, a stock ID or a page cursor is refused by
// the typed calls before anything reaches the fake.
func TestTypedCallsRefuseHostileValues(t *testing.T) {
	srv := playplaytest.NewServer()
	t.Cleanup(srv.Close)
	c, err := playplay.New(srv.URL, srv.Token(), fastOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, valid string
		call          func(ctx context.Context, v string) error
	}{
		{"AddFavorite source", "pexels", func(ctx context.Context, v string) error {
			_, _, err := c.AddFavorite(ctx, playplay.AddParams{RawMediaID: 1001, Source: v, StockID: "50001"})
			return err
		}},
		{"AddFavorite stock_id", "50001", func(ctx context.Context, v string) error {
			if v == "" {
				v = "/" // an empty stock ID means none, which is valid; "/" stands for it
			}
			_, _, err := c.AddFavorite(ctx, playplay.AddParams{RawMediaID: 1001, Source: "pexels", StockID: v})
			return err
		}},
		{"RemoveByStockID source", "pexels", func(ctx context.Context, v string) error {
			_, err := c.RemoveFavorite(ctx, playplay.RemoveByStockID(v, "50001"))
			return err
		}},
		{"RemoveByStockID stock", "50001", func(ctx context.Context, v string) error {
			_, err := c.RemoveFavorite(ctx, playplay.RemoveByStockID("pexels", v))
			return err
		}},
		{"Favorites cursor", "2.10.upload:1001", func(ctx context.Context, v string) error {
			if v == "" {
				v = "0" // an empty cursor is the first page; page 0 stands for it
			}
			_, err := c.Favorites(&playplay.ListOptions{Cursor: v}).NextPage(ctx)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			drivertest.RefusesHostile(t, tt.method, tt.valid, srv.Faults.Requests, tt.call)
		})
	}
}

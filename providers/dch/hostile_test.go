package dch_test

import (
	"context"
	"testing"

	"github.com/favkit/favorites/driver/drivertest"
)

// Every hostile form of an item ID is refused by the typed calls before
// anything reaches the fake.
func TestTypedCallsRefuseHostileIDs(t *testing.T) {
	srv, c := newFake(t)
	tests := []struct {
		method string
		call   func(ctx context.Context, id string) error
	}{
		{"AddFavourite", func(ctx context.Context, id string) error { _, _, err := c.AddFavourite(ctx, id); return err }},
		{"RemoveFavourite", func(ctx context.Context, id string) error { _, _, err := c.RemoveFavourite(ctx, id); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			drivertest.RefusesHostile(t, tt.method, "23427-1", srv.Faults.Requests, tt.call)
		})
	}
}

package mastodon_test

import (
	"context"
	"testing"

	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// Every hostile form of a status ID is refused by the typed calls, whose ID
// goes into the path, before anything reaches the fake.
func TestTypedCallsRefuseHostileIDs(t *testing.T) {
	srv := newFake(t)
	id := srv.AddStatuses(1)[0]
	c := newClient(t, srv, mastodontest.Token)
	tests := []struct {
		method string
		call   func(ctx context.Context, id string) error
	}{
		{"Status", func(ctx context.Context, id string) error { _, _, err := c.Status(ctx, id); return err }},
		{"Favourite", func(ctx context.Context, id string) error { _, _, err := c.Favourite(ctx, id); return err }},
		{"Unfavourite", func(ctx context.Context, id string) error { _, _, err := c.Unfavourite(ctx, id); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			drivertest.RefusesHostile(t, tt.method, id, srv.Faults.Requests, tt.call)
		})
	}
}

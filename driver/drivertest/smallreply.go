package drivertest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

// CheckSmallReply holds one reply, listed through a provider's typed
// listing and through its portable one, to what a small hand-written body
// (the IDs and a few fields, as a user writes one in a test) must give:
// the items whose IDs are ids, in order (id names a typed item's; a
// portable favourite's is its Ref.ID), or, when wantErr is not "", an
// error matching favorites.ErrMalformedReply that says wantErr.
func CheckSmallReply[T any](t *testing.T, typed *favorites.Pager[T], id func(T) string,
	portable *favorites.Pager[favorites.Favorite], ids []string, wantErr string) {
	t.Helper()
	got, err := listIDs(t.Context(), typed, id)
	checkSmall(t, "typed", got, err, ids, wantErr)
	got, err = listIDs(t.Context(), portable, func(f favorites.Favorite) string { return f.Ref.ID })
	checkSmall(t, "portable", got, err, ids, wantErr)
}

// listIDs lists p whole and gives the ID of each item, or the first error.
func listIDs[T any](ctx context.Context, p *favorites.Pager[T], id func(T) string) ([]string, error) {
	var ids []string
	for item, err := range p.All(ctx) {
		if err != nil {
			return ids, err
		}
		ids = append(ids, id(item))
	}
	return ids, nil
}

// checkSmall holds one listing of a small reply to what it should give.
func checkSmall(t *testing.T, how string, got []string, err error, ids []string, wantErr string) {
	t.Helper()
	switch {
	case wantErr == "" && err != nil:
		t.Errorf("%s: %v, want %q", how, err, ids)
	case wantErr == "" && strings.Join(got, ",") != strings.Join(ids, ","):
		t.Errorf("%s: listed %q, want %q", how, got, ids)
	case wantErr != "" && (!errors.Is(err, favorites.ErrMalformedReply) || !strings.Contains(err.Error(), wantErr)):
		t.Errorf("%s: %v, want ErrMalformedReply saying %q", how, err, wantErr)
	}
}

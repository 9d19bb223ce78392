package waifuim_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// Verify checks the token and view_favorites in one request; a token
// without the permission is refused with the server's 403 naming it.
func TestVerify(t *testing.T) {
	srv := waifuimtest.NewServer()
	defer srv.Close()
	noView := srv.AddUser(77, waifuimtest.ManageFavorites)
	tests := []struct {
		name, token string
		want        error
	}{
		{"the user's token", waifuimtest.Token, nil},
		{"no view_favorites", noView, favorites.ErrForbidden},
		{"unknown token", "nope", favorites.ErrUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := fakeAdapter(t, srv, tt.token).Verify(t.Context(), favorites.ReadAccess|favorites.WriteAccess)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if tt.want == favorites.ErrForbidden && !strings.Contains(err.Error(), "view_favorites") {
				t.Fatalf("%v does not name view_favorites", err)
			}
		})
	}
}

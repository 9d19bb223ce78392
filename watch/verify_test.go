package watch_test

import (
	"context"
	"errors"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/watch"
)

// checked is a Memory whose credential check answers errs in turn, then
// nil.
type checked struct {
	*favoritestest.Memory
	errs   []error
	asked  []favorites.Access
	passed func() // called when the check passes
}

func (c *checked) Verify(_ context.Context, need favorites.Access) error {
	c.asked = append(c.asked, need)
	if len(c.errs) == 0 {
		if c.passed != nil {
			c.passed()
		}
		return nil
	}
	err := c.errs[0]
	c.errs = c.errs[1:]
	return err
}

// The watch checks its credential for reading before the first round: a
// refusal ends it before any listing, a temporary failure is yielded and
// the check tried again, and once it passes it is not asked again.
func TestAddedVerifiesFirst(t *testing.T) {
	refused := &favorites.ScopeError{Provider: "toy", Missing: []string{"read"}}
	c := &checked{Memory: favoritestest.NewMemory("toy"), errs: []error{refused}}
	for _, err := range watch.Added(t.Context(), c, "", fast) {
		if !errors.Is(err, favorites.ErrMissingScope) {
			t.Fatalf("got %v, want the ScopeError", err)
		}
	}
	if n := c.Calls("list"); n != 0 || len(c.asked) != 1 || c.asked[0] != favorites.ReadAccess {
		t.Fatalf("%d listings, asked %v; want none, and read once", n, c.asked)
	}

	temporary := &favorites.APIError{Provider: "toy", StatusCode: 503}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	c = &checked{Memory: favoritestest.NewMemory("toy"), errs: []error{temporary}, passed: cancel}
	var errs []error
	for _, err := range watch.Added(ctx, c, "", fast) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], favorites.ErrServer) || len(c.asked) != 2 {
		t.Fatalf("errors %v, asked %v: want the 503 once, then the check again", errs, c.asked)
	}
}

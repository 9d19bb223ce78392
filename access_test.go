package favorites_test

import (
	"context"
	"errors"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// verifying is a Memory whose credential check records what it was asked
// for and answers err.
type verifying struct {
	*favoritestest.Memory
	asked []favorites.Access
	err   error
}

func (v *verifying) Verify(_ context.Context, need favorites.Access) error {
	v.asked = append(v.asked, need)
	return v.err
}

// Restore and Sync ask a Verifier for what they will do, before anything:
// a dry run asks for no write, a restore that resolves by search adds
// its Need; a refusal stops the job before the listing.
func TestJobsVerifyFirst(t *testing.T) {
	refused := &favorites.ScopeError{Provider: "memory", Missing: []string{"write"}, Granted: []string{"read"}}
	source := func(yield func(favorites.Favorite, error) bool) {
		yield(favorites.Favorite{Provider: "memory", Ref: favorites.Ref{ID: "a"}}, nil)
	}
	tests := []struct {
		name string
		run  func(context.Context, favorites.Favorites) error
		want favorites.Access
	}{
		{"sync", func(ctx context.Context, f favorites.Favorites) error {
			_, err := favorites.Sync(ctx, f, refs("a"), nil)
			return err
		}, favorites.ReadAccess | favorites.WriteAccess},
		{"sync dry run", func(ctx context.Context, f favorites.Favorites) error {
			_, err := favorites.Sync(ctx, f, refs("a"), &favorites.SyncOptions{DryRun: true})
			return err
		}, favorites.ReadAccess},
		{"restore", func(ctx context.Context, f favorites.Favorites) error {
			_, err := favorites.Restore(ctx, f, source, nil)
			return err
		}, favorites.ReadAccess | favorites.WriteAccess},
		{"restore that searches, dry run", func(ctx context.Context, f favorites.Favorites) error {
			_, err := favorites.Restore(ctx, f, source, &favorites.RestoreOptions{DryRun: true, Need: favorites.SearchAccess})
			return err
		}, favorites.ReadAccess | favorites.SearchAccess},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok := &verifying{Memory: favoritestest.NewMemory("memory")}
			if err := tt.run(t.Context(), ok); err != nil || len(ok.asked) != 1 || ok.asked[0] != tt.want {
				t.Fatalf("asked for %v (err %v), want %v once", ok.asked, err, tt.want)
			}
			bad := &verifying{Memory: favoritestest.NewMemory("memory"), err: refused}
			err := tt.run(t.Context(), bad)
			if !errors.Is(err, favorites.ErrMissingScope) || !errors.Is(err, favorites.ErrForbidden) {
				t.Fatalf("got %v, want the ScopeError", err)
			}
			if n := bad.Calls("list") + bad.Calls("add"); n != 0 {
				t.Fatalf("%d calls after a refused check", n)
			}
		})
	}
}

func TestAccessString(t *testing.T) {
	for a, want := range map[favorites.Access]string{
		0:                    "none",
		favorites.ReadAccess: "read",
		favorites.ReadAccess | favorites.SearchAccess:  "read|search",
		favorites.WriteAccess | favorites.Access(0x80): "write|Access(0x80)",
	} {
		if got := a.String(); got != want {
			t.Errorf("%d: %q, want %q", a, got, want)
		}
	}
}

func TestScopeErrorText(t *testing.T) {
	err := &favorites.ScopeError{Provider: "mastodon", Missing: []string{"write:favourites", "read:search"}}
	want := "mastodon: the credential lacks the scopes write:favourites read:search (it has none); sign in again asking for it"
	if err.Error() != want {
		t.Fatalf("%q\nwant %q", err.Error(), want)
	}
}

package favoritestest_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

var (
	_ favorites.Favorites = (*favoritestest.Memory)(nil)
	_ favorites.Toggler   = (*favoritestest.Memory)(nil)
	_ favorites.Checker   = (*favoritestest.Memory)(nil)
)

func TestMemoryToggleAndIsFavorite(t *testing.T) {
	a, b := favorites.Ref{ID: "a"}, favorites.Ref{ID: "b"}
	m := favoritestest.NewMemory("mem", a)
	steps := []struct {
		name  string
		do    func() (bool, error)
		want  bool
		after []favorites.Ref
	}{
		{"check a favourite", func() (bool, error) { return m.IsFavorite(t.Context(), a) }, true, []favorites.Ref{a}},
		{"check another", func() (bool, error) { return m.IsFavorite(t.Context(), b) }, false, []favorites.Ref{a}},
		{"toggle it on", func() (bool, error) { return m.Toggle(t.Context(), b) }, true, []favorites.Ref{b, a}},
		{"toggle the first off", func() (bool, error) { return m.Toggle(t.Context(), a) }, false, []favorites.Ref{b}},
	}
	for _, s := range steps {
		got, err := s.do()
		if err != nil || got != s.want || !slices.Equal(m.Refs(), s.after) {
			t.Fatalf("%s: %v, %v, then %v; want %v, then %v", s.name, got, err, m.Refs(), s.want, s.after)
		}
	}
	injected := errors.New("injected")
	m.Fail = func(op string, _ favorites.Ref) error {
		if op == "toggle" || op == "check" {
			return injected
		}
		return nil
	}
	if _, err := m.Toggle(t.Context(), a); !errors.Is(err, injected) || !slices.Equal(m.Refs(), []favorites.Ref{b}) {
		t.Errorf("failed Toggle: %v, list %v", err, m.Refs())
	}
	if _, err := m.IsFavorite(t.Context(), a); !errors.Is(err, injected) {
		t.Errorf("failed IsFavorite: %v", err)
	}
	if _, err := m.Toggle(t.Context(), favorites.Ref{}); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("Toggle of an empty ref: %v", err)
	}
}

// Changes lists each addition once, newest first, and refuses marks of
// another list.
func TestMemoryChanges(t *testing.T) {
	m := favoritestest.NewMemory("toy", favorites.Ref{ID: "old"})
	ctx := t.Context()
	start, err := m.Changes(ctx, "")
	if err != nil || len(start.Added) != 0 || start.Mark == "" {
		t.Fatalf("from now: %+v, %v; want no items and a mark", start, err)
	}
	for _, id := range []string{"a", "b"} {
		if err := m.Add(ctx, favorites.Ref{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := m.Changes(ctx, start.Mark)
	if err != nil || len(got.Added) != 2 || got.Added[0].Ref.ID != "b" || got.Added[1].Ref.ID != "a" {
		t.Fatalf("after two additions: %+v, %v; want [b a]", got, err)
	}
	again, err := m.Changes(ctx, got.Mark)
	if err != nil || len(again.Added) != 0 {
		t.Errorf("a second run: %+v, %v; want nothing new", again, err)
	}
	for mark, invalid := range map[string]bool{"memory.v1.other.1": true, "x": true, "memory.v1.toy.99": false} {
		_, err := m.Changes(ctx, mark)
		if !errors.Is(err, favorites.ErrStaleMark) || errors.Is(err, favorites.ErrInvalidArgument) != invalid {
			t.Errorf("mark %q: %v; want ErrStaleMark (and ErrInvalidArgument: %v)", mark, err, invalid)
		}
	}
}

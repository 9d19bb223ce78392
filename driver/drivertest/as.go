package drivertest

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/favkit/favorites"
)

// otherNative is a provider's own type of a favourite, of a provider no
// adapter is: Favorite.As into it must be false.
type otherNative struct{}

func (*otherNative) FavoriteProvider() string { return "drivertest-other" }

// checkAsAfterJSON reads every listed favourite back into the provider's
// own type after a JSON round trip, as a backup does.
func checkAsAfterJSON(t *testing.T, h Harness) {
	env := newEnv(t, h, 3)
	n := 0
	for fav, err := range env.Favorites.List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		checkAs(t, env, fav)
		n++
	}
	if n != len(env.Seeded) {
		t.Fatalf("listed %d favourites, want %d", n, len(env.Seeded))
	}
}

// checkAs marshals fav to JSON and back, and checks that As fills a new
// Env.Native, and is false into a target of another type, into a *T
// rather than a **T, into nil, and once the Favorite names another
// provider.
func checkAs(t *testing.T, env *Env, fav favorites.Favorite) {
	t.Helper()
	data, err := json.Marshal(fav)
	if err != nil {
		t.Fatalf("json.Marshal of Favorite %v: %v", fav.Ref, err)
	}
	var back favorites.Favorite
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("json.Unmarshal of Favorite %v: %v", fav.Ref, err)
	}
	if back.Ref != fav.Ref || back.Provider != fav.Provider || !json.Valid(back.Raw) {
		t.Fatalf("Favorite %v came back from JSON as %v of %q, Raw %q", fav.Ref, back.Ref, back.Provider, Clip(string(back.Raw), 100))
	}
	target := env.Native()
	tv := reflect.ValueOf(target)
	if tv.Kind() != reflect.Pointer || tv.Elem().Kind() != reflect.Pointer {
		t.Fatalf("harness: Native gave a %T, want a **T of the provider's own type", target)
	}
	if !back.As(target) {
		t.Errorf("Favorite %v after JSON: As(%T) = false", fav.Ref, target)
	} else if tv.Elem().IsNil() {
		t.Errorf("Favorite %v after JSON: As(%T) = true, and left it nil", fav.Ref, target)
	}
	var other *otherNative
	single := reflect.New(tv.Elem().Type().Elem()).Interface() // a *T
	wrong := map[string]any{"a **T of another provider's type": &other, "a *T": single, "nil": nil}
	for name, w := range wrong {
		if back.As(w) {
			t.Errorf("Favorite %v: As into %s (%T) = true, want false", fav.Ref, name, w)
		}
	}
	moved := back
	moved.Provider = "drivertest-other"
	if moved.As(env.Native()) {
		t.Errorf("Favorite %v named as another provider's: As(%T) = true, want false", fav.Ref, target)
	}
}

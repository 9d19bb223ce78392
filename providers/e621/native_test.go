package e621_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

// TestAsAfterJSONRoundTrip: a favourite listed through the Adapter, saved
// as JSON and read back (a backup file, say), still gives its *e621.Post
// through As, since Raw travels with it; and every favourite listed has a
// Raw to give it from. The fake's posts cover each kind of file.
func TestAsAfterJSONRoundTrip(t *testing.T) {
	srv, c, favs := cursorFake(t)
	dur := srv.AddPost(e621test.Post{Ext: "mp4", Duration: 3.5})
	if err := srv.Favorite(e621test.Login, dur); err != nil {
		t.Fatal(err)
	}
	listed := map[string]favorites.Favorite{}
	for fav, err := range e621.NewAdapter(c).List(&favorites.ListOptions{PageSize: 4}).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		if len(fav.Raw) == 0 {
			t.Errorf("favourite %v listed without Raw", fav.Ref)
		}
		listed[fav.Ref.ID] = fav
	}
	if len(listed) != len(favs)+1 {
		t.Fatalf("listed %d favourites, want %d", len(listed), len(favs)+1)
	}
	for _, id := range append(favs, dur) {
		t.Run(strconv.FormatInt(id, 10), func(t *testing.T) {
			data, err := json.Marshal(listed[strconv.FormatInt(id, 10)])
			if err != nil {
				t.Fatal(err)
			}
			var back favorites.Favorite
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatal(err)
			}
			var p *e621.Post
			if !back.As(&p) {
				t.Fatalf("As(**e621.Post) refused a favourite read back from %s", data)
			}
			if p.ID != id || p.Kind() != back.Kind || len(p.Raw) == 0 {
				t.Errorf("post %d (kind %q, %d bytes of Raw), want %d of kind %q with Raw",
					p.ID, p.Kind(), len(p.Raw), id, back.Kind)
			}
		})
	}
}

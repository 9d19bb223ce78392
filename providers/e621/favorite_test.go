package e621

import (
	"strconv"
	"testing"

	"github.com/favkit/favorites"
)

// favorite cuts the ref, title and URL from one string; each must be what
// it would be built alone, whatever the ID's length and the artists.
func TestFavoriteStrings(t *testing.T) {
	c, err := New("alice", "key", favorites.WithBaseURL("http://127.0.0.1:8080/mirror/"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id      int64
		artists []string
		title   string
	}{
		{1, nil, "#1"},
		{4242, []string{"some_artist"}, "#4242 by some_artist"},
		{9223372036854775807, []string{"a", "b", "c"}, "#9223372036854775807 by a, b, c"},
		{77, []string{"", "long " + string(make([]byte, 300))}, "#77 by , long " + string(make([]byte, 300))},
	}
	for _, tt := range tests {
		p := &Post{ID: tt.id}
		p.Tags.Artist = tt.artists
		f := c.favorite(p)
		id := strconv.FormatInt(tt.id, 10)
		if f.Title != tt.title || f.Ref.ID != id || f.URL != c.PostURL(tt.id) || f.URL != "http://127.0.0.1:8080/mirror/posts/"+id {
			t.Errorf("post %d: ref %q, title %q, URL %q; want title %q", tt.id, f.Ref.ID, f.Title, f.URL, tt.title)
		}
	}
}

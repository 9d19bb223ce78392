package drivertest

import (
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

// The suite finds the member that holds an item's ID at any depth, or at
// the path the harness names, and says why when it cannot.
func TestIDPath(t *testing.T) {
	for _, tt := range []struct {
		name, item string
		given      []string
		want       string // the path, or what the error says
	}{
		{"at the top", `{"id":7,"title":"x"}`, nil, "id"},
		{"as a string", `{"id":"7"}`, nil, "id"},
		{"nested", `{"post":{"id":7,"name":"x"},"saved":true}`, nil, "post.id"},
		{"deeper", `{"a":{"b":{"id":"7"}},"c":{"id":8}}`, nil, "a.b.id"},
		{"not in a list", `{"ids":[7],"id":7}`, nil, "id"},
		{"ambiguous", `{"post":{"id":7},"creator":{"id":7}}`, nil, "post.id, creator.id all hold"},
		{"ambiguous, named", `{"post":{"id":7},"creator":{"id":7}}`, []string{"post", "id"}, "post.id"},
		{"named wrongly", `{"post":{"id":7},"creator":{"id":8}}`, []string{"creator", "id"}, "does not lead to"},
		{"nowhere", `{"post":{"id":8}}`, nil, "no member of the item, at any depth"},
		{"no object", `[7]`, nil, "not a JSON object"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path, err := idPath(tt.item, "7", tt.given)
			got := strings.Join(path, ".")
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, tt.want) || err == nil && got != tt.want {
				t.Errorf("idPath(%s) = %q, want %q", tt.item, got, tt.want)
			}
		})
	}
}

// The broken items of a nested ID break it where it is, and drop or null
// each object that holds it; the rest of the item is kept as written.
func TestBrokenItemsOfANestedID(t *testing.T) {
	item := `{"post":{"id":7,"name":"x"},"saved":true}`
	broken, err := brokenItems(favorites.Ref{ID: "7"}, item, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, b := range broken {
		got[b.name] = b.json
	}
	for name, want := range map[string]string{
		"an item without its ID post.id":                  `{"post":{"name":"x"},"saved":true}`,
		"an item whose ID post.id is null":                `{"post":{"id":null,"name":"x"},"saved":true}`,
		"an item whose ID post.id is of the wrong kind":   `{"post":{"id":"7","name":"x"},"saved":true}`,
		"an item whose ID post.id is a list":              `{"post":{"id":[7],"name":"x"},"saved":true}`,
		"an item without post, which holds the ID":        `{"saved":true}`,
		"an item whose post, which holds the ID, is null": `{"post":null,"saved":true}`,
		"a list holding the item":                         `[` + item + `]`,
	} {
		if got[name] != want {
			t.Errorf("%s: %s, want %s", name, got[name], want)
		}
	}
}

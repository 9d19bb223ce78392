package dch_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/dch"
)

// smallReplies are list answers as a user writes them in a test: the IDs
// and a few fields, without the keys the document shows on every entry.
// Only what makes an entry unusable is refused: the wrong JSON type, or no
// usable ID; and what breaks a cap.
var smallReplies = []struct {
	name, body string
	ids        []string // listed, in order
	err        string   // or refused, the error naming this
}{
	{"an id alone", `{"_links":{"favourites":[{"id":"1"}]}}`, []string{"1"}, ""},
	{"ids and a few fields", `{"_links":{"favourites":[{"id":"23427-1","title":"Éclat","type":"work"},{"id":"2","is_free":true}]}}`,
		[]string{"23427-1", "2"}, ""},
	{"no favourites", `{"_links":{"favourites":[]}}`, []string{}, ""},
	{"no id", `{"_links":{"favourites":[{"title":"Éclat"}]}}`, nil, "item 0: not a favourite entry: no id"},
	{"an id Add refuses", `{"_links":{"favourites":[{"id":"a/b"}]}}`, nil, "item 0: not a favourite entry"},
	{"an id of another type", `{"_links":{"favourites":[{"id":1}]}}`, nil, "item 0: json: cannot unmarshal number"},
	{"an entry of another type", `{"_links":{"favourites":[{"id":"1"},"2"]}}`, nil, "item 1: json: cannot unmarshal string"},
	{"no list", `{"_links":{}}`, nil, "no _links.favourites list"},
	{"more entries than a list holds", `{"_links":{"favourites":[` + strings.TrimSuffix(strings.Repeat(`{"id":"1"},`, dch.MaxFavourites+1), ",") + `]}}`,
		nil, "the page holds more than 20000 items, its cap"},
	{"a list over its cap", `{"_links":{"favourites":[{"id":"1","x":[` + strings.TrimSuffix(strings.Repeat(`1,`, dch.MaxListItems+1), ",") + `]}]}}`,
		nil, "item 0: a list in it holds more than 1000 items, its cap"},
	{"too deep", `{"_links":{"favourites":[{"id":"1","x":` + strings.Repeat("[", driver.MaxJSONDepth) + strings.Repeat("]", driver.MaxJSONDepth) + `}]}}`,
		nil, "JSON nests deeper than 64 levels"},
}

// A test's small hand-written body lists through httpmock, typed and
// portable, as a real one does; the refusals name what was wrong.
func TestSmallRepliesList(t *testing.T) {
	for _, tt := range smallReplies {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newMockClient(t, http.StatusOK, tt.body)
			drivertest.CheckSmallReply(t, c.Favourites(), func(f *dch.Favourite) string { return f.ID },
				dch.NewAdapter(c).List(nil), tt.ids, tt.err)
		})
	}
}

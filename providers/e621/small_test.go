package e621_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/e621"
)

// smallReplies are listing bodies as a user writes them in a test: the
// IDs and a few fields. Only what makes a post unusable is refused: the
// wrong JSON type, or no usable ID; and what breaks a cap.
var smallReplies = []struct {
	name, body string
	ids        []string // listed, in order
	err        string   // or refused, the error naming this
}{
	{"an id alone", `{"posts":[{"id":1}]}`, []string{"1"}, ""},
	{"ids and a few fields", `{"posts":[{"id":2,"rating":"s","tags":{"general":["cat"]}},{"id":1,"file":{"url":"https://e.example/1.png"}}]}`,
		[]string{"2", "1"}, ""},
	{"the list's name in another case", `{"Posts":[{"id":1}]}`, []string{"1"}, ""},
	{"another member beside the list", `{"posts":[{"id":1}],"x":[1,2]}`, []string{"1"}, ""},
	{"no favourites", `{"posts":[]}`, []string{}, ""},
	{"no id", `{"posts":[{"rating":"s"}]}`, nil, "item 0: a post without a positive id (0)"},
	{"an id of another type", `{"posts":[{"id":"1"}]}`, nil, "item 0: /0/id: a string where a number was due"},
	{"a post of another type", `{"posts":[{"id":1},2]}`, nil, "item 1: /0: a number where a post was due"},
	{"a null post", `{"posts":[null]}`, nil, "item 0: a null post"},
	{"no list", `{"post":[{"id":1}]}`, nil, "nothing where a list was due"},
	{"not an object", `[{"id":1}]`, nil, "a list where an object was due"},
	{"more posts than the page holds", `{"posts":[` + strings.TrimSuffix(strings.Repeat(`{"id":1},`, e621.MaxLimit+1), ",") + `]}`,
		nil, "the page holds more than 320 items, its cap"},
	{"a list over its cap", `{"posts":[{"id":1,"pools":[` + strings.TrimSuffix(strings.Repeat(`1,`, e621.MaxListItems+1), ",") + `]}]}`,
		nil, "item 0: a list in it holds more than 4000 items, its cap"},
	{"a list at its cap", `{"posts":[{"id":1,"pools":[` + strings.TrimSuffix(strings.Repeat(`1,`, e621.MaxListItems), ",") + `]}]}`,
		[]string{"1"}, ""},
	{"too deep", `{"posts":[{"id":1,"x":` + strings.Repeat("[", driver.MaxJSONDepth) + strings.Repeat("]", driver.MaxJSONDepth) + `}]}`,
		nil, "JSON nests deeper than 64 levels"},
}

// A test's small hand-written body lists through httpmock, typed and
// portable, as a real one does; the refusals name what was wrong.
func TestSmallRepliesList(t *testing.T) {
	for _, tt := range smallReplies {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := mockClient(t)
			mt.RegisterNoResponder(httpmock.NewStringResponder(http.StatusOK, tt.body))
			drivertest.CheckSmallReply(t, c.Favorites(nil), func(p *e621.Post) string { return strconv.FormatInt(p.ID, 10) },
				e621.NewAdapter(c).List(nil), tt.ids, tt.err)
		})
	}
}

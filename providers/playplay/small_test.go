package playplay_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/playplay"
)

// smallReplies are listing pages as a user writes them in a test: the IDs
// and a few fields. Only what makes a media unusable is refused: the wrong
// JSON type, or no usable ID; and a page that breaks a cap or the paging.
var smallReplies = []struct {
	name, body string
	ids        []string // listed, in order
	err        string   // or refused, the error naming this
}{
	{"an id and its source", `{"results":[{"results":[{"id":30452,"source":"upload"}],"next_page":null}]}`, []string{"30452"}, ""},
	{"ids and a few fields", `{"results":[{"results":[{"id":2,"source":"pexels","stock_id":77,"name":"sea"},` +
		`{"id":1,"source":"upload","type":"video","data":{"type":"video"}}],"next_page":null}]}`, []string{"2", "1"}, ""},
	{"no favourites", `{"results":[{"results":[],"next_page":null}]}`, []string{}, ""},
	{"no id", `{"results":[{"results":[{"source":"upload"}],"next_page":null}]}`, nil, "item 0: id 0 is not a raw media ID"},
	{"no source", `{"results":[{"results":[{"id":1}],"next_page":null}]}`, nil, "item 0: invalid argument: empty source"},
	{"an id of another type", `{"results":[{"results":[{"id":"1","source":"upload"}],"next_page":null}]}`, nil, "item 0: json: cannot unmarshal string"},
	{"a null media", `{"results":[{"results":[null],"next_page":null}]}`, nil, "item 0: null where a media was due"},
	{"a next page out of turn", `{"results":[{"results":[{"id":1,"source":"upload"}],"next_page":-1}]}`, nil, "next_page -1 after page 1"},
	{"more media than a page holds", `{"results":[{"results":[` + strings.TrimSuffix(strings.Repeat(`{"id":1,"source":"u"},`, playplay.MaxPageItems+1), ",") +
		`],"next_page":null}]}`, nil, "the page holds more than 100 items, its cap"},
	{"a list over its cap", `{"results":[{"results":[{"id":1,"source":"u","data":{"x":[` + strings.TrimSuffix(strings.Repeat(`1,`, playplay.MaxListItems+1), ",") +
		`]}}],"next_page":null}]}`, nil, "item 0: a list in it holds more than 1000 items, its cap"},
	{"too deep", `{"results":[{"results":[{"id":1,"source":"u","x":` + strings.Repeat("[", driver.MaxJSONDepth) + strings.Repeat("]", driver.MaxJSONDepth) +
		`}],"next_page":null}]}`, nil, "JSON nests deeper than 64 levels"},
}

// A test's small hand-written body lists through httpmock, typed and
// portable, as a real one does; the refusals name what was wrong.
func TestSmallRepliesList(t *testing.T) {
	for _, tt := range smallReplies {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newMockClient(t, answer{http.StatusOK, tt.body})
			drivertest.CheckSmallReply(t, c.Favorites(nil), func(m *playplay.Media) string { return strconv.FormatInt(m.ID, 10) },
				playplay.NewAdapter(c).List(nil), tt.ids, tt.err)
		})
	}
}

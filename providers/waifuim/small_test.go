package waifuim_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/waifuim"
)

// smallReplies are listing bodies as a user writes them in a test: the
// IDs and a few fields. Only what makes an image unusable is refused: the
// wrong JSON type, or no usable ID; and what breaks a cap.
var smallReplies = []struct {
	name, body string
	ids        []string // listed, in order
	err        string   // or refused, the error naming this
}{
	{"an id alone", `{"images":[{"image_id":1}]}`, []string{"1"}, ""},
	{"ids and a few fields", `{"images":[{"image_id":2,"url":"https://cdn.example/2.png","tags":[{"name":"maid"}]},` +
		`{"image_id":1,"artist":{"name":"a"}}]}`, []string{"2", "1"}, ""},
	{"the list's name in another case", `{"Images":[{"image_id":1}]}`, []string{"1"}, ""},
	{"no id", `{"images":[{"url":"https://cdn.example/1.png"}]}`, nil, "item 0: image_id 0 is not a positive integer"},
	{"an id of another type", `{"images":[{"image_id":"1"}]}`, nil, "item 0: json: cannot unmarshal string"},
	{"an image of another type", `{"images":[{"image_id":1},2]}`, nil, "item 1: json: cannot unmarshal number"},
	{"tags of another type", `{"images":[{"image_id":1,"tags":["maid"]}]}`, nil, "item 0: json: cannot unmarshal string"},
	{"an empty list", `{"images":[]}`, nil, "no image in a 200"},
	{"no list", `{"image":[{"image_id":1}]}`, nil, "nothing where a list was due"},
	{"not an object", `[{"image_id":1}]`, nil, "a list where an object was due"},
	{"more images than a listing holds", `{"images":[` + strings.TrimSuffix(strings.Repeat(`{"image_id":1},`, waifuim.MaxFavorites+1), ",") + `]}`,
		nil, "the page holds more than 20000 items, its cap"},
	{"tags over their cap", `{"images":[{"image_id":1,"tags":[` + strings.TrimSuffix(strings.Repeat(`{},`, waifuim.MaxListItems+1), ",") + `]}]}`,
		nil, "item 0: a list in it holds more than 100 items, its cap"},
	{"tags at their cap", `{"images":[{"image_id":1,"tags":[` + strings.TrimSuffix(strings.Repeat(`{},`, waifuim.MaxListItems), ",") + `]}]}`,
		[]string{"1"}, ""},
	{"too deep", `{"images":[{"image_id":1,"x":` + strings.Repeat("[", driver.MaxJSONDepth) + strings.Repeat("]", driver.MaxJSONDepth) + `}]}`,
		nil, "JSON nests deeper than 64 levels"},
}

// A test's small hand-written body lists through httpmock, typed and
// portable, as a real one does; the refusals name what was wrong.
func TestSmallRepliesList(t *testing.T) {
	for _, tt := range smallReplies {
		t.Run(tt.name, func(t *testing.T) {
			c, mt, rec := mockClient(t)
			mt.RegisterResponder(http.MethodGet, favURL, rec.reply(http.StatusOK, tt.body))
			drivertest.CheckSmallReply(t, c.Favorites(nil), func(im *waifuim.Image) string { return strconv.FormatInt(im.ImageID, 10) },
				waifuim.NewAdapter(c).List(nil), tt.ids, tt.err)
		})
	}
}

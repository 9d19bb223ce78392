package mastodon_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/mastodon"
)

// smallReplies are listing bodies as a user writes them in a test: the
// IDs and a few fields. Only what makes a status unusable is refused: the
// wrong JSON type, or no usable ID; and what breaks a cap.
var smallReplies = []struct {
	name, body string
	ids        []string // listed, in order
	err        string   // or refused, the error naming this
}{
	{"an id alone", `[{"id":"1"}]`, []string{"1"}, ""},
	{"ids and a few fields", `[{"id":"1","content":"<p>hi</p>","account":{"acct":"bob"}},` +
		`{"id":"2","media_attachments":[{"id":"m"}],"tags":[{"name":"go"}],"poll":{"options":[{}]}}]`, []string{"1", "2"}, ""},
	{"a boost of an id", `[{"id":"1","reblog":{"id":"2"}}]`, []string{"1"}, ""},
	{"empty lists and objects", `[{"id":"1","mentions":[],"emojis":[{}],"card":{},"account":{"fields":[{}]}}]`, []string{"1"}, ""},
	{"no favourites", `[]`, []string{}, ""},
	{"no id", `[{"content":"<p>hi</p>"}]`, nil, "item 0: invalid argument: empty status id"},
	{"an id of another type", `[{"id":1}]`, nil, "item 0: /0/id: a number where a string was due"},
	{"a status of another type", `[{"id":"1"},"2"]`, nil, "item 1: /0: a string where a status was due"},
	{"a boost without an id", `[{"id":"1","reblog":{}}]`, nil, "item 0: invalid argument: empty boosted status id"},
	{"a null status", `[null]`, nil, "item 0: a null status"},
	{"not a list", `{"id":"1"}`, nil, "an object where a list was due"},
	{"more statuses than the page holds", "[" + strings.TrimSuffix(strings.Repeat(`{"id":"1"},`, mastodon.MaxLimit+mastodon.PageMargin+1), ",") + "]",
		nil, "the page holds more than 60 items, its cap"},
	{"a short list over its cap", `[{"id":"1","media_attachments":[` + strings.TrimSuffix(strings.Repeat(`{},`, mastodon.MaxShortList+1), ",") + `]}]`,
		nil, "item 0: media_attachments holds more than 100 items, its cap"},
	{"a long list over its cap", `[{"id":"1","mentions":[` + strings.TrimSuffix(strings.Repeat(`{},`, mastodon.MaxLongList+1), ",") + `]}]`,
		nil, "item 0: mentions holds more than 1000 items, its cap"},
	{"a short list at its cap", `[{"id":"1","media_attachments":[` + strings.TrimSuffix(strings.Repeat(`{},`, mastodon.MaxShortList), ",") + `]}]`,
		[]string{"1"}, ""},
}

// A test's small hand-written body lists through httpmock, typed and
// portable, as a real one does; the refusals name what was wrong.
func TestSmallRepliesList(t *testing.T) {
	for _, tt := range smallReplies {
		t.Run(tt.name, func(t *testing.T) {
			mt := httpmock.NewMockTransport()
			mt.RegisterNoResponder(httpmock.NewStringResponder(http.StatusOK, tt.body))
			c, err := mastodon.New("https://mastodon.example", "token",
				append(fastOpts(), favorites.WithHTTPClient(&http.Client{Transport: mt}))...)
			if err != nil {
				t.Fatal(err)
			}
			drivertest.CheckSmallReply(t, c.Favourites(nil), func(st *mastodon.Status) string { return st.ID },
				mastodon.NewAdapter(c).List(nil), tt.ids, tt.err)
		})
	}
}

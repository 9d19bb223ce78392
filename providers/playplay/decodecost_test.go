//go:build !race

// The race detector's instrumentation allocates on its own (and sync.Pool
// drops items at random under it), so these tests measure a build without
// it: .ci/run runs them with go test, not go test -race.

package playplay_test

import (
	"strings"
	"testing"

	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/playplay"
)

// nest is a JSON object nested depth levels deep.
func nest(depth int) string {
	return strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth)
}

// rule is PlayPlay's figures in the SDK's memory rule: media sit four
// containers deep ({"results":[{"results":[...]}]}).
var rule = drivertest.DecodeRule{ItemDepth: 4, MaxItems: playplay.MaxPageItems, MaxNested: playplay.MaxListItems, ItemCost: playplay.ItemCost}

// list is a JSON list of n ones.
func list(n int) string { return "[" + strings.TrimSuffix(strings.Repeat("1,", n), ",") + "]" }

// hostilePages are replies built to cost the most memory per byte within
// the bounds a listing keeps (MaxPageItems items, MaxListItems in a list
// inside one, DefaultMaxBodySize bytes, driver.MaxJSONDepth levels): the
// tiniest items (a Media for each, however short), nesting in every place
// an item has room for it, long strings where each field would keep them,
// and escapes that take the slow path.
var hostilePages = []struct{ name, body string }{
	{"tiny items refused", listBody(repeatItem(`{}`, 200000), "null")},
	{"tiny items over the page bound", listBody(repeatItem(`{"id":1,"source":"u"}`, 30000), "null")},
	{"the tiniest items accepted, a full page", listBody(repeatItem(`{"id":1,"source":"u"}`, playplay.MaxPageItems), "null")},
	{"nesting in data", listBody(repeatItem(`{"id":1,"source":"u","data":`+nest(58)+`}`, playplay.MaxPageItems), "null")},
	{"nesting in every lenient field", listBody(repeatItem(`{"id":1,"source":"u","credit":`+nest(58)+`,"credit_url":`+nest(58)+
		`,"duration":`+nest(58)+`,"original_url":`+nest(58)+`,"watermarked":`+nest(58)+`,"download_size":`+nest(58)+`}`,
		playplay.MaxPageItems), "null")},
	{"nesting in an unknown field", listBody(repeatItem(`{"id":1,"source":"u","x":`+nest(58)+`}`, playplay.MaxPageItems), "null")},
	{"lists at their cap in every item", listBody(repeatItem(`{"id":1,"source":"u","data":{"x":`+list(playplay.MaxListItems)+`},"credit":`+
		list(playplay.MaxListItems)+`}`, playplay.MaxPageItems), "null")},
	{"a list past its cap", listBody(`{"id":1,"source":"u","data":{"x":`+list(playplay.MaxListItems+1)+`}}`, "null")},
	{"long name", listBody(`{"id":1,"source":"u","name":"`+strings.Repeat("x", 700<<10)+`"}`, "null")},
	{"long string in data", listBody(`{"id":1,"source":"u","data":{"type":"`+strings.Repeat("x", 700<<10)+`"}}`, "null")},
	{"long lenient strings", listBody(`{"id":1,"source":"u","credit":"`+strings.Repeat("x", 350<<10)+
		`","original_url":"`+strings.Repeat("y", 350<<10)+`"}`, "null")},
	{"long escaped lenient string", listBody(`{"id":1,"source":"u","credit":"`+strings.Repeat(`\n`, 350<<10)+`"}`, "null")},
	{"escapes in every item", listBody(repeatItem(`{"id":1,"source":"u","credit":"\n","credit_url":"\n","original_url":"\n","stock_id":"\u0031"}`,
		playplay.MaxPageItems), "null")},
	{"long stock_id", listBody(`{"id":1,"source":"u","stock_id":"`+strings.Repeat("7", 700<<10)+`"}`, "null")},
}

// Issue 16.1, and the memory rule of issue 25: decoding a listing reply of
// B bytes allocates at most drivertest.MaxHeldPerReplyByte times B plus
// ItemCost a media, whatever its shape. It measures the decode function
// itself, DecodeListBody: what FavoritesPage does with the bytes Client.Do
// has read (the reading is the core's, measured there).
func TestDecodeCostIsBoundedByTheReply(t *testing.T) {
	for _, p := range hostilePages {
		if len(p.body) > playplay.DefaultMaxBodySize {
			t.Fatalf("%s: a %d-byte page is over the body cap, so no listing would decode it", p.name, len(p.body))
		}
		body := []byte(p.body)
		rule.Check(t, p.name, body, func() {
			_, _ = playplay.DecodeListBody(t.Context(), body)
		})
	}
}

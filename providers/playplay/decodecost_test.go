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

// padded closes object, a JSON object left open, with white space before
// its brace so that it is n bytes long: the cheapest item of n bytes.
func padded(object string, n int) string {
	return object + strings.Repeat(" ", n-len(object)-1) + "}"
}

// hostilePages are replies built to cost the most memory per byte within
// the bounds a listing keeps (MaxPageItems items, DefaultMaxBodySize
// bytes, driver.MaxJSONDepth levels): the tiniest items the listing
// accepts (a 320-byte Media for each MinMediaBytes), nesting in every place an item has room for it, long strings
// where each field would keep them, and escapes that take the slow path.
var hostilePages = []struct{ name, body string }{
	{"tiny items refused", listBody(repeatItem(`{}`, 200000), "null")},
	{"tiny items over the page bound", listBody(repeatItem(`{"id":1,"source":"u"}`, 30000), "null")},
	{"nesting in data", listBody(repeatItem(`{"id":1,"source":"u","data":`+nest(58)+`}`, playplay.MaxPageItems), "null")},
	{"nesting in every lenient field", listBody(repeatItem(`{"id":1,"source":"u","credit":`+nest(58)+`,"credit_url":`+nest(58)+
		`,"duration":`+nest(58)+`,"original_url":`+nest(58)+`,"watermarked":`+nest(58)+`,"download_size":`+nest(58)+`}`,
		playplay.MaxPageItems), "null")},
	{"nesting in an unknown field", listBody(repeatItem(`{"id":1,"source":"u","x":`+nest(58)+`}`, playplay.MaxPageItems), "null")},
	{"long name", listBody(`{"id":1,"source":"u","name":"`+strings.Repeat("x", 700<<10)+`"}`, "null")},
	{"long string in data", listBody(`{"id":1,"source":"u","data":{"type":"`+strings.Repeat("x", 700<<10)+`"}}`, "null")},
	{"long lenient strings", listBody(`{"id":1,"source":"u","credit":"`+strings.Repeat("x", 350<<10)+
		`","original_url":"`+strings.Repeat("y", 350<<10)+`"}`, "null")},
	{"long escaped lenient string", listBody(`{"id":1,"source":"u","credit":"`+strings.Repeat(`\n`, 350<<10)+`"}`, "null")},
	{"escapes in every item", listBody(repeatItem(`{"id":1,"source":"u","credit":"\n","credit_url":"\n","original_url":"\n","stock_id":"\u0031"}`,
		playplay.MaxPageItems), "null")},
	{"the tiniest items accepted, a full page", listBody(repeatItem(padded(`{"id":1,"source":"u"`, playplay.MinMediaBytes), playplay.MaxPageItems), "null")},
	{"items one byte too small", listBody(repeatItem(padded(`{"id":1,"source":"u"`, playplay.MinMediaBytes-1), playplay.MaxPageItems), "null")},
	{"long stock_id", listBody(`{"id":1,"source":"u","stock_id":"`+strings.Repeat("7", 700<<10)+`"}`, "null")},
}

// Issue 16.1: decoding a listing reply of B bytes allocates at most
// drivertest.MaxHeldPerReplyByte times B, whatever its shape. It measures
// the decode function itself, DecodeListBody: what FavoritesPage does with
// the bytes Client.Do has read (the reading is the core's, measured there).
func TestDecodeCostIsBoundedByTheReply(t *testing.T) {
	for _, p := range hostilePages {
		if len(p.body) > playplay.DefaultMaxBodySize {
			t.Fatalf("%s: a %d-byte page is over the body cap, so no listing would decode it", p.name, len(p.body))
		}
		body := []byte(p.body)
		drivertest.CheckDecodeCost(t, p.name, len(body), func() {
			_, _ = playplay.DecodeListBody(t.Context(), body)
		})
	}
}

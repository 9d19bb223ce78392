//go:build !race

// The race detector's instrumentation allocates on its own (and sync.Pool
// drops items at random under it), so these tests measure a build without
// it: .ci/run runs them with go test, not go test -race.

package mastodon_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/mastodon"
)

// hostilePage is one listing body built to cost the client memory.
type hostilePage struct {
	name string
	body string
}

// page joins items into a JSON array.
func page(items ...string) string { return "[" + strings.Join(items, ",") + "]" }

// repeat is n copies of item.
func repeat(item string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = item
	}
	return out
}

// reblogChain is a status boosting a status boosting ... depth levels
// deep, each level with content of pad bytes: within driver.MaxJSONDepth,
// so only the provider's own rules stop it.
func reblogChain(depth, pad int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(`{"id":"` + strconv.Itoa(i+1) + `","content":"` + strings.Repeat("x", pad) + `","reblog":`)
	}
	b.WriteString("null")
	b.WriteString(strings.Repeat("}", depth))
	return b.String()
}

// quoteChain is a status quoting a status quoting ... depth levels deep,
// each with content of pad bytes.
func quoteChain(depth, pad int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(`{"id":"` + strconv.Itoa(i+1) + `","content":"` + strings.Repeat("x", pad) + `","quote":{"state":"accepted","quoted_status":`)
	}
	b.WriteString("null")
	b.WriteString(strings.Repeat("}}", depth))
	return b.String()
}

// movedChain is an account moved to an account moved to ... depth levels
// deep, each with a note of pad bytes.
func movedChain(depth, pad int) string {
	var b strings.Builder
	for range depth {
		b.WriteString(`{"note":"` + strings.Repeat("x", pad) + `","moved":`)
	}
	b.WriteString("null")
	b.WriteString(strings.Repeat("}", depth))
	return b.String()
}

// tinyList is a status whose field holds n empty objects.
func tinyList(field string, n int) string {
	return `{"id":"1","` + field + `":[` + strings.Repeat(`{},`, n-1) + `{}]}`
}

// honestStatus is a status shaped as Mastodon sends one, with content of
// pad bytes.
func honestStatus(id, pad int) string {
	return `{"id":"` + strconv.Itoa(id) + `","created_at":"2024-01-01T00:00:00.000Z","in_reply_to_id":null,` +
		`"in_reply_to_account_id":null,"sensitive":false,"spoiler_text":"","visibility":"public","language":"en",` +
		`"uri":"https://a.example/users/bob/statuses/1","url":"https://a.example/@bob/1","replies_count":0,` +
		`"reblogs_count":0,"favourites_count":1,"favourited":true,"reblogged":false,"muted":false,"bookmarked":false,` +
		`"content":"<p>` + strings.Repeat("word ", pad/5) + `</p>","reblog":null,` +
		`"account":{"id":"7","username":"bob","acct":"bob","display_name":"Bob","locked":false,"bot":false,` +
		`"url":"https://a.example/@bob","avatar":"https://a.example/bob.png"},` +
		`"media_attachments":[{"id":"m","type":"image","url":"https://a.example/m.png","preview_url":"https://a.example/s.png",` +
		`"remote_url":null,"description":null,"blurhash":null}],"mentions":[],"tags":[],"emojis":[],"card":null,"poll":null}`
}

// everyPointer is a status whose every pointer field, at every level
// Mastodon nests (a boost, quotes, moved accounts), holds an empty value:
// the most a status of few bytes can cost, which ItemCost must cover.
func everyPointer(id int) string {
	account := `{"id":"7","moved":{"id":"8","feature_approval":{}},"feature_approval":{},"discoverable":true,"noindex":true,` +
		`"hide_collections":true,"last_status_at":"2024-01-01"}`
	quoted := `{"id":"3","account":` + account + `,"card":{},"poll":{},"application":{},"quote_approval":{},"url":"","language":"",` +
		`"in_reply_to_id":"","in_reply_to_account_id":"","edited_at":"2024-01-01T00:00:00Z","text":""}`
	status := func(id, inner string) string {
		return `{"id":"` + id + `","account":` + account + `,"card":{},"poll":{"expires_at":"2024-01-01T00:00:00Z","voters_count":1},` +
			`"application":{},"quote_approval":{},"quote":{"state":"","quoted_status_id":"3","quoted_status":` + quoted + `},` +
			`"url":"","language":"","in_reply_to_id":"","in_reply_to_account_id":"","edited_at":"2024-01-01T00:00:00Z","text":""` + inner + `}`
	}
	return status(strconv.Itoa(id), `,"reblog":`+status("2", ""))
}

// rule is Mastodon's figures in the SDK's memory rule for a page of 40
// (MaxLimit, the adapter's default): statuses sit in the top list. For a
// single status (Client.Status), the reply is the item: ItemDepth 0.
var rule = drivertest.DecodeRule{ItemDepth: 1, MaxItems: mastodon.MaxLimit + mastodon.PageMargin,
	MaxNested: mastodon.MaxLongList, ItemCost: mastodon.ItemCost, NestedCost: mastodon.ListItemCost}

// hostilePages are the shapes of issue 16, each near a MiB over 40 statuses
// at most (a page's worth; more is refused outright): boost chains within
// the JSON depth limit, tiny items, tiny values in a status's lists, long
// strings, deep nesting in fields the type does not name; and of issue 25:
// statuses as small as a test writes them, lists at their caps and past
// them, and statuses whose every pointer holds a value.
func hostilePages() []hostilePage {
	const mib, n = 1 << 20, 40
	atCap := func(field, item string, max int) string {
		return `{"id":"1","` + field + `":[` + strings.Repeat(item+`,`, max-1) + item + `]}`
	}
	return []hostilePage{
		{"honest page of 40", page(func() []string {
			var out []string
			for i := range n {
				out = append(out, honestStatus(i+1, mib/n))
			}
			return out
		}()...)},
		{"reblog chains 60 deep", page(repeat(reblogChain(60, 400), n)...)},
		{"tiny items", page(repeat(`{"id":"1"}`, mib/11)...)},
		{"tiny items, a full page", page(repeat(`{"id":"1"}`, n)...)},
		{"every pointer set, a full page", page(func() []string {
			var out []string
			for i := range n {
				out = append(out, everyPointer(i+1))
			}
			return out
		}()...)},
		{"tiny media attachments", page(repeat(tinyList("media_attachments", mib/3/n), n)...)},
		{"tiny mentions", page(repeat(tinyList("mentions", mib/3/n), n)...)},
		{"tiny emojis", page(repeat(tinyList("emojis", mib/3/n), n)...)},
		{"tiny poll options", page(repeat(`{"id":"1","poll":{"id":"p","options":[`+strings.Repeat(`{},`, mib/3/n)+`{}]}}`, n)...)},
		{"empty media attachments at their cap", page(repeat(atCap("media_attachments", `{}`, mastodon.MaxShortList), n)...)},
		{"attachments of empty meta at their cap", page(repeat(atCap("media_attachments",
			`{"meta":{"original":{},"small":{},"focus":{}}}`, mastodon.MaxShortList), n)...)},
		{"empty mentions at their cap", page(repeat(atCap("mentions", `{}`, mastodon.MaxLongList), n)...)},
		{"empty filter results at their cap", page(repeat(atCap("filtered", `{}`, mastodon.MaxLongList), n)...)},
		{"empty filter results of empty keywords", page(repeat(`{"id":"1","filtered":[`+strings.Repeat(
			`{"filter":{"keywords":[{},{},{},{}],"statuses":[{}]},"keyword_matches":[""]},`, 99)+`{}]}`, n)...)},
		{"mentions past their cap", page(repeat(atCap("mentions", `{}`, mastodon.MaxLongList+1), n)...)},
		{"long content of short words", page(repeat(`{"id":"1","content":"`+strings.Repeat("a ", mib/2/n)+`"}`, n)...)},
		{"long escaped content", page(repeat(`{"id":"1","content":"`+strings.Repeat(`\u0026`, mib/6/n)+`"}`, n)...)},
		{"deep unknown fields", page(repeat(`{"id":"1","x":`+strings.Repeat(`{"y":`, 60)+"0"+strings.Repeat("}", 60)+"}", mib/400)...)},
	}
}

// Decoding a listing reply of B bytes, through the client users run (an
// httptest server, the adapter's List), allocates at most what the memory
// rule allows: drivertest.MaxHeldPerReplyByte times B plus ItemCost a
// status and ListItemCost an item of a list in one, whatever its shape. A
// page the client refuses counts too: refusing must be cheap.
func TestListingDecodeCostIsBoundedByTheReply(t *testing.T) {
	for _, hp := range hostilePages() {
		t.Run(hp.name, func(t *testing.T) {
			body := []byte(hp.body)
			srv := serveBody(t, body)
			c, err := mastodon.New(srv.URL, "token", append(fastOpts(), favorites.WithMaxBodySize(4<<20))...)
			if err != nil {
				t.Fatal(err)
			}
			a := mastodon.NewAdapter(c)
			var n int
			var lerr error
			rule.Check(t, hp.name, body, func() {
				for _, err := range a.List(nil).All(t.Context()) {
					if err != nil {
						lerr = err
						break
					}
					n++
				}
			})
			t.Logf("%s: %d bytes, %d favourites, err %v", hp.name, len(body), n, lerr)
		})
	}
}

// The single-status calls decode through Client.Do into a Status with the
// same bound, the status being the one item: a boost chain, tiny lists and
// long text cost what the rule allows.
func TestStatusDecodeCostIsBoundedByTheReply(t *testing.T) {
	const mib = 1 << 20
	one := rule
	one.ItemDepth = 0
	for _, hp := range []hostilePage{
		{"honest boost", `{"id":"1","content":"","reblog":` + honestStatus(2, mib) + `}`},
		{"reblog chain 60 deep", reblogChain(60, mib/60)},
		{"tiny mentions", tinyList("mentions", mib/3)},
		{"tiny mentions at their cap", tinyList("mentions", mastodon.MaxLongList)},
		{"tiny poll options", `{"id":"1","poll":{"id":"p","options":[` + strings.Repeat(`{},`, mib/3) + `{}]}}`},
		{"long content of short words", `{"id":"1","content":"` + strings.Repeat("a ", mib/2) + `"}`},
		{"long escaped content", `{"id":"1","content":"` + strings.Repeat(`\u0026`, mib/6) + `"}`},
		{"one-letter strings in a quote approval", `{"id":"1","quote_approval":{"automatic":[` + strings.Repeat(`"a",`, mib/4) + `"a"]}}`},
		{"empty strings in a quote approval", `{"id":"1","quote_approval":{"automatic":[` + strings.Repeat(`"",`, mib/3) + `""]}}`},
		{"one-digit own votes", `{"id":"1","poll":{"id":"p","own_votes":[` + strings.Repeat(`0,`, mib/2) + `0]}}`},
		{"empty filter contexts", `{"id":"1","filtered":[{"filter":{"context":[` + strings.Repeat(`"",`, mib/3) + `""]}}]}`},
		{"quote chain 30 deep", quoteChain(30, mib/30)},
		{"moved chain 60 deep", `{"id":"1","account":` + movedChain(60, mib/60) + `}`},
		{"attachments of empty meta", `{"id":"1","media_attachments":[` + strings.Repeat(`{"id":"`+strings.Repeat("1", 50)+`","meta":{"focus":{}}},`, mib/80) + `{}]}`},
	} {
		t.Run(hp.name, func(t *testing.T) {
			body := []byte(hp.body)
			srv := serveBody(t, body)
			c, err := mastodon.New(srv.URL, "token", fastOpts()...)
			if err != nil {
				t.Fatal(err)
			}
			one.Check(t, hp.name, body, func() { _, _, err = c.Status(t.Context(), "1") })
			t.Logf("%s: %d bytes, err %v", hp.name, len(body), err)
		})
	}
}

// A status of few bytes whose every pointer holds a value costs what
// ItemCost allows, decoded on its own (through the client, the HTTP
// exchange would cost more than such a reply).
func TestDecodeStatusCostOfEveryPointer(t *testing.T) {
	one := rule
	one.ItemDepth = 0
	body := []byte(everyPointer(1))
	var err error
	one.Check(t, "every pointer set", body, func() { _, err = mastodon.DecodeStatus(body) })
	if err != nil {
		t.Fatal(err)
	}
}

// serveBody starts a server that answers every request with body, as JSON,
// closed when the test ends. body is converted before the measure, so the
// server allocates nothing that is counted.
func serveBody(t *testing.T, body []byte) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

//go:build !race

// The race detector's instrumentation allocates on its own, so these
// tests measure a build without it: .ci/run runs them with go test, not
// go test -race.

package e621_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/e621"
)

// rule is e621's figures in the SDK's memory rule for a page of limit
// posts: posts sit two containers deep ({"posts":[...]}).
func rule(limit int) drivertest.DecodeRule {
	return drivertest.DecodeRule{ItemDepth: 2, MaxItems: limit + e621.ItemMargin, MaxNested: e621.MaxListItems,
		ItemCost: e621.ItemCost, NestedCost: e621.ListItemCost}
}

// hostilePages are pages built to make decoding cost more memory than the
// reply holds, each of one shape, with the page size they are asked for.
func hostilePages() []struct {
	name  string
	limit int
	body  string
} {
	post := fullPost
	page := func(items []string) string { return `{"posts":[` + strings.Join(items, ",") + `]}` }
	many := func(n int, item func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = item(i)
		}
		return out
	}
	list := func(item string, n int) string {
		return "[" + strings.TrimSuffix(strings.Repeat(item+",", n), ",") + "]"
	}
	deep := strings.Repeat(`[`, driver.MaxJSONDepth-4) + strings.Repeat(`]`, driver.MaxJSONDepth-4)
	deepObj := strings.Repeat(`{"a":`, driver.MaxJSONDepth-4) + `1` + strings.Repeat(`}`, driver.MaxJSONDepth-4)
	atCap := func(item string) string { return list(item, e621.MaxListItems) }
	overCap := func(item string) string { return list(item, e621.MaxListItems+1) }
	return []struct {
		name  string
		limit int
		body  string
	}{
		{"tiny items, a full page", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string { return `{"id":` + strconv.Itoa(i+1) + `}` }))},
		{"tiny items, far past the page", e621.MaxLimit, page(many(100000, func(i int) string { return `{"id":` + strconv.Itoa(i+1) + `}` }))},
		{"empty objects, a full page", e621.MaxLimit, page(many(e621.MaxLimit, func(int) string { return `{}` }))},
		{"honest posts, a full page", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string { return post(i+1, "") }))},
		{"nested arrays in every post", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string { return post(i+1, `,"x":`+deep) }))},
		{"nested objects in every post", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string { return post(i+1, `,"x":`+deepObj) }))},
		{"a post of half a MiB", e621.MaxLimit, page([]string{post(1, `,"description":"`+strings.Repeat("a", 512<<10)+`"`)})},
		{"long posts", e621.MaxLimit, page(many(8, func(i int) string { return post(i+1, `,"description":"`+strings.Repeat("a", 200<<10)+`"`) }))},
		{"a post of a MiB", e621.MaxLimit, page([]string{post(1, `,"description":"`+strings.Repeat("a", 1<<20)+`"`)})},
		{"every list of empty tags at its cap", e621.MaxLimit, page(many(8, func(i int) string {
			return post(i+1, `,"locked_tags":`+atCap(`""`)+`,"sources":`+atCap(`""`)+`,"tags":{"general":`+atCap(`""`)+
				`,"artist":`+atCap(`""`)+`,"species":`+atCap(`""`)+`,"meta":`+atCap(`""`)+`,"lore":`+atCap(`""`)+`}`)
		}))},
		{"lists of pools and children at their cap", e621.MaxLimit, page(many(8, func(i int) string {
			return post(i+1, `,"pools":`+atCap(`1`)+`,"relationships":{"children":`+atCap(`1`)+`}`)
		}))},
		{"a long tag list of empty tags", e621.MaxLimit, page(many(2, func(i int) string {
			return post(i+1, `,"locked_tags":[`+strings.Repeat(`"",`, 150000)+`""]`)
		}))},
		{"long category lists of empty tags", e621.MaxLimit, page(many(2, func(i int) string {
			return post(i+1, `,"tags":{"general":[`+strings.Repeat(`"",`, 80000)+`""],"meta":[`+strings.Repeat(`"",`, 80000)+`""]}`)
		}))},
		{"a long list of pools", e621.MaxLimit, page(many(2, func(i int) string { return post(i+1, `,"pools":[`+strings.Repeat(`1,`, 200000)+`1]`) }))},
		{"a long list of children", e621.MaxLimit, page(many(2, func(i int) string {
			return post(i+1, `,"relationships":{"children":[`+strings.Repeat(`1,`, 200000)+`1]}`)
		}))},
		{"a list one past its cap", e621.MaxLimit, page([]string{post(1, `,"sources":`+overCap(`""`))})},
	}
}

// TestDecodeCostIsBoundedByTheReply lists each hostile page through the
// real client path (httpmock answers; Client.Do reads, caps and decodes
// the body; the adapter maps each post) and holds the memory it allocates
// to the memory rule, whether the page is accepted or refused.
func TestDecodeCostIsBoundedByTheReply(t *testing.T) {
	for _, hp := range hostilePages() {
		c, mt := mockClient(t)
		mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json", func(*http.Request) (*http.Response, error) {
			return httpmock.NewStringResponse(http.StatusOK, hp.body), nil
		})
		a := e621.NewAdapter(c)
		var err error
		rule(hp.limit).Check(t, hp.name, []byte(hp.body), func() {
			_, err = a.List(&favorites.ListOptions{PageSize: hp.limit}).NextPage(t.Context())
		})
		t.Logf("%s: %d bytes: %v", hp.name, len(hp.body), err)
	}
}

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
	deep := strings.Repeat(`[`, driver.MaxJSONDepth-4) + strings.Repeat(`]`, driver.MaxJSONDepth-4)
	deepObj := strings.Repeat(`{"a":`, driver.MaxJSONDepth-4) + `1` + strings.Repeat(`}`, driver.MaxJSONDepth-4)
	return []struct {
		name  string
		limit int
		body  string
	}{
		{"tiny items, a full page", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string { return `{"id":` + strconv.Itoa(i+1) + `}` }))},
		{"tiny items, far past the page", e621.MaxLimit, page(many(100000, func(i int) string { return `{"id":` + strconv.Itoa(i+1) + `}` }))},
		{"honest posts, a full page", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string { return post(i+1, "") }))},
		{"nested arrays in every post", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string { return post(i+1, `,"x":`+deep) }))},
		{"nested objects in every post", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string { return post(i+1, `,"x":`+deepObj) }))},
		{"a post at the longest", e621.MaxLimit, page([]string{post(1, `,"description":"`+strings.Repeat("a", e621.MaxPostBytes-1000)+`"`)})},
		{"long posts", e621.MaxLimit, page(many(8, func(i int) string { return post(i+1, `,"description":"`+strings.Repeat("a", 200<<10)+`"`) }))},
		{"a post too long", e621.MaxLimit, page([]string{post(1, `,"description":"`+strings.Repeat("a", 1<<20)+`"`)})},
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
		{"items padded to the least size", e621.MaxLimit, page(many(e621.MaxLimit, func(i int) string {
			id := strconv.Itoa(i + 1)
			return `{"id":` + id + strings.Repeat(" ", e621.MinPostBytes-len(id)-7) + `}`
		}))},
	}
}

// TestDecodeCostIsBoundedByTheReply lists each hostile page through the
// real client path (httpmock answers; Client.Do reads, caps and decodes
// the body; the adapter maps each post) and asserts the memory it
// allocates, whether the page is accepted or refused.
func TestDecodeCostIsBoundedByTheReply(t *testing.T) {
	for _, hp := range hostilePages() {
		c, mt := mockClient(t)
		mt.RegisterResponder(http.MethodGet, "https://e621.net/favorites.json", func(*http.Request) (*http.Response, error) {
			return httpmock.NewStringResponse(http.StatusOK, hp.body), nil
		})
		a := e621.NewAdapter(c)
		var err error
		drivertest.CheckDecodeCost(t, hp.name, len(hp.body), func() {
			_, err = a.List(&favorites.ListOptions{PageSize: hp.limit}).NextPage(t.Context())
		})
		t.Logf("%s: %d bytes: %v", hp.name, len(hp.body), err)
	}
}

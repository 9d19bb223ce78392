package playplay_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
)

// listBody is a listing page holding items (JSON, comma-separated) with
// next_page next ("null" on the last page).
func listBody(items, next string) string {
	return `{"results":[{"results":[` + items + `],"next_page":` + next + `,"nb_results":10}],"nb_results":1}`
}

// repeatItem is n copies of item, comma-separated.
func repeatItem(item string, n int) string {
	return strings.TrimSuffix(strings.Repeat(item+",", n), ",")
}

const goodItem = `{"id":1001,"type":"image","source":"upload","stock_id":null}`

// malformedPages are 200 answers to the first page that must be
// ErrMalformedReply: each would otherwise list short, wrong or not at all.
var malformedPages = []struct{ name, body string }{
	{"no outer results", `{"nb_results":1}`},
	{"outer results null", `{"results":null,"nb_results":1}`},
	{"outer results empty", `{"results":[],"nb_results":0}`},
	{"outer results an object", `{"results":{"results":[]},"nb_results":1}`},
	{"two result sets", `{"results":[{"results":[],"next_page":null},{"results":[],"next_page":null}],"nb_results":2}`},
	{"no inner results", `{"results":[{"next_page":null,"nb_results":0}],"nb_results":1}`},
	{"inner results null", `{"results":[{"results":null,"next_page":null}],"nb_results":1}`},
	{"inner results an object", `{"results":[{"results":{},"next_page":null}],"nb_results":1}`},
	{"inner results a string", `{"results":[{"results":"","next_page":null}],"nb_results":1}`},
	{"negative next_page", listBody(goodItem, "-1")},
	{"next_page 0", listBody(goodItem, "0")},
	{"next_page the same page", listBody(goodItem, "1")},
	{"next_page skipping a page", listBody(goodItem, "3")},
	{"next_page a string", listBody(goodItem, `"2"`)},
	{"next_page after an empty page", listBody("", "2")},
	{"an item without id", listBody(goodItem+`,{"type":"image","source":"upload"}`, "null")},
	{"an item with id 0", listBody(`{"id":0,"source":"upload"}`, "null")},
	{"an item with a negative id", listBody(`{"id":-4,"source":"upload"}`, "null")},
	{"an item without source", listBody(`{"id":5}`, "null")},
	{"an item with a source Add refuses", listBody(`{"id":5,"source":"a/b"}`, "null")},
	{"an item with a stock_id with /", listBody(`{"id":5,"source":"pexels","stock_id":"1/2"}`, "null")},
	{"a null item", listBody(goodItem+`,null`, "null")},
	{"an empty object item", listBody(`{}`, "null")},
	{"more items than a page holds", listBody(repeatItem(goodItem, playplay.MaxPageItems+1), "null")},
}

func TestListRefusesMalformedPages(t *testing.T) {
	for _, tc := range malformedPages {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := newMockClient(t, answer{200, tc.body})
			n, err := countAll(t, playplay.NewAdapter(c))
			if !errors.Is(err, favorites.ErrMalformedReply) {
				t.Errorf("%.80s: %d favourites and %v, want ErrMalformedReply", tc.body, n, err)
			}
		})
	}
}

// An item refused is named by its position in the page.
func TestListNamesTheRefusedItem(t *testing.T) {
	c, _ := newMockClient(t, answer{200, listBody(goodItem+","+goodItem+`,{"source":"upload"}`, "null")})
	_, err := countAll(t, playplay.NewAdapter(c))
	if !errors.Is(err, favorites.ErrMalformedReply) || !strings.Contains(err.Error(), "item 2") {
		t.Errorf("a page whose third item has no id: %v, want ErrMalformedReply naming item 2", err)
	}
}

// The documented empty answer, a result set with no media, stays an empty
// listing; a full page of MaxPageItems lists.
func TestListAcceptsHonestPages(t *testing.T) {
	for _, tc := range []struct {
		body string
		want int
	}{
		{`{"results":[{"results":[],"next_page":null,"nb_results":0}],"nb_results":1}`, 0},
		{listBody(repeatItem(goodItem, playplay.MaxPageItems), "null"), playplay.MaxPageItems},
		{listBody(`{"id":1,"source":"pexels","stock_id":"Dwu85P9S\u002dIk"}`, "null"), 1},
	} {
		c, _ := newMockClient(t, answer{200, tc.body})
		if n, err := countAll(t, playplay.NewAdapter(c)); err != nil || n != tc.want {
			t.Errorf("%.80s: %d favourites, %v; want %d", tc.body, n, err, tc.want)
		}
	}
}

// New caps bodies at DefaultMaxBodySize; an option given to New still
// wins.
func TestDefaultBodyCap(t *testing.T) {
	big := listBody(`{"id":1,"source":"upload","name":"`+strings.Repeat("x", playplay.DefaultMaxBodySize)+`"}`, "null")
	c, _ := newMockClient(t, answer{200, big})
	if _, err := countAll(t, playplay.NewAdapter(c)); !errors.Is(err, favorites.ErrResponseTooLarge) {
		t.Errorf("a %d-byte page with the default cap: %v, want ErrResponseTooLarge", len(big), err)
	}
	c, _ = newMockClientWith(t, []favorites.Option{favorites.WithMaxBodySize(2 * playplay.DefaultMaxBodySize)}, answer{200, big})
	if n, err := countAll(t, playplay.NewAdapter(c)); err != nil || n != 1 {
		t.Errorf("the same page with a larger cap given to New: %d, %v; want 1 favourite", n, err)
	}
}

func countAll(t *testing.T, a *playplay.Adapter) (int, error) {
	t.Helper()
	n := 0
	for _, err := range a.List(nil).All(t.Context()) {
		if err != nil {
			return n, fmt.Errorf("after %d: %w", n, err)
		}
		n++
	}
	return n, nil
}

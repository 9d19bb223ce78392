//go:build !race

// The race detector's instrumentation allocates on its own (and sync.Pool
// drops items at random under it), so these tests measure a build without
// it: .ci/run runs them with go test, not go test -race.

package dch_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/dch"
)

// withField is minimalEntry with one more top-level field.
func withField(field string) string {
	return strings.TrimSuffix(minimalEntry, "}") + "," + field + "}"
}

// rule is DCH's figures in the SDK's memory rule: entries sit three
// containers deep ({"_links":{"favourites":[...]}}).
var rule = drivertest.DecodeRule{ItemDepth: 3, MaxItems: dch.MaxFavourites, MaxNested: dch.MaxListItems, ItemCost: dch.ItemCost}

// hostileAnswers are list answers shaped to cost memory: many of the
// smallest entries (the tiniest a user's test would write among them),
// more than the cap, long strings (plain, escaped, in the URL fields the
// decoder rewrites), nesting down to driver.MaxJSONDepth inside every
// entry, and long lists inside entries.
func hostileAnswers() []struct {
	name, body string
	refused    bool
} {
	deep := strings.Repeat(`{"a":[`, driver.MaxJSONDepth/2-2) + "1" + strings.Repeat("]}", driver.MaxJSONDepth/2-2)
	long := strings.Repeat("x", 1<<20)
	list := func(n int) string { return "[" + strings.TrimSuffix(strings.Repeat("1,", n), ",") + "]" }
	return []struct {
		name, body string
		refused    bool
	}{
		{`tiny {"id":"1"} entries, as many as allowed`, answer(`{"id":"1"}`, dch.MaxFavourites), false},
		{"entries of every key, as many as allowed", answer(minimalEntry, dch.MaxFavourites), false},
		{"document-sized entries, as many as allowed", answer(fullEntry, dch.MaxFavourites), false},
		{`tiny {"id":"1"} entries past the cap`, answer(`{"id":"1"}`, 30_000), true},
		{"empty objects past the cap", answer(`{}`, 30_000), true},
		{"empty objects", answer(`{}`, dch.MaxFavourites), true},
		{"one 1 MiB title", answer(withField(`"x":0,"title":"`+long+`"`), 1), false},
		{"one title of 1 MiB of escapes", answer(withField(`"title":"`+strings.Repeat(`\u00e9`, 1<<20/6)+`"`), 1), false},
		{"1 MiB of image templates", answer(strings.Replace(minimalEntry, `"image":{}`,
			`"image":{"overview":"//`+long[:1<<19]+`{width}x{height}","detail":"//`+long[:1<<19]+`"}`, 1), 1), false},
		{"1 MiB href", answer(strings.Replace(minimalEntry, `"href":""`, `"href":"//`+long+`"`, 1), 1), false},
		{"nesting to the depth limit in every entry", answer(withField(`"x":`+deep), 3_000), false},
		{"many short titles", answer(withField(`"short_title":"s"`), dch.MaxFavourites), false},
		{"a list at its cap in every entry", answer(withField(`"x":`+list(dch.MaxListItems)), 300), false},
		{"a list past its cap", answer(withField(`"x":`+list(dch.MaxListItems+1)), 300), true},
	}
}

// TestDecodeCostIsBoundedByTheReply decodes each hostile answer with the
// decode functions themselves (what the pages of Client.Favourites and
// Adapter.List do with the body once Client.Do has read it: json.Unmarshal
// of the envelope, then the entries), for the typed list and for the
// portable one, and holds each to the memory rule. Reading the body is the
// core client's and is left out.
func TestDecodeCostIsBoundedByTheReply(t *testing.T) {
	for _, tt := range hostileAnswers() {
		body := []byte(tt.body)
		rule.Check(t, "typed: "+tt.name, body, func() { _, _ = dch.DecodeTyped(t.Context(), body) })
		rule.Check(t, "portable: "+tt.name, body, func() { _, _ = dch.DecodePortable(t.Context(), body) })
	}
}

// The hostile answers decode as they should: the refused ones are
// ErrMalformedReply, the others give every entry.
func TestHostileAnswersDecode(t *testing.T) {
	for _, tt := range hostileAnswers() {
		list, err := dch.DecodeTyped(t.Context(), []byte(tt.body))
		switch {
		case tt.refused:
			if !isMalformed(err) {
				t.Errorf("%s: %v, want ErrMalformedReply", tt.name, err)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case len(list) == 0:
			t.Errorf("%s: no entries", tt.name)
		}
	}
}

func isMalformed(err error) bool { return errors.Is(err, favorites.ErrMalformedReply) }

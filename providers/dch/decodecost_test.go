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
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/providertest"
)

// withField is minimalEntry with one more top-level field.
func withField(field string) string {
	return strings.TrimSuffix(minimalEntry, "}") + "," + field + "}"
}

// hostileAnswers are list answers shaped to cost memory: many of the
// smallest entries, tiny values the listing refuses, long strings (plain,
// escaped, in the URL fields the decoder rewrites), and nesting down to
// favorites.MaxJSONDepth inside every entry.
func hostileAnswers() []struct{ name, body string } {
	deep := strings.Repeat(`{"a":[`, favorites.MaxJSONDepth/2-2) + "1" + strings.Repeat("]}", favorites.MaxJSONDepth/2-2)
	long := strings.Repeat("x", 1<<20)
	return []struct{ name, body string }{
		{"smallest entries, as many as allowed", answer(minimalEntry, dch.MaxFavourites)},
		{"document-sized entries, as many as allowed", answer(fullEntry, dch.MaxFavourites)},
		{`tiny {"id":"1"} values`, answer(`{"id":"1"}`, 30_000)},
		{"empty objects", answer(`{}`, 30_000)},
		{"one 1 MiB title", answer(withField(`"x":0,"title":"`+long+`"`), 1)},
		{"one title of 1 MiB of escapes", answer(withField(`"title":"`+strings.Repeat(`\u00e9`, 1<<20/6)+`"`), 1)},
		{"1 MiB of image templates", answer(strings.Replace(minimalEntry, `"image":{}`,
			`"image":{"overview":"//`+long[:1<<19]+`{width}x{height}","detail":"//`+long[:1<<19]+`"}`, 1), 1)},
		{"1 MiB href", answer(strings.Replace(minimalEntry, `"href":""`, `"href":"//`+long+`"`, 1), 1)},
		{"nesting to the depth limit in every entry", answer(withField(`"x":`+deep), 3_000)},
		{"many short titles", answer(withField(`"short_title":"s"`), dch.MaxFavourites)},
	}
}

// TestDecodeCostIsBoundedByTheReply decodes each hostile answer with the
// decode functions themselves (what Client.Favourites and Adapter.List do
// with the body once Client.Do has read it: json.Unmarshal of the envelope,
// then the entries), for the typed list and for the portable one, and
// holds each to providertest.MaxHeldPerReplyByte. Reading the body is the
// core client's and is left out.
func TestDecodeCostIsBoundedByTheReply(t *testing.T) {
	for _, tt := range hostileAnswers() {
		body := []byte(tt.body)
		providertest.CheckDecodeCost(t, "typed: "+tt.name, len(body), func() { _, _ = dch.DecodeTyped(t.Context(), body) })
		providertest.CheckDecodeCost(t, "portable: "+tt.name, len(body), func() { _, _ = dch.DecodePortable(t.Context(), body) })
	}
}

// The hostile answers decode as they should: the refused ones are
// ErrMalformedReply, the others give every entry.
func TestHostileAnswersDecode(t *testing.T) {
	refused := map[string]bool{`tiny {"id":"1"} values`: true, "empty objects": true}
	for _, tt := range hostileAnswers() {
		list, err := dch.DecodeTyped(t.Context(), []byte(tt.body))
		switch {
		case refused[tt.name]:
			if !isMalformed(err) {
				t.Errorf("%s: %v, want ErrMalformedReply", tt.name, err)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case len(list.Favourites) == 0:
			t.Errorf("%s: no entries", tt.name)
		}
	}
}

func TestCountEntries(t *testing.T) {
	tests := []struct {
		raw  string
		want int
	}{
		{"[]", 0},
		{" [ ] ", 0},
		{"[" + minimalEntry + "]", 1},
		{"[" + minimalEntry + "," + minimalEntry + "]", 2},
		// Commas inside strings and nested values are not entries.
		{"[" + strings.Replace(minimalEntry, `"title":""`, `"title":"a,b\",c"`, 1) + "]", 1},
		{"[" + withField(`"x":[1,2,{"a":3,"b":4}]`) + "]", 1},
		// Never more than the bytes leave room for.
		{"[" + strings.Repeat("1,", 1000) + "1]", (2 + 2001) / 91},
	}
	for _, tt := range tests {
		if got := dch.CountEntries([]byte(tt.raw)); got != tt.want {
			t.Errorf("CountEntries(%.60q) = %d, want %d", tt.raw, got, tt.want)
		}
	}
	if n := len(minimalEntry) + 1; n != 91 {
		t.Errorf("the smallest entry and its comma are %d bytes; minEntryBytes says 91", n)
	}
}

func isMalformed(err error) bool { return errors.Is(err, favorites.ErrMalformedReply) }

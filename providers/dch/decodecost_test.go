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

// hostileAnswers are list answers shaped to cost memory: many of the
// smallest entries, tiny values the listing refuses, long strings (plain,
// escaped, in the URL fields the decoder rewrites), and nesting down to
// driver.MaxJSONDepth inside every entry.
func hostileAnswers() []struct{ name, body string } {
	deep := strings.Repeat(`{"a":[`, driver.MaxJSONDepth/2-2) + "1" + strings.Repeat("]}", driver.MaxJSONDepth/2-2)
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
// decode functions themselves (what the pages of Client.Favourites and
// Adapter.List do with the body once Client.Do has read it: json.Unmarshal
// of the envelope, then the entries), for the typed list and for the
// portable one, and holds each to drivertest.MaxHeldPerReplyByte. Reading the body is the
// core client's and is left out.
func TestDecodeCostIsBoundedByTheReply(t *testing.T) {
	for _, tt := range hostileAnswers() {
		body := []byte(tt.body)
		drivertest.CheckDecodeCost(t, "typed: "+tt.name, len(body), func() { _, _ = dch.DecodeTyped(t.Context(), body) })
		drivertest.CheckDecodeCost(t, "portable: "+tt.name, len(body), func() { _, _ = dch.DecodePortable(t.Context(), body) })
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
		case len(list) == 0:
			t.Errorf("%s: no entries", tt.name)
		}
	}
}

// TestSmallestEntry: the listing's first pass refuses entries shorter than
// MinEntryBytes, so that must be the length of the smallest entry its key
// rule accepts, which lists, while one byte less is refused unread.
func TestSmallestEntry(t *testing.T) {
	if len(minimalEntry) != dch.MinEntryBytes {
		t.Fatalf("the smallest entry is %d bytes; minEntryBytes says %d", len(minimalEntry), dch.MinEntryBytes)
	}
	list, err := dch.DecodeTyped(t.Context(), []byte(answer(minimalEntry, 3)))
	if err != nil || len(list) != 3 || cap(list) != 3 {
		t.Fatalf("three smallest entries: %v (cap %d), %v", list, cap(list), err)
	}
	shorter := strings.Replace(minimalEntry, `"id":"1"`, `"id":""`, 1)
	if _, err := dch.DecodeTyped(t.Context(), []byte(answer(shorter, 1))); !isMalformed(err) ||
		!strings.Contains(err.Error(), "bytes of JSON") {
		t.Fatalf("an entry one byte shorter: %v, want it refused by its size", err)
	}
}

func isMalformed(err error) bool { return errors.Is(err, favorites.ErrMalformedReply) }

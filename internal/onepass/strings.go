package onepass

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// Strings makes the strings of one decoding (a page) one allocation
// instead of one each. A decoder hands it each string field with the
// string's bytes (Set, SetQuoted); it copies the bytes into one buffer and
// notes where the field is. Resolve, once the page is decoded, makes the
// buffer one Go string and sets each field to its part of it. A page of
// more than maxWaiting strings is resolved every maxWaiting strings, which
// bounds what the notes cost.
//
// The strings are copies: nothing of the reply is shared, so a caller
// writing into a Raw (the reply's own bytes) changes no string, and no
// unsafe conversion is needed; a substring of a Go string is an ordinary,
// immutable string. What a caller keeps of one string keeps the page's
// strings alive (some half of the reply, which each Raw keeps whole).
//
// Until it is resolved, a field holds a placeholder: the first n+2 bytes
// of placeholders for the n-th string noted. Resolve sets a field only
// while it still holds its own placeholder, so a field the decoding set
// again (a repeated name) or cleared (a value reset before it is decoded
// into again) keeps what it holds, exactly as if each string had been set
// at once. No other string is set before it is resolved but "" and strings
// of one byte (which Go makes without an allocation), shorter than any
// placeholder. A value holding a field must not be copied elsewhere before
// Resolve (a slice grown by append, say): the copy would keep the
// placeholder. A decoder builds a list where it stays (Slab.Room), or
// resolves the strings before it moves the items.
type Strings struct {
	buf     []byte  // the strings' bytes, one after the other
	waiting []field // the fields, in the order they were set
	expect  int     // how many bytes of strings the decoding may hold
}

// field is a string field waiting for Resolve: its bytes are buf from the
// end of the one before to end.
type field struct {
	p   *string
	end int
}

// maxWaiting is how many strings wait at most: some 64 KiB of notes,
// against some 1,800 strings in a page of Mastodon's 40 statuses.
const maxWaiting = 4096

// placeholders are the placeholders' bytes.
var placeholders = strings.Repeat("\x00", maxWaiting+2)

// Expect readies s for a decoding of n bytes of JSON, which hold at most
// about as many bytes of strings: a buffer too small for them is made
// that large when the first string comes, not grown step by step.
func (s *Strings) Expect(n int) { s.expect = n }

// grow makes room for n more bytes: the size Expect was told at first,
// and when that is full (only escapes replacing invalid UTF-8 make
// strings longer than their JSON) twice the size.
func (s *Strings) grow(n int) {
	if c := cap(s.buf); c-len(s.buf) < n {
		s.buf = slices.Grow(s.buf, max(n, c, s.expect-len(s.buf)))
	}
}

// Set sets *p to a copy of b.
func (s *Strings) Set(p *string, b []byte) {
	if len(b) < 2 {
		*p = string(b) // "" or one byte: no allocation
		return
	}
	s.grow(len(b))
	s.buf = append(s.buf, b...)
	s.wait(p)
}

// SetQuoted sets *p to the JSON string v unquoted, with invalid UTF-8
// replaced by U+FFFD, as encoding/json v1 does.
func (s *Strings) SetQuoted(p *string, v []byte) {
	if len(v) <= 3 && (len(v) < 3 || v[1] < utf8.RuneSelf) {
		*p = string(v[1 : len(v)-1]) // "" or one ASCII byte: no allocation, nor a buffer yet
		return
	}
	s.grow(len(v)) // at least its length unquoted, unless invalid UTF-8 is replaced
	n := len(s.buf)
	s.buf, _ = jsontext.AppendUnquote(s.buf, v) // the decoder that read v checked its syntax
	if len(s.buf)-n < 2 {
		*p = string(s.buf[n:])
		s.buf = s.buf[:n]
		return
	}
	s.wait(p)
}

// wait notes p, whose bytes end the buffer, and gives it its placeholder.
func (s *Strings) wait(p *string) {
	*p = placeholders[:len(s.waiting)+2]
	s.waiting = append(s.waiting, field{p: p, end: len(s.buf)})
	if len(s.waiting) == maxWaiting {
		s.Resolve()
	}
}

// Resolve sets each field still holding its placeholder to its string,
// all of them parts of one new string, and empties s for the next
// strings. A decoding that fails resolves too, so that no placeholder is
// left in a value a caller may see.
func (s *Strings) Resolve() {
	if len(s.waiting) > 0 {
		all, start := string(s.buf), 0
		for i, f := range s.waiting {
			// Still its placeholder, not set again since: compared by its
			// bytes, as a string set since may have the same length.
			if *f.p == placeholders[:i+2] {
				*f.p = all[start:f.end]
			}
			start = f.end
		}
	}
	clear(s.waiting) // the fields are the caller's: the pool keeps no pointer to them
	s.waiting, s.buf = s.waiting[:0], s.buf[:0]
	if cap(s.buf) > maxKept {
		s.buf = nil
	}
}

// maxKept is the most buffer a Strings keeps for the next decoding (a
// page of Mastodon's 40 statuses holds some 60 KB of strings).
const maxKept = 1 << 20

package favorites

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

// FuzzParseRef reads arbitrary text as a ref. Text it refuses gives
// ErrInvalidArgument; a ref it accepts has an ID, and its String form is
// one line that reads back to the same ref.
func FuzzParseRef(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRef(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidArgument) || r != (Ref{}) {
				t.Fatalf("ParseRef(%q) = %#v, %v; want the zero Ref and ErrInvalidArgument", s, r, err)
			}
			return
		}
		text := r.String()
		if r.ID == "" || strings.ContainsFunc(text, func(c rune) bool { return unicode.IsSpace(c) || unicode.IsControl(c) || c == '#' }) {
			t.Fatalf("ParseRef(%q) = %#v, whose String %q is not one clean line", s, r, text)
		}
		if back, err := ParseRef(text); err != nil || back != r {
			t.Fatalf("ParseRef(%q) = %#v, %v; want %#v", text, back, err, r)
		}
	})
}

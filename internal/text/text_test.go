package text

import (
	"strings"
	"testing"
)

func TestQuoteShort(t *testing.T) {
	long := strings.Repeat("é", 5000)
	for _, tt := range []struct{ in, prefix, suffix string }{
		{"short", `"short"`, `"short"`},
		{long, `"éé`, `"... (10000 bytes)`},
		{strings.Repeat("x", 63) + "é", `"xxx`, `"... (65 bytes)`}, // cut before the rune, not inside it
	} {
		got := QuoteShort(tt.in)
		if !strings.HasPrefix(got, tt.prefix) || !strings.HasSuffix(got, tt.suffix) || len(got) > 90 {
			t.Errorf("QuoteShort(%.20q...) = %q, want %s...%s", tt.in, got, tt.prefix, tt.suffix)
		}
	}
}

// A number of a cursor has one spelling: no sign, no leading zero, in range.
func TestPrefixedDecimal(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want bool
	}{
		{"l320", 320, true}, {"l1", 1, true}, {"l0", 0, false}, {"l321", 0, false},
		{"l032", 0, false}, {"l+3", 0, false}, {"l-3", 0, false}, {"l", 0, false}, {"p3", 0, false},
	} {
		if n, ok := PrefixedDecimal(tt.s, "l", 1, 320); ok != tt.want || ok && n != tt.n {
			t.Errorf("PrefixedDecimal(%q) = %d, %v; want %d, %v", tt.s, n, ok, tt.n, tt.want)
		}
	}
}

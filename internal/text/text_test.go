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

// Package text shapes values for error messages, and reads the numbers of
// cursors and marks, for the root package, the provider kit and the
// providers alike.
package text

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxQuoted is how much of a refused value an error message shows: enough to
// recognise it, without making a 10,000-byte input a 10,000-byte error.
const maxQuoted = 64

// QuoteShort quotes s for an error message, cut to maxQuoted bytes (at a
// rune boundary) with the full length noted when it was longer.
func QuoteShort(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%q... (%d bytes)", CutRunes(s, maxQuoted), len(s))
}

// CutRunes returns the longest prefix of s of at most n bytes that does not
// split a rune.
func CutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// PrefixedDecimal reads prefix followed by a decimal from lo to hi, as
// strconv.Itoa writes it (no sign, no leading zero): a number in a cursor
// or a mark, whose text has one spelling.
func PrefixedDecimal(s, prefix string, lo, hi int) (int, bool) {
	digits, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < lo || n > hi || strconv.Itoa(n) != digits {
		return 0, false
	}
	return n, true
}

// Package text shapes values for error messages, for the root package and
// the provider kit alike.
package text

import (
	"fmt"
	"strconv"
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

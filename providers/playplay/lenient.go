package playplay

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The lenient types read a field of inferred type: a value of the expected
// JSON type is kept, anything else (null, another type, a nested value of
// any depth) reads as nil and is never an error. Each reads its bytes once,
// with no decoder of its own: a nested json.Unmarshal per field would cost
// more than the item it reads.

type lenientString struct{ v *string }

func (l *lenientString) UnmarshalJSON(data []byte) error {
	l.v = nil
	if s, ok := jsonString(data); ok {
		l.v = &s
	}
	return nil
}

type lenientFloat struct{ v *float64 }

func (l *lenientFloat) UnmarshalJSON(data []byte) error {
	l.v = nil
	if f, err := strconv.ParseFloat(string(data), 64); err == nil && isNumber(data) {
		l.v = &f
	}
	return nil
}

type lenientInt struct{ v *int64 }

func (l *lenientInt) UnmarshalJSON(data []byte) error {
	l.v = nil
	if n, err := strconv.ParseInt(string(data), 10, 64); err == nil {
		l.v = &n
	}
	return nil
}

type lenientBool struct{ v *bool }

func (l *lenientBool) UnmarshalJSON(data []byte) error {
	l.v = nil
	if b, err := strconv.ParseBool(string(data)); err == nil && (data[0] == 't' || data[0] == 'f') {
		l.v = &b
	}
	return nil
}

// isNumber reports whether data, a valid JSON value, is a number.
func isNumber(data []byte) bool {
	return len(data) > 0 && (data[0] == '-' || data[0] >= '0' && data[0] <= '9')
}

// jsonString reads data, a valid JSON value, as a JSON string, exactly as
// encoding/json would, with one allocation for the result: a nested
// json.Unmarshal for an escaped string would cost a decoder's state, more
// than a small item.
func jsonString(data []byte) (string, bool) {
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return "", false
	}
	inner := data[1 : len(data)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	var b strings.Builder
	b.Grow(len(inner))
	for i := 0; i < len(inner); {
		c := inner[i]
		switch {
		case c == '\\':
			r, n := unescape(inner[i:])
			if n == 0 {
				return "", false
			}
			b.WriteRune(r)
			i += n
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default: // invalid UTF-8 reads as U+FFFD a byte, as in encoding/json
			r, n := utf8.DecodeRune(inner[i:])
			b.WriteRune(r)
			i += n
		}
	}
	return b.String(), true
}

// unescape reads the escape at the start of s and returns its rune and the
// bytes it takes (0: not an escape).
func unescape(s []byte) (rune, int) {
	if len(s) < 2 {
		return 0, 0
	}
	switch s[1] {
	case '"', '\\', '/':
		return rune(s[1]), 2
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case 'u':
		return unicodeEscape(s)
	}
	return 0, 0
}

// unicodeEscape reads the \uXXXX escape at the start of s, joined with a
// second one when the two are a surrogate pair, and returns the rune and the
// bytes read (0: not an escape). A lone surrogate is U+FFFD, as
// encoding/json reads it.
func unicodeEscape(s []byte) (rune, int) {
	r := hex4(s)
	if r < 0 {
		return 0, 0
	}
	if utf16.IsSurrogate(r) {
		if r2 := hex4(s[6:]); r2 >= 0 {
			if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
				return pair, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}

// hex4 reads "\uXXXX" at the start of s, or gives -1.
func hex4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	n, err := strconv.ParseUint(string(s[2:6]), 16, 16)
	if err != nil {
		return -1
	}
	return rune(n)
}

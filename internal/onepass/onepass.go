// Package onepass holds what the providers' one-pass decoders share: they
// read a page with encoding/json v2's tokenizer
// (github.com/go-json-experiment/json/jsontext) once, filling the typed
// values by readers generated for their types (internal/cmd/readergen)
// and cutting each item's Raw from the page as they go. Here are the readers of the values those
// types are made of, each as encoding/json v1 reads it (Reader), the
// page's strings (Strings) and values (Slab), and the scans over the
// page's bytes that find where a value starts and how many items a list
// holds before it is built.
package onepass

import (
	"bytes"

	"github.com/go-json-experiment/json/jsontext"
)

// SkipSpace is i past JSON's white space in buf: space, tab, LF and CR,
// narrower than Unicode's (encoding/json refuses a "\v" or a U+00A0).
func SkipSpace(buf []byte, i int) int {
	for i < len(buf) && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r') {
		i++
	}
	return i
}

// TrimSpace is buf without JSON's white space at either end.
func TrimSpace(buf []byte) []byte {
	buf = buf[SkipSpace(buf, 0):]
	for len(buf) > 0 && SkipSpace(buf, len(buf)-1) == len(buf) {
		buf = buf[:len(buf)-1]
	}
	return buf
}

// ValueStart is where the value a decoder is about to read starts in buf,
// given the decoder's input offset: past the white space, colon or comma.
func ValueStart(buf []byte, offset int64) int {
	i := int(offset)
	for i < len(buf) {
		switch buf[i] {
		case ' ', '\t', '\n', '\r', ':', ',':
			i++
		default:
			return i
		}
	}
	return i
}

// CountList counts the items of the JSON list at buf[start] and finds its
// end, reading bounds only (the decoder checks the syntax as it reads the
// items); ok is false when the list is cut short.
func CountList(buf []byte, start int) (n, end int, ok bool) {
	depth, empty := 0, true
	for i := start; i < len(buf); i++ {
		switch c := buf[i]; {
		case c == '"':
			if i = StringEnd(buf, i) - 1; i < 0 {
				return 0, 0, false
			}
			empty = false
		case c == '[' || c == '{':
			if depth++; depth > 1 {
				empty = false
			}
		case c == ']' || c == '}':
			if depth--; depth == 0 {
				if !empty {
					n++
				}
				return n, i + 1, true
			}
		case c == ',' && depth == 1:
			n++
		case c != ' ' && c != '\t' && c != '\n' && c != '\r' && depth == 1:
			empty = false
		}
	}
	return 0, 0, false
}

// StringEnd is where the JSON string whose opening quote is buf[start]
// ends, just past its closing quote, or 0 when it is cut short. It finds
// each quote with bytes.IndexByte, so a string costs little more than its
// length in memory reads: a quote ends the string unless an odd number of
// backslashes comes before it.
func StringEnd(buf []byte, start int) int {
	for i := start + 1; i < len(buf); i++ {
		q := bytes.IndexByte(buf[i:], '"')
		if q < 0 {
			break
		}
		i += q
		escaped := false
		for j := i - 1; j > start && buf[j] == '\\'; j-- {
			escaped = !escaped
		}
		if !escaped {
			return i + 1
		}
	}
	return 0
}

// KindName names a JSON kind for an error.
func KindName(k jsontext.Kind) string {
	switch k {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 't', 'f':
		return "a bool"
	case 'n':
		return "null"
	}
	return "a value"
}

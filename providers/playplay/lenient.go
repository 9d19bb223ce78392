package playplay

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/favkit/favorites/internal/rawjson"
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
// encoding/json does. One without escapes, the usual case, is taken as it
// is; one with escapes is unescaped by the pooled decoder of
// internal/rawjson, whose state is kept from one string to the next.
func jsonString(data []byte) (string, bool) {
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return "", false
	}
	if inner := data[1 : len(data)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	var s string
	if rawjson.Unmarshal(data, &s) != nil {
		return "", false
	}
	return s, true
}

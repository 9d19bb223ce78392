package favorites

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/favkit/favorites/internal/text"
)

// Ref is an item's ID at its provider, and a Source where it needs one.
type Ref struct {
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
}

// String is "ID" or "Source:ID", escaped so that [ParseRef] reads it back.
func (r Ref) String() string {
	if r.Source == "" {
		return escapeRef(r.ID)
	}
	return escapeRef(r.Source) + ":" + escapeRef(r.ID)
}

// ParseRef reads [Ref.String]'s form, or returns [ErrInvalidArgument].
func ParseRef(s string) (Ref, error) {
	src, id, hasSource := strings.Cut(s, ":")
	if !hasSource {
		src, id = "", s
	}
	var r Ref
	var err error
	if r.ID, err = unescapeRef(id); err != nil {
		return Ref{}, fmt.Errorf("%w: ref %s: %v", ErrInvalidArgument, text.QuoteShort(s), err)
	}
	if r.Source, err = unescapeRef(src); err != nil {
		return Ref{}, fmt.Errorf("%w: ref %s: %v", ErrInvalidArgument, text.QuoteShort(s), err)
	}
	switch {
	case r.ID == "":
		return Ref{}, fmt.Errorf("%w: ref %s has an empty ID", ErrInvalidArgument, text.QuoteShort(s))
	case hasSource && r.Source == "":
		return Ref{}, fmt.Errorf("%w: ref %s has an empty source before ':'", ErrInvalidArgument, text.QuoteShort(s))
	case strings.Contains(id, ":"):
		// String escapes every ':' of the ID, so a second one is a stray.
		return Ref{}, fmt.Errorf("%w: ref %s has a second ':' (an ID's is written %%3A)", ErrInvalidArgument, text.QuoteShort(s))
	}
	return r, nil
}

const hexDigits = "0123456789ABCDEF"

func escapeRef(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if refNeedsEscape(r, size) {
			for _, c := range []byte(s[i : i+size]) {
				b.WriteByte('%')
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&15])
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func refNeedsEscape(r rune, size int) bool {
	if r == utf8.RuneError && size <= 1 {
		return true // invalid UTF-8
	}
	// Every Unicode space (U+3000 too), not only ASCII's, so that a line of
	// refs splits on white space as a reader expects.
	return r == '%' || r == ':' || r == '#' || r == '\ufeff' || unicode.IsSpace(r) || unicode.IsControl(r)
}

func unescapeRef(s string) (string, error) {
	if strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return "", fmt.Errorf("unescaped white space or control character")
	}
	if !strings.ContainsRune(s, '%') {
		return s, nil
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			out = append(out, c)
			continue
		}
		if i+2 >= len(s) || unhex(s[i+1]) < 0 || unhex(s[i+2]) < 0 {
			return "", fmt.Errorf("bad escape at byte %d", i)
		}
		out = append(out, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
		i += 2
	}
	return string(out), nil
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

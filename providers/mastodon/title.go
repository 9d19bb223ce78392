package mastodon

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTitleLength is how many characters of a status's text make a
// [favorites.Favorite] Title; a longer text is cut and ends with "…".
const MaxTitleLength = 80

// PlainText returns the text of a status's HTML content: tags removed, line
// and paragraph breaks turned into spaces, entities unescaped and white space
// collapsed. Mastodon's content is a small, sanitised subset of HTML (p, br,
// a, span, and a few more), which a tag stripper reads correctly. It reads
// content once and builds only the text it returns.
func PlainText(content string) string { return plainText(content, -1) }

// plainText is PlainText stopped once the text is over max runes (max < 0:
// never), so a title costs its length, not the length of the content.
func plainText(content string, max int) string {
	t := textBuilder{max: max}
	for i := 0; i < len(content) && !t.full(); {
		switch content[i] {
		case '<':
			j := strings.IndexByte(content[i:], '>')
			if j < 0 {
				return t.b.String() // an unclosed tag: drop it
			}
			if breaksLine(content[i+1 : i+j]) {
				t.space = true
			}
			i += j + 1
		case '&':
			n := entityLen(content[i:])
			for _, r := range html.UnescapeString(content[i : i+n]) {
				t.add(r)
			}
			i += n
		default:
			r, n := utf8.DecodeRuneInString(content[i:])
			t.add(r)
			i += n
		}
	}
	return t.b.String()
}

// textBuilder collapses white space as text is added: one space between
// words, none at either end.
type textBuilder struct {
	b     strings.Builder
	max   int  // runes wanted; < 0 for all
	n     int  // runes written
	space bool // a space is due before the next word
}

func (t *textBuilder) add(r rune) {
	if unicode.IsSpace(r) {
		t.space = true
		return
	}
	if t.space && t.n > 0 {
		t.b.WriteByte(' ')
		t.n++
	}
	t.space = false
	t.b.WriteRune(r)
	t.n++
}

func (t *textBuilder) full() bool { return t.max >= 0 && t.n > t.max }

// entityLen is the length of the character reference s starts with ('&',
// a name or number, and ';' when there is one), or 1 for a bare '&'. No
// reference is longer than 32 bytes.
func entityLen(s string) int {
	n := 1
	for n < len(s) && n < 33 && (isAlnum(s[n]) || s[n] == '#') {
		n++
	}
	if n < len(s) && s[n] == ';' {
		n++
	}
	return n
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// breaksLine reports whether the tag inside <...> separates words.
func breaksLine(tag string) bool {
	name := strings.ToLower(strings.TrimLeft(tag, "/"))
	if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
		name = name[:k]
	}
	switch name {
	case "br", "p", "li", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

// title is the first MaxTitleLength characters of the status's text, or
// of the boosted status's when the boost has none of its own.
func title(s *Status) string {
	text := plainText(s.Content, MaxTitleLength)
	if text == "" && s.Reblog != nil {
		text = plainText(s.Reblog.Content, MaxTitleLength)
	}
	if utf8.RuneCountInString(text) <= MaxTitleLength {
		return text
	}
	runes := []rune(text)[:MaxTitleLength-1]
	return strings.TrimRight(string(runes), " ") + "…"
}

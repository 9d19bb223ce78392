package mastodon

import (
	"html"
	"strings"
	"unicode/utf8"
)

// MaxTitleLength is how many characters of a status's text make a
// [favorites.Favorite] Title; a longer text is cut and ends with "…".
const MaxTitleLength = 80

// PlainText returns the text of a status's HTML content: tags removed, line
// and paragraph breaks turned into spaces, entities unescaped and white space
// collapsed. Mastodon's content is a small, sanitised subset of HTML (p, br,
// a, span, and a few more), which a tag stripper reads correctly.
func PlainText(content string) string {
	var b strings.Builder
	for len(content) > 0 {
		i := strings.IndexByte(content, '<')
		if i < 0 {
			b.WriteString(content)
			break
		}
		b.WriteString(content[:i])
		j := strings.IndexByte(content[i:], '>')
		if j < 0 {
			break // an unclosed tag: drop it
		}
		if breaksLine(content[i+1 : i+j]) {
			b.WriteByte(' ')
		}
		content = content[i+j+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
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

// title is the first MaxTitleLength characters of the status's text.
func title(s *Status) string {
	text := PlainText(s.Content)
	if text == "" && s.Reblog != nil {
		text = PlainText(s.Reblog.Content)
	}
	if utf8.RuneCountInString(text) <= MaxTitleLength {
		return text
	}
	runes := []rune(text)[:MaxTitleLength-1]
	return strings.TrimRight(string(runes), " ") + "…"
}

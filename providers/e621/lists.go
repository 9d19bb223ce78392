package e621

import (
	"bytes"
	"sync"
	"unicode/utf8"

	"github.com/favkit/favorites/internal/rawjson"
)

// A post's lists (its tags, locked tags, sources, pools and children) are
// counted before they are built and built at their exact length. Left to
// encoding/json, a slice grows by appending, and a post holding a hundred
// thousand "" or 1 cost about 35 bytes per byte of its JSON; counted, an
// element costs its slice entry (16 bytes for a string's 3, 8 for an ID's
// 2), which keeps a page within drivertest.MaxHeldPerReplyByte. The
// lists are read by hand when they hold what e621 sends (plain strings,
// decimal IDs), and by encoding/json otherwise, for its usual answer.

// postFields is Post without its methods, so that decoding into it does not
// call Post.UnmarshalJSON again.
type postFields Post

// postWire is how a post is decoded: its own fields shadow Post's of the
// same JSON names (encoding/json takes the shallower field), and the rest
// is written straight into the Post it points to.
type postWire struct {
	*postFields
	Tags          tagsWire          `json:"tags"`
	LockedTags    stringList        `json:"locked_tags"`
	Sources       stringList        `json:"sources"`
	Pools         idList            `json:"pools"`
	Relationships relationshipsWire `json:"relationships"`
}

// tagsWire is Tags with each category counted.
type tagsWire struct {
	General     stringList `json:"general"`
	Artist      stringList `json:"artist"`
	Contributor stringList `json:"contributor"`
	Copyright   stringList `json:"copyright"`
	Character   stringList `json:"character"`
	Species     stringList `json:"species"`
	Invalid     stringList `json:"invalid"`
	Meta        stringList `json:"meta"`
	Lore        stringList `json:"lore"`
}

// relationshipsWire is Relationships with the children counted.
type relationshipsWire struct {
	*Relationships
	Children idList `json:"children"`
}

// postWires keeps decoding a post from allocating a postWire each time.
var postWires = sync.Pool{New: func() any { return new(postWire) }}

// UnmarshalJSON decodes a post, each of its lists at its exact length. It
// keeps none of data: Raw is set by the calls that list posts.
func (p *Post) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	return p.decode(data)
}

// decode reads data into p, which it zeroes first.
func (p *Post) decode(data []byte) error {
	*p = Post{}
	w := postWires.Get().(*postWire)
	defer postWires.Put(w)
	*w = postWire{postFields: (*postFields)(p), Relationships: relationshipsWire{Relationships: &p.Relationships}}
	err := rawjson.Unmarshal(data, w)
	t := &w.Tags
	p.Tags = Tags{General: t.General, Artist: t.Artist, Contributor: t.Contributor, Copyright: t.Copyright,
		Character: t.Character, Species: t.Species, Invalid: t.Invalid, Meta: t.Meta, Lore: t.Lore}
	p.LockedTags, p.Sources, p.Pools = w.LockedTags, w.Sources, w.Pools
	p.Relationships.Children = w.Relationships.Children
	*w = postWire{}
	return err
}

// stringList is a list of strings decoded at its exact length.
type stringList []string

// UnmarshalJSON decodes the list; null leaves it as it was, as
// encoding/json does.
func (l *stringList) UnmarshalJSON(data []byte) error {
	return decodeList((*[]string)(l), data, func(e []byte) (string, bool) {
		// A string without escapes, in valid UTF-8, is its bytes.
		if len(e) < 2 || e[0] != '"' || bytes.IndexByte(e, '\\') >= 0 || !utf8.Valid(e) {
			return "", false
		}
		return string(e[1 : len(e)-1]), true
	})
}

// idList is a list of IDs decoded at its exact length.
type idList []int64

// UnmarshalJSON decodes the list; null leaves it as it was, as
// encoding/json does.
func (l *idList) UnmarshalJSON(data []byte) error {
	return decodeList((*[]int64)(l), data, decimal)
}

// decodeList decodes data, a JSON list, into a slice made at the list's
// length. read takes each element's bytes to a value while every element
// is one e621 sends; at the first that read refuses, encoding/json reads
// the whole list instead, into the same slice, for its usual answer.
func decodeList[T any](l *[]T, data []byte, read func(e []byte) (T, bool)) error {
	if string(data) == "null" {
		return nil
	}
	out := make([]T, 0, elements(data, nil))
	plain := len(data) > 0 && data[0] == '['
	elements(data, func(e []byte) {
		if plain {
			var v T
			v, plain = read(e)
			out = append(out, v)
		}
	})
	if !plain {
		out = out[:0]
		if err := rawjson.Unmarshal(data, &out); err != nil {
			return err
		}
	}
	*l = out
	return nil
}

// decimal reads e as a non-negative decimal int64; ok is false for
// anything else (a sign, a fraction, an exponent, an overflow).
func decimal(e []byte) (n int64, ok bool) {
	if len(e) == 0 || len(e) > 18 {
		return 0, false // 18 digits cannot overflow an int64
	}
	for _, c := range e {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// elements calls fn (when not nil) with each element of data, a JSON array
// that encoding/json has already checked (it checks a value before handing
// it to UnmarshalJSON), without the white space around it, and returns how
// many there are: at most len(data)/2, whatever data holds.
func elements(data []byte, fn func([]byte)) int {
	n, depth, inString, escaped := 0, 0, false, false
	start, end := -1, -1 // the current element's first and last bytes
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			end = i
			continue
		case c == ' ', c == '\t', c == '\n', c == '\r':
			continue
		case depth == 1 && (c == ',' || c == ']'):
			if start >= 0 {
				n++
				if fn != nil {
					fn(data[start : end+1])
				}
			}
			start = -1
			if c == ']' {
				depth--
			}
			continue
		case c == '"':
			inString = true
		case c == '[', c == '{':
			depth++
			if depth == 1 {
				continue // the list's own bracket
			}
		case c == ']', c == '}':
			depth--
		}
		if start < 0 {
			start = i
		}
		end = i
	}
	return n
}

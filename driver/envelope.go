package driver

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/onepass"
)

// The envelope of a reply: where its list sits (ItemRules.Path), found in
// the reply's own bytes, without decoding the rest.

// plainList is the list of a reply shaped as services send theirs, each
// name of path the only member of its object, spelt as path spells it:
// what lies between {"posts": and the closing } (white space aside) when
// that starts and ends as a list does, else nil. Whether it is one list is
// for the first pass to find, which counts its items.
func plainList(reply []byte, path []string) []byte {
	i, end := 0, len(reply)
	for _, name := range path {
		if i == len(reply) || reply[i] != '{' {
			return nil
		}
		i = onepass.SkipSpace(reply, i+1)
		j := i + 1 + len(name)
		if j >= len(reply) || reply[i] != '"' || string(reply[i+1:j]) != name || reply[j] != '"' {
			return nil
		}
		if i = onepass.SkipSpace(reply, j+1); i == len(reply) || reply[i] != ':' {
			return nil
		}
		i = onepass.SkipSpace(reply, i+1)
		if end = len(onepass.TrimSpace(reply[:end])); end == 0 || reply[end-1] != '}' {
			return nil
		}
		end--
	}
	if i > end {
		return nil
	}
	list := onepass.TrimSpace(reply[i:end])
	if len(list) < 2 || list[0] != '[' || list[len(list)-1] != ']' {
		return nil
	}
	return list
}

// listAt returns the value at path in reply, an object: the last member
// named path[0], in any case as encoding/json matches a name to a struct
// field, and within it the last named path[1], and so on; nil when there
// is none or it is null. A null on the way leaves what an earlier member
// of that name held, as it leaves a struct field. Every other value is
// checked as JSON, as encoding/json checks a whole reply, and so is a
// value a later one of the same name replaces, or one that is no list; a
// list is left to the first pass and the decoding.
func listAt(reply []byte, path []string) ([]byte, error) {
	if len(reply) == 0 {
		return nil, nil // Client.Do's reading of an empty or null body
	}
	w := walk{data: reply}
	end, err := w.object(onepass.SkipSpace(reply, 0), path)
	if err == nil && onepass.SkipSpace(reply, end) != len(reply) {
		err = errors.New("more JSON after the object")
	}
	if err == nil && len(w.found) > 0 && w.found[0] != '[' { // a list is checked as it is decoded
		err = onepass.CheckValue(w.found)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
	}
	if string(w.found) == "null" {
		return nil, nil
	}
	return w.found, nil
}

// walk is listAt's pass over a reply's bytes; found is the value at the
// path so far.
type walk struct {
	data  []byte
	found []byte
}

// object walks the object at data[i] for the value at path and returns
// where the object ends.
func (w *walk) object(i int, path []string) (int, error) {
	data := w.data
	if i == len(data) || data[i] != '{' {
		return 0, fmt.Errorf("%s where an object was due", kindAt(data, i))
	}
	if i = onepass.SkipSpace(data, i+1); i < len(data) && data[i] == '}' {
		return i + 1, nil
	}
	for {
		if i == len(data) || data[i] != '"' {
			return 0, fmt.Errorf("%s where a member's name was due", kindAt(data, i))
		}
		end := onepass.StringEnd(data, i)
		if end == 0 {
			return 0, io.ErrUnexpectedEOF
		}
		match, err := nameIs(data[i:end], path[0])
		if err != nil {
			return 0, err
		}
		if i = onepass.SkipSpace(data, end); i == len(data) || data[i] != ':' {
			return 0, errors.New("no colon after a member's name")
		}
		if i, err = w.member(onepass.SkipSpace(data, i+1), match, path); err != nil {
			return 0, err
		}
		switch i = onepass.SkipSpace(data, i); {
		case i == len(data):
			return 0, io.ErrUnexpectedEOF
		case data[i] == ',':
			i = onepass.SkipSpace(data, i+1)
		case data[i] == '}':
			return i + 1, nil
		default:
			return 0, fmt.Errorf("%q after an object member", data[i])
		}
	}
}

// member reads the value at data[i] of a member whose name is path[0] when
// match, and returns where it ends.
func (w *walk) member(i int, match bool, path []string) (int, error) {
	data := w.data
	if match && len(path) > 1 && i < len(data) && data[i] == '{' {
		return w.object(i, path[1:])
	}
	end, err := valueBounds(data, i)
	if err != nil {
		return 0, err
	}
	v := data[i:end]
	switch {
	case !match:
		return end, onepass.CheckValue(v)
	case len(path) > 1 && string(v) == "null":
		return end, nil
	case len(path) > 1:
		return 0, fmt.Errorf("%s where an object was due", kindAt(data, i))
	}
	if w.found != nil { // replaced, so read by nothing else
		if err := onepass.CheckValue(w.found); err != nil {
			return 0, err
		}
	}
	w.found = v
	return end, nil
}

// nameIs says whether a member's name, quoted as the reply holds it, is
// name to encoding/json: the same letters in any case (name is lower-case
// ASCII). A name of plain ASCII is compared as it stands; any other is
// read by jsontext, which checks it and replaces invalid UTF-8 as
// encoding/json does.
func nameIs(quoted []byte, name string) (bool, error) {
	plain := quoted[1 : len(quoted)-1]
	for _, c := range plain {
		if c < ' ' || c == '\\' || c >= utf8.RuneSelf {
			s, err := onepass.Name(quoted)
			return strings.EqualFold(s, name), err
		}
	}
	if len(plain) != len(name) {
		return false, nil
	}
	for i, c := range plain {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[i] {
			return false, nil
		}
	}
	return true, nil
}

// valueBounds is where the value at data[i] ends, found by its bounds
// only (the caller checks it).
func valueBounds(data []byte, i int) (int, error) {
	if i == len(data) {
		return 0, io.ErrUnexpectedEOF
	}
	switch data[i] {
	case '"':
		if end := onepass.StringEnd(data, i); end > 0 {
			return end, nil
		}
	case '[', '{':
		if _, end, ok := onepass.CountList(data, i); ok {
			return end, nil
		}
	default: // a number, true, false or null: up to what ends it
		end := i
		for end < len(data) && !strings.ContainsRune(" \t\n\r,}]", rune(data[end])) {
			end++
		}
		if end == i {
			return 0, fmt.Errorf("%q where a value was due", data[i])
		}
		return end, nil
	}
	return 0, io.ErrUnexpectedEOF
}

// kindAt names the kind of the value at data[i], for an error.
func kindAt(data []byte, i int) string {
	if i == len(data) {
		return "nothing"
	}
	k := jsontext.Kind(data[i])
	if data[i] == '-' || '0' <= data[i] && data[i] <= '9' {
		k = '0'
	}
	return onepass.KindName(k)
}

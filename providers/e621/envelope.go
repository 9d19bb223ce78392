package e621

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/onepass"
)

// postsOf finds the "posts" list of a listing's envelope, the reply's
// bytes as Client.Do gives them to a *driver.RawJSON, in place: as
// encoding/json read it into a struct, a name matches "posts" in any case,
// the last one counts, other members are skipped and the envelope must be
// one JSON object. nil is no list, for DecodeItems to refuse.
//
// It walks the envelope's bytes itself: skipping the list with jsontext
// read every byte of the reply once more before its posts were decoded
// (14% of a listing's CPU). The list is only bounded here
// (onepass.CountList); decodePage reads it whole and refuses it unless it
// is JSON. Everything else is checked here as JSON, names included, and
// so is a "posts" value that a later one replaces.
func postsOf(body []byte) ([]byte, error) {
	if body == nil {
		return nil, nil
	}
	d := getPageDecoder(nil)
	defer d.put()
	posts, err := d.envelope(body)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
	}
	if posts != nil && (len(posts) == 0 || posts[0] != '[') { // a list is checked by decodePage
		if err := d.checkValue(posts); err != nil {
			return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
		}
		if string(posts) == "null" {
			posts = nil
		}
	}
	return posts, nil
}

// envelope walks the object body and returns its last "posts" value,
// checking every other value.
func (d *pageDecoder) envelope(body []byte) ([]byte, error) {
	i := onepass.SkipSpace(body, 0)
	if i == len(body) || body[i] != '{' {
		return nil, fmt.Errorf("%s where an object was due", kindAt(body, i))
	}
	var posts []byte
	i = onepass.SkipSpace(body, i+1)
	if i < len(body) && body[i] == '}' {
		return nil, endOfJSON(body, i+1)
	}
	for {
		value, next, isPosts, err := d.member(body, i)
		if err != nil {
			return nil, err
		}
		if !isPosts {
			err = d.checkValue(value)
		} else if posts != nil {
			err = d.checkValue(posts) // replaced, so not read by decodePage
		}
		if err != nil {
			return nil, err
		}
		if isPosts {
			posts = value
		}
		switch i = onepass.SkipSpace(body, next); {
		case i == len(body):
			return nil, io.ErrUnexpectedEOF
		case body[i] == ',':
			i = onepass.SkipSpace(body, i+1)
		case body[i] == '}':
			return posts, endOfJSON(body, i+1)
		default:
			return nil, fmt.Errorf("%q after an object member", body[i])
		}
	}
}

// member reads the member at body[i]: its name (checked), whether that is
// "posts", and its value's bounds (not checked).
func (d *pageDecoder) member(body []byte, i int) (value []byte, next int, isPosts bool, err error) {
	if i == len(body) || body[i] != '"' {
		return nil, 0, false, fmt.Errorf("%s where a member's name was due", kindAt(body, i))
	}
	end := onepass.StringEnd(body, i)
	if end == 0 {
		return nil, 0, false, io.ErrUnexpectedEOF
	}
	if isPosts, err = d.isPosts(body[i:end]); err != nil {
		return nil, 0, false, err
	}
	if i = onepass.SkipSpace(body, end); i == len(body) || body[i] != ':' {
		return nil, 0, false, errors.New("no colon after a member's name")
	}
	i = onepass.SkipSpace(body, i+1)
	if next, err = valueEnd(body, i); err != nil {
		return nil, 0, false, err
	}
	return body[i:next], next, isPosts, nil
}

// isPosts checks a member's name, quoted, and says whether it is "posts"
// to encoding/json. A name of plain ASCII is read as it is; any other is
// read by jsontext, which checks it and replaces invalid UTF-8 as v1 does.
func (d *pageDecoder) isPosts(quoted []byte) (bool, error) {
	name := quoted[1 : len(quoted)-1]
	for _, c := range name {
		if c < ' ' || c == '\\' || c >= 0x80 {
			d.Reset(quoted)
			tok, err := d.Dec.ReadToken()
			if err != nil {
				return false, err
			}
			return matchPosts(tok.String()), nil
		}
	}
	return matchPosts(string(name)), nil
}

// matchPosts says whether a member's name is "posts" to encoding/json:
// the same letters in any case.
func matchPosts(name string) bool { return strings.EqualFold(name, "posts") }

// valueEnd is where the value at body[i] ends, found by its bounds only
// (checkValue and decodePage check it).
func valueEnd(body []byte, i int) (int, error) {
	if i == len(body) {
		return 0, io.ErrUnexpectedEOF
	}
	switch body[i] {
	case '"':
		if end := onepass.StringEnd(body, i); end > 0 {
			return end, nil
		}
	case '[', '{':
		if _, end, ok := onepass.CountList(body, i); ok {
			return end, nil
		}
	default: // a number, true, false or null: up to what ends it
		end := i
		for end < len(body) && !strings.ContainsRune(" \t\n\r,}]", rune(body[end])) {
			end++
		}
		return end, nil
	}
	return 0, io.ErrUnexpectedEOF
}

// checkValue checks that v is one JSON value, as v1 accepts it.
func (d *pageDecoder) checkValue(v []byte) error {
	d.Reset(v)
	if err := d.Dec.SkipValue(); err != nil {
		return err
	}
	if _, err := d.Dec.ReadToken(); err != io.EOF {
		return errors.New("a value that is not JSON")
	}
	return nil
}

// endOfJSON refuses anything but white space after the envelope.
func endOfJSON(body []byte, i int) error {
	if onepass.SkipSpace(body, i) != len(body) {
		return errors.New("more JSON after the object")
	}
	return nil
}

// kindAt names the kind of the value at body[i], for an error.
func kindAt(body []byte, i int) string {
	if i == len(body) {
		return "nothing"
	}
	k := jsontext.Kind(body[i])
	if body[i] == '-' || '0' <= body[i] && body[i] <= '9' {
		k = '0'
	}
	return onepass.KindName(k)
}

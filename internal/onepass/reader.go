package onepass

import (
	"bytes"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// Reader reads the values of one reply with jsontext, each as encoding/json
// v1 reads a value of its Go type, for the providers' readers generated
// for their types (internal/cmd/readergen: a switch on an object's member
// names, calling Object and the readers below). Each provider's tests compare its readers with
// v1 on every fixture and under fuzzing. The rules, v1's:
//
//   - A member's name matches a field as strings.EqualFold does (see
//     foldName); a name no field has is skipped.
//   - A repeated name's last value wins; an object read again into the
//     same field is merged, a pointer already set decoded into again (Ptr).
//   - null leaves a string, number, bool, time or struct as it was, and
//     makes a pointer (Ptr) or a list (List) nil.
//   - A value of another kind than the field's is an error (v1 reports it
//     after decoding the rest; the reply is refused either way).
//   - Strings are unquoted as v1 does, invalid UTF-8 replaced with U+FFFD;
//     numbers are read by strconv as v1 reads them; a time.Time by its own
//     UnmarshalJSON, as v1 calls it.
//
// jsontext itself is told to accept what v1 accepts: repeated names
// (AllowDuplicateNames) and invalid UTF-8 (AllowInvalidUTF8).
//
// The zero Reader is ready for Reset. A provider's decoder embeds one and
// is reused through a sync.Pool, so that the tokenizer's state, the string
// buffer and the scratch space last from one reply to the next.
type Reader struct {
	Dec  *jsontext.Decoder
	Buf  []byte  // what Dec reads, which a Raw or a list's count is cut from
	Strs Strings // the strings Str reads, made final by Strs.Resolve

	rd      bytes.Buffer
	name    []byte // a member's name, folded (foldName)
	scratch []byte
}

var readOptions = []jsontext.Options{jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true)}

// Reset makes r read data from its start.
func (r *Reader) Reset(data []byte) {
	r.Buf, r.rd = data, *bytes.NewBuffer(data)
	if r.Dec == nil {
		r.Dec = jsontext.NewDecoder(&r.rd, readOptions...)
		return
	}
	r.Dec.Reset(&r.rd, readOptions...)
}

// Release leaves r holding nothing of the reply, to be put back in a pool:
// the strings of a reading that stopped short are resolved (see Strings),
// and a scratch buffer grown large by one odd value is dropped.
func (r *Reader) Release() {
	r.Strs.Resolve()
	r.Reset(nil)
	if cap(r.scratch) > 4<<10 {
		r.scratch = nil
	}
}

// Object reads a JSON object into a struct, as encoding/json v1 fills one:
// field is given each member's name, and again folded (foldName) when the
// struct has no field of the name as it stands; it reads the value into
// the struct and says whether the struct has a field of that name; the
// value of a name it has not is skipped. null leaves the struct as it
// is; another kind is an error naming what was due.
func (r *Reader) Object(what string, field func(name []byte) (bool, error)) error {
	dec := r.Dec
	switch dec.PeekKind() {
	case '{':
	case 'n':
		_, err := dec.ReadToken()
		return err
	default:
		return r.WrongKind(what)
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for dec.PeekKind() != '}' {
		v, err := dec.ReadValue() // the name, or the syntax error
		if err != nil {
			return err
		}
		name := v[1 : len(v)-1]
		known, err := field(name) // a name as the fields spell it, most often
		if !known && err == nil && needsFolding(name) {
			known, err = field(r.foldName(v))
		}
		if err != nil {
			return err
		}
		if !known {
			if err := dec.SkipValue(); err != nil {
				return err
			}
		}
	}
	_, err := dec.ReadToken()
	return err
}

// foldName is a member's name (v, as quoted in the reply) as the readers'
// switches spell their fields' names. v1 matches a name to a field as
// strings.EqualFold does, and every field's name is lower-case ASCII, so a
// name is unquoted and folded to lower case; of the runes outside ASCII,
// only U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S fold to an
// ASCII letter (k and s).
func (r *Reader) foldName(v []byte) []byte {
	r.scratch, _ = jsontext.AppendUnquote(r.scratch[:0], v) // invalid UTF-8 is replaced, as v1 does
	r.name = r.name[:0]
	for _, c := range string(r.scratch) {
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '\u212A':
			c = 'k'
		case c == '\u017F':
			c = 's'
		}
		r.name = utf8.AppendRune(r.name, c)
	}
	return r.name
}

// needsFolding says whether a name (as quoted, without its quotes) may
// fold to another: it has an escape, an upper-case letter or a rune
// outside ASCII.
func needsFolding(name []byte) bool {
	for _, c := range name {
		if c == '\\' || c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// WrongKind is the error for a value of another kind than the field's (or
// the decoder's syntax error, when the value is not JSON).
func (r *Reader) WrongKind(want string) error {
	k := r.Dec.PeekKind()
	if k == 0 {
		_, err := r.Dec.ReadToken()
		return err
	}
	return fmt.Errorf("%s: %s where %s was due", r.Dec.StackPointer(), KindName(k), want)
}

// List says whether a list starts at the decoder's position, for a
// provider's list reader of *l: a null is read and makes *l nil, as v1
// does; another kind is an error.
func List[T any](r *Reader, l *[]T) (bool, error) {
	switch r.Dec.PeekKind() {
	case '[':
		return true, nil
	case 'n':
		*l = nil
		_, err := r.Dec.ReadToken()
		return false, err
	}
	return false, r.WrongKind("a list")
}

// Null reads a null and says whether it was one.
func (r *Reader) Null() (bool, error) {
	if r.Dec.PeekKind() != 'n' {
		return false, nil
	}
	_, err := r.Dec.ReadToken()
	return true, err
}

// Str reads a string. Its value is a copy made with the reply's other
// strings (see Strings): *p holds it once r.Strs is resolved.
func (r *Reader) Str(p *string) error {
	switch r.Dec.PeekKind() {
	case '"':
		v, err := r.Dec.ReadValue()
		if err != nil {
			return err
		}
		r.Strs.SetQuoted(p, v)
		return nil
	case 'n':
		_, err := r.Dec.ReadToken()
		return err
	}
	return r.WrongKind("a string")
}

// Unquote is the string v (as quoted in the reply) unquoted as v1 does,
// invalid UTF-8 replaced, in scratch space that the next call reuses.
func (r *Reader) Unquote(v []byte) []byte {
	r.scratch, _ = jsontext.AppendUnquote(r.scratch[:0], v)
	return r.scratch
}

// Bool reads a bool.
func (r *Reader) Bool(p *bool) error {
	switch r.Dec.PeekKind() {
	case 't', 'f':
		tok, err := r.Dec.ReadToken()
		if err != nil {
			return err
		}
		*p = tok.Bool()
		return nil
	case 'n':
		_, err := r.Dec.ReadToken()
		return err
	}
	return r.WrongKind("a bool")
}

// Int reads an int as v1 does: strconv.ParseInt's syntax (no fraction nor
// exponent) and range.
func (r *Reader) Int(p *int) error { return readInt(r, p, strconv.IntSize, "an int") }

// Int64 reads an int64 as v1 does, as Int reads an int.
func (r *Reader) Int64(p *int64) error { return readInt(r, p, 64, "an int64") }

func readInt[T int | int64](r *Reader, p *T, bits int, what string) error {
	v, err := r.number()
	if v == nil || err != nil {
		return err
	}
	n, ok := smallInt(v, bits)
	if !ok {
		if n, err = strconv.ParseInt(string(v), 10, bits); err != nil {
			return fmt.Errorf("%s: %s is not %s", r.Dec.StackPointer(), v, what)
		}
	}
	*p = T(n)
	return nil
}

// smallInt reads an integer of at most 18 digits (9 for 32 bits), which
// cannot overflow, without strconv's string.
func smallInt(v []byte, bits int) (int64, bool) {
	digits := v
	if len(v) > 0 && v[0] == '-' {
		digits = v[1:]
	}
	if len(digits) == 0 || len(digits) > bits*9/32 {
		return 0, false
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if len(digits) < len(v) {
		n = -n
	}
	return n, true
}

// number reads a number's bytes as they stand in the reply; nil for null,
// which leaves a number as it was.
func (r *Reader) number() ([]byte, error) {
	if null, err := r.Null(); null || err != nil {
		return nil, err
	}
	if r.Dec.PeekKind() != '0' {
		return nil, r.WrongKind("a number")
	}
	return r.Dec.ReadValue()
}

// Float reads a float64 as v1 does, with strconv.ParseFloat.
func (r *Reader) Float(p *float64) error {
	v, err := r.number()
	if v == nil || err != nil {
		return err
	}
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return fmt.Errorf("%s: %s is not a float64", r.Dec.StackPointer(), v)
	}
	*p = f
	return nil
}

// Time reads a time.Time by its UnmarshalJSON, given the value as it
// stands in the reply, as v1 calls it (null is left to it too: it leaves
// the time as it is).
func (r *Reader) Time(p *time.Time) error {
	v, err := r.Dec.ReadValue()
	if err != nil {
		return err
	}
	return p.UnmarshalJSON(v)
}

// Ptr reads a pointer field as v1 does: null makes it nil; anything else
// is read by read into the value it points to, taken from slab when it is
// nil (a repeated name reads into the same value again).
func Ptr[T any](r *Reader, p **T, slab *Slab[T], read func(*T) error) error {
	if null, err := r.Null(); null || err != nil {
		*p = nil
		return err
	}
	if *p == nil {
		*p = slab.New()
	}
	return read(*p)
}

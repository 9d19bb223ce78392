package e621

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/favkit/favorites/internal/onepass"
)

// The readers of a post's values, each reading the value at the decoder's
// position as encoding/json v1 reads one of its Go type; the tests compare
// them with v1 on every shape and under fuzzing (lists_test.go):
//
//   - A member's name matches a field as strings.EqualFold does (see
//     foldName); a name no field has is skipped.
//   - A repeated name's last value wins; an object read again into the
//     same field is merged, a list decoded into the items the first one
//     left, a pointer already set decoded into again, as v1 does.
//   - null leaves a string, number, bool, time or struct as it was, and
//     makes a pointer or a list nil.
//   - A value of another kind than the field's is an error (v1 reports it
//     after decoding the rest; the reply is refused either way).
//   - Strings are unquoted as v1 does, invalid UTF-8 replaced with U+FFFD;
//     numbers are read by strconv as v1 reads them; a time.Time by its own
//     UnmarshalJSON, as v1 calls it.

// object reads a JSON object into a struct, as v1 fills one: field is
// given each member's name, and again folded (foldName) when the struct
// has no field of the name as it stands; it reads the value and says
// whether the struct has a field of that name; the value of a name it has
// not is skipped. null leaves the struct as it is.
func (d *pageDecoder) object(what string, field func(name []byte) (bool, error)) error {
	dec := d.dec
	switch dec.PeekKind() {
	case '{':
	case 'n':
		_, err := dec.ReadToken()
		return err
	default:
		return d.wrongKind(what)
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
			known, err = field(d.foldName(v))
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
func (d *pageDecoder) foldName(v []byte) []byte {
	d.scratch, _ = jsontext.AppendUnquote(d.scratch[:0], v) // invalid UTF-8 is replaced, as v1 does
	d.name = d.name[:0]
	for _, r := range string(d.scratch) {
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r == '\u212A':
			r = 'k'
		case r == '\u017F':
			r = 's'
		}
		d.name = utf8.AppendRune(d.name, r)
	}
	return d.name
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

// wrongKind is the error for a value of another kind than the field's (or
// the decoder's syntax error, when the value is not JSON).
func (d *pageDecoder) wrongKind(want string) error {
	k := d.dec.PeekKind()
	if k == 0 {
		_, err := d.dec.ReadToken()
		return err
	}
	return fmt.Errorf("%s: %s where %s was due", d.dec.StackPointer(), onepass.KindName(k), want)
}

// null reads a null and says whether it was one.
func (d *pageDecoder) null() (bool, error) {
	if d.dec.PeekKind() != 'n' {
		return false, nil
	}
	_, err := d.dec.ReadToken()
	return true, err
}

// str reads a string. Its value is a copy made with the page's other
// strings (see onepass.Strings): *p holds it once d.strs is resolved.
func (d *pageDecoder) str(p *string) error {
	switch d.dec.PeekKind() {
	case '"':
		v, err := d.dec.ReadValue()
		if err != nil {
			return err
		}
		d.strs.SetQuoted(p, v)
		return nil
	case 'n':
		_, err := d.dec.ReadToken()
		return err
	}
	return d.wrongKind("a string")
}

// boolean reads a bool.
func (d *pageDecoder) boolean(p *bool) error {
	switch d.dec.PeekKind() {
	case 't', 'f':
		tok, err := d.dec.ReadToken()
		if err != nil {
			return err
		}
		*p = tok.Bool()
		return nil
	case 'n':
		_, err := d.dec.ReadToken()
		return err
	}
	return d.wrongKind("a bool")
}

// integer reads an int or an int64 as v1 does: strconv.ParseInt's syntax
// (no fraction nor exponent) and the type's range.
func integer[T int | int64](d *pageDecoder, p *T) error {
	if null, err := d.null(); null || err != nil {
		return err
	}
	if d.dec.PeekKind() != '0' {
		return d.wrongKind("a number")
	}
	v, err := d.dec.ReadValue()
	if err != nil {
		return err
	}
	bits := 64
	if _, isInt := any(p).(*int); isInt {
		bits = strconv.IntSize
	}
	n, ok := smallInt(v, bits)
	if !ok {
		if n, err = strconv.ParseInt(string(v), 10, bits); err != nil {
			return fmt.Errorf("%s: %s is not an integer of %d bits", d.dec.StackPointer(), v, bits)
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

// number reads a float64 as v1 does, with strconv.ParseFloat.
func (d *pageDecoder) number(p *float64) error {
	if null, err := d.null(); null || err != nil {
		return err
	}
	if d.dec.PeekKind() != '0' {
		return d.wrongKind("a number")
	}
	v, err := d.dec.ReadValue()
	if err != nil {
		return err
	}
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return fmt.Errorf("%s: %s is not a float64", d.dec.StackPointer(), v)
	}
	*p = f
	return nil
}

// timestamp reads a time.Time by its UnmarshalJSON, given the value as it
// stands in the reply, as v1 calls it (null is left to it too: it leaves
// the time as it is).
func (d *pageDecoder) timestamp(p *time.Time) error {
	v, err := d.dec.ReadValue()
	if err != nil {
		return err
	}
	return p.UnmarshalJSON(v)
}

// ptr reads a pointer field as v1 does: null makes it nil; anything else
// is read by read into the value it points to, taken from slab when it is
// nil (a repeated name reads into the same value again).
func ptr[T any](d *pageDecoder, p **T, slab *onepass.Slab[T], read func(*T) error) error {
	if null, err := d.null(); null || err != nil {
		*p = nil
		return err
	}
	if *p == nil {
		*p = slab.New()
	}
	return read(*p)
}

// list reads a JSON list into *l, each item by read, as v1 does: null is
// nil, [] an empty list, and a list read again into the same field (a
// repeated name) is decoded into the items the first one left. A new
// list is made at the length onepass.CountList counts first, from slab:
// growing it by append would allocate some three times its size, and a
// post of a hundred thousand "" would cost 30 bytes a byte of JSON.
func list[T any](d *pageDecoder, l *[]T, slab *onepass.Slab[T], read func(*T) error) error {
	dec := d.dec
	switch dec.PeekKind() {
	case '[':
	case 'n':
		*l = nil
		_, err := dec.ReadToken()
		return err
	default:
		return d.wrongKind("a list")
	}
	n, _, _ := onepass.CountList(d.buf, onepass.ValueStart(d.buf, dec.InputOffset())) // 0 for a list cut short
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	room := (*l)[:cap(*l)]
	if n > len(room) {
		if len(room) > 0 {
			d.strs.Resolve() // the items move
		}
		longer := takeList(slab, n)
		copy(longer, room)
		room = longer
	}
	for i := 0; dec.PeekKind() != ']'; i++ {
		if i == n { // only a list that is not JSON counts wrong; the decoder says where
			_, err := dec.ReadValue()
			return cmpOr(err, fmt.Errorf("a list of %d items read as more", n))
		}
		if err := read(&room[i]); err != nil {
			return err
		}
	}
	if n == 0 {
		room = []T{} // v1 makes [] a new empty list
	}
	*l = room[:n]
	_, err := dec.ReadToken()
	return err
}

// maxSlabList is the longest list taken from a slab. A slab's next
// allocation is as large as all it handed out, so a list of thousands
// would make the page's next short lists cost as much again.
const maxSlabList = 64

// takeList is a new list of n zero Ts, of capacity n.
func takeList[T any](slab *onepass.Slab[T], n int) []T {
	if n > maxSlabList {
		return make([]T, n)
	}
	return slab.Take(n)
}

// cmpOr is the first of its errors that is not nil.
func cmpOr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

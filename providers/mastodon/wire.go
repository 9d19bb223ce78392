package mastodon

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/favkit/favorites/internal/onepass"
	"github.com/go-json-experiment/json/jsontext"
)

// A reply is decoded in one pass: one jsontext.Decoder (the tokenizer of
// github.com/go-json-experiment/json, the code of Go's encoding/json/v2)
// reads the reply's buffer in place, and each entity is filled as its
// tokens go by, by a reader of its own (decode.go, decode_entities.go): a
// switch on its members' names, each field read by the reader of its Go
// type below, as encoding/json v1 reads a value of that type. Each
// status's Raw is cut from the buffer at the offsets the decoder reports
// before and after it. encoding/json (v1) scans each value once to find
// its end before it decodes it, and again for each UnmarshalJSON below
// it; a listing decoded that way read every byte of a status four times or
// more.
//
// The readers are written out rather than left to v2's reflection-driven
// struct decoding (which this package used before): v2 looks up a field's
// name in a map and its unmarshaler in a sync.Map for every member of
// every object, a third of the decoding's time. The types keep their
// UnmarshalJSON methods for callers of encoding/json (decodeValue).
//
// The readers hold to encoding/json v1's rules, which the tests compare
// them with on every fixture and under fuzzing (asv1_test.go):
//
//   - A member's name matches a field as strings.EqualFold does (see
//     foldName); a name no field has is skipped.
//   - A repeated name's last value wins; an object or a list read again
//     into the same field is merged or replaced as v1 does (a pointer
//     already set is decoded into again).
//   - null leaves a string, number, bool, time or struct as it was, and
//     makes a pointer or a list nil.
//   - A value of another kind than the field's is an error (v1 reports it
//     after decoding the rest; the reply is refused either way).
//   - Strings are unquoted as v1 does, invalid UTF-8 replaced with U+FFFD;
//     numbers are read by strconv as v1 reads them; a time.Time by its own
//     UnmarshalJSON and a Date by its UnmarshalText, as v1 calls them.
//
// jsontext itself is told to accept what v1 accepts: repeated names
// (AllowDuplicateNames) and invalid UTF-8 (AllowInvalidUTF8).

// decoder is one decoding of a reply's bytes and the state its readers
// share: which status is being decoded (for the nesting rules of
// decode.go), the buffer Raws are cut from, the page's strings and the
// slabs its values are taken from. Decoders are reused through decoders.
type decoder struct {
	dec *jsontext.Decoder
	rd  bytes.Buffer

	// buf is the reply; alias says whether each status's Raw may be a part
	// of it (only when buf is the reply's own buffer, which nothing writes
	// to again; never for UnmarshalJSON, whose data may be a json.Decoder's).
	buf   []byte
	alias bool

	at       level // of the status being decoded
	inQuote  bool  // a Quote of the status at `at` is being decoded
	accounts int   // how many accounts are being decoded, one in another
	strs     onepass.Strings
	slabs    slabs
	name     []byte // a member's name, folded (foldName)
	scratch  []byte
}

// slabs are where a decoding takes its values from (onepass.Slab): the
// pointers' values and the lists' items. A page's values never share an
// allocation with another page's: put empties them.
type slabs struct {
	strs      onepass.Slab[string]
	ints      onepass.Slab[int]
	bools     onepass.Slab[bool]
	times     onepass.Slab[time.Time]
	dates     onepass.Slab[Date]
	quotes    onepass.Slab[Quote]
	approvals onepass.Slab[Approval]
	apps      onepass.Slab[Application]
	cards     onepass.Slab[PreviewCard]
	polls     onepass.Slab[Poll]
	metas     onepass.Slab[MediaMeta]
	sizes     onepass.Slab[MediaSize]
	focuses   onepass.Slab[MediaFocus]

	media          onepass.Slab[MediaAttachment]
	mentions       onepass.Slab[Mention]
	tags           onepass.Slab[Tag]
	emojis         onepass.Slab[CustomEmoji]
	fields         onepass.Slab[Field]
	roles          onepass.Slab[AccountRole]
	authors        onepass.Slab[PreviewCardAuthor]
	options        onepass.Slab[PollOption]
	filterResults  onepass.Slab[FilterResult]
	filterKeywords onepass.Slab[FilterKeyword]
	filterStatuses onepass.Slab[FilterStatus]
}

var decoders = sync.Pool{New: func() any { return newDecoder() }}

// decodeOptions make jsontext read what encoding/json v1 reads: a
// repeated name (v1 takes its last value) and invalid UTF-8 (v1 replaces
// it), where jsontext would refuse both.
var decodeOptions = []jsontext.Options{jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true)}

func newDecoder() *decoder {
	d := &decoder{}
	d.dec = jsontext.NewDecoder(&d.rd, decodeOptions...)
	return d
}

// getDecoder returns a decoder reading data; alias as for decoder.alias.
func getDecoder(data []byte, alias bool) *decoder {
	d := decoders.Get().(*decoder)
	d.buf, d.alias, d.at, d.inQuote, d.accounts = data, alias, topLevel, false, 0
	d.strs.Expect(len(data))
	d.rd = *bytes.NewBuffer(data)
	d.dec.Reset(&d.rd, decodeOptions...)
	return d
}

// put returns d to the pool holding nothing of the reply, resolving the
// strings of a decoding that stopped short of it (see onepass.Strings).
func (d *decoder) put() {
	d.strs.Resolve()
	d.slabs = slabs{}
	d.buf = nil
	d.rd = bytes.Buffer{}
	d.dec.Reset(&d.rd, decodeOptions...)
	if cap(d.scratch) > 4<<10 {
		d.scratch = nil
	}
	decoders.Put(d)
}

// object reads a JSON object into a struct, as encoding/json v1 fills one:
// field is given each member's name, and again folded (foldName) when the
// struct has no field of the name as it stands; it reads the value into
// the struct and says whether the struct has a field of that name; the
// value of a name it has not is skipped. null leaves the struct as it
// is; another kind is an error naming what was due.
func (d *decoder) object(what string, field func(name []byte) (bool, error)) error {
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
func (d *decoder) foldName(v []byte) []byte {
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
func (d *decoder) wrongKind(want string) error {
	k := d.dec.PeekKind()
	if k == 0 {
		_, err := d.dec.ReadToken()
		return err
	}
	return fmt.Errorf("%s: %s where %s was due", d.dec.StackPointer(), onepass.KindName(k), want)
}

// null reads a null, which leaves a field as it is, and says whether it
// was one.
func (d *decoder) null() (bool, error) {
	if d.dec.PeekKind() != 'n' {
		return false, nil
	}
	_, err := d.dec.ReadToken()
	return true, err
}

// str reads a string. Its value is a copy made with the page's other
// strings (see onepass.Strings): *p holds it once d.strs is resolved.
func (d *decoder) str(p *string) error {
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

// strNow reads a string the decoding needs at once (to parse it), as its
// own copy.
func (d *decoder) strNow() (string, error) {
	v, err := d.dec.ReadValue()
	if err != nil {
		return "", err
	}
	d.scratch, _ = jsontext.AppendUnquote(d.scratch[:0], v) // invalid UTF-8 is replaced, as v1 does
	return string(d.scratch), nil
}

// boolean reads a bool.
func (d *decoder) boolean(p *bool) error {
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

// integer reads an int as v1 does: strconv.ParseInt's syntax (no fraction
// nor exponent) and range.
func (d *decoder) integer(p *int) error {
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
	n, ok := smallInt(v)
	if !ok {
		n64, err := strconv.ParseInt(string(v), 10, strconv.IntSize)
		if err != nil {
			return fmt.Errorf("%s: %s is not an int", d.dec.StackPointer(), v)
		}
		n = int(n64)
	}
	*p = n
	return nil
}

// smallInt reads an integer of at most 18 digits (9 where int is 32 bits),
// which cannot overflow, without strconv's string.
func smallInt(v []byte) (int, bool) {
	digits := v
	if len(v) > 0 && v[0] == '-' {
		digits = v[1:]
	}
	if len(digits) == 0 || len(digits) > strconv.IntSize*9/32 {
		return 0, false
	}
	n := 0
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if len(digits) < len(v) {
		n = -n
	}
	return n, true
}

// number reads a float64 as v1 does, with strconv.ParseFloat.
func (d *decoder) number(p *float64) error {
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
func (d *decoder) timestamp(p *time.Time) error {
	v, err := d.dec.ReadValue()
	if err != nil {
		return err
	}
	return p.UnmarshalJSON(v)
}

// date reads a Date by its UnmarshalText, given the string unquoted, as v1
// calls it.
func (d *decoder) date(p *Date) error {
	if d.dec.PeekKind() != '"' {
		return d.wrongKind("a date")
	}
	v, err := d.dec.ReadValue()
	if err != nil {
		return err
	}
	d.scratch, _ = jsontext.AppendUnquote(d.scratch[:0], v)
	return p.UnmarshalText(d.scratch)
}

// ptr reads a pointer field as v1 does: null makes it nil; anything else
// is read by read into the value it points to, taken from slab when it is
// nil (a repeated name reads into the same value again).
func ptr[T any](d *decoder, p **T, slab *onepass.Slab[T], read func(*T) error) error {
	if null, err := d.null(); null || err != nil {
		*p = nil
		return err
	}
	if *p == nil {
		*p = slab.New()
	}
	return read(*p)
}

// listRule is what decodeList checks of a list before building it: that
// its items cost at most cost bytes of values for each byte of its JSON,
// and, for a type that may hold more than itself (deep: a pointer to a
// struct), that each item does too (heldBeyond). A list of thousands of {}
// would otherwise cost fifty times its bytes.
type listRule struct {
	typ  reflect.Type
	size int // of an item
	cost int // minBytesPerItem for a list of structs, maxScalarCost for strings and ints
	deep bool
}

func denseRule[T any]() *listRule {
	t := reflect.TypeFor[T]()
	return &listRule{typ: t, size: int(t.Size()), cost: minBytesPerItem, deep: holdsStructs(t)}
}

func scalarRule[T string | int]() *listRule {
	t := reflect.TypeFor[T]()
	return &listRule{typ: t, size: int(t.Size()), cost: maxScalarCost}
}

// The rules of the entities' lists.
var (
	mediaList         = denseRule[MediaAttachment]()
	mentionList       = denseRule[Mention]()
	tagList           = denseRule[Tag]()
	emojiList         = denseRule[CustomEmoji]()
	fieldList         = denseRule[Field]()
	roleList          = denseRule[AccountRole]()
	authorList        = denseRule[PreviewCardAuthor]()
	optionList        = denseRule[PollOption]()
	filterResultList  = denseRule[FilterResult]()
	filterKeywordList = denseRule[FilterKeyword]()
	filterStatusList  = denseRule[FilterStatus]()
	stringList        = scalarRule[string]()
	intList           = scalarRule[int]()
)

// check refuses a list of n items in used bytes of JSON that is too small
// to be real.
func (r *listRule) check(n, used int) error {
	if n*r.size <= r.cost*used {
		return nil
	}
	if r.cost == maxScalarCost {
		return fmt.Errorf("a list of %d %ss in %d bytes: too small to be real", n, r.typ.Name(), used)
	}
	return fmt.Errorf("a list of %d items in %d bytes: under %d bytes an item, too small for a %s",
		n, used, r.size/minBytesPerItem, r.typ.Name())
}

// checkItem refuses an item of a deep type whose n bytes of JSON hold
// values of more than minBytesPerItem times that.
func (r *listRule) checkItem(item any, n int) error {
	if !r.deep {
		return nil
	}
	if held := heldBeyond(reflect.ValueOf(item).Elem()); held > minBytesPerItem*n {
		return fmt.Errorf("a %s of %d bytes holding %d bytes of values: too small to be real", r.typ.Name(), n, held)
	}
	return nil
}

// decodeList reads a JSON array into *l, each item by read, in the same
// pass: into the room of slab (onepass.Slab.Room), so that a list costs no
// allocation of its own nor a count of its items first, and no item moves
// once decoded, as the page's strings require (see onepass.Strings).
// rule judges the items read so far after each one; a list whose items so
// far fail it, or longer than the room, is counted (onepass.CountList) and
// judged whole, as before anything is built: refused, or built at its
// size, its strings made final before its items move. What a list builds
// never costs more than rule allows for its bytes.
//
// null is nil and [] an empty list, as v1 makes them. A list read again
// into the same field (a repeated name) is decoded into the items the
// first one left, up to its capacity, as v1 does.
func decodeList[T any](d *decoder, l *[]T, slab *onepass.Slab[T], rule *listRule, read func(*T) error) error {
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
	start := onepass.ValueStart(d.buf, dec.InputOffset())
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	if dec.PeekKind() == ']' {
		*l = []T{}
		_, err := dec.ReadToken()
		return err
	}
	room, fromSlab, counted := (*l)[:cap(*l)], false, false
	if len(room) == 0 {
		room, fromSlab = slab.Room(), true
	}
	// whole counts the list and judges it whole, knowing it holds at least
	// n items; room becomes a list of its size.
	whole := func(n int) error {
		total, end, ok := onepass.CountList(d.buf, start)
		switch {
		case !ok:
			return fmt.Errorf("a list cut short")
		case total < n || counted: // only a list that is not JSON counts wrong; the decoder says where
			return fmt.Errorf("a list of %d items read as more", total)
		}
		if err := rule.check(total, end-start); err != nil {
			return err
		}
		if total > len(room) {
			d.strs.Resolve() // the items move
			longer := make([]T, total)
			copy(longer, room)
			if fromSlab {
				slab.Commit(room, 0)
			}
			room, fromSlab = longer, false
		}
		counted = true
		return nil
	}
	for n := 0; ; n++ {
		switch dec.PeekKind() {
		case ']':
			_, err := dec.ReadToken()
			if fromSlab {
				*l = slab.Commit(room, n)
			} else {
				*l = room[:n]
			}
			return err
		case 0:
			_, err := dec.ReadToken()
			return err
		}
		if n == len(room) {
			if err := whole(n + 1); err != nil {
				return err
			}
		}
		at := onepass.ValueStart(d.buf, dec.InputOffset())
		if err := read(&room[n]); err != nil {
			return err
		}
		end := int(dec.InputOffset())
		if !counted && rule.check(n+1, end-start) != nil {
			if err := whole(n + 1); err != nil {
				return err
			}
		}
		if err := rule.checkItem(&room[n], end-at); err != nil {
			return err
		}
	}
}

// holdsStructs reports whether t, a struct, has a pointer to a struct
// among its exported fields, at any depth: only then can an item hold
// more than twice its JSON in values of its own (heldBeyond); a *string
// or an *int holds less than the JSON that sets it.
func holdsStructs(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			continue
		}
		f := t.Field(i).Type
		if f.Kind() == reflect.Pointer && f.Elem().Kind() == reflect.Struct {
			return true
		}
		if f.Kind() == reflect.Struct && holdsStructs(f) {
			return true
		}
	}
	return false
}

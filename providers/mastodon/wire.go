package mastodon

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/favkit/favorites/internal/onepass"
)

// A reply is decoded in one pass: one jsontext.Decoder (the tokenizer of
// github.com/go-json-experiment/json, the code of Go's encoding/json/v2)
// reads the reply's buffer in place, and each entity is filled as its
// tokens go by, by a reader of its own: a switch on its members' names,
// each field read by the reader of its Go type (onepass.Reader, and date
// and decodeList below), as encoding/json v1 reads a value of that type.
// Each status's Raw is cut from the buffer at the offsets the decoder
// reports before and after it. encoding/json (v1) scans each value once to
// find its end before it decodes it, and again for each UnmarshalJSON
// below it; a listing decoded that way read every byte of a status four
// times or more.
//
// The readers are generated from the entities' json tags
// (readers_gen.go, by internal/cmd/readergen), but where a value needs a
// reader of its own, written by hand and named by a readergen directive:
// the nesting rules of statuses, quotes and accounts (decode.go,
// decode_entities.go), a Date, a card's published_at. They are written
// out rather than left to v2's reflection-driven struct decoding (which
// this package used before): v2 looks up a field's name in a map and its
// unmarshaler in a sync.Map for every member of every object, a third of
// the decoding's time. The types keep their UnmarshalJSON methods for
// callers of encoding/json (decodeValue).
//
// The readers hold to encoding/json v1's rules (onepass.Reader says
// which), and the tests compare them with v1 on every fixture and under
// fuzzing (asv1_test.go), and hold every field to a reader
// (everyfield_test.go). Beyond those: an object or a list read again into
// the same field (a repeated name) is merged or replaced as v1 does, and a
// Date is read by its UnmarshalText, as v1 calls it.

//go:generate go run ../../internal/cmd/readergen -decoder decoder -list "decodeList(d, {{.Field}}, {{.Slab}}, {{.Elem}}List, {{.Read}})" Status

// decoder is one decoding of a reply's bytes and the state its readers
// share: the reader of its values (onepass.Reader, with the page's
// strings), which status is being decoded (for the nesting rules of
// decode.go), whether Raws may be cut from the buffer, and the slabs its
// values are taken from. Decoders are reused through decoders.
type decoder struct {
	onepass.Reader

	// alias says whether each status's Raw may be a part of Buf (only when
	// Buf is the reply's own buffer, which nothing writes to again; never
	// for UnmarshalJSON, whose data may be a json.Decoder's).
	alias bool

	at       level // of the status being decoded
	inQuote  bool  // a Quote of the status at `at` is being decoded
	accounts int   // how many accounts are being decoded, one in another
	slabs    slabs
}

var decoders = sync.Pool{New: func() any { return new(decoder) }}

// getDecoder returns a decoder reading data; alias as for decoder.alias.
func getDecoder(data []byte, alias bool) *decoder {
	d := decoders.Get().(*decoder)
	d.alias, d.at, d.inQuote, d.accounts = alias, topLevel, false, 0
	d.Strs.Expect(len(data))
	d.Reset(data)
	return d
}

// put returns d to the pool holding nothing of the reply.
func (d *decoder) put() {
	d.Release()
	d.slabs = slabs{}
	decoders.Put(d)
}

// strNow reads a string the decoding needs at once (to parse it), as its
// own copy.
func (d *decoder) strNow() (string, error) {
	v, err := d.Dec.ReadValue()
	if err != nil {
		return "", err
	}
	return string(d.Unquote(v)), nil
}

// date reads a Date by its UnmarshalText, given the string unquoted, as v1
// calls it.
//
//readergen:reader Date
func (d *decoder) date(p *Date) error {
	if d.Dec.PeekKind() != '"' {
		return d.WrongKind("a date")
	}
	v, err := d.Dec.ReadValue()
	if err != nil {
		return err
	}
	return p.UnmarshalText(d.Unquote(v))
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
	mediaAttachmentList   = denseRule[MediaAttachment]()
	mentionList           = denseRule[Mention]()
	tagList               = denseRule[Tag]()
	customEmojiList       = denseRule[CustomEmoji]()
	fieldList             = denseRule[Field]()
	accountRoleList       = denseRule[AccountRole]()
	previewCardAuthorList = denseRule[PreviewCardAuthor]()
	pollOptionList        = denseRule[PollOption]()
	filterResultList      = denseRule[FilterResult]()
	filterKeywordList     = denseRule[FilterKeyword]()
	filterStatusList      = denseRule[FilterStatus]()
	stringList            = scalarRule[string]()
	intList               = scalarRule[int]()
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
	dec := d.Dec
	if isList, err := onepass.List(&d.Reader, l); !isList {
		return err
	}
	start := onepass.ValueStart(d.Buf, dec.InputOffset())
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
		total, end, ok := onepass.CountList(d.Buf, start)
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
			d.Strs.Resolve() // the items move
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
		at := onepass.ValueStart(d.Buf, dec.InputOffset())
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

package mastodon

import (
	"bytes"
	"fmt"
	"reflect"
	"sync"
	"unicode/utf8"

	"github.com/favkit/favorites/internal/onepass"
	json "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// A reply is decoded in one pass with github.com/go-json-experiment/json
// (the code of Go's encoding/json/v2): one jsontext.Decoder reads the
// reply's buffer in place, each status is filled as its tokens go by, and
// its Raw is cut from the buffer at the offsets the decoder reports before
// and after it. encoding/json (v1) scans each value once to find its end
// before it decodes it, and again for each UnmarshalJSON below it; a
// listing decoded that way read every byte of a status four times or more.
//
// The types keep their UnmarshalJSON methods for callers of encoding/json;
// inside a decoding they are never called: each is replaced by a function
// of the decoder's (see decoder.options), which keeps the same rules.

// decoder is one decoding of a reply's bytes and the state its functions
// share: which status is being decoded (for the nesting rules of
// decode.go) and the buffer its strings and Raws are cut from. A decoder
// and its options are built once and reused through decoders, since
// building the options costs more than decoding a page.
type decoder struct {
	dec  *jsontext.Decoder
	rd   bytes.Buffer
	opts json.Options

	// buf is the reply; alias says whether each status's Raw may be a part
	// of it (only when buf is the reply's own buffer, which nothing writes
	// to again; never for UnmarshalJSON, whose data may be a json.Decoder's).
	buf   []byte
	alias bool

	at       level // of the status being decoded
	inQuote  bool  // a Quote of the status at `at` is being decoded
	accounts int   // how many accounts are being decoded, one in another
	scratch  []byte
}

var decoders = sync.Pool{New: func() any { return newDecoder() }}

// newDecoder builds a decoder and its options: onepass.Options, with the
// readers of the Mastodon types below.
func newDecoder() *decoder {
	d := &decoder{}
	d.opts = onepass.Options(
		json.UnmarshalFromFunc(d.str),
		json.UnmarshalFromFunc(d.statusPtr),
		json.UnmarshalFromFunc(d.status),
		json.UnmarshalFromFunc(d.quote),
		json.UnmarshalFromFunc(d.accountPtr),
		json.UnmarshalFromFunc(d.account),
		json.UnmarshalFromFunc(d.card),
		json.UnmarshalFromFunc(d.poll),
		json.UnmarshalFromFunc(d.filterResult),
		json.UnmarshalFromFunc(d.filter),
		json.UnmarshalFromFunc(d.approval),
		json.UnmarshalFromFunc(d.publishedAt),
		denseFunc[MediaAttachment](d), denseFunc[Mention](d), denseFunc[Tag](d),
		denseFunc[CustomEmoji](d), denseFunc[FilterResult](d), denseFunc[Field](d),
		denseFunc[AccountRole](d), denseFunc[PreviewCardAuthor](d), denseFunc[PollOption](d),
		denseFunc[FilterKeyword](d), denseFunc[FilterStatus](d),
		scalarFunc[string](d), scalarFunc[int](d),
	)
	d.dec = jsontext.NewDecoder(&d.rd, d.opts)
	return d
}

// getDecoder returns a decoder reading data; alias as for decoder.alias.
func getDecoder(data []byte, alias bool) *decoder {
	d := decoders.Get().(*decoder)
	d.buf, d.alias, d.at, d.inQuote, d.accounts = data, alias, topLevel, false, 0
	d.rd = *bytes.NewBuffer(data)
	d.dec.Reset(&d.rd, d.opts)
	return d
}

// put returns d to the pool holding nothing of the reply.
func (d *decoder) put() {
	d.buf = nil
	d.rd = bytes.Buffer{}
	d.dec.Reset(&d.rd, d.opts)
	if cap(d.scratch) > 4<<10 {
		d.scratch = nil
	}
	decoders.Put(d)
}

// str reads a string. One without escapes and in valid UTF-8 is its bytes,
// copied; others are unquoted as v1 does, invalid UTF-8 replaced.
func (d *decoder) str(dec *jsontext.Decoder, p *string) error {
	if dec.PeekKind() != '"' {
		return json.SkipFunc // null, or a type error, as v2 reports it
	}
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	body := v[1 : len(v)-1]
	plain := true
	for _, c := range body {
		if c == '\\' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain || bytes.IndexByte(body, '\\') < 0 && utf8.Valid(body) {
		*p = string(body) // a copy: a string must not change when Raw is written to, nor keep the whole reply alive
		return nil
	}
	d.scratch, _ = jsontext.AppendUnquote(d.scratch[:0], v) // invalid UTF-8 is replaced, as v1 does
	*p = string(d.scratch)
	return nil
}

// denseFunc decodes a []T with denseList's rule: refused when its items
// average under 1/minBytesPerItem of their decoded size, or one item's
// JSON is under 1/minBytesPerItem of what its pointers hold (heldBeyond):
// a list of thousands of {} would otherwise cost fifty times its bytes.
func denseFunc[T any](d *decoder) *json.Unmarshalers {
	typ := reflect.TypeFor[T]()
	size, deep := int(typ.Size()), holdsStructs(typ)
	return json.UnmarshalFromFunc(func(dec *jsontext.Decoder, l *[]T) error {
		return decodeList(d, dec, l, func(n, used int) error {
			if n*size > minBytesPerItem*used {
				return fmt.Errorf("a list of %d items in %d bytes: under %d bytes an item, too small for a %s",
					n, used, size/minBytesPerItem, typ.Name())
			}
			return nil
		}, func(item *T, n int) error {
			if !deep {
				return nil
			}
			if held := heldBeyond(reflect.ValueOf(item).Elem()); held > minBytesPerItem*n {
				return fmt.Errorf("a %s of %d bytes holding %d bytes of values: too small to be real", typ.Name(), n, held)
			}
			return nil
		})
	})
}

// scalarFunc decodes a []T of strings or ints with scalarList's rule:
// refused when its items average under 1/maxScalarCost of their decoded
// size.
func scalarFunc[T string | int](d *decoder) *json.Unmarshalers {
	typ := reflect.TypeFor[T]()
	size := int(typ.Size())
	return json.UnmarshalFromFunc(func(dec *jsontext.Decoder, l *[]T) error {
		return decodeList(d, dec, l, func(n, used int) error {
			if n*size > maxScalarCost*used {
				return fmt.Errorf("a list of %d %ss in %d bytes: too small to be real", n, typ.Name(), used)
			}
			return nil
		}, nil)
	})
}

// shortList is how many items a list is decoded into by append before it
// is counted: Mastodon's lists are short (four attachments, a few tags,
// emojis, fields), and counting one means reading its bytes twice.
const shortList = 8

// decodeList reads a JSON array into *l item by item, in the same pass.
// A short list grows by append while its items so far pass dense (given
// the items and the bytes from the list's start). A list that grows past
// shortList, or whose items so far fail dense, is counted (countList)
// and judged whole by dense, as denseList did before building anything:
// refused, or given its exact size. item, when not nil, is given each
// item and its size. null is nil and [] an empty list, as v1 makes them.
func decodeList[T any](d *decoder, dec *jsontext.Decoder, l *[]T, dense func(n, used int) error, item func(*T, int) error) error {
	switch k := dec.PeekKind(); k {
	case 'n':
		*l = nil
		_, err := dec.ReadToken()
		return err
	case '[':
	case 0:
		_, err := dec.ReadToken() // the syntax error
		return err
	default:
		return fmt.Errorf("%s where a list was due", onepass.KindName(k))
	}
	start := onepass.ValueStart(d.buf, d.dec.InputOffset())
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	items, counted := []T{}, false
	for {
		switch dec.PeekKind() {
		case ']':
			_, err := dec.ReadToken()
			*l = items
			return err
		case 0:
			_, err := dec.ReadToken()
			return err
		}
		if !counted && len(items) == shortList {
			n, end, ok := onepass.CountList(d.buf, start)
			if !ok {
				return fmt.Errorf("a list cut short")
			}
			if err := dense(n, end-start); err != nil {
				return err
			}
			items, counted = append(make([]T, 0, n), items...), true
		}
		at := onepass.ValueStart(d.buf, d.dec.InputOffset())
		items = append(items, *new(T))
		if err := json.UnmarshalDecode(dec, &items[len(items)-1]); err != nil {
			return err
		}
		end := int(dec.InputOffset())
		if !counted && dense(len(items), end-start) != nil {
			n, end, ok := onepass.CountList(d.buf, start)
			if !ok {
				return fmt.Errorf("a list cut short")
			}
			if err := dense(n, end-start); err != nil {
				return err
			}
			items, counted = append(make([]T, 0, n), items...), true
		}
		if item != nil {
			if err := item(&items[len(items)-1], end-at); err != nil {
				return err
			}
		}
	}
}

// holdsStructs reports whether t, a struct, has a pointer to a struct
// among its exported fields, at any depth: only then can an item hold
// more than twice its JSON in values of its own (heldBeyond); a *string
// or an *int holds less than the JSON that sets it.
func holdsStructs(t reflect.Type) bool {
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

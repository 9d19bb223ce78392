package mastodon

import (
	"bytes"
	"fmt"
	"reflect"
	"sync"
	"time"

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
	strs     onepass.Strings
	slabs    []interface{ Reset() } // of ptrFunc and decodeList, emptied by put
	lists    []reflect.Type         // the list types decodeList reads (a test checks it reads every one)
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
		ptrFunc(d, d.str), ptrFunc(d, d.approval), ptrFunc(d, d.card), ptrFunc(d, d.poll), ptrFunc(d, d.quote),
		ptrFunc[int](d, nil), ptrFunc[bool](d, nil), ptrFunc[time.Time](d, nil), ptrFunc[Date](d, nil),
		ptrFunc[MediaMeta](d, nil), ptrFunc[MediaSize](d, nil), ptrFunc[MediaFocus](d, nil),
		ptrFunc[Application](d, nil),
	)
	d.dec = jsontext.NewDecoder(&d.rd, d.opts)
	return d
}

// getDecoder returns a decoder reading data; alias as for decoder.alias.
func getDecoder(data []byte, alias bool) *decoder {
	d := decoders.Get().(*decoder)
	d.buf, d.alias, d.at, d.inQuote, d.accounts = data, alias, topLevel, false, 0
	d.strs.Expect(len(data))
	d.rd = *bytes.NewBuffer(data)
	d.dec.Reset(&d.rd, d.opts)
	return d
}

// put returns d to the pool holding nothing of the reply, resolving the
// strings of a decoding that stopped short of it (see onepass.Strings).
func (d *decoder) put() {
	d.strs.Resolve()
	for _, s := range d.slabs {
		s.Reset()
	}
	d.buf = nil
	d.rd = bytes.Buffer{}
	d.dec.Reset(&d.rd, d.opts)
	if cap(d.scratch) > 4<<10 {
		d.scratch = nil
	}
	decoders.Put(d)
}

// str reads a string into *p, a copy made with the page's other strings
// (see onepass.Strings): *p holds its final value once d.strs is resolved.
// One with escapes is unquoted as v1 does, invalid UTF-8 replaced.
func (d *decoder) str(dec *jsontext.Decoder, p *string) error {
	if dec.PeekKind() != '"' {
		return json.SkipFunc // null, or a type error, as v2 reports it
	}
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	d.strs.SetQuoted(p, v)
	return nil
}

// strNow reads a string the decoding needs at once (to parse it), as its
// own copy.
func (d *decoder) strNow(dec *jsontext.Decoder) (string, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return "", err
	}
	d.scratch, _ = jsontext.AppendUnquote(d.scratch[:0], v) // invalid UTF-8 is replaced, as v1 does
	return string(d.scratch), nil
}

// ptrFunc decodes a *T, the pointer fields of the entities, as v2 does
// (null is nil; a pointer already set, by a repeated name, is decoded
// into again), but takes a new T from a slab of the decoding's rather
// than allocating each. decode, when not nil, reads a T that is not null
// (d.str for a *string, saving v2 a look-up); it may return
// json.SkipFunc, and then v2's own unmarshaler reads it.
func ptrFunc[T any](d *decoder, decode func(*jsontext.Decoder, *T) error) *json.Unmarshalers {
	slab := new(onepass.Slab[T])
	d.slabs = append(d.slabs, slab)
	return json.UnmarshalFromFunc(func(dec *jsontext.Decoder, p **T) error {
		if dec.PeekKind() == 'n' {
			*p = nil
			_, err := dec.ReadToken()
			return err
		}
		if *p == nil {
			*p = slab.New()
		}
		if decode != nil {
			if err := decode(dec, *p); err != json.SkipFunc {
				return err
			}
		}
		return json.UnmarshalDecode(dec, *p)
	})
}

// denseFunc decodes a []T with denseList's rule: refused when its items
// average under 1/minBytesPerItem of their decoded size, or one item's
// JSON is under 1/minBytesPerItem of what its pointers hold (heldBeyond):
// a list of thousands of {} would otherwise cost fifty times its bytes.
func denseFunc[T any](d *decoder) *json.Unmarshalers {
	typ := reflect.TypeFor[T]()
	size, deep := int(typ.Size()), holdsStructs(typ)
	slab := new(onepass.Slab[T])
	d.slabs, d.lists = append(d.slabs, slab), append(d.lists, reflect.TypeFor[[]T]())
	return json.UnmarshalFromFunc(func(dec *jsontext.Decoder, l *[]T) error {
		return decodeList(d, dec, l, slab, func(n, used int) error {
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
	slab := new(onepass.Slab[T])
	d.slabs, d.lists = append(d.slabs, slab), append(d.lists, reflect.TypeFor[[]T]())
	return json.UnmarshalFromFunc(func(dec *jsontext.Decoder, l *[]T) error {
		return decodeList(d, dec, l, slab, func(n, used int) error {
			if n*size > maxScalarCost*used {
				return fmt.Errorf("a list of %d %ss in %d bytes: too small to be real", n, typ.Name(), used)
			}
			return nil
		}, nil)
	})
}

// decodeList reads a JSON array into *l item by item, in the same pass.
// It counts the list's items first (onepass.CountList, a scan of its
// bytes that builds nothing) and judges the list whole by dense, given the
// count and the list's bytes: refused, or built at its exact size. An item
// is never moved once decoded, as the page's strings require (see
// onepass.Strings), and the list is cut from slab. item, when not nil,
// is given each item and its size. null is nil and [] an empty list, as v1
// makes them.
func decodeList[T any](d *decoder, dec *jsontext.Decoder, l *[]T, slab *onepass.Slab[T], dense func(n, used int) error, item func(*T, int) error) error {
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
	if dec.PeekKind() == ']' {
		*l = []T{}
		_, err := dec.ReadToken()
		return err
	}
	n, end, ok := onepass.CountList(d.buf, start)
	if !ok {
		return fmt.Errorf("a list cut short")
	}
	if err := dense(n, end-start); err != nil {
		return err
	}
	items := slab.Take(n)
	for i := 0; ; i++ {
		switch dec.PeekKind() {
		case ']':
			if i != n { // only a list that is not JSON counts wrong; the decoder says where
				return fmt.Errorf("a list of %d items read as %d", n, i)
			}
			_, err := dec.ReadToken()
			*l = items
			return err
		case 0:
			_, err := dec.ReadToken()
			return err
		}
		if i == n {
			return fmt.Errorf("a list of %d items read as more", n)
		}
		at := onepass.ValueStart(d.buf, d.dec.InputOffset())
		if err := json.UnmarshalDecode(dec, &items[i]); err != nil {
			return err
		}
		if item != nil {
			if err := item(&items[i], int(dec.InputOffset())-at); err != nil {
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

package mastodon

import (
	"fmt"
	"sync"
	"time"

	"github.com/favkit/favorites/internal/onepass"
)

// A reply is decoded in one pass: one jsontext.Decoder (the tokenizer of
// github.com/go-json-experiment/json, the code of Go's encoding/json/v2)
// reads the reply's buffer in place, and each entity is filled as its
// tokens go by, by a reader of its own (decode.go, decode_entities.go): a
// switch on its members' names, each field read by the reader of its Go
// type (onepass.Reader, and date and decodeList below), as encoding/json
// v1 reads a value of that type. Each status's Raw is cut from the buffer
// at the offsets the decoder reports before and after it. encoding/json (v1) scans each value once to find
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
// The readers hold to encoding/json v1's rules (onepass.Reader says
// which), and the tests compare them with v1 on every fixture and under
// fuzzing (asv1_test.go). Beyond those: an object or a list read again into
// the same field (a repeated name) is merged or replaced as v1 does, and a
// Date is read by its UnmarshalText, as v1 calls it.

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

// decodeList reads a JSON array into *l, each item by read, in the same
// pass: into the room of slab (onepass.Slab.Room), so that a list costs no
// allocation of its own nor a count of its items first, and no item moves
// once decoded, as the page's strings require (see onepass.Strings). A
// list longer than the room is counted (onepass.CountList) and built at
// its size, its strings made final before its items move. A list of more
// items than its cap is refused as the reader reaches the item past the
// cap, or when it is counted, before anything is built for the rest.
//
// null is nil and [] an empty list, as v1 makes them. A list read again
// into the same field (a repeated name) is decoded into the items the
// first one left, up to its capacity, as v1 does.
func decodeList[T any](d *decoder, l *[]T, slab *onepass.Slab[T], limit onepass.ListCap, read func(*T) error) error {
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
		if err := limit.Check(n + 1); err != nil {
			return err
		}
		if n == len(room) {
			total, _, ok := onepass.CountList(d.Buf, start)
			switch {
			case !ok:
				return fmt.Errorf("a list cut short")
			case total <= n || counted: // only a list that is not JSON counts wrong; the decoder says where
				return fmt.Errorf("a list of %d items read as more", total)
			}
			if err := limit.Check(total); err != nil {
				return err
			}
			d.Strs.Resolve() // the items move
			longer := make([]T, total)
			copy(longer, room)
			if fromSlab {
				slab.Commit(room, 0)
			}
			room, fromSlab, counted = longer, false, true
		}
		if err := read(&room[n]); err != nil {
			return err
		}
	}
}

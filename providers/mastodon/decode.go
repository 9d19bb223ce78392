package mastodon

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Decoding a status costs memory linear in its bytes, whatever their shape:
//
//   - Each byte is read a bounded number of times: the boosted status is
//     decoded once, from its own bytes, and a boost of a boost is refused
//     (see errBoostOfBoost), so no status is decoded again per level.
//   - No JSON is copied: Raw is the reply's own bytes, and a boosted
//     status's Raw is a part of its parent's.
//   - The lists a status holds, at any depth, are counted before they are
//     built, built at their exact size, and refused when their items are
//     too small to be Mastodon's (see denseList): a list of thousands of {}
//     would otherwise cost fifty times its bytes in empty structs.
//   - Nesting is decoded one level deep, as Mastodon sends it: a status's
//     boost and quote, a boost's quote, an account's moved account; deeper
//     levels are refused (a boost) or left in Raw (a quote, a moved
//     account), so a chain never costs a decode per level.

// errBoostOfBoost refuses a reblog inside a reblog. Mastodon never sends
// one: ReblogService (app/services/reblog_service.rb) boosts the original
// when asked to boost a boost ("reblogged_status = reblogged_status.reblog
// if reblogged_status.reblog?"), so a boost's reblog is always an original
// status, whose own reblog is null. Accepting the nesting would let a server
// make one status cost a decode per level.
var errBoostOfBoost = errors.New("a boost of a boost, which Mastodon never sends (a boost always points to the original status)")

// span is where a part of a JSON value sits in it, and how long the whole
// value was, so that the part can be found again in the same bytes.
type span struct{ at, n, whole int }

// statusFields is Status without its methods, so that decoding into it
// does not call UnmarshalJSON again.
type statusFields Status

// statusWire is how a status is decoded. Its own fields shadow the
// embedded Status's of the same names (encoding/json takes the shallower
// field), so the lists are counted before they are built, and the boosted
// and the quoted status are kept as bytes to decode on their own.
type statusWire struct {
	*statusFields
	MediaAttachments denseList[MediaAttachment] `json:"media_attachments"`
	Mentions         denseList[Mention]         `json:"mentions"`
	Tags             denseList[Tag]             `json:"tags"`
	Emojis           denseList[CustomEmoji]     `json:"emojis"`
	Filtered         denseList[FilterResult]    `json:"filtered"`
	Reblog           driver.RawJSON             `json:"reblog"`
	Quote            *quoteWire                 `json:"quote"`
}

// quoteWire is a Quote with its quoted status kept as bytes.
type quoteWire struct {
	State          string         `json:"state"`
	QuotedStatus   driver.RawJSON `json:"quoted_status"`
	QuotedStatusID *string        `json:"quoted_status_id"`
}

// level is how deep a status sits in the one decoded: a status decodes
// its boost and its quote, a boost its quote, a quote neither.
type level int

const (
	topLevel level = iota
	boostLevel
	quoteLevel
)

// errBoostInQuote refuses a quoted status that is a boost: Mastodon never
// sends one (base_quote_serializer.rb withholds a quoted status that is a
// reblog), and accepting it would let a server nest statuses again.
var errBoostInQuote = errors.New("a quoted status that is a boost, which Mastodon never sends")

// UnmarshalJSON decodes a status into a fresh value (fields data lacks are
// zero). It keeps none of data, which may be a json.Decoder's buffer:
// Raw stays empty (see [DecodeStatus]). A boost of a boost, or a list
// whose items are too small to be real, is an error.
func (s *Status) UnmarshalJSON(data []byte) error {
	return s.decode(data, topLevel)
}

func (s *Status) decode(data []byte, at level) error {
	*s = Status{}
	w := statusWire{statusFields: (*statusFields)(s)}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	s.MediaAttachments = []MediaAttachment(w.MediaAttachments)
	s.Mentions = []Mention(w.Mentions)
	s.Tags = []Tag(w.Tags)
	s.Emojis = []CustomEmoji(w.Emojis)
	s.Filtered = []FilterResult(w.Filtered)
	if err := s.decodeQuote(data, w.Quote, at); err != nil {
		return fmt.Errorf("quote: %w", err)
	}
	if w.Reblog == nil {
		return nil
	}
	switch at {
	case boostLevel:
		return errBoostOfBoost
	case quoteLevel:
		return errBoostInQuote
	}
	s.Reblog = new(Status)
	if err := s.Reblog.decode(w.Reblog, boostLevel); err != nil {
		return fmt.Errorf("reblog: %w", err)
	}
	s.reblogAt = span{at: offsetIn(data, w.Reblog), n: len(w.Reblog), whole: len(data)}
	return nil
}

// decodeQuote sets s.Quote from its wire form. A quoted status is decoded
// once, from its own bytes; its own quote is Mastodon's ShallowQuote, so a
// quoted_status there is not decoded (it stays in Raw): a chain of quotes
// costs one decode, not one per level.
func (s *Status) decodeQuote(data []byte, q *quoteWire, at level) error {
	if q == nil {
		return nil
	}
	s.Quote = &Quote{State: q.State, QuotedStatusID: q.QuotedStatusID}
	if q.QuotedStatus == nil || at == quoteLevel {
		return nil
	}
	s.Quote.QuotedStatus = new(Status)
	if err := s.Quote.QuotedStatus.decode(q.QuotedStatus, quoteLevel); err != nil {
		return fmt.Errorf("quoted status: %w", err)
	}
	s.quoteAt = span{at: offsetIn(data, q.QuotedStatus), n: len(q.QuotedStatus), whole: len(data)}
	return nil
}

// offsetIn is where part starts in whole, which encoding/json hands it out
// of; 0 when it is not a part of whole (no JSON value starts at 0 inside
// another).
func offsetIn(whole, part []byte) int {
	at := cap(whole) - cap(part)
	if at <= 0 || at+len(part) > len(whole) || len(part) == 0 || &whole[at] != &part[0] {
		return 0
	}
	return at
}

// keepRaw makes raw, the exact bytes s was decoded from, its Raw, and the
// parts of them that hold the boosted and the quoted status theirs: no
// copy.
func (s *Status) keepRaw(raw []byte) {
	s.Raw = raw[:len(raw):len(raw)]
	if s.Quote != nil && s.Quote.QuotedStatus != nil {
		if part := s.quoteAt.in(raw); part != nil {
			s.Quote.QuotedStatus.keepRaw(part)
		}
	}
	if s.Reblog == nil {
		return
	}
	if part := s.reblogAt.in(raw); part != nil {
		s.Reblog.keepRaw(part)
		return
	}
	// Not reached with encoding/json as it is, which hands UnmarshalJSON
	// parts of its input; kept so that Raw stays right if that changes.
	var probe struct {
		Reblog driver.RawJSON `json:"reblog"`
	}
	if json.Unmarshal(raw, &probe) == nil {
		s.Reblog.keepRaw(probe.Reblog)
	}
}

// in is the part of whole that r names, or nil when whole is not the
// value r was taken from.
func (r span) in(whole []byte) []byte {
	if r.at <= 0 || r.whole != len(whole) {
		return nil
	}
	return whole[r.at : r.at+r.n : r.at+r.n]
}

// check refuses a status that no call could name: one without an ID, or
// with one that Favourite and Unfavourite would refuse.
func (s *Status) check() error {
	if err := checkStatusID("status id", s.ID); err != nil {
		return err
	}
	if s.Reblog != nil {
		if err := checkStatusID("boosted status id", s.Reblog.ID); err != nil {
			return err
		}
	}
	return nil
}

// DecodeStatus decodes one status, as the client's single-status calls do:
// data must be a JSON object with a usable ID. Raw is data itself, not a
// copy, so data must not change afterwards. Anything else is an error
// matching [favorites.ErrMalformedReply].
func DecodeStatus(data []byte) (*Status, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return nil, fmt.Errorf("%s: %w: %s where a status was due", ProviderName, favorites.ErrMalformedReply, describe(data))
	}
	var s Status
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", ProviderName, favorites.ErrMalformedReply, err)
	}
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", ProviderName, favorites.ErrMalformedReply, err)
	}
	s.keepRaw(data)
	return &s, nil
}

// DecodeStatuses decodes a listing's body, a JSON array of statuses, by the
// rules [Client.Favourites] applies to every page (without its cap on the
// number of items): each status has a usable ID and its Raw is a part of
// data, not a copy. Anything else is an error matching
// [favorites.ErrMalformedReply] that names the item.
func DecodeStatuses(ctx context.Context, data []byte) ([]*Status, error) {
	list, err := driver.DecodeItems(ctx, data, statusRules(0))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	return list, nil
}

// statusRules are the rules of a listing page of at most max statuses (0:
// no limit).
func statusRules(max int) driver.ItemRules[*Status] {
	return driver.ItemRules[*Status]{Max: max, Item: func(_ int, s **Status, raw []byte) error {
		if *s == nil {
			return errors.New("a null status")
		}
		if err := (*s).check(); err != nil {
			return err
		}
		(*s).keepRaw(raw)
		return nil
	}}
}

// describe names what a body holds instead of a status, for an error.
func describe(b []byte) string {
	switch {
	case len(b) == 0:
		return "nothing"
	case len(b) > 20:
		return fmt.Sprintf("%q…", b[:20])
	default:
		return fmt.Sprintf("%q", b)
	}
}

// minBytesPerItem says how small, against its decoded size, an item of a
// status's list may be: at least half that size in JSON, so building the
// list costs at most twice its bytes. No real item comes near it: the
// smallest, a tag or a poll option, is some 30 bytes of JSON for a 32- or
// 24-byte struct, and a mention, an emoji or an attachment takes well over
// 100 bytes for 56 to 88.
const minBytesPerItem = 2

// maxScalarCost is how many bytes of decoded values a byte of a
// scalarList's JSON may cost.
const maxScalarCost = 4

// denseList is a list of a status, decoded at its exact size after its
// items are counted, and refused when they average under
// 1/minBytesPerItem of their decoded size, or when one item's JSON is
// under 1/minBytesPerItem of what its pointers hold (heldBeyond): an
// attachment of {"meta":{}} or a card author of {"account":{}} would
// otherwise cost a struct of hundreds of bytes for two.
type denseList[T any] []T

// UnmarshalJSON counts, checks, then decodes the list; null is nil.
// driver.DecodeItems counts the items before it builds any, and its
// Count refuses a list whose items are too small for their type.
func (l *denseList[T]) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*l = nil
		return nil
	}
	typ := reflect.TypeFor[T]()
	size := int(typ.Size())
	items, err := driver.DecodeItems(context.Background(), data, driver.ItemRules[T]{Count: func(n int) error {
		if n*size > minBytesPerItem*len(data) {
			return fmt.Errorf("a list of %d items in %d bytes: under %d bytes an item, too small for a %s",
				n, len(data), size/minBytesPerItem, typ.Name())
		}
		return nil
	}, Item: func(_ int, item *T, raw []byte) error {
		if held := heldBeyond(reflect.ValueOf(item).Elem()); held > minBytesPerItem*len(raw) {
			return fmt.Errorf("a %s of %d bytes holding %d bytes of values: too small to be real", typ.Name(), len(raw), held)
		}
		return nil
	}})
	if err != nil {
		return err
	}
	*l = items
	return nil
}

// heldBeyond is the memory v's pointers hold outside v itself: the values
// they point to, and theirs. Strings (no longer than their JSON) and
// slices (each a denseList or scalarList, bound by its own bytes) are not
// counted.
func heldBeyond(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return int(v.Type().Elem().Size()) + heldBeyond(v.Elem())
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += heldBeyond(v.Field(i))
			}
		}
		return n
	default:
		return 0
	}
}

// scalarList is a list of strings or ints, decoded at its exact size
// after its items are counted, and refused when they average under
// 1/maxScalarCost of their decoded size: a list of thousands of "" would
// cost more than five times its bytes in string headers. Every list
// Mastodon sends passes: an int takes at least two bytes with its comma
// (0,), a one-letter keyword four ("a",), a context or policy name more.
type scalarList[T string | int] []T

// UnmarshalJSON decodes the list; null is nil.
func (l *scalarList[T]) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*l = nil
		return nil
	}
	size := int(reflect.TypeFor[T]().Size())
	items, err := driver.DecodeItems(context.Background(), data, driver.ItemRules[T]{Count: func(n int) error {
		if n*size > maxScalarCost*len(data) {
			return fmt.Errorf("a list of %d %ss in %d bytes: too small to be real", n, reflect.TypeFor[T]().Name(), len(data))
		}
		return nil
	}})
	if err != nil {
		return err
	}
	*l = items
	return nil
}

package mastodon

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/internal/onepass"
)

// Decoding a status costs memory linear in its bytes, whatever their shape:
//
//   - The reply is decoded in one pass (see wire.go): a boosted or quoted
//     status is decoded where it sits, and a boost of a boost is refused
//     (see errBoostOfBoost), so no status is decoded again per level.
//   - No JSON is copied: Raw is the reply's own bytes, and a boosted
//     status's Raw is a part of its parent's.
//   - The lists a status holds, at any depth, are capped at Mastodon's own
//     limits with a margin (MaxShortList, MaxLongList; see limits.go), so
//     a list of {} costs a bounded number of values, whatever their size
//     (decodeList). A short list grows as it is read; a long one is
//     counted first and built at its exact size.
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
// Raw stays empty (see [DecodeStatus]). A boost of a boost, or a list over
// its cap ([MaxShortList], [MaxLongList]), is an error.
func (s *Status) UnmarshalJSON(data []byte) error { return decodeValue(data, s) }

// decodeValue decodes data, one JSON value, into a fresh v (a type of
// this package's with an UnmarshalJSON method): strings are copied and no
// Raw is kept, since data may be a json.Decoder's buffer.
func decodeValue(data []byte, v any) error {
	d := getDecoder(data, false)
	defer d.put() // which resolves v's strings
	var err error
	switch v := v.(type) {
	case *Status:
		*v = Status{}
		err = d.decodeStatus(v, topLevel)
	case *Account:
		*v = Account{}
		err = d.account(v)
	case *PreviewCard:
		*v = PreviewCard{}
		err = d.readPreviewCard(v)
	case *Poll:
		*v = Poll{}
		err = d.readPoll(v)
	case *FilterResult:
		*v = FilterResult{}
		err = d.readFilterResult(v)
	case *Filter:
		*v = Filter{}
		err = d.readFilter(v)
	case *Approval:
		*v = Approval{}
		err = d.readApproval(v)
	default:
		panic(fmt.Sprintf("mastodon: decodeValue of a %T", v))
	}
	if err != nil {
		return err
	}
	if _, err := d.Dec.ReadToken(); err != io.EOF {
		return fmt.Errorf("invalid character after the value: %v", err)
	}
	return nil
}

// decodeStatus decodes the status at the decoder's position into s, at
// level at, and, when the reply's bytes may be kept, gives it its Raw: the
// part of the reply between the offsets before and after it.
//
//readergen:object Status
func (d *decoder) decodeStatus(s *Status, at level) error {
	start := onepass.ValueStart(d.Buf, d.Dec.InputOffset())
	outer, inQuote := d.at, d.inQuote
	d.at, d.inQuote = at, false
	err := d.Object("a status", func(name []byte) (bool, error) { return d.readStatusField(s, name) })
	d.at, d.inQuote = outer, inQuote
	if err != nil {
		return err
	}
	if d.alias {
		end := int(d.Dec.InputOffset())
		s.Raw = d.Buf[start:end:end]
	}
	return nil
}

// statusPtr decodes a status's reblog or a quote's quoted_status, the
// only fields of type *Status, by the nesting rules: a status decodes its
// boost and its quote, a boost its quote (a boost of a boost is refused),
// a quoted status neither (a boost there is refused; its own quote is
// Mastodon's ShallowQuote, so a quoted_status there is left in Raw).
//
//readergen:reader *Status
func (d *decoder) statusPtr(p **Status) error {
	if null, err := d.Null(); null || err != nil {
		*p = nil
		return err
	}
	var at level
	switch {
	case d.inQuote && d.at == quoteLevel:
		*p = nil
		return d.Dec.SkipValue()
	case d.inQuote:
		at = quoteLevel
	case d.at == boostLevel:
		return errBoostOfBoost
	case d.at == quoteLevel:
		return errBoostInQuote
	default:
		at = boostLevel
	}
	if *p == nil {
		*p = new(Status) // large: a slab's slack would cost more than the allocation
	}
	if err := d.decodeStatus(*p, at); err != nil {
		if at == quoteLevel {
			return fmt.Errorf("quote: quoted status: %w", err)
		}
		return fmt.Errorf("reblog: %w", err)
	}
	return nil
}

// quote decodes a Quote, marking that a status found now is the quoted
// one.
//
//readergen:object Quote
func (d *decoder) quote(q *Quote) error {
	inQuote := d.inQuote
	d.inQuote = true
	err := d.Object("a quote", func(name []byte) (bool, error) { return d.readQuoteField(q, name) })
	d.inQuote = inQuote
	return err
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
// copy, so data must not change afterwards. Anything else is an error matching
// [favorites.ErrMalformedReply].
func DecodeStatus(data []byte) (*Status, error) {
	data = onepass.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return nil, fmt.Errorf("%s: %w: %s where a status was due", ProviderName, favorites.ErrMalformedReply, describe(data))
	}
	if err := driver.CheckDepth(data); err != nil {
		return nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	d := getDecoder(data, true)
	defer d.put()
	s := new(Status)
	err := d.decodeStatus(s, topLevel)
	if err == nil {
		if _, end := d.Dec.ReadToken(); end != io.EOF {
			err = fmt.Errorf("invalid character after the status: %v", end)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", ProviderName, favorites.ErrMalformedReply, err)
	}
	d.Strs.Resolve()
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", ProviderName, favorites.ErrMalformedReply, err)
	}
	return s, nil
}

// DecodeStatuses decodes a listing's body, a JSON array of statuses, by the
// rules [Client.Favourites] applies to every page (without its cap on the
// number of items): each status has a usable ID and its Raw is a part of
// data, not a copy (so data must not change afterwards). Anything else is an error matching
// [favorites.ErrMalformedReply] that names the item.
func DecodeStatuses(ctx context.Context, data []byte) ([]*Status, error) {
	list, err := driver.DecodeItems(ctx, data, statusRules(0))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	return list, nil
}

// statusRules are the rules of a listing page of at most max statuses (0:
// no limit): the page is decoded in one pass by decodePage.
func statusRules(max int) driver.ItemRules[*Status] {
	return driver.ItemRules[*Status]{Max: max, List: func(ctx context.Context, list []byte) ([]*Status, error) {
		return decodePage(ctx, list, max)
	}}
}

// decodePage decodes a listing page, a JSON array, in one pass: each
// status is filled as its tokens are read and given its Raw, its bytes in
// list, at once. Statuses are allocated in blocks, not one by one, and the
// page's strings are one allocation (onepass.Strings). It checks ctx
// between statuses, and refuses a null status, a status without a usable
// ID and more than max statuses (when max is not 0) as a malformed reply
// naming the item.
func decodePage(ctx context.Context, list []byte, max int) ([]*Status, error) {
	d := getDecoder(list, true)
	defer d.put()
	var page []*Status
	// fail is the error that ends the page: the first status decoded
	// before that has no usable ID, if one has not, as when each was
	// checked as soon as it was decoded; IDs are strings, which are only
	// there once resolved.
	fail := func(err error) ([]*Status, error) {
		if _, bad := checkStatuses(d, page); bad != nil {
			return nil, bad
		}
		return nil, err
	}
	dec := d.Dec
	if _, err := dec.ReadToken(); err != nil {
		return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
	}
	var block []Status
	for i := 0; ; i++ {
		switch dec.PeekKind() {
		case ']':
			if _, err := dec.ReadToken(); err != nil {
				return fail(fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err))
			}
			if _, err := dec.ReadToken(); err != io.EOF {
				return fail(fmt.Errorf("%w: more JSON after the list", favorites.ErrMalformedReply))
			}
			return checkStatuses(d, page)
		case 0:
			_, err := dec.ReadToken()
			return fail(fmt.Errorf("%w: item %d: %v", favorites.ErrMalformedReply, i, err))
		case 'n':
			return fail(fmt.Errorf("%w: item %d: a null status", favorites.ErrMalformedReply, i))
		}
		if err := ctx.Err(); err != nil {
			return fail(err)
		}
		if err := (onepass.ListCap{What: "the page", Max: max}).Check(i + 1); err != nil {
			return fail(fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err))
		}
		if len(block) == 0 {
			block = make([]Status, blockSize(i, max))
		}
		s := &block[0]
		block = block[1:]
		if err := d.decodeStatus(s, topLevel); err != nil {
			return fail(fmt.Errorf("%w: item %d: %v", favorites.ErrMalformedReply, i, err))
		}
		page = append(page, s)
	}
}

// checkStatuses resolves the strings of the page d decoded and checks each
// status in turn: page, or a malformed reply naming the first status
// without a usable ID.
func checkStatuses(d *decoder, page []*Status) ([]*Status, error) {
	d.Strs.Resolve()
	for i, s := range page {
		if err := s.check(); err != nil {
			return nil, fmt.Errorf("%w: item %d: %w", favorites.ErrMalformedReply, i, err)
		}
	}
	return page, nil
}

// blockSize is how many statuses to allocate at once when the page has
// decoded i: as many as it holds already (at least 4), at most what max
// leaves, so a block costs at most the statuses decoded before it.
func blockSize(i, most int) int {
	n := max(i, 4)
	if most > 0 {
		n = min(n, most-i)
	}
	return n
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

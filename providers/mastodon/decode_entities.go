package mastodon

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	json "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// The entities that hold lists or nested entities decode through the
// decoder's functions, as Status does (see wire.go): each *Fields type is
// its entity without methods, decoded by v2's own struct decoding, while
// the lists are decodeList's and the nested entities the functions'.

type (
	accountFields      Account
	previewCardFields  PreviewCard
	pollFields         Poll
	filterResultFields FilterResult
	filterFields       Filter
	approvalFields     Approval
)

// UnmarshalJSON decodes an account into a fresh value, and its moved
// account one level deep: Mastodon sends a moved account without its own
// moved (AccountDecorator in account_serializer.rb), so one found there is
// not decoded.
func (a *Account) UnmarshalJSON(data []byte) error { return decodeValue(data, a) }

// account decodes an Account value.
func (d *decoder) account(dec *jsontext.Decoder, a *Account) error {
	*a = Account{}
	d.accounts++
	err := json.UnmarshalDecode(dec, (*accountFields)(a))
	d.accounts--
	return err
}

// accountPtr decodes an account's moved account and a card author's
// account, the only fields of type *Account. An account inside two
// accounts is a moved account's moved, which is left in Raw.
func (d *decoder) accountPtr(dec *jsontext.Decoder, p **Account) error {
	if dec.PeekKind() == 'n' {
		*p = nil
		_, err := dec.ReadToken()
		return err
	}
	if d.accounts >= 2 {
		*p = nil
		return dec.SkipValue()
	}
	a := new(Account)
	if err := d.account(dec, a); err != nil {
		if d.accounts > 0 {
			return fmt.Errorf("moved: %w", err)
		}
		return err
	}
	*p = a
	return nil
}

// previewCardWire decodes a card, its published_at read by publishedAt.
type previewCardWire struct {
	*previewCardFields
	PublishedAt publishedAt `json:"published_at"`
}

// UnmarshalJSON decodes a card into a fresh value.
func (c *PreviewCard) UnmarshalJSON(data []byte) error { return decodeValue(data, c) }

// card decodes a PreviewCard value.
func (d *decoder) card(dec *jsontext.Decoder, c *PreviewCard) error {
	*c = PreviewCard{}
	w := previewCardWire{previewCardFields: (*previewCardFields)(c)}
	if err := json.UnmarshalDecode(dec, &w); err != nil {
		return err
	}
	c.PublishedAt = w.PublishedAt.t
	return nil
}

// publishedAt reads a card's published_at: an RFC 3339 time, as Mastodon's
// PreviewCardSerializer writes its datetime column, or a string of Unix
// seconds, as the document's example shows it. null is nil.
type publishedAt struct{ t *time.Time }

// publishedAt reads either form; anything else is an error naming it.
func (d *decoder) publishedAt(dec *jsontext.Decoder, p *publishedAt) error {
	p.t = nil
	switch dec.PeekKind() {
	case 'n':
		_, err := dec.ReadToken()
		return err
	case '"':
	default:
		v, err := dec.ReadValue()
		if err != nil {
			return err
		}
		return fmt.Errorf("published_at %s is not a string", describe(v))
	}
	s, err := d.strNow(dec)
	if err != nil {
		return err
	}
	if unixSeconds(s) {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			t := time.Unix(sec, 0).UTC()
			p.t = &t
			return nil
		}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("published_at %q is neither an RFC 3339 time nor Unix seconds", s)
	}
	p.t = &t
	return nil
}

// UnmarshalJSON decodes a poll into a fresh value.
func (p *Poll) UnmarshalJSON(data []byte) error { return decodeValue(data, p) }

func (d *decoder) poll(dec *jsontext.Decoder, p *Poll) error {
	*p = Poll{}
	return json.UnmarshalDecode(dec, (*pollFields)(p))
}

// UnmarshalJSON decodes a filter result into a fresh value.
func (r *FilterResult) UnmarshalJSON(data []byte) error { return decodeValue(data, r) }

func (d *decoder) filterResult(dec *jsontext.Decoder, r *FilterResult) error {
	*r = FilterResult{}
	return json.UnmarshalDecode(dec, (*filterResultFields)(r))
}

// UnmarshalJSON decodes a filter into a fresh value.
func (f *Filter) UnmarshalJSON(data []byte) error { return decodeValue(data, f) }

func (d *decoder) filter(dec *jsontext.Decoder, f *Filter) error {
	*f = Filter{}
	return json.UnmarshalDecode(dec, (*filterFields)(f))
}

// UnmarshalJSON decodes an approval into a fresh value.
func (a *Approval) UnmarshalJSON(data []byte) error { return decodeValue(data, a) }

func (d *decoder) approval(dec *jsontext.Decoder, a *Approval) error {
	*a = Approval{}
	return json.UnmarshalDecode(dec, (*approvalFields)(a))
}

// unixSeconds says whether s may be Unix seconds, as strconv.ParseInt
// reads them: an optional sign and digits. It spares a time the error
// strconv.ParseInt would allocate.
func unixSeconds(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

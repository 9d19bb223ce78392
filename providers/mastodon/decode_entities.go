package mastodon

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The entities' readers that keep rules of their own (see wire.go): how
// deep an account sits, and a card's published_at. The others are
// generated (readers_gen.go).

// UnmarshalJSON decodes an account into a fresh value, and its moved
// account one level deep: Mastodon sends a moved account without its own
// moved (AccountDecorator in account_serializer.rb), so one found there is
// not decoded.
func (a *Account) UnmarshalJSON(data []byte) error { return decodeValue(data, a) }

// account decodes an Account value, counting how deep it sits (see
// accountPtr).
//
//readergen:object Account
func (d *decoder) account(a *Account) error {
	d.accounts++
	err := d.Object("an account", func(name []byte) (bool, error) { return d.readAccountField(a, name) })
	d.accounts--
	return err
}

// accountPtr decodes an account's moved account and a card author's
// account, the only fields of type *Account. An account inside two
// accounts is a moved account's moved, which is left in Raw.
//
//readergen:reader *Account
func (d *decoder) accountPtr(p **Account) error {
	if d.accounts >= 2 {
		*p = nil
		return d.Dec.SkipValue()
	}
	if null, err := d.Null(); null || err != nil {
		*p = nil
		return err
	}
	if *p == nil {
		*p = new(Account) // large: a slab's slack would cost more than the allocation
	}
	err := d.account(*p)
	if err != nil && d.accounts > 0 {
		return fmt.Errorf("moved: %w", err)
	}
	return err
}

// UnmarshalJSON decodes a card into a fresh value.
func (c *PreviewCard) UnmarshalJSON(data []byte) error { return decodeValue(data, c) }

// publishedAt reads a card's published_at: an RFC 3339 time, as Mastodon's
// PreviewCardSerializer writes its datetime column, or a string of Unix
// seconds, as the document's example shows it. null is nil; anything else
// is an error naming it.
//
//readergen:reader PreviewCard.PublishedAt
func (d *decoder) publishedAt(p **time.Time) error {
	switch d.Dec.PeekKind() {
	case 'n':
		*p = nil
		_, err := d.Dec.ReadToken()
		return err
	case '"':
	default:
		v, err := d.Dec.ReadValue()
		if err != nil {
			return err
		}
		return fmt.Errorf("published_at %s is not a string", describe(v))
	}
	s, err := d.strNow()
	if err != nil {
		return err
	}
	t := d.slabs.times.New()
	if unixSeconds(s) {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			*t = time.Unix(sec, 0).UTC()
			*p = t
			return nil
		}
	}
	if *t, err = time.Parse(time.RFC3339Nano, s); err != nil {
		return fmt.Errorf("published_at %q is neither an RFC 3339 time nor Unix seconds", s)
	}
	*p = t
	return nil
}

// unixSeconds says whether s may be Unix seconds, as strconv.ParseInt
// reads them: an optional sign and digits. It spares a time the error
// strconv.ParseInt would allocate.
func unixSeconds(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// UnmarshalJSON decodes a poll into a fresh value.
func (p *Poll) UnmarshalJSON(data []byte) error { return decodeValue(data, p) }

// UnmarshalJSON decodes a filter result into a fresh value.
func (r *FilterResult) UnmarshalJSON(data []byte) error { return decodeValue(data, r) }

// UnmarshalJSON decodes a filter into a fresh value.
func (f *Filter) UnmarshalJSON(data []byte) error { return decodeValue(data, f) }

// UnmarshalJSON decodes an approval into a fresh value.
func (a *Approval) UnmarshalJSON(data []byte) error { return decodeValue(data, a) }

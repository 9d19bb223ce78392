package mastodon

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/favkit/favorites/driver"
)

// The entities that hold lists decode through wire types, as Status does
// (see statusWire): each wire field shadows the embedded type's field of
// the same name, so that every list is a denseList or a scalarList, and the
// decoded value's fields are set from them.

type (
	accountFields      Account
	previewCardFields  PreviewCard
	pollFields         Poll
	filterResultFields FilterResult
	filterFields       Filter
	approvalFields     Approval
)

// accountWire decodes an account, its moved account kept as bytes.
type accountWire struct {
	*accountFields
	Fields denseList[Field]       `json:"fields"`
	Emojis denseList[CustomEmoji] `json:"emojis"`
	Roles  denseList[AccountRole] `json:"roles"`
	Moved  driver.RawJSON         `json:"moved"`
}

// UnmarshalJSON decodes an account into a fresh value, and its moved
// account one level deep: Mastodon sends a moved account without its own
// moved (AccountDecorator in account_serializer.rb), so one found there is
// not decoded.
func (a *Account) UnmarshalJSON(data []byte) error {
	return a.decode(data, false)
}

func (a *Account) decode(data []byte, moved bool) error {
	*a = Account{}
	w := accountWire{accountFields: (*accountFields)(a)}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	a.Fields, a.Emojis, a.Roles = w.Fields, w.Emojis, w.Roles
	if w.Moved == nil || moved {
		return nil
	}
	a.Moved = new(Account)
	if err := a.Moved.decode(w.Moved, true); err != nil {
		return fmt.Errorf("moved: %w", err)
	}
	return nil
}

// previewCardWire decodes a card.
type previewCardWire struct {
	*previewCardFields
	Authors     denseList[PreviewCardAuthor] `json:"authors"`
	PublishedAt publishedAt                  `json:"published_at"`
}

// UnmarshalJSON decodes a card into a fresh value.
func (c *PreviewCard) UnmarshalJSON(data []byte) error {
	*c = PreviewCard{}
	w := previewCardWire{previewCardFields: (*previewCardFields)(c)}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	c.Authors, c.PublishedAt = w.Authors, w.PublishedAt.t
	return nil
}

// publishedAt reads a card's published_at: an RFC 3339 time, as Mastodon's
// PreviewCardSerializer writes its datetime column, or a string of Unix
// seconds, as the document's example shows it. null is nil.
type publishedAt struct{ t *time.Time }

// UnmarshalJSON reads either form; anything else is an error naming it.
func (p *publishedAt) UnmarshalJSON(data []byte) error {
	p.t = nil
	if string(data) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("published_at %s is not a string", describe(data))
	}
	if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
		t := time.Unix(sec, 0).UTC()
		p.t = &t
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("published_at %q is neither an RFC 3339 time nor Unix seconds", s)
	}
	p.t = &t
	return nil
}

// pollWire decodes a poll.
type pollWire struct {
	*pollFields
	Options  denseList[PollOption]  `json:"options"`
	Emojis   denseList[CustomEmoji] `json:"emojis"`
	OwnVotes scalarList[int]        `json:"own_votes"`
}

// UnmarshalJSON decodes a poll into a fresh value.
func (p *Poll) UnmarshalJSON(data []byte) error {
	*p = Poll{}
	w := pollWire{pollFields: (*pollFields)(p)}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	p.Options, p.Emojis, p.OwnVotes = w.Options, w.Emojis, w.OwnVotes
	return nil
}

// filterResultWire decodes a filter result.
type filterResultWire struct {
	*filterResultFields
	KeywordMatches scalarList[string] `json:"keyword_matches"`
	StatusMatches  scalarList[string] `json:"status_matches"`
}

// UnmarshalJSON decodes a filter result into a fresh value.
func (r *FilterResult) UnmarshalJSON(data []byte) error {
	*r = FilterResult{}
	w := filterResultWire{filterResultFields: (*filterResultFields)(r)}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	r.KeywordMatches, r.StatusMatches = w.KeywordMatches, w.StatusMatches
	return nil
}

// filterWire decodes a filter.
type filterWire struct {
	*filterFields
	Context  scalarList[string]       `json:"context"`
	Keywords denseList[FilterKeyword] `json:"keywords"`
	Statuses denseList[FilterStatus]  `json:"statuses"`
}

// UnmarshalJSON decodes a filter into a fresh value.
func (f *Filter) UnmarshalJSON(data []byte) error {
	*f = Filter{}
	w := filterWire{filterFields: (*filterFields)(f)}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	f.Context, f.Keywords, f.Statuses = w.Context, w.Keywords, w.Statuses
	return nil
}

// approvalWire decodes an approval.
type approvalWire struct {
	*approvalFields
	Automatic scalarList[string] `json:"automatic"`
	Manual    scalarList[string] `json:"manual"`
}

// UnmarshalJSON decodes an approval into a fresh value.
func (a *Approval) UnmarshalJSON(data []byte) error {
	*a = Approval{}
	w := approvalWire{approvalFields: (*approvalFields)(a)}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	a.Automatic, a.Manual = w.Automatic, w.Manual
	return nil
}

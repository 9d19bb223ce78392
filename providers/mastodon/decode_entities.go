package mastodon

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/favkit/favorites/internal/onepass"
)

// The readers of the entities a status holds (see wire.go): each reads an
// object member by member into the entity, its fields by the readers of
// their types, its lists by decodeList and its nested entities by theirs.

// UnmarshalJSON decodes an account into a fresh value, and its moved
// account one level deep: Mastodon sends a moved account without its own
// moved (AccountDecorator in account_serializer.rb), so one found there is
// not decoded.
func (a *Account) UnmarshalJSON(data []byte) error { return decodeValue(data, a) }

// account decodes an Account value.
func (d *decoder) account(a *Account) error {
	d.accounts++
	err := d.Object("an account", func(name []byte) (bool, error) { return d.accountField(a, name) })
	d.accounts--
	return err
}

func (d *decoder) accountField(a *Account, name []byte) (bool, error) {
	switch string(name) {
	case "id":
		return true, d.Str(&a.ID)
	case "username":
		return true, d.Str(&a.Username)
	case "acct":
		return true, d.Str(&a.Acct)
	case "display_name":
		return true, d.Str(&a.DisplayName)
	case "locked":
		return true, d.Bool(&a.Locked)
	case "bot":
		return true, d.Bool(&a.Bot)
	case "url":
		return true, d.Str(&a.URL)
	case "avatar":
		return true, d.Str(&a.Avatar)
	case "uri":
		return true, d.Str(&a.URI)
	case "note":
		return true, d.Str(&a.Note)
	case "avatar_static":
		return true, d.Str(&a.AvatarStatic)
	case "avatar_description":
		return true, d.Str(&a.AvatarDescription)
	case "header":
		return true, d.Str(&a.Header)
	case "header_static":
		return true, d.Str(&a.HeaderStatic)
	case "header_description":
		return true, d.Str(&a.HeaderDescription)
	case "group":
		return true, d.Bool(&a.Group)
	case "discoverable":
		return true, onepass.Ptr(&d.Reader, &a.Discoverable, &d.slabs.bools, d.Bool)
	case "indexable":
		return true, d.Bool(&a.Indexable)
	case "noindex":
		return true, onepass.Ptr(&d.Reader, &a.NoIndex, &d.slabs.bools, d.Bool)
	case "hide_collections":
		return true, onepass.Ptr(&d.Reader, &a.HideCollections, &d.slabs.bools, d.Bool)
	case "show_media":
		return true, d.Bool(&a.ShowMedia)
	case "show_media_replies":
		return true, d.Bool(&a.ShowMediaReplies)
	case "show_featured":
		return true, d.Bool(&a.ShowFeatured)
	case "memorial":
		return true, d.Bool(&a.Memorial)
	case "suspended":
		return true, d.Bool(&a.Suspended)
	case "limited":
		return true, d.Bool(&a.Limited)
	case "created_at":
		return true, d.Time(&a.CreatedAt)
	case "last_status_at":
		return true, onepass.Ptr(&d.Reader, &a.LastStatusAt, &d.slabs.dates, d.date)
	case "statuses_count":
		return true, d.Int(&a.StatusesCount)
	case "followers_count":
		return true, d.Int(&a.FollowersCount)
	case "following_count":
		return true, d.Int(&a.FollowingCount)
	case "fields":
		return true, decodeList(d, &a.Fields, &d.slabs.fields, fieldList, d.field)
	case "emojis":
		return true, decodeList(d, &a.Emojis, &d.slabs.emojis, emojiList, d.emoji)
	case "roles":
		return true, decodeList(d, &a.Roles, &d.slabs.roles, roleList, d.role)
	case "moved":
		return true, d.accountPtr(&a.Moved)
	case "feature_approval":
		return true, onepass.Ptr(&d.Reader, &a.FeatureApproval, &d.slabs.approvals, d.approval)
	}
	return false, nil
}

// accountPtr decodes an account's moved account and a card author's
// account, the only fields of type *Account. An account inside two
// accounts is a moved account's moved, which is left in Raw.
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

func (d *decoder) field(f *Field) error {
	return d.Object("a field", func(name []byte) (bool, error) {
		switch string(name) {
		case "name":
			return true, d.Str(&f.Name)
		case "value":
			return true, d.Str(&f.Value)
		case "verified_at":
			return true, onepass.Ptr(&d.Reader, &f.VerifiedAt, &d.slabs.times, d.Time)
		}
		return false, nil
	})
}

func (d *decoder) role(r *AccountRole) error {
	return d.Object("a role", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.Str(&r.ID)
		case "name":
			return true, d.Str(&r.Name)
		case "color":
			return true, d.Str(&r.Color)
		}
		return false, nil
	})
}

func (d *decoder) mediaAttachment(m *MediaAttachment) error {
	return d.Object("a media attachment", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.Str(&m.ID)
		case "type":
			return true, d.Str(&m.Type)
		case "url":
			return true, d.Str(&m.URL)
		case "preview_url":
			return true, d.Str(&m.PreviewURL)
		case "remote_url":
			return true, onepass.Ptr(&d.Reader, &m.RemoteURL, &d.slabs.strs, d.Str)
		case "preview_remote_url":
			return true, onepass.Ptr(&d.Reader, &m.PreviewRemoteURL, &d.slabs.strs, d.Str)
		case "meta":
			return true, onepass.Ptr(&d.Reader, &m.Meta, &d.slabs.metas, d.mediaMeta)
		case "description":
			return true, onepass.Ptr(&d.Reader, &m.Description, &d.slabs.strs, d.Str)
		case "blurhash":
			return true, onepass.Ptr(&d.Reader, &m.Blurhash, &d.slabs.strs, d.Str)
		}
		return false, nil
	})
}

func (d *decoder) mediaMeta(m *MediaMeta) error {
	return d.Object("media meta", func(name []byte) (bool, error) {
		switch string(name) {
		case "original":
			return true, onepass.Ptr(&d.Reader, &m.Original, &d.slabs.sizes, d.mediaSize)
		case "small":
			return true, onepass.Ptr(&d.Reader, &m.Small, &d.slabs.sizes, d.mediaSize)
		case "focus":
			return true, onepass.Ptr(&d.Reader, &m.Focus, &d.slabs.focuses, d.mediaFocus)
		case "length":
			return true, d.Str(&m.Length)
		case "duration":
			return true, d.Float(&m.Duration)
		case "fps":
			return true, d.Float(&m.FPS)
		case "size":
			return true, d.Str(&m.Size)
		case "width":
			return true, d.Int(&m.Width)
		case "height":
			return true, d.Int(&m.Height)
		case "aspect":
			return true, d.Float(&m.Aspect)
		case "audio_encode":
			return true, d.Str(&m.AudioEncode)
		case "audio_bitrate":
			return true, d.Str(&m.AudioBitrate)
		case "audio_channels":
			return true, d.Str(&m.AudioChannels)
		}
		return false, nil
	})
}

func (d *decoder) mediaSize(m *MediaSize) error {
	return d.Object("a media size", func(name []byte) (bool, error) {
		switch string(name) {
		case "width":
			return true, d.Int(&m.Width)
		case "height":
			return true, d.Int(&m.Height)
		case "size":
			return true, d.Str(&m.Size)
		case "aspect":
			return true, d.Float(&m.Aspect)
		case "frame_rate":
			return true, d.Str(&m.FrameRate)
		case "duration":
			return true, d.Float(&m.Duration)
		case "bitrate":
			return true, d.Int(&m.Bitrate)
		}
		return false, nil
	})
}

func (d *decoder) mediaFocus(m *MediaFocus) error {
	return d.Object("a media focus", func(name []byte) (bool, error) {
		switch string(name) {
		case "x":
			return true, d.Float(&m.X)
		case "y":
			return true, d.Float(&m.Y)
		}
		return false, nil
	})
}

func (d *decoder) mention(m *Mention) error {
	return d.Object("a mention", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.Str(&m.ID)
		case "username":
			return true, d.Str(&m.Username)
		case "acct":
			return true, d.Str(&m.Acct)
		case "url":
			return true, d.Str(&m.URL)
		}
		return false, nil
	})
}

func (d *decoder) tag(t *Tag) error {
	return d.Object("a tag", func(name []byte) (bool, error) {
		switch string(name) {
		case "name":
			return true, d.Str(&t.Name)
		case "url":
			return true, d.Str(&t.URL)
		}
		return false, nil
	})
}

func (d *decoder) emoji(e *CustomEmoji) error {
	return d.Object("an emoji", func(name []byte) (bool, error) {
		switch string(name) {
		case "shortcode":
			return true, d.Str(&e.Shortcode)
		case "url":
			return true, d.Str(&e.URL)
		case "static_url":
			return true, d.Str(&e.StaticURL)
		case "visible_in_picker":
			return true, d.Bool(&e.VisibleInPicker)
		case "category":
			return true, onepass.Ptr(&d.Reader, &e.Category, &d.slabs.strs, d.Str)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes a card into a fresh value.
func (c *PreviewCard) UnmarshalJSON(data []byte) error { return decodeValue(data, c) }

// card decodes a PreviewCard value.
func (d *decoder) card(c *PreviewCard) error {
	return d.Object("a card", func(name []byte) (bool, error) {
		switch string(name) {
		case "url":
			return true, d.Str(&c.URL)
		case "title":
			return true, d.Str(&c.Title)
		case "description":
			return true, d.Str(&c.Description)
		case "type":
			return true, d.Str(&c.Type)
		case "image":
			return true, onepass.Ptr(&d.Reader, &c.Image, &d.slabs.strs, d.Str)
		case "authors":
			return true, decodeList(d, &c.Authors, &d.slabs.authors, authorList, d.author)
		case "author_name":
			return true, d.Str(&c.AuthorName)
		case "author_url":
			return true, d.Str(&c.AuthorURL)
		case "provider_name":
			return true, d.Str(&c.ProviderName)
		case "provider_url":
			return true, d.Str(&c.ProviderURL)
		case "html":
			return true, d.Str(&c.HTML)
		case "width":
			return true, d.Int(&c.Width)
		case "height":
			return true, d.Int(&c.Height)
		case "embed_url":
			return true, d.Str(&c.EmbedURL)
		case "blurhash":
			return true, onepass.Ptr(&d.Reader, &c.Blurhash, &d.slabs.strs, d.Str)
		case "language":
			return true, onepass.Ptr(&d.Reader, &c.Language, &d.slabs.strs, d.Str)
		case "missing_attribution":
			return true, onepass.Ptr(&d.Reader, &c.MissingAttribution, &d.slabs.bools, d.Bool)
		case "published_at":
			return true, d.publishedAt(&c.PublishedAt)
		}
		return false, nil
	})
}

func (d *decoder) author(a *PreviewCardAuthor) error {
	return d.Object("a card author", func(name []byte) (bool, error) {
		switch string(name) {
		case "name":
			return true, d.Str(&a.Name)
		case "url":
			return true, d.Str(&a.URL)
		case "account":
			return true, d.accountPtr(&a.Account)
		}
		return false, nil
	})
}

// publishedAt reads a card's published_at: an RFC 3339 time, as Mastodon's
// PreviewCardSerializer writes its datetime column, or a string of Unix
// seconds, as the document's example shows it. null is nil; anything else
// is an error naming it.
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

func (d *decoder) poll(p *Poll) error {
	return d.Object("a poll", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.Str(&p.ID)
		case "expires_at":
			return true, onepass.Ptr(&d.Reader, &p.ExpiresAt, &d.slabs.times, d.Time)
		case "expired":
			return true, d.Bool(&p.Expired)
		case "multiple":
			return true, d.Bool(&p.Multiple)
		case "votes_count":
			return true, d.Int(&p.VotesCount)
		case "options":
			return true, decodeList(d, &p.Options, &d.slabs.options, optionList, d.pollOption)
		case "voters_count":
			return true, onepass.Ptr(&d.Reader, &p.VotersCount, &d.slabs.ints, d.Int)
		case "emojis":
			return true, decodeList(d, &p.Emojis, &d.slabs.emojis, emojiList, d.emoji)
		case "voted":
			return true, d.Bool(&p.Voted)
		case "own_votes":
			return true, decodeList(d, &p.OwnVotes, &d.slabs.ints, ownVoteList, d.Int)
		}
		return false, nil
	})
}

func (d *decoder) pollOption(o *PollOption) error {
	return d.Object("a poll option", func(name []byte) (bool, error) {
		switch string(name) {
		case "title":
			return true, d.Str(&o.Title)
		case "votes_count":
			return true, onepass.Ptr(&d.Reader, &o.VotesCount, &d.slabs.ints, d.Int)
		}
		return false, nil
	})
}

func (d *decoder) application(a *Application) error {
	return d.Object("an application", func(name []byte) (bool, error) {
		switch string(name) {
		case "name":
			return true, d.Str(&a.Name)
		case "website":
			return true, onepass.Ptr(&d.Reader, &a.Website, &d.slabs.strs, d.Str)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes a filter result into a fresh value.
func (r *FilterResult) UnmarshalJSON(data []byte) error { return decodeValue(data, r) }

func (d *decoder) filterResult(r *FilterResult) error {
	return d.Object("a filter result", func(name []byte) (bool, error) {
		switch string(name) {
		case "filter":
			return true, d.filter(&r.Filter)
		case "keyword_matches":
			return true, decodeList(d, &r.KeywordMatches, &d.slabs.strs, keywordMatchList, d.Str)
		case "status_matches":
			return true, decodeList(d, &r.StatusMatches, &d.slabs.strs, statusMatchList, d.Str)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes a filter into a fresh value.
func (f *Filter) UnmarshalJSON(data []byte) error { return decodeValue(data, f) }

func (d *decoder) filter(f *Filter) error {
	return d.Object("a filter", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.Str(&f.ID)
		case "title":
			return true, d.Str(&f.Title)
		case "context":
			return true, decodeList(d, &f.Context, &d.slabs.strs, contextList, d.Str)
		case "expires_at":
			return true, onepass.Ptr(&d.Reader, &f.ExpiresAt, &d.slabs.times, d.Time)
		case "filter_action":
			return true, d.Str(&f.FilterAction)
		case "keywords":
			return true, decodeList(d, &f.Keywords, &d.slabs.filterKeywords, filterKeywordList, d.filterKeyword)
		case "statuses":
			return true, decodeList(d, &f.Statuses, &d.slabs.filterStatuses, filterStatusList, d.filterStatus)
		}
		return false, nil
	})
}

func (d *decoder) filterKeyword(k *FilterKeyword) error {
	return d.Object("a filter keyword", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.Str(&k.ID)
		case "keyword":
			return true, d.Str(&k.Keyword)
		case "whole_word":
			return true, d.Bool(&k.WholeWord)
		}
		return false, nil
	})
}

func (d *decoder) filterStatus(s *FilterStatus) error {
	return d.Object("a filter status", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.Str(&s.ID)
		case "status_id":
			return true, d.Str(&s.StatusID)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes an approval into a fresh value.
func (a *Approval) UnmarshalJSON(data []byte) error { return decodeValue(data, a) }

func (d *decoder) approval(a *Approval) error {
	return d.Object("an approval", func(name []byte) (bool, error) {
		switch string(name) {
		case "automatic":
			return true, decodeList(d, &a.Automatic, &d.slabs.strs, automaticPolicyList, d.Str)
		case "manual":
			return true, decodeList(d, &a.Manual, &d.slabs.strs, manualPolicyList, d.Str)
		case "current_user":
			return true, d.Str(&a.CurrentUser)
		}
		return false, nil
	})
}

package mastodon

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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
	err := d.object("an account", func(name []byte) (bool, error) { return d.accountField(a, name) })
	d.accounts--
	return err
}

func (d *decoder) accountField(a *Account, name []byte) (bool, error) {
	switch string(name) {
	case "id":
		return true, d.str(&a.ID)
	case "username":
		return true, d.str(&a.Username)
	case "acct":
		return true, d.str(&a.Acct)
	case "display_name":
		return true, d.str(&a.DisplayName)
	case "locked":
		return true, d.boolean(&a.Locked)
	case "bot":
		return true, d.boolean(&a.Bot)
	case "url":
		return true, d.str(&a.URL)
	case "avatar":
		return true, d.str(&a.Avatar)
	case "uri":
		return true, d.str(&a.URI)
	case "note":
		return true, d.str(&a.Note)
	case "avatar_static":
		return true, d.str(&a.AvatarStatic)
	case "avatar_description":
		return true, d.str(&a.AvatarDescription)
	case "header":
		return true, d.str(&a.Header)
	case "header_static":
		return true, d.str(&a.HeaderStatic)
	case "header_description":
		return true, d.str(&a.HeaderDescription)
	case "group":
		return true, d.boolean(&a.Group)
	case "discoverable":
		return true, ptr(d, &a.Discoverable, &d.slabs.bools, d.boolean)
	case "indexable":
		return true, d.boolean(&a.Indexable)
	case "noindex":
		return true, ptr(d, &a.NoIndex, &d.slabs.bools, d.boolean)
	case "hide_collections":
		return true, ptr(d, &a.HideCollections, &d.slabs.bools, d.boolean)
	case "show_media":
		return true, d.boolean(&a.ShowMedia)
	case "show_media_replies":
		return true, d.boolean(&a.ShowMediaReplies)
	case "show_featured":
		return true, d.boolean(&a.ShowFeatured)
	case "memorial":
		return true, d.boolean(&a.Memorial)
	case "suspended":
		return true, d.boolean(&a.Suspended)
	case "limited":
		return true, d.boolean(&a.Limited)
	case "created_at":
		return true, d.timestamp(&a.CreatedAt)
	case "last_status_at":
		return true, ptr(d, &a.LastStatusAt, &d.slabs.dates, d.date)
	case "statuses_count":
		return true, d.integer(&a.StatusesCount)
	case "followers_count":
		return true, d.integer(&a.FollowersCount)
	case "following_count":
		return true, d.integer(&a.FollowingCount)
	case "fields":
		return true, decodeList(d, &a.Fields, &d.slabs.fields, fieldList, d.field)
	case "emojis":
		return true, decodeList(d, &a.Emojis, &d.slabs.emojis, emojiList, d.emoji)
	case "roles":
		return true, decodeList(d, &a.Roles, &d.slabs.roles, roleList, d.role)
	case "moved":
		return true, d.accountPtr(&a.Moved)
	case "feature_approval":
		return true, ptr(d, &a.FeatureApproval, &d.slabs.approvals, d.approval)
	}
	return false, nil
}

// accountPtr decodes an account's moved account and a card author's
// account, the only fields of type *Account. An account inside two
// accounts is a moved account's moved, which is left in Raw.
func (d *decoder) accountPtr(p **Account) error {
	if d.accounts >= 2 {
		*p = nil
		return d.dec.SkipValue()
	}
	if null, err := d.null(); null || err != nil {
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
	return d.object("a field", func(name []byte) (bool, error) {
		switch string(name) {
		case "name":
			return true, d.str(&f.Name)
		case "value":
			return true, d.str(&f.Value)
		case "verified_at":
			return true, ptr(d, &f.VerifiedAt, &d.slabs.times, d.timestamp)
		}
		return false, nil
	})
}

func (d *decoder) role(r *AccountRole) error {
	return d.object("a role", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.str(&r.ID)
		case "name":
			return true, d.str(&r.Name)
		case "color":
			return true, d.str(&r.Color)
		}
		return false, nil
	})
}

func (d *decoder) mediaAttachment(m *MediaAttachment) error {
	return d.object("a media attachment", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.str(&m.ID)
		case "type":
			return true, d.str(&m.Type)
		case "url":
			return true, d.str(&m.URL)
		case "preview_url":
			return true, d.str(&m.PreviewURL)
		case "remote_url":
			return true, ptr(d, &m.RemoteURL, &d.slabs.strs, d.str)
		case "preview_remote_url":
			return true, ptr(d, &m.PreviewRemoteURL, &d.slabs.strs, d.str)
		case "meta":
			return true, ptr(d, &m.Meta, &d.slabs.metas, d.mediaMeta)
		case "description":
			return true, ptr(d, &m.Description, &d.slabs.strs, d.str)
		case "blurhash":
			return true, ptr(d, &m.Blurhash, &d.slabs.strs, d.str)
		}
		return false, nil
	})
}

func (d *decoder) mediaMeta(m *MediaMeta) error {
	return d.object("media meta", func(name []byte) (bool, error) {
		switch string(name) {
		case "original":
			return true, ptr(d, &m.Original, &d.slabs.sizes, d.mediaSize)
		case "small":
			return true, ptr(d, &m.Small, &d.slabs.sizes, d.mediaSize)
		case "focus":
			return true, ptr(d, &m.Focus, &d.slabs.focuses, d.mediaFocus)
		case "length":
			return true, d.str(&m.Length)
		case "duration":
			return true, d.number(&m.Duration)
		case "fps":
			return true, d.number(&m.FPS)
		case "size":
			return true, d.str(&m.Size)
		case "width":
			return true, d.integer(&m.Width)
		case "height":
			return true, d.integer(&m.Height)
		case "aspect":
			return true, d.number(&m.Aspect)
		case "audio_encode":
			return true, d.str(&m.AudioEncode)
		case "audio_bitrate":
			return true, d.str(&m.AudioBitrate)
		case "audio_channels":
			return true, d.str(&m.AudioChannels)
		}
		return false, nil
	})
}

func (d *decoder) mediaSize(m *MediaSize) error {
	return d.object("a media size", func(name []byte) (bool, error) {
		switch string(name) {
		case "width":
			return true, d.integer(&m.Width)
		case "height":
			return true, d.integer(&m.Height)
		case "size":
			return true, d.str(&m.Size)
		case "aspect":
			return true, d.number(&m.Aspect)
		case "frame_rate":
			return true, d.str(&m.FrameRate)
		case "duration":
			return true, d.number(&m.Duration)
		case "bitrate":
			return true, d.integer(&m.Bitrate)
		}
		return false, nil
	})
}

func (d *decoder) mediaFocus(m *MediaFocus) error {
	return d.object("a media focus", func(name []byte) (bool, error) {
		switch string(name) {
		case "x":
			return true, d.number(&m.X)
		case "y":
			return true, d.number(&m.Y)
		}
		return false, nil
	})
}

func (d *decoder) mention(m *Mention) error {
	return d.object("a mention", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.str(&m.ID)
		case "username":
			return true, d.str(&m.Username)
		case "acct":
			return true, d.str(&m.Acct)
		case "url":
			return true, d.str(&m.URL)
		}
		return false, nil
	})
}

func (d *decoder) tag(t *Tag) error {
	return d.object("a tag", func(name []byte) (bool, error) {
		switch string(name) {
		case "name":
			return true, d.str(&t.Name)
		case "url":
			return true, d.str(&t.URL)
		}
		return false, nil
	})
}

func (d *decoder) emoji(e *CustomEmoji) error {
	return d.object("an emoji", func(name []byte) (bool, error) {
		switch string(name) {
		case "shortcode":
			return true, d.str(&e.Shortcode)
		case "url":
			return true, d.str(&e.URL)
		case "static_url":
			return true, d.str(&e.StaticURL)
		case "visible_in_picker":
			return true, d.boolean(&e.VisibleInPicker)
		case "category":
			return true, ptr(d, &e.Category, &d.slabs.strs, d.str)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes a card into a fresh value.
func (c *PreviewCard) UnmarshalJSON(data []byte) error { return decodeValue(data, c) }

// card decodes a PreviewCard value.
func (d *decoder) card(c *PreviewCard) error {
	return d.object("a card", func(name []byte) (bool, error) {
		switch string(name) {
		case "url":
			return true, d.str(&c.URL)
		case "title":
			return true, d.str(&c.Title)
		case "description":
			return true, d.str(&c.Description)
		case "type":
			return true, d.str(&c.Type)
		case "image":
			return true, ptr(d, &c.Image, &d.slabs.strs, d.str)
		case "authors":
			return true, decodeList(d, &c.Authors, &d.slabs.authors, authorList, d.author)
		case "author_name":
			return true, d.str(&c.AuthorName)
		case "author_url":
			return true, d.str(&c.AuthorURL)
		case "provider_name":
			return true, d.str(&c.ProviderName)
		case "provider_url":
			return true, d.str(&c.ProviderURL)
		case "html":
			return true, d.str(&c.HTML)
		case "width":
			return true, d.integer(&c.Width)
		case "height":
			return true, d.integer(&c.Height)
		case "embed_url":
			return true, d.str(&c.EmbedURL)
		case "blurhash":
			return true, ptr(d, &c.Blurhash, &d.slabs.strs, d.str)
		case "language":
			return true, ptr(d, &c.Language, &d.slabs.strs, d.str)
		case "missing_attribution":
			return true, ptr(d, &c.MissingAttribution, &d.slabs.bools, d.boolean)
		case "published_at":
			return true, d.publishedAt(&c.PublishedAt)
		}
		return false, nil
	})
}

func (d *decoder) author(a *PreviewCardAuthor) error {
	return d.object("a card author", func(name []byte) (bool, error) {
		switch string(name) {
		case "name":
			return true, d.str(&a.Name)
		case "url":
			return true, d.str(&a.URL)
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
	switch d.dec.PeekKind() {
	case 'n':
		*p = nil
		_, err := d.dec.ReadToken()
		return err
	case '"':
	default:
		v, err := d.dec.ReadValue()
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
	return d.object("a poll", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.str(&p.ID)
		case "expires_at":
			return true, ptr(d, &p.ExpiresAt, &d.slabs.times, d.timestamp)
		case "expired":
			return true, d.boolean(&p.Expired)
		case "multiple":
			return true, d.boolean(&p.Multiple)
		case "votes_count":
			return true, d.integer(&p.VotesCount)
		case "options":
			return true, decodeList(d, &p.Options, &d.slabs.options, optionList, d.pollOption)
		case "voters_count":
			return true, ptr(d, &p.VotersCount, &d.slabs.ints, d.integer)
		case "emojis":
			return true, decodeList(d, &p.Emojis, &d.slabs.emojis, emojiList, d.emoji)
		case "voted":
			return true, d.boolean(&p.Voted)
		case "own_votes":
			return true, decodeList(d, &p.OwnVotes, &d.slabs.ints, intList, d.integer)
		}
		return false, nil
	})
}

func (d *decoder) pollOption(o *PollOption) error {
	return d.object("a poll option", func(name []byte) (bool, error) {
		switch string(name) {
		case "title":
			return true, d.str(&o.Title)
		case "votes_count":
			return true, ptr(d, &o.VotesCount, &d.slabs.ints, d.integer)
		}
		return false, nil
	})
}

func (d *decoder) application(a *Application) error {
	return d.object("an application", func(name []byte) (bool, error) {
		switch string(name) {
		case "name":
			return true, d.str(&a.Name)
		case "website":
			return true, ptr(d, &a.Website, &d.slabs.strs, d.str)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes a filter result into a fresh value.
func (r *FilterResult) UnmarshalJSON(data []byte) error { return decodeValue(data, r) }

func (d *decoder) filterResult(r *FilterResult) error {
	return d.object("a filter result", func(name []byte) (bool, error) {
		switch string(name) {
		case "filter":
			return true, d.filter(&r.Filter)
		case "keyword_matches":
			return true, decodeList(d, &r.KeywordMatches, &d.slabs.strs, stringList, d.str)
		case "status_matches":
			return true, decodeList(d, &r.StatusMatches, &d.slabs.strs, stringList, d.str)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes a filter into a fresh value.
func (f *Filter) UnmarshalJSON(data []byte) error { return decodeValue(data, f) }

func (d *decoder) filter(f *Filter) error {
	return d.object("a filter", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.str(&f.ID)
		case "title":
			return true, d.str(&f.Title)
		case "context":
			return true, decodeList(d, &f.Context, &d.slabs.strs, stringList, d.str)
		case "expires_at":
			return true, ptr(d, &f.ExpiresAt, &d.slabs.times, d.timestamp)
		case "filter_action":
			return true, d.str(&f.FilterAction)
		case "keywords":
			return true, decodeList(d, &f.Keywords, &d.slabs.filterKeywords, filterKeywordList, d.filterKeyword)
		case "statuses":
			return true, decodeList(d, &f.Statuses, &d.slabs.filterStatuses, filterStatusList, d.filterStatus)
		}
		return false, nil
	})
}

func (d *decoder) filterKeyword(k *FilterKeyword) error {
	return d.object("a filter keyword", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.str(&k.ID)
		case "keyword":
			return true, d.str(&k.Keyword)
		case "whole_word":
			return true, d.boolean(&k.WholeWord)
		}
		return false, nil
	})
}

func (d *decoder) filterStatus(s *FilterStatus) error {
	return d.object("a filter status", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.str(&s.ID)
		case "status_id":
			return true, d.str(&s.StatusID)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes an approval into a fresh value.
func (a *Approval) UnmarshalJSON(data []byte) error { return decodeValue(data, a) }

func (d *decoder) approval(a *Approval) error {
	return d.object("an approval", func(name []byte) (bool, error) {
		switch string(name) {
		case "automatic":
			return true, decodeList(d, &a.Automatic, &d.slabs.strs, stringList, d.str)
		case "manual":
			return true, decodeList(d, &a.Manual, &d.slabs.strs, stringList, d.str)
		case "current_user":
			return true, d.str(&a.CurrentUser)
		}
		return false, nil
	})
}

package mastodontest

import (
	"cmp"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Time layouts of Mastodon's JSON: Rails writes a UTC time with
// milliseconds and "Z", a profile field's verified_at (a DateTime) with
// "+00:00", and last_status_at as a bare date.
const (
	timeLayout     = "2006-01-02T15:04:05.000Z"
	verifiedLayout = "2006-01-02T15:04:05.000+00:00"
	dateLayout     = "2006-01-02"
)

// emojiCode is the custom emoji every account's display name uses, so
// that account emojis are never an empty list a client could skip.
const emojiCode = "favkit"

// render builds st's JSON as viewer sees it; viewer "" is a caller without
// a token. Callers hold s.mu.
func (s *Server) render(st *status, viewer string) wireStatus {
	user, _, remote := s.split(st.Acct)
	uri, link := s.links(st)
	out := wireStatus{
		ID:               st.ID,
		CreatedAt:        st.CreatedAt.UTC().Format(timeLayout),
		Visibility:       cmp.Or(st.Visibility, "public"),
		Language:         ptr("en"),
		URI:              uri,
		URL:              &link,
		FavouritesCount:  s.favCount(st.ID),
		Content:          st.Content,
		Account:          s.renderAccount(st.Acct, viewer),
		MediaAttachments: s.renderMedia(st, remote),
		Mentions:         []wireMention{},
		Tags:             []wireTag{},
		Emojis:           []wireEmoji{},
		QuoteApproval:    quotePolicy(remote, viewer),
	}
	if !remote {
		// A local author shows the posting app unless they turned it off
		// (on by default); a remote status carries none.
		out.Application = &wireApplication{Name: "Web"}
	}
	if viewer != "" {
		fav, no := s.findFav(viewer, st.ID) != nil, false
		out.Favourited, out.Reblogged, out.Muted, out.Bookmarked = &fav, &no, &no, &no
		out.Filtered = &[]any{}
		if !remote && viewer == user {
			out.Pinned = &no // only its author could pin it
		}
	}
	return out
}

// links are st's uri and url: those it was seeded with, else on its
// author's server. Callers hold s.mu.
func (s *Server) links(st *status) (uri, link string) {
	user, domain, _ := s.split(st.Acct)
	origin := s.originOf(domain)
	uri, link = st.URI, st.URL
	if uri == "" {
		uri = origin + "/users/" + user + "/statuses/" + url.PathEscape(st.ID)
	}
	if link == "" {
		link = origin + "/@" + user + "/" + url.PathEscape(st.ID)
	}
	return uri, link
}

// quotePolicy is a status's quote_approval: a local status keeps the
// default "anyone may quote" policy, a remote one that stated none allows
// nothing; a caller without a token is always denied.
func quotePolicy(remote bool, viewer string) wirePolicy {
	p := wirePolicy{Automatic: []string{"public"}, Manual: []string{}, CurrentUser: "automatic"}
	if remote {
		p.Automatic, p.CurrentUser = []string{}, "denied"
	}
	if viewer == "" {
		p.CurrentUser = "denied"
	}
	return p
}

// renderAccount builds acct's account JSON. Local and remote accounts
// differ as on Mastodon: noindex and roles only for local ones, nulls
// where a remote server never said. Callers hold s.mu.
func (s *Server) renderAccount(acct, viewer string) wireAccount {
	user, domain, remote := s.split(acct)
	id := s.accountID(acct)
	media := s.origin + "/system/"
	if remote {
		media += "cache/"
	}
	avatar := media + "accounts/avatars/" + id + "/original/avatar.png"
	header := s.origin + "/headers/original/missing.png"
	origin := s.originOf(domain)
	a := wireAccount{
		ID: id, Username: user, Acct: acct,
		DisplayName: displayName(user),
		CreatedAt:   joined(acct).Format(timeLayout),
		Note:        "<p>Favourites, mostly.</p>",
		URL:         origin + "/@" + user,
		URI:         origin + "/users/" + user,
		Avatar:      avatar, AvatarStatic: avatar, Header: header, HeaderStatic: header,
		FollowersCount: int(hash32(acct) % 500), FollowingCount: int(hash32(acct) % 300),
		ShowMedia: true, ShowMediaReplies: true, ShowFeatured: true,
		Emojis:          []wireEmoji{s.emoji()},
		Fields:          s.fields(user, domain),
		FeatureApproval: featurePolicy(remote, viewer),
	}
	if n, last := s.authored(acct); n > 0 {
		a.StatusesCount, a.LastStatusAt = n, ptr(last.UTC().Format(dateLayout))
	}
	if !remote {
		a.Discoverable, a.Indexable, a.HideCollections = ptr(true), true, ptr(false)
		a.Noindex, a.Roles = ptr(false), &[]wireRole{}
	}
	return a
}

// displayName is user capitalised, with the custom emoji after it.
func displayName(user string) string {
	if user == "" {
		return ":" + emojiCode + ":"
	}
	return strings.ToUpper(user[:1]) + user[1:] + " :" + emojiCode + ":"
}

// featurePolicy is an account's feature_approval: a local, discoverable
// account may be featured by anyone signed in; a remote one that stated no
// policy is "missing".
func featurePolicy(remote bool, viewer string) wirePolicy {
	p := wirePolicy{Automatic: []string{"public"}, Manual: []string{}, CurrentUser: "automatic"}
	if remote {
		p.Automatic, p.CurrentUser = []string{}, "missing"
	}
	if viewer == "" {
		p.CurrentUser = "denied"
	}
	return p
}

// fields are an account's profile fields: a verified link and a plain
// one, so a client meets verified_at both set and null.
func (s *Server) fields(user, domain string) []wireField {
	site := user + ".example"
	return []wireField{
		{
			Name: "Website",
			Value: `<a href="https://` + site + `" target="_blank" rel="nofollow noopener me" translate="no">` +
				`<span class="invisible">https://</span><span class="">` + site + `</span><span class="invisible"></span></a>`,
			VerifiedAt: ptr(joined(user + "@" + domain).Add(36 * time.Hour).Format(verifiedLayout)),
		},
		{Name: "Pronouns", Value: "they/them"},
	}
}

func (s *Server) emoji() wireEmoji {
	base := s.origin + "/system/custom_emojis/images/000/000/001/"
	return wireEmoji{Shortcode: emojiCode, URL: base + "original/" + emojiCode + ".png",
		StaticURL: base + "static/" + emojiCode + ".png", VisibleInPicker: true}
}

// renderMedia gives one image attachment per preview URL. Callers hold
// s.mu.
func (s *Server) renderMedia(st *status, remote bool) []wireMedia {
	out := make([]wireMedia, 0, len(st.MediaPreviewURLs))
	for i, p := range st.MediaPreviewURLs {
		m := wireMedia{
			ID: st.ID + "-" + strconv.Itoa(i), Type: "image", URL: p, PreviewURL: p,
			Meta: &wireMediaMeta{
				Original: wireSize{Width: 1200, Height: 800, Size: "1200x800", Aspect: 1.5},
				Small:    wireSize{Width: 588, Height: 392, Size: "588x392", Aspect: 1.5},
			},
			Blurhash: ptr("UFE.ld~q%M%M00of%Mt7?bofWBWB"),
		}
		if remote {
			m.RemoteURL = ptr(p) // where the origin server keeps it
		} else {
			m.TextURL = ptr(s.origin + "/media/" + url.PathEscape(m.ID))
		}
		out = append(out, m)
	}
	return out
}

// split cuts acct into user and domain, the fake's own host for a local
// account, and reports whether it is remote.
func (s *Server) split(acct string) (user, domain string, remote bool) {
	user, domain, remote = strings.Cut(acct, "@")
	if !remote {
		domain = s.host
	}
	return user, domain, remote
}

// joined is the day acct's account was made, a stable one between 2017
// and 2022: Mastodon sends created_at cut to midnight.
func joined(acct string) time.Time {
	return time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(hash32(acct)%2000))
}

func ptr[T any](v T) *T { return &v }

package playplay

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/internal/text"
)

// markPrefix begins every mark: the provider, then the version of the
// form, so that a mark of another provider, or of a later form, is told
// from the text alone.
const markPrefix = "playplay.mark.v1."

// markAnchors is how many media a mark keeps: the newest favourites when
// it was made. One would do while it stays a favourite; keeping five means
// the mark survives up to four of them being removed between two runs.
const markAnchors = 5

// maxMarkLen bounds a mark's text: the prefix, the account tag and a dot, then markAnchors refs of a source (at most
// driver.MaxIDLength bytes, 3 characters a byte at worst once escaped), a
// colon, a raw media ID (19 digits at most) and a slash.
const maxMarkLen = len(markPrefix) + driver.AccountTagLen + 1 + markAnchors*(3*driver.MaxIDLength+1+19+1)

// mark is where an incremental listing goes on (see [Client.FavoritesSince]).
// Its text is "playplay.mark.v1.HOST.REFS": HOST driver.AccountTag of the
// client's base URL and token (another deployment's or token's marks are
// refused, and neither is spelled out), REFS the canonical refs of the
// anchors, newest first, joined by "/", which no source or raw media ID
// holds ([driver.CheckID] refuses it). An empty REFS is a mark of an empty
// list. The listing's path is "me", so the token is what names the
// account: a new token of the same account is another account to a mark.
type mark struct {
	host    string
	anchors []MediaRef // newest first; none when the list was empty
}

func (m mark) String() string {
	refs := make([]string, len(m.anchors))
	for i, a := range m.anchors {
		refs[i] = a.Ref().String()
	}
	return markPrefix + m.host + "." + strings.Join(refs, "/")
}

// newMark is the mark of a list whose first page holds items: up to
// markAnchors of its newest media.
func newMark(host string, items []*Media) mark {
	m := mark{host: host}
	for _, it := range items {
		if len(m.anchors) == markAnchors {
			break
		}
		if r := it.Ref(); !slices.Contains(m.anchors, r) {
			m.anchors = append(m.anchors, r)
		}
	}
	return m
}

// markHost is the HOST part of the marks of c: driver.AccountTag of its
// base URL and token.
func (c *Client) markHost() string { return c.account }

// parseMark reads a mark written by mark.String for a client whose
// markHost is host. Whatever it refuses matches both
// [favorites.ErrStaleMark] (the caller's cue to list in full) and
// [favorites.ErrInvalidArgument] (nothing was sent), and says why.
func parseMark(s, host string) (mark, error) {
	if len(s) > maxMarkLen {
		return mark{}, markError(s, fmt.Sprintf("it is %d bytes, more than any mark (%d)", len(s), maxMarkLen))
	}
	rest, ok := strings.CutPrefix(s, markPrefix)
	if !ok {
		why := "it is not a PlayPlay mark (another provider's, or a cursor?)"
		if strings.HasPrefix(s, "playplay.mark.") {
			why = "it is a mark of another version than v1"
		}
		return mark{}, markError(s, why)
	}
	h, refs, ok := strings.Cut(rest, ".")
	if !ok || !driver.IsAccountTag(h) {
		return mark{}, markError(s, "it has no account tag of "+strconv.Itoa(driver.AccountTagLen)+" characters after "+markPrefix)
	}
	if h != host {
		return mark{}, markError(s, "it was made with another base URL or token")
	}
	m := mark{host: h}
	if refs == "" {
		return m, nil
	}
	for r := range strings.SplitSeq(refs, "/") {
		if len(m.anchors) == markAnchors {
			return mark{}, markError(s, fmt.Sprintf("it holds more than %d media", markAnchors))
		}
		a, err := parseAnchor(r)
		if err == nil && slices.Contains(m.anchors, a) {
			err = fmt.Errorf("%s is there twice", r)
		}
		if err != nil {
			return mark{}, markError(s, err.Error())
		}
		m.anchors = append(m.anchors, a)
	}
	return m, nil
}

// parseAnchor reads one canonical ref of a mark.
func parseAnchor(s string) (MediaRef, error) {
	ref, err := favorites.ParseRef(s)
	if err != nil {
		return MediaRef{}, err
	}
	a, err := SplitRef(ref)
	if err != nil || a.Ref().String() != s {
		return MediaRef{}, fmt.Errorf("%s is not a canonical ref source:raw_media_id", text.QuoteShort(s))
	}
	return a, nil
}

func markError(s, why string) error {
	return fmt.Errorf("%s: %w: %w: mark %s: %s", ProviderName, favorites.ErrStaleMark, favorites.ErrInvalidArgument,
		text.QuoteShort(s), why)
}

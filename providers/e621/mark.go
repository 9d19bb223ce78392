package e621

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// A mark (see [Client.FavoritesSince]) is text of the form
//
//	e621.m1.<account>.a<id>-<id>-...   the newest favourites at the mark, newest first
//	e621.m1.<account>.e                the list was empty at the mark
//
// for example "e621.m1.q2Xo0b1Ui5E.a1181-1180-1179". <account> is
// driver.AccountTag of the site's host and the login, both lower-cased (e621 matches user names without case): it tells a mark of
// another account or site from this one's without writing the login in
// it, and the API key is never part of it. The IDs are the anchors: e621
// has no min_id, so a run finds where the last one stopped by finding
// them again in the list.
const (
	markPrefix  = "e621.m1."
	markAnchors = 8   // anchors a mark keeps: the fewer, the sooner removals make it stale
	maxMarkLen  = 256 // longer text is no mark this package wrote (8 anchors of 19 digits fit in 190)
)

// mark is a parsed mark.
type mark struct {
	account string  // accountTag of the client that wrote it
	anchors []int64 // the newest favourites when it was written, newest first; none: the list was empty
}

// String formats m.
func (m mark) String() string {
	if len(m.anchors) == 0 {
		return markPrefix + m.account + ".e"
	}
	ids := make([]string, len(m.anchors))
	for i, id := range m.anchors {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return markPrefix + m.account + ".a" + strings.Join(ids, "-")
}

// newMark is the mark of a list whose first posts are posts.
func newMark(account string, posts []*Post) mark {
	m := mark{account: account}
	for _, p := range posts[:min(len(posts), markAnchors)] {
		m.anchors = append(m.anchors, p.ID)
	}
	return m
}

// accountTag names c's account on c's site in a mark (see markPrefix).
func (c *Client) accountTag() string {
	return driver.AccountTag(ProviderName, strings.ToLower(c.c.BaseURL().Host), strings.ToLower(c.login))
}

// parseMark reads text, a mark c wrote. Every refusal matches
// favorites.ErrStaleMark; text that no version of this package writes also
// matches favorites.ErrInvalidArgument.
func (c *Client) parseMark(text string) (mark, error) {
	if len(text) > maxMarkLen {
		return mark{}, badMark(text, fmt.Sprintf("is %d bytes, more than a mark's %d", len(text), maxMarkLen))
	}
	rest, ok := strings.CutPrefix(text, markPrefix)
	if !ok {
		return mark{}, foreignMark(text)
	}
	m, ok := scanMark(rest)
	if !ok {
		return mark{}, badMark(text, "is not an e621 mark ("+markPrefix+"<account>.a<ids> or "+markPrefix+"<account>.e)")
	}
	if m.account != c.accountTag() {
		return mark{}, fmt.Errorf("%s: %w: the mark was saved for another account or site than %s on %s; start again from \"\"",
			ProviderName, favorites.ErrStaleMark, c.login, c.c.BaseURL().Host)
	}
	return m, nil
}

// scanMark parses what follows markPrefix, refusing anything String would
// not write (a sign, a leading zero, a repeated or surplus anchor).
func scanMark(rest string) (mark, bool) {
	account, ids, ok := strings.Cut(rest, ".")
	if !ok || !driver.IsAccountTag(account) {
		return mark{}, false
	}
	m := mark{account: account}
	if ids != "e" {
		list, ok := strings.CutPrefix(ids, "a")
		if !ok {
			return mark{}, false
		}
		for s := range strings.SplitSeq(list, "-") {
			id, err := driver.NumericID("anchor", s)
			if err != nil || len(m.anchors) == markAnchors || slices.Contains(m.anchors, id) {
				return mark{}, false
			}
			m.anchors = append(m.anchors, id)
		}
	}
	return m, m.String() == markPrefix+rest
}

// foreignMark refuses text that does not start as an e621 mark: another
// provider's mark or another version's is stale; anything else is also
// not a mark at all.
func foreignMark(text string) error {
	switch provider, rest, _ := strings.Cut(text, "."); {
	case provider == ProviderName && strings.HasPrefix(rest, "v"):
		return badMark(text, "is a listing cursor (ListOptions.Cursor), not a mark")
	case provider == ProviderName && strings.HasPrefix(rest, "m"):
		return fmt.Errorf("%s: %w: mark %.80q is of a version this package does not read (it writes %s...)",
			ProviderName, favorites.ErrStaleMark, text, markPrefix)
	case provider != "" && rest != "" && strings.Trim(provider, "abcdefghijklmnopqrstuvwxyz0123456789") == "":
		return fmt.Errorf("%s: %w: mark %.80q is another provider's (%q), not e621's",
			ProviderName, favorites.ErrStaleMark, text, provider)
	}
	return badMark(text, "is not an e621 mark ("+markPrefix+"...)")
}

func badMark(text, why string) error {
	return fmt.Errorf("%s: %w: %w: mark %.80q %s", ProviderName, favorites.ErrStaleMark, favorites.ErrInvalidArgument, text, why)
}

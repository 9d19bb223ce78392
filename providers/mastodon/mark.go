package mastodon

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// A mark, which [Client.FavouritesSince] and [Adapter.Changes] take and
// give, is text of the form
//
//	mastodon.v1.i<account>.m<favourite ID>   for example mastodon.v1.iq2Xo0b1Ui5E.m104233
//	mastodon.v1.i<account>.e                 the list was empty when marked
//
// The favourite ID is the newest favourite the last run saw, as the
// server's own rel="prev" link names it (its min_id): an internal ID that
// no status carries, taken from the link and never built from a status.
// The tag after "i" is driver.AccountTag of the client's base URL and its
// token: favourite IDs are one sequence per
// instance and the list is one account's, so a mark is refused on another
// instance or with another token (favorites.ErrStaleMark) before anything
// is sent. The client cannot tell whose a token is without a request, so a
// new token of the same account is refused too: start again from "". A
// mark holds no credential (a digest this short gives none back) and is at
// most [maxMarkLen] bytes.
const markPrefix = "mastodon.v1.i"

const (
	maxMarkID  = 64 // bytes of a favourite ID: Mastodon's are decimal, other servers' ULIDs or flake IDs
	maxMarkLen = len(markPrefix) + driver.AccountTagLen + len(".m") + maxMarkID
)

// mark is where the next incremental run starts: above the favourite minID
// on the instance, or at the bottom when minID is "" (the list was empty).
type mark struct {
	instance string
	minID    string
}

// String formats m.
func (m mark) String() string {
	if m.minID == "" {
		return markPrefix + m.instance + ".e"
	}
	return markPrefix + m.instance + ".m" + m.minID
}

// accountTag names the client's instance and account in a mark: the
// driver's AccountTag of its base URL (scheme, host without a default port,
// path, lowercased where URLs are case-blind, so that two spellings of one
// instance give one tag) and its token.
func accountTag(base *url.URL, token string) string {
	return driver.AccountTag(ProviderName, instanceOf(base), token)
}

// instanceOf is the instance base names, one text for every spelling of
// it: scheme and host in lower case, a default port dropped, the path
// without a final slash.
func instanceOf(base *url.URL) string {
	scheme := strings.ToLower(base.Scheme)
	host := strings.ToLower(base.Hostname())
	if p := base.Port(); p != "" && !(scheme == "https" && p == "443") && !(scheme == "http" && p == "80") {
		host += ":" + p
	}
	return scheme + "://" + host + strings.TrimRight(base.EscapedPath(), "/")
}

// parseMark reads a non-empty mark for the instance tagged instance. Text
// that is not a mark this package writes is refused with ErrStaleMark and
// ErrInvalidArgument; a mark of another instance with ErrStaleMark alone,
// since it is well formed but not this list's.
func parseMark(text, instance string) (mark, error) {
	m, ok := scanMark(text)
	if !ok {
		return mark{}, fmt.Errorf("%s: %w: %w: %.80q is not a Mastodon mark (%s<instance>.m<favourite ID>, as Changes gives)",
			ProviderName, favorites.ErrStaleMark, favorites.ErrInvalidArgument, text, markPrefix)
	}
	if m.instance != instance {
		return mark{}, fmt.Errorf("%s: %w: the mark was made on another instance or account, or with another token (tag %s, this client's is %s); start again from the empty mark",
			ProviderName, favorites.ErrStaleMark, m.instance, instance)
	}
	return m, nil
}

// scanMark parses the text form, refusing anything String would not write.
func scanMark(text string) (mark, bool) {
	if len(text) > maxMarkLen {
		return mark{}, false
	}
	rest, ok := strings.CutPrefix(text, markPrefix)
	if !ok {
		return mark{}, false
	}
	instance, field, ok := strings.Cut(rest, ".")
	if !ok || !driver.IsAccountTag(instance) {
		return mark{}, false
	}
	m := mark{instance: instance}
	switch {
	case field == "e":
	case strings.HasPrefix(field, "m") && validFavouriteID(field[1:]):
		m.minID = field[1:]
	default:
		return mark{}, false
	}
	return m, true
}

// validFavouriteID reports whether id can be a favourite ID in a mark: 1
// to maxMarkID letters, digits, '_' or '-', which covers Mastodon's
// decimal IDs and the ULIDs and flake IDs of other servers, and keeps a
// mark free of the separator '.' and of anything a query would escape.
func validFavouriteID(id string) bool {
	if id == "" || len(id) > maxMarkID {
		return false
	}
	for _, r := range id {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

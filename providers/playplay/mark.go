package playplay

import (
	"strings"

	"github.com/favkit/favorites/driver"
)

// A mark (see [Client.FavoritesSince]) is text of the form
//
//	playplay.mark.v2.<account>.a<ref>-<ref>...   the newest favourites at the mark, newest first
//	playplay.mark.v2.<account>.e                 the list was empty at the mark
//
// <account> is driver.AccountTag of the client's base URL and token
// (another deployment's or token's marks are refused, and neither is
// spelled out), and the refs are canonical ones, escaped where they hold a
// '-' or a '.'. The listing's path is "me", so the token is what names the
// account: a new token of the same account is another account to a mark.
// Earlier versions wrote "playplay.mark.v1.<account>.<ref>/<ref>...",
// which is still read.
const (
	markPrefix   = "playplay.mark.v2."
	markPrefixV1 = "playplay.mark.v1."
)

// markAnchors is how many media a mark keeps: the newest favourites when
// it was made. One would do while it stays a favourite; keeping five means
// the mark survives up to four of them being removed between two runs.
const markAnchors = 5

// marks are the marks of c's favourites.
func (c *Client) marks() *driver.AnchorMark[*Media, MediaRef] {
	return &driver.AnchorMark[*Media, MediaRef]{
		List:     c.favoritesList(),
		Prefix:   markPrefix,
		Account:  c.account,
		Whose:    "base URL or token",
		Keep:     markAnchors,
		MaxPages: MaxChangesPages,
		OldMark:  readMarkV1,
	}
}

// readMarkV1 cuts a mark of the v1 form into its account tag and refs, "/"
// between them (no canonical ref holds one: driver.CheckID refuses it).
func readMarkV1(text string) (account string, refs []string, ok bool) {
	rest, ok := strings.CutPrefix(text, markPrefixV1)
	account, list, dot := strings.Cut(rest, ".")
	if !dot {
		return "", nil, ok // no account tag
	}
	if list != "" {
		refs = strings.Split(list, "/")
	}
	return account, refs, ok
}

package e621

import (
	"strings"

	"github.com/favkit/favorites/driver"
)

// A mark (see [Client.FavoritesSince]) is text of the form
//
//	e621.m1.<account>.a<id>-<id>-...   the newest favourites at the mark, newest first
//	e621.m1.<account>.e                the list was empty at the mark
//
// for example "e621.m1.q2Xo0b1Ui5E.a1181-1180-1179". <account> is
// driver.AccountTag of the site's host and the login, both lower-cased
// (e621 matches user names without case): it tells a mark of another
// account or site from this one's without writing the login in it, and
// the API key is never part of it. The IDs are the anchors: e621 has no
// min_id, so a run finds where the last one stopped by finding them again
// in the list (driver.AnchorMark).
const (
	markPrefix  = "e621.m1."
	markAnchors = 8 // anchors a mark keeps: the fewer, the sooner removals make it stale
)

// marks are the marks of c's own favourites.
func (c *Client) marks() *driver.AnchorMark[*Post, int64] {
	return &driver.AnchorMark[*Post, int64]{
		List:    c.favoritesList(0),
		Prefix:  markPrefix,
		Account: c.accountTag(),
		Whose:   "site or login than " + c.login + " on " + c.c.BaseURL().Host,
		Keep:    markAnchors,
	}
}

// accountTag names c's account on c's site in a mark (see markPrefix).
func (c *Client) accountTag() string {
	return driver.AccountTag(ProviderName, strings.ToLower(c.c.BaseURL().Host), strings.ToLower(c.login))
}

package mastodon_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/mastodon"
)

const fuzzHost = "mastodon.example"

// fuzzClient is a client on fuzzHost whose every request gets w's reply.
func fuzzClient(t *testing.T, w *drivertest.Wire) *mastodon.Client {
	c, err := mastodon.New("https://"+fuzzHost, mockToken, w.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzFavouritesDecode feeds a fuzzed status, Link header and body to the
// portable listing, through the client users run. It reads up to three
// pages: an error is a typed one, each favourite has a Ref that survives
// ParseRef, and no request ever leaves the instance, whatever the Link says.
func FuzzFavouritesDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, status uint16, link string, body []byte) {
		code := drivertest.FuzzStatus(status)
		w := &drivertest.Wire{Status: code, Body: body, Header: http.Header{
			"Content-Type": {"application/json; charset=utf-8"}, "Link": {link}}}
		c := fuzzClient(t, w)
		favs, err := drivertest.ReadPages(t.Context(), mastodon.NewAdapter(c).List(nil), 3)
		drivertest.CheckListing(t, mastodon.ProviderName, code, favs, err,
			favorites.ErrMalformedReply, favorites.ErrPaginationLoop, favorites.ErrCrossHostURL, favorites.ErrInvalidArgument)
		for _, r := range w.Sent() {
			if r.URL.Scheme != "https" || r.URL.Host != fuzzHost {
				t.Errorf("request to %s, off the instance", r.URL)
			}
		}
	})
}

// cursorOnInstance reports whether a saved cursor is a link to the
// favourites listing on fuzzHost: relative to the instance, or absolute and
// naming it exactly.
func cursorOnInstance(cursor string) bool {
	u, err := url.Parse(cursor)
	if err != nil {
		return false
	}
	if u.IsAbs() || u.Host != "" {
		if u.Scheme != "https" || u.Host != fuzzHost || u.User != nil {
			return false
		}
	}
	return "/"+strings.TrimPrefix(u.EscapedPath(), "/") == "/api/v1/favourites"
}

// cursorLimitOK reports whether a cursor's query parses and, when limit is
// 0 (the cursor's own page size then), its limit is absent or 1 to MaxLimit.
func cursorLimitOK(cursor string, limit int) bool {
	u, err := url.Parse(cursor)
	if err != nil {
		return false
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return false
	}
	v, ok := q["limit"]
	if limit != 0 || !ok {
		return true
	}
	n, err := strconv.Atoi(v[len(v)-1])
	return err == nil && n >= 1 && n <= mastodon.MaxLimit
}

// FuzzListOptions fuzzes the typed ListOptions and the portable ones the
// adapter maps onto them. A limit outside 0 to MaxLimit, or a cursor off
// the instance or with a query this client never sends, is refused with
// nothing sent; otherwise the one request is
// on the instance, and a first page asks for exactly limit=N.
func FuzzListOptions(f *testing.F) {
	f.Fuzz(func(t *testing.T, limit int, cursor string) {
		valid := limit >= 0 && limit <= mastodon.MaxLimit && (cursor == "" || cursorOnInstance(cursor) && cursorLimitOK(cursor, limit))
		want := url.Values{"limit": {strconv.Itoa(limit)}}
		if limit == 0 {
			want["limit"] = []string{strconv.Itoa(mastodon.MaxLimit)}
		}
		for _, portable := range []bool{false, true} {
			w := &drivertest.Wire{Status: http.StatusOK, Body: []byte("[]")}
			c := fuzzClient(t, w)
			var err error
			if portable {
				_, err = mastodon.NewAdapter(c).List(&favorites.ListOptions{PageSize: limit, Cursor: cursor}).NextPage(t.Context())
			} else {
				_, err = c.Favourites(&mastodon.ListOptions{Limit: limit, Cursor: cursor}).NextPage(t.Context())
			}
			sent := w.Sent()
			switch {
			case !valid:
				w.CheckRefused(t, err)
			case err != nil || len(sent) != 1:
				t.Fatalf("valid options (portable %v): %v after %d requests", portable, err, len(sent))
			case cursor == "":
				drivertest.CheckQuery(t, sent[0], fuzzHost, "/api/v1/favourites", want)
			case sent[0].URL.Host != fuzzHost:
				t.Errorf("cursor %q sent to %s", cursor, sent[0].URL)
			}
		}
	})
}

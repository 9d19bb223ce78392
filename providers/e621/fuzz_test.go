package e621_test

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/e621"
)

const fuzzHost = "e621.net"

// fuzzClient is a client on e621.net whose every request gets w's reply.
func fuzzClient(t *testing.T, w *drivertest.Wire) *e621.Client {
	c, err := e621.New(testLogin, testKey, w.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzFavoritesDecode feeds a fuzzed status, Content-Type and body to the
// portable listing (pages of two, so a full page asks for the next), and
// checks e621's own error kinds on top of the typed-error rule.
func FuzzFavoritesDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, status uint16, contentType string, body []byte) {
		code := drivertest.FuzzStatus(status)
		w := &drivertest.Wire{Status: code, Body: body, Header: http.Header{"Content-Type": {contentType}}}
		a := e621.NewAdapter(fuzzClient(t, w))
		favs, err := drivertest.ReadPages(t.Context(), a.List(&favorites.ListOptions{PageSize: 2}), 3)
		drivertest.CheckListing(t, e621.ProviderName, code, favs, err, favorites.ErrMalformedReply)
		kinds := map[int]error{
			http.StatusServiceUnavailable: favorites.ErrRateLimited,
			http.StatusLocked:             e621.ErrTransferring,
		}
		if want, ok := kinds[code]; ok && !errors.Is(err, want) {
			t.Errorf("a reply of %d gave %v, want %v", code, err, want)
		}
	})
}

// FuzzFavoritesOptions fuzzes FavoritesOptions and the portable options the
// adapter reads. Out-of-range values are refused with nothing sent; valid
// ones send exactly user_id (when set), page and limit, read back from the
// URL that went out.
func FuzzFavoritesOptions(f *testing.F) {
	f.Fuzz(func(t *testing.T, userID int64, limit, page int, cursor string) {
		valid := userID >= 0 && limit >= 0 && limit <= e621.MaxLimit && page >= 0 && page <= e621.MaxPage
		w := &drivertest.Wire{Status: http.StatusOK, Body: []byte(`{"posts":[]}`)}
		_, err := fuzzClient(t, w).Favorites(&e621.FavoritesOptions{UserID: userID, Limit: limit, Page: page}).NextPage(t.Context())
		checkPageQuery(t, w, err, valid, userID, limit, max(page, 1))
		if cursor != "" {
			checkTypedCursor(t, userID, limit, page, cursor)
		}

		// The adapter's cursor is its own text ("" is page 1): a cursor
		// it accepts sends page and limit in range, and the cursor's
		// page size, never another.
		w = &drivertest.Wire{Status: http.StatusOK, Body: []byte(`{"posts":[]}`)}
		_, err = e621.NewAdapter(fuzzClient(t, w)).List(&favorites.ListOptions{PageSize: limit, Cursor: cursor}).NextPage(t.Context())
		if cursor == "" || limit < 0 || limit > e621.MaxLimit {
			checkPageQuery(t, w, err, limit >= 0 && limit <= e621.MaxLimit, 0, limit, 1)
			return
		}
		checkCursorQueries(t, w, err, limit)
	})
}

// checkTypedCursor lists with FavoritesOptions.Cursor, which reads the
// adapter's cursors: with a page as well, or options out of range, it is
// refused with nothing sent; otherwise it sends what the adapter would.
func checkTypedCursor(t *testing.T, userID int64, limit, page int, cursor string) {
	t.Helper()
	w := &drivertest.Wire{Status: http.StatusOK, Body: []byte(`{"posts":[]}`)}
	opts := &e621.FavoritesOptions{UserID: userID, Limit: limit, Page: page, Cursor: cursor}
	_, err := fuzzClient(t, w).Favorites(opts).NextPage(t.Context())
	if userID < 0 || page != 0 || limit < 0 || limit > e621.MaxLimit {
		w.CheckRefused(t, err)
		return
	}
	checkCursorQueries(t, w, err, limit)
}

// checkCursorQueries asserts a refusal that sent nothing, or requests with
// pages in range and page sizes of one walk: at most the one asked for
// when it was not 0, and none under half the largest (see Favorites).
func checkCursorQueries(t *testing.T, w *drivertest.Wire, err error, limit int) {
	t.Helper()
	sent := w.Sent()
	if errors.Is(err, favorites.ErrInvalidArgument) && len(sent) == 0 {
		return
	}
	if err != nil || len(sent) == 0 || len(sent) > 3 {
		t.Fatalf("an accepted cursor: %v after %d requests", err, len(sent))
	}
	largest := 0
	for _, r := range sent {
		largest = max(largest, atoi(r.URL.Query().Get("limit")))
	}
	for _, r := range sent {
		q := r.URL.Query()
		l, lerr := strconv.Atoi(q.Get("limit"))
		p, perr := strconv.Atoi(q.Get("page"))
		if lerr != nil || perr != nil || l < max(largest/2, 1) || l > e621.MaxLimit || (limit != 0 && l > limit) ||
			p < 1 || p > e621.MaxPage {
			t.Errorf("an accepted cursor sent %s, want page 1 to %d and a limit from half the largest to %d (unless 0)",
				r.URL, e621.MaxPage, limit)
		}
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// checkPageQuery asserts a refusal, or the one request a valid listing sent.
func checkPageQuery(t *testing.T, w *drivertest.Wire, err error, valid bool, userID int64, limit, page int) {
	t.Helper()
	if !valid {
		w.CheckRefused(t, err)
		return
	}
	sent := w.Sent()
	if err != nil || len(sent) != 1 {
		t.Fatalf("valid options: %v after %d requests", err, len(sent))
	}
	if limit == 0 {
		limit = e621.MaxLimit
	}
	want := url.Values{"page": {strconv.Itoa(page)}, "limit": {strconv.Itoa(limit)}}
	if userID > 0 {
		want.Set("user_id", strconv.FormatInt(userID, 10))
	}
	drivertest.CheckQuery(t, sent[0], fuzzHost, "/favorites.json", want)
}

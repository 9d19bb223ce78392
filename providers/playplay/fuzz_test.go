package playplay_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/playplay"
)

const fuzzHost = "playplay.example"

// fuzzClient is a client on fuzzHost whose every request gets w's reply.
func fuzzClient(t *testing.T, w *drivertest.Wire) *playplay.Client {
	c, err := playplay.New("https://"+fuzzHost, mockToken, w.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzFavoritesDecode feeds a fuzzed status and body to the portable
// listing and reads up to three pages: every page gets the same body, so a
// next_page that is not the end must be caught as a loop.
func FuzzFavoritesDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, status uint16, body []byte) {
		code := drivertest.FuzzStatus(status)
		w := &drivertest.Wire{Status: code, Body: body, Header: http.Header{"Content-Type": {"application/json"}}}
		favs, err := drivertest.ReadPages(t.Context(), playplay.NewAdapter(fuzzClient(t, w)).List(nil), 3)
		drivertest.CheckListing(t, playplay.ProviderName, code, favs, err,
			favorites.ErrMalformedReply, favorites.ErrPaginationLoop)
	})
}

// FuzzRequestOptions fuzzes the page cursor, RemoveParams (sent in the
// query) and AddParams (sent as JSON). Invalid values are refused with
// nothing sent; valid ones arrive each in its own parameter or field.
func FuzzRequestOptions(f *testing.F) {
	f.Fuzz(func(t *testing.T, cursor string, rawID int64, stockID, source string) {
		checkCursor(t, cursor)
		checkRemove(t, playplay.RemoveParams{RawMediaID: rawID, StockID: stockID, Source: source})
		checkAdd(t, playplay.AddParams{RawMediaID: rawID, StockID: stockID, Source: source})
	})
}

// checkCursor asserts that a cursor is taken only in a form the client
// writes or an earlier version wrote, and that a listing resumed from one
// asks first for the page that held the last media given, by number.
func checkCursor(t *testing.T, cursor string) {
	t.Helper()
	empty := `{"results":[{"results":[],"next_page":null,"nb_results":0}],"nb_results":1}`
	w := &drivertest.Wire{Status: http.StatusOK, Body: []byte(empty)}
	_, err := playplay.NewAdapter(fuzzClient(t, w)).List(&favorites.ListOptions{Cursor: cursor}).NextPage(t.Context())
	oldPage, old := playplay.OldCursorPage(cursor)
	if err != nil {
		w.CheckRefused(t, err)
		if old && oldPage < 1<<20 {
			t.Errorf("cursor %q of the earlier form refused: %v", cursor, err)
		}
		return
	}
	page := 1
	var size, offset int
	switch _, serr := fmt.Sscanf(cursor, "playplay.v2.l%d.o%d.", &size, &offset); {
	case old:
		page = oldPage
	case serr == nil && strings.Contains(cursor, ".a"):
		page = (offset-1)/size + 1
	case serr == nil:
		page = offset/size + 1
	case cursor != "":
		t.Fatalf("cursor %q, which no version writes, was taken", cursor)
	}
	var want url.Values // the first page has no page parameter
	if page > 1 {
		want = url.Values{"page": {strconv.Itoa(page)}}
	}
	drivertest.CheckQuery(t, w.Sent()[0], fuzzHost, "/api/v2/users/me/favorites", want)
}

// checkRemove asserts the documented rule of delete: raw_media_id alone,
// or stock_id with source, each an ID that cannot change the query.
func checkRemove(t *testing.T, p playplay.RemoveParams) {
	t.Helper()
	byStock := p.RawMediaID == 0 && driver.CheckID("stock", p.StockID) == nil && driver.CheckID("source", p.Source) == nil
	byRaw := p.RawMediaID > 0 && p.StockID == "" && p.Source == ""
	w := &drivertest.Wire{Status: http.StatusNoContent}
	_, err := fuzzClient(t, w).RemoveFavorite(t.Context(), p)
	if !byStock && !byRaw {
		w.CheckRefused(t, err)
		return
	}
	sent := w.Sent()
	if err != nil || len(sent) != 1 {
		t.Fatalf("valid %+v: %v after %d requests", p, err, len(sent))
	}
	want := url.Values{"raw_media_id": {strconv.FormatInt(p.RawMediaID, 10)}}
	if byStock {
		want = url.Values{"stock_id": {p.StockID}, "source": {p.Source}}
	}
	drivertest.CheckQuery(t, sent[0], fuzzHost, "/api/v2/users/me/favorites", want)
}

// checkAdd asserts that a valid AddParams is sent as the same three JSON
// fields and an invalid one is refused.
func checkAdd(t *testing.T, p playplay.AddParams) {
	t.Helper()
	valid := p.RawMediaID > 0 && driver.CheckID("source", p.Source) == nil &&
		(p.StockID == "" || driver.CheckID("stock", p.StockID) == nil)
	w := &drivertest.Wire{Status: http.StatusOK, Body: []byte(`{"results":[]}`)}
	_, _, err := fuzzClient(t, w).AddFavorite(t.Context(), p)
	if !valid {
		w.CheckRefused(t, err)
		return
	}
	sent := w.Sent()
	if err != nil || len(sent) != 1 {
		t.Fatalf("valid %+v: %v after %d requests", p, err, len(sent))
	}
	drivertest.CheckQuery(t, sent[0], fuzzHost, "/api/v2/user/me/favorites", nil)
	data, _ := io.ReadAll(sent[0].Body)
	var back playplay.AddParams
	if err := json.Unmarshal(data, &back); err != nil || back != p {
		t.Errorf("sent body %s reads back as %+v, %v; want %+v", data, back, err, p)
	}
}

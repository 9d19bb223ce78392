package dch_test

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/dch"
)

const fuzzHost = "api.digitalconcerthall.com"

// fuzzClient is a client on the public API whose every request gets w's
// reply.
func fuzzClient(t *testing.T, w *drivertest.Wire) *dch.Client {
	c, err := dch.New(mockToken, w.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzFavouritesDecode feeds a fuzzed status and body to the portable
// listing, and the same reply to an add, whose answer is the same list.
func FuzzFavouritesDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, status uint16, body []byte) {
		code := drivertest.FuzzStatus(status)
		w := &drivertest.Wire{Status: code, Body: body, Header: http.Header{"Content-Type": {"application/json"}}}
		a := dch.NewAdapter(fuzzClient(t, w))
		favs, err := drivertest.ReadPages(t.Context(), a.List(nil), 2)
		drivertest.CheckListing(t, dch.ProviderName, code, favs, err, favorites.ErrMalformedReply)
		// A 2xx means the write happened, whatever its body holds: the
		// portable Add is nil then, and an APIError otherwise.
		err = a.Add(t.Context(), favorites.Ref{ID: "51409-3"})
		if code < 300 && err != nil {
			t.Errorf("Add answered %d: %v, want nil", code, err)
		}
		// A 3xx that is no redirect is no success: its body is read as
		// the answer, and one that is not a list, or a list without the
		// item, says so.
		drivertest.CheckListing(t, dch.ProviderName, code, nil, err, favorites.ErrMalformedReply, dch.ErrNotApplied)
	})
}

// FuzzRequestOptions fuzzes the portable options, which DCH takes only in
// their zero form (it lists in one page), and the item ID of an add and a
// remove, sent as a form. Invalid values are refused with nothing sent; a
// valid ID arrives as the one id field, next to the action.
func FuzzRequestOptions(f *testing.F) {
	f.Fuzz(func(t *testing.T, pageSize int, cursor, id string) {
		w := &drivertest.Wire{Status: http.StatusOK, Body: []byte(`{"_links":{"favourites":[]}}`)}
		_, err := dch.NewAdapter(fuzzClient(t, w)).List(&favorites.ListOptions{PageSize: pageSize, Cursor: cursor}).NextPage(t.Context())
		if pageSize < 0 || cursor != "" {
			w.CheckRefused(t, err)
		} else if sent := w.Sent(); err != nil || len(sent) != 1 {
			t.Fatalf("valid options: %v after %d requests", err, len(sent))
		} else {
			drivertest.CheckQuery(t, sent[0], fuzzHost, "/v2/user/favourites", nil)
		}
		for action, call := range map[string]func(*dch.Client) error{
			"add":    func(c *dch.Client) error { _, _, err := c.AddFavourite(t.Context(), id); return err },
			"delete": func(c *dch.Client) error { _, _, err := c.RemoveFavourite(t.Context(), id); return err },
		} {
			w := &drivertest.Wire{Status: http.StatusOK, Body: []byte(`{"_links":{"favourites":[]}}`)}
			err := call(fuzzClient(t, w))
			if errors.Is(err, dch.ErrNotApplied) {
				err = nil // an add answered by an empty list: the request is what is checked here
			}
			if driver.CheckID("id", id) != nil {
				w.CheckRefused(t, err)
				continue
			}
			sent := w.Sent()
			if err != nil || len(sent) != 1 {
				t.Fatalf("%s %q: %v after %d requests", action, id, err, len(sent))
			}
			drivertest.CheckQuery(t, sent[0], fuzzHost, "/v2/user/favourites", nil)
			data, _ := io.ReadAll(sent[0].Body)
			form, perr := url.ParseQuery(string(data))
			if want := (url.Values{"action": {action}, "id": {id}}); perr != nil || !reflect.DeepEqual(form, want) {
				t.Errorf("%s %q sent the form %q, want %v", action, id, data, want)
			}
		}
	})
}

package waifuim_test

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/waifuim"
)

const fuzzHost = "api.waifu.im"

// fuzzClient is a client on the public API whose every request gets w's
// reply.
func fuzzClient(t *testing.T, w *drivertest.Wire) *waifuim.Client {
	c, err := waifuim.New(testToken, w.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzFavoritesDecode feeds a fuzzed status and body to the portable
// listing. Beyond the typed-error rule: a 409 is ErrAlreadyFavorited, and a
// 404 read as "nothing matches" lists nothing.
func FuzzFavoritesDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, status uint16, body []byte) {
		code := drivertest.FuzzStatus(status)
		w := &drivertest.Wire{Status: code, Body: body, Header: http.Header{"Content-Type": {"application/json"}}}
		favs, err := drivertest.ReadPages(t.Context(), waifuim.NewAdapter(fuzzClient(t, w)).List(nil), 2)
		drivertest.CheckListing(t, waifuim.ProviderName, code, favs, err, favorites.ErrMalformedReply)
		if code == http.StatusConflict && !errors.Is(err, favorites.ErrAlreadyFavorited) {
			t.Errorf("a 409 gave %v, want ErrAlreadyFavorited", err)
		}
		if code == http.StatusNotFound && err == nil && len(favs) > 0 {
			t.Errorf("a 404 listed %d favourites", len(favs))
		}
	})
}

// fuzzQuery builds a FavoritesQuery from fuzzed parts: names split on
// newlines go to the four lists in turn, and bits of flags set the
// optional booleans and the height filter.
func fuzzQuery(names, nsfw, orderBy, orientation, op string, value int64, flags uint8, userID int64) *waifuim.FavoritesQuery {
	q := &waifuim.FavoritesQuery{NSFW: waifuim.NSFW(nsfw), OrderBy: waifuim.OrderBy(orderBy),
		Orientation: waifuim.Orientation(orientation), UserID: userID,
		Width: &waifuim.Comparison{Op: waifuim.Operator(op), Value: value}}
	if names != "" {
		lists := []*[]string{&q.IncludedTags, &q.ExcludedTags, &q.IncludedFiles, &q.ExcludedFiles}
		for i, n := range strings.Split(names, "\n") {
			*lists[i%4] = append(*lists[i%4], n)
		}
	}
	bit := func(i uint) bool { return flags&(1<<i) != 0 }
	if bit(0) {
		q.GIF = waifuim.Bool(bit(1))
	}
	if bit(2) {
		q.Many = waifuim.Bool(bit(3))
	}
	if bit(4) {
		q.Full = waifuim.Bool(true)
	}
	if bit(5) {
		q.Height = waifuim.AtMost(value / 2)
	}
	return q
}

// wantQuery is the query q stands for, one parameter per set field.
func wantQuery(q *waifuim.FavoritesQuery) url.Values {
	v := url.Values{}
	add := func(key string, vals ...string) {
		for _, s := range vals {
			if s != "" {
				v.Add(key, s)
			}
		}
	}
	add("included_tags", q.IncludedTags...)
	add("excluded_tags", q.ExcludedTags...)
	add("included_files", q.IncludedFiles...)
	add("excluded_files", q.ExcludedFiles...)
	add("is_nsfw", string(q.NSFW))
	add("order_by", string(q.OrderBy))
	add("orientation", string(q.Orientation))
	add("width", q.Width.String())
	for key, b := range map[string]*bool{"gif": q.GIF, "many": q.Many, "full": q.Full} {
		if b != nil {
			add(key, strconv.FormatBool(*b))
		}
	}
	if q.Height != nil {
		add("height", q.Height.String())
	}
	if q.UserID != 0 {
		add("user_id", strconv.FormatInt(q.UserID, 10))
	}
	return v
}

// FuzzFavoritesQuery fuzzes every filter of FavoritesQuery. A query
// Validate refuses is refused by Favorites with nothing sent; any other is
// sent with each value in its own parameter, read back from the URL that
// went out. Validate must refuse every name the service cannot match.
func FuzzFavoritesQuery(f *testing.F) {
	f.Fuzz(func(t *testing.T, names, nsfw, orderBy, orientation, op string, value int64, flags uint8, userID int64) {
		q := fuzzQuery(names, nsfw, orderBy, orientation, op, value, flags, userID)
		w := &drivertest.Wire{Status: http.StatusNotFound, Body: []byte(`{"detail":"No image found matching the criteria given."}`)}
		_, _, err := onePage(t.Context(), fuzzClient(t, w), q)
		if verr := q.Validate(); verr != nil {
			w.CheckRefused(t, err)
			return
		}
		for _, n := range strings.Split(names, "\n") {
			if names != "" && (n == "" || strings.TrimSpace(n) != n) {
				t.Errorf("Validate passed the name %q", n)
			}
		}
		sent := w.Sent()
		if err != nil || len(sent) != 1 {
			t.Fatalf("valid query %+v: %v after %d requests", q, err, len(sent))
		}
		drivertest.CheckQuery(t, sent[0], fuzzHost, "/fav", wantQuery(q))
	})
}

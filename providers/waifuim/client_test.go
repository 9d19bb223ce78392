package waifuim_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
)

const favURL = "https://api.waifu.im/fav"

func TestFavoritesQueryEncoding(t *testing.T) {
	full := &waifuim.FavoritesQuery{
		IncludedTags:  []string{"waifu", "maid"},
		ExcludedTags:  []string{"ero"},
		IncludedFiles: []string{"7622", "85d7aa55941c7087"},
		ExcludedFiles: []string{"8008"},
		NSFW:          waifuim.NSFWEither,
		GIF:           waifuim.Bool(false),
		OrderBy:       waifuim.OrderFavorites,
		Orientation:   waifuim.OrientationPortrait,
		Width:         waifuim.AtLeast(1000),
		Height:        &waifuim.Comparison{Op: waifuim.OpLess, Value: 3000},
		ByteSize:      &waifuim.Comparison{Op: waifuim.OpNotEqual, Value: 0},
		Many:          waifuim.Bool(true),
		Full:          waifuim.Bool(true),
		UserID:        42,
	}
	tests := []struct {
		name  string
		q     *waifuim.FavoritesQuery
		query string
	}{
		{"nil", nil, ""},
		{"zero", &waifuim.FavoritesQuery{}, ""},
		{"nsfw false is sent", &waifuim.FavoritesQuery{NSFW: waifuim.NSFWFalse, Height: waifuim.Exactly(0)},
			"height=%3D0&is_nsfw=false"},
		{"every filter", full, "byte_size=%21%3D0&excluded_files=8008&excluded_tags=ero&full=true&gif=false" +
			"&height=%3C3000&included_files=7622&included_files=85d7aa55941c7087&included_tags=waifu" +
			"&included_tags=maid&is_nsfw=null&many=true&order_by=FAVORITES&orientation=PORTRAIT" +
			"&user_id=42&width=%3E%3D1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt, rec := mockClient(t)
			mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, testdata(t, "fav.json")))
			images, resp, err := onePage(t.Context(), c, tt.q)
			if err != nil || len(images) != 1 || images[0].ImageID != 7622 || resp.StatusCode != 200 {
				t.Fatalf("Favorites = %v, %v", images, err)
			}
			calls := rec.sent()
			if len(calls) != 1 {
				t.Fatalf("%d requests, want 1", len(calls))
			}
			checkSent(t, calls[0], http.MethodGet, "/fav", tt.query, "")
		})
	}
}

func TestFavoritesEmptyIsNotAnError(t *testing.T) {
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodGet, favURL,
		rec.reply(404, `{"detail":"No image found matching the criteria given."}`))
	images, _, err := onePage(t.Context(), c, &waifuim.FavoritesQuery{IncludedTags: []string{"maid"}})
	if err != nil || images == nil || len(images) != 0 {
		t.Fatalf("Favorites on the no-match 404 = %#v, %v; want an empty list", images, err)
	}
	if n := len(rec.sent()); n != 1 {
		t.Errorf("%d requests, want 1 (a 404 is not retried)", n)
	}

	// Any other 404 (a wrong base URL, say) stays an error.
	c, mt, rec = mockClient(t)
	mt.RegisterResponder(http.MethodGet, favURL, rec.reply(404, testdata(t, "error_404.json")))
	if _, _, err := onePage(t.Context(), c, nil); !errors.Is(err, favorites.ErrNotFound) {
		t.Fatalf("Favorites on a plain 404 = %v, want ErrNotFound", err)
	}
}

func TestFavoritesRefusesBadFilters(t *testing.T) {
	bad := map[string]waifuim.FavoritesQuery{
		"nsfw":           {NSFW: "maybe"},
		"order":          {OrderBy: "NEWEST"},
		"orientation":    {Orientation: "SQUARE"},
		"operator":       {Width: &waifuim.Comparison{Op: "=>", Value: 10}},
		"empty operator": {Height: &waifuim.Comparison{Value: 10}},
		"negative size":  {ByteSize: waifuim.AtLeast(-1)},
		"empty tag":      {IncludedTags: []string{""}},
		"spaced tag":     {ExcludedTags: []string{" maid"}},
		"control file":   {IncludedFiles: []string{"76\n22"}},
		"bad utf-8 file": {ExcludedFiles: []string{"\xff"}},
		"negative user":  {UserID: -3},
	}
	for name, q := range bad {
		t.Run(name, func(t *testing.T) {
			c, _, rec := mockClient(t)
			if _, _, err := onePage(t.Context(), c, &q); !errors.Is(err, favorites.ErrInvalidArgument) {
				t.Errorf("Favorites(%+v) = %v, want ErrInvalidArgument", q, err)
			}
			if n := len(rec.sent()); n != 0 {
				t.Errorf("a refused filter sent %d requests", n)
			}
		})
	}
	// The service reads order and orientation case-insensitively.
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, testdata(t, "fav.json")))
	if _, _, err := onePage(t.Context(), c, &waifuim.FavoritesQuery{OrderBy: "liked_at", Orientation: "landscape"}); err != nil {
		t.Errorf("lower-case values: %v", err)
	}
}

func TestEditRequests(t *testing.T) {
	type call func(*waifuim.Client, context.Context, waifuim.Edit) (waifuim.State, *favorites.Response, error)
	tests := []struct {
		name, path, reply string
		call              call
		edit              waifuim.Edit
		body              string
		want              waifuim.State
	}{
		{"insert", "/fav/insert", "insert.json", (*waifuim.Client).Insert, waifuim.Edit{ImageID: 8008},
			`{"image_id":8008}`, waifuim.StateInserted},
		{"insert for a user", "/fav/insert", "insert.json", (*waifuim.Client).Insert,
			waifuim.Edit{ImageID: 8008, UserID: 7}, `{"image_id":8008,"user_id":7}`, waifuim.StateInserted},
		{"delete", "/fav/delete", "delete.json", (*waifuim.Client).Delete, waifuim.Edit{ImageID: 8008},
			`{"image_id":8008}`, waifuim.StateDeleted},
		{"toggle", "/fav/toggle", "delete.json", (*waifuim.Client).Toggle, waifuim.Edit{ImageID: 8008, UserID: 7},
			`{"image_id":8008,"user_id":7}`, waifuim.StateDeleted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt, rec := mockClient(t)
			mt.RegisterResponder(http.MethodPost, "https://api.waifu.im"+tt.path, rec.reply(200, testdata(t, tt.reply)))
			state, _, err := tt.call(c, t.Context(), tt.edit)
			if err != nil || state != tt.want {
				t.Fatalf("= %q, %v; want %q", state, err, tt.want)
			}
			calls := rec.sent()
			if len(calls) != 1 {
				t.Fatalf("%d requests, want 1", len(calls))
			}
			checkSent(t, calls[0], http.MethodPost, tt.path, "", tt.body)
		})
	}
}

func TestEditRefusesBadInput(t *testing.T) {
	for _, e := range []waifuim.Edit{{}, {ImageID: -5}, {ImageID: 1, UserID: -1}} {
		c, _, rec := mockClient(t)
		for name, call := range map[string]func() error{
			"Insert": func() error { _, _, err := c.Insert(t.Context(), e); return err },
			"Delete": func() error { _, _, err := c.Delete(t.Context(), e); return err },
			"Toggle": func() error { _, _, err := c.Toggle(t.Context(), e); return err },
		} {
			if err := call(); !errors.Is(err, favorites.ErrInvalidArgument) {
				t.Errorf("%s(%+v) = %v, want ErrInvalidArgument", name, e, err)
			}
		}
		if n := len(rec.sent()); n != 0 {
			t.Errorf("bad edits sent %d requests", n)
		}
	}
}

func TestEditRejectsUnknownState(t *testing.T) {
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodPost, "https://api.waifu.im/fav/insert", rec.reply(200, `{"state":"MAYBE"}`))
	if _, _, err := c.Insert(t.Context(), waifuim.Edit{ImageID: 1}); !errors.Is(err, favorites.ErrMalformedReply) {
		t.Errorf("Insert answered with an unknown state: %v, want ErrMalformedReply", err)
	}
}

func TestDeleteFallsBackToDeleteOn405(t *testing.T) {
	url := "https://api.waifu.im/fav/delete"
	t.Run("document server", func(t *testing.T) {
		c, mt, rec := mockClient(t)
		mt.RegisterResponder(http.MethodPost, url, rec.reply(405, `{"detail":"Method Not Allowed"}`))
		mt.RegisterResponder(http.MethodDelete, url, rec.reply(200, testdata(t, "delete.json")))
		state, _, err := c.Delete(t.Context(), waifuim.Edit{ImageID: 8008})
		if err != nil || state != waifuim.StateDeleted {
			t.Fatalf("Delete = %q, %v", state, err)
		}
		calls := rec.sent()
		if len(calls) != 2 {
			t.Fatalf("%d requests, want POST then DELETE", len(calls))
		}
		checkSent(t, calls[0], http.MethodPost, "/fav/delete", "", `{"image_id":8008}`)
		checkSent(t, calls[1], http.MethodDelete, "/fav/delete", "", `{"image_id":8008}`)
	})
	t.Run("both refused", func(t *testing.T) {
		c, mt, rec := mockClient(t)
		mt.RegisterResponder(http.MethodPost, url, rec.reply(405, `{"detail":"Method Not Allowed"}`))
		mt.RegisterResponder(http.MethodDelete, url, rec.reply(405, `{"detail":"Method Not Allowed"}`))
		if _, _, err := c.Delete(t.Context(), waifuim.Edit{ImageID: 8008}); !errors.Is(err, favorites.ErrMethodNotAllowed) {
			t.Fatalf("Delete = %v, want ErrMethodNotAllowed", err)
		}
		if n := len(rec.sent()); n != 2 {
			t.Errorf("%d requests, want exactly one fallback", n)
		}
	})
	t.Run("other errors do not fall back", func(t *testing.T) {
		c, mt, rec := mockClient(t)
		mt.RegisterResponder(http.MethodPost, url, rec.reply(404, testdata(t, "error_404.json")))
		if _, _, err := c.Delete(t.Context(), waifuim.Edit{ImageID: 8008}); !errors.Is(err, favorites.ErrNotFound) {
			t.Fatalf("Delete = %v, want ErrNotFound", err)
		}
		if n := len(rec.sent()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
	})
}

func TestErrors(t *testing.T) {
	tests := []struct {
		status int
		file   string
		kinds  []error
		msg    string
	}{
		{400, "error_400.json", []error{favorites.ErrBadRequest}, "Bad Request"},
		{401, "error_401.json", []error{favorites.ErrUnauthorized}, "Unauthorized"},
		{403, "error_403.json", []error{favorites.ErrForbidden}, "Forbidden"},
		{404, "error_404.json", []error{favorites.ErrNotFound}, "Not Found"},
		{409, "error_409.json", []error{favorites.ErrConflict, favorites.ErrAlreadyFavorited},
			"The image you provided is already in the user favorites, consider using /fav/toggle instead."},
		{429, "", []error{favorites.ErrRateLimited}, "Too many requests"},
		{500, "error_500.json", []error{favorites.ErrServer}, "Internal Server Error"},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			c, mt, rec := mockClient(t, favorites.WithRetryPolicy(favorites.RetryPolicy{}))
			body := `{"detail":"Too many requests"}`
			if tt.file != "" {
				body = testdata(t, tt.file)
			}
			mt.RegisterResponder(http.MethodPost, "https://api.waifu.im/fav/insert",
				rec.reply(tt.status, body, "Retry-After", "7"))
			_, _, err := c.Insert(t.Context(), waifuim.Edit{ImageID: 8008})
			var apiErr *favorites.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("Insert = %v, want an *APIError", err)
			}
			for _, k := range tt.kinds {
				if !errors.Is(err, k) {
					t.Errorf("error %v does not match %v", err, k)
				}
			}
			if tt.status != 409 && errors.Is(err, favorites.ErrAlreadyFavorited) {
				t.Errorf("a %d matches ErrAlreadyFavorited", tt.status)
			}
			if apiErr.Message != tt.msg || apiErr.StatusCode != tt.status || apiErr.Provider != "waifuim" ||
				apiErr.RetryAfter != 7*time.Second {
				t.Errorf("APIError = %+v", apiErr)
			}
		})
	}
}

func TestAPIVersionIsSettable(t *testing.T) {
	c, mt, rec := mockClient(t, waifuim.WithAPIVersion("v6"))
	mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, testdata(t, "fav.json")))
	if _, _, err := onePage(t.Context(), c, nil); err != nil {
		t.Fatal(err)
	}
	if v := rec.sent()[0].Header.Values("Accept-Version"); !slices.Equal(v, []string{"v6"}) {
		t.Errorf("Accept-Version %q, want just v6", v)
	}
}

func TestDefaults(t *testing.T) {
	// The API says favorites.Limiter; the value is still x/time/rate's,
	// set to the service's pace.
	l, ok := waifuim.DefaultRateLimiter().(*rate.Limiter)
	if !ok || l.Limit() != 5 || l.Burst() != 1 {
		t.Fatalf("default limiter %#v, want a *rate.Limiter of 5/s burst 1", waifuim.DefaultRateLimiter())
	}
	if a, b := waifuim.DefaultRateLimiter(), waifuim.DefaultRateLimiter(); a == b {
		t.Error("DefaultRateLimiter returned one limiter twice; clients would share a budget")
	}
	c, err := waifuim.New("tok")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.HTTP().BaseURL().String(); got != waifuim.DefaultBaseURL || c.HTTP().Provider() != waifuim.ProviderName {
		t.Errorf("base URL %q provider %q", got, c.HTTP().Provider())
	}
	if _, err := waifuim.New(""); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("New with no token: %v, want ErrInvalidArgument", err)
	}
}

func TestListIsOnePage(t *testing.T) {
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, testdata(t, "fav.json")))
	a := waifuim.NewAdapter(c)
	p := a.List(&favorites.ListOptions{PageSize: 5})
	page, err := p.NextPage(t.Context())
	if err != nil || len(page.Items) != 1 || page.Items[0].Ref.ID != "7622" || !p.Done() {
		t.Fatalf("first page = %+v, %v; done %v", page.Items, err, p.Done())
	}
	checkSent(t, rec.sent()[0], http.MethodGet, "/fav", "", "")
	for name, opts := range map[string]*favorites.ListOptions{
		"negative page size": {PageSize: -1},
		"a cursor":           {Cursor: "2"},
	} {
		if _, err := a.List(opts).NextPage(t.Context()); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("List with %s: %v, want ErrInvalidArgument", name, err)
		}
	}
	if n := len(rec.sent()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// Favorites sends nothing until its Pager is read, and then sends the query
// as it was at the call: the caller's later changes to it do not leak into
// a request that was validated before them.
func TestFavoritesPagerIsLazyAndKeepsTheQuery(t *testing.T) {
	tests := []struct {
		name   string
		q      *waifuim.FavoritesQuery
		change func(*waifuim.FavoritesQuery)
		query  string
	}{
		{"tags", &waifuim.FavoritesQuery{IncludedTags: []string{"maid"}},
			func(q *waifuim.FavoritesQuery) { q.IncludedTags[0] = " bad" }, "included_tags=maid"},
		{"comparison", &waifuim.FavoritesQuery{Width: waifuim.AtLeast(10)},
			func(q *waifuim.FavoritesQuery) { q.Width.Op = "=>" }, "width=%3E%3D10"},
		{"flag", &waifuim.FavoritesQuery{GIF: waifuim.Bool(true)},
			func(q *waifuim.FavoritesQuery) { *q.GIF = false }, "gif=true"},
		{"scalar", &waifuim.FavoritesQuery{NSFW: waifuim.NSFWTrue},
			func(q *waifuim.FavoritesQuery) { q.NSFW = "maybe" }, "is_nsfw=true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt, rec := mockClient(t)
			mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, testdata(t, "fav.json")))
			p := c.Favorites(tt.q)
			tt.change(tt.q)
			if n := len(rec.sent()); n != 0 {
				t.Fatalf("Favorites sent %d requests before its Pager was read", n)
			}
			page, err := p.NextPage(t.Context())
			if err != nil || len(page.Items) != 1 || page.Response == nil || page.Response.StatusCode != 200 {
				t.Fatalf("NextPage = %+v, %v", page, err)
			}
			checkSent(t, rec.sent()[0], http.MethodGet, "/fav", tt.query, "")
			if _, err := p.NextPage(t.Context()); !errors.Is(err, favorites.ErrNoMorePages) {
				t.Errorf("second NextPage = %v, want ErrNoMorePages", err)
			}
		})
	}
}

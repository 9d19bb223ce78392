package waifuimtest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// raw sends one request straight to the fake and returns status, body and
// headers.
func raw(t *testing.T, srv *waifuimtest.Server, method, target, token, body string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, srv.URL+target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b)), resp.Header
}

func client(t *testing.T, srv *waifuimtest.Server, token string) *waifuim.Client {
	t.Helper()
	c, err := srv.NewClient(token, favorites.WithRateLimiter(nil),
		favorites.WithRetryPolicy(favorites.RetryPolicy{}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// catalog starts a fake whose user has n generated images as favourites.
func catalog(t *testing.T, n int, opts ...waifuimtest.Option) (*waifuimtest.Server, []waifuim.Image) {
	t.Helper()
	srv := waifuimtest.NewServer(opts...)
	t.Cleanup(srv.Close)
	if err := srv.Favorite(waifuimtest.UserID, srv.GenerateImages(n)...); err != nil {
		t.Fatal(err)
	}
	images, err := list(t.Context(), client(t, srv, waifuimtest.Token), nil)
	if err != nil || len(images) != n {
		t.Fatalf("listing the catalogue: %d images, %v", len(images), err)
	}
	return srv, images
}

// list reads the whole of c.Favorites(q) as values, which the filters
// below compare.
func list(ctx context.Context, c *waifuim.Client, q *waifuim.FavoritesQuery) ([]waifuim.Image, error) {
	images := []waifuim.Image{}
	for im, err := range c.Favorites(q).All(ctx) {
		if err != nil {
			return nil, err
		}
		images = append(images, *im)
	}
	return images, nil
}

func ids(images []waifuim.Image) []int64 {
	out := make([]int64, len(images))
	for i, im := range images {
		out[i] = im.ImageID
	}
	return out
}

func hasTag(im waifuim.Image, name string) bool {
	return slices.ContainsFunc(im.Tags, func(t waifuim.Tag) bool { return t.Name == name })
}

func TestFilters(t *testing.T) {
	srv, all := catalog(t, 12)
	c := client(t, srv, waifuimtest.Token)
	sig := all[4].Signature
	tests := []struct {
		name string
		q    waifuim.FavoritesQuery
		keep func(waifuim.Image) bool
	}{
		{"included tags", waifuim.FavoritesQuery{IncludedTags: []string{"waifu", "maid"}},
			func(im waifuim.Image) bool { return hasTag(im, "maid") }},
		{"excluded tags", waifuim.FavoritesQuery{ExcludedTags: []string{"maid", "ero"}},
			func(im waifuim.Image) bool { return !hasTag(im, "maid") && !hasTag(im, "ero") }},
		{"included files by id and signature", waifuim.FavoritesQuery{IncludedFiles: []string{"1001", sig}},
			func(im waifuim.Image) bool { return im.ImageID == 1001 || im.Signature == sig }},
		{"excluded files", waifuim.FavoritesQuery{ExcludedFiles: []string{"1001", sig + all[4].Extension}},
			func(im waifuim.Image) bool { return im.ImageID != 1001 && im.Signature != sig }},
		{"nsfw only", waifuim.FavoritesQuery{NSFW: waifuim.NSFWTrue}, func(im waifuim.Image) bool { return im.IsNSFW }},
		{"safe only", waifuim.FavoritesQuery{NSFW: waifuim.NSFWFalse}, func(im waifuim.Image) bool { return !im.IsNSFW }},
		{"nsfw either", waifuim.FavoritesQuery{NSFW: waifuim.NSFWEither}, func(waifuim.Image) bool { return true }},
		{"gif", waifuim.FavoritesQuery{GIF: waifuim.Bool(true)}, func(im waifuim.Image) bool { return im.IsGIF() }},
		{"no gif", waifuim.FavoritesQuery{GIF: waifuim.Bool(false)}, func(im waifuim.Image) bool { return !im.IsGIF() }},
		{"landscape", waifuim.FavoritesQuery{Orientation: "landscape"},
			func(im waifuim.Image) bool { return im.Width > im.Height }},
		{"portrait", waifuim.FavoritesQuery{Orientation: waifuim.OrientationPortrait},
			func(im waifuim.Image) bool { return im.Height > im.Width }},
		{"width >=", waifuim.FavoritesQuery{Width: waifuim.AtLeast(1800)}, func(im waifuim.Image) bool { return im.Width >= 1800 }},
		{"height <", waifuim.FavoritesQuery{Height: &waifuim.Comparison{Op: waifuim.OpLess, Value: 1250}},
			func(im waifuim.Image) bool { return im.Height < 1250 }},
		{"byte size !=", waifuim.FavoritesQuery{ByteSize: &waifuim.Comparison{Op: waifuim.OpNotEqual, Value: 600_000}},
			func(im waifuim.Image) bool { return im.ByteSize != 600_000 }},
		{"byte size =", waifuim.FavoritesQuery{ByteSize: waifuim.Exactly(600_000)},
			func(im waifuim.Image) bool { return im.ByteSize == 600_000 }},
		{"width >", waifuim.FavoritesQuery{Width: &waifuim.Comparison{Op: waifuim.OpGreater, Value: 1850}},
			func(im waifuim.Image) bool { return im.Width > 1850 }},
		{"height <=", waifuim.FavoritesQuery{Height: waifuim.AtMost(1220)},
			func(im waifuim.Image) bool { return im.Height <= 1220 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := ids(slices.DeleteFunc(slices.Clone(all), func(im waifuim.Image) bool { return !tt.keep(im) }))
			if len(want) == 0 || len(want) == len(all) && tt.name != "nsfw either" {
				t.Fatalf("the catalogue does not exercise this filter: %d of %d kept", len(want), len(all))
			}
			got, err := list(t.Context(), c, &tt.q)
			if err != nil || !slices.Equal(ids(got), want) {
				t.Errorf("got %v, %v; want %v", ids(got), err, want)
			}
		})
	}
}

func TestOrder(t *testing.T) {
	srv, all := catalog(t, 8)
	c := client(t, srv, waifuimtest.Token)
	if !slices.IsSortedFunc(all, func(a, b waifuim.Image) int { return b.LikedAt.Compare(a.LikedAt) }) {
		t.Errorf("default order is not most recently liked first: %v", ids(all))
	}
	if want := srv.Favorites(waifuimtest.UserID); !slices.Equal(ids(all), want) {
		t.Errorf("listing %v, state %v", ids(all), want)
	}
	for order, cmp := range map[waifuim.OrderBy]func(a, b waifuim.Image) int{
		waifuim.OrderFavorites:  func(a, b waifuim.Image) int { return b.Favorites - a.Favorites },
		waifuim.OrderUploadedAt: func(a, b waifuim.Image) int { return b.UploadedAt.Compare(a.UploadedAt) },
	} {
		got, err := list(t.Context(), c, &waifuim.FavoritesQuery{OrderBy: order})
		if err != nil || len(got) != len(all) || !slices.IsSortedFunc(got, cmp) {
			t.Errorf("order %s gave %v, %v", order, ids(got), err)
		}
	}
	got, err := list(t.Context(), c, &waifuim.FavoritesQuery{OrderBy: waifuim.OrderRandom})
	if err != nil || !sameSet(ids(got), ids(all)) {
		t.Errorf("RANDOM gave %v, %v", ids(got), err)
	}
}

func sameSet(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestManyCapsAt30(t *testing.T) {
	srv, _ := catalog(t, 35)
	got, err := list(t.Context(), client(t, srv, waifuimtest.Token), &waifuim.FavoritesQuery{Many: waifuim.Bool(true)})
	if err != nil || len(got) != 30 {
		t.Errorf("many=true gave %d images, %v; want 30", len(got), err)
	}
}

func TestWireAnswers(t *testing.T) {
	srv := waifuimtest.NewServer(waifuimtest.WithFirstID(1000))
	t.Cleanup(srv.Close)
	id := srv.GenerateImages(1)[0]
	viewOnly := srv.AddUser(10, waifuimtest.ViewFavorites)
	nothing := srv.AddUser(11)
	body := `{"image_id":1000}`
	tests := []struct {
		name, method, target, token, body string
		status                            int
		want                              string
	}{
		{"empty list", "GET", "/fav", waifuimtest.Token, "", 404, `{"detail":"No image found matching the criteria given."}`},
		{"insert", "POST", "/fav/insert", waifuimtest.Token, body, 200, `{"state":"INSERTED"}`},
		{"insert again", "POST", "/fav/insert", waifuimtest.Token, body, 409,
			`{"detail":"The image you provided is already in the user favorites, consider using /fav/toggle instead."}`},
		{"toggle off", "POST", "/fav/toggle", waifuimtest.Token, body, 200, `{"state":"DELETED"}`},
		{"delete absent", "POST", "/fav/delete", waifuimtest.Token, body, 404,
			`{"detail":"The image you provided do not exist or it is not in the user favorites."}`},
		{"unknown image", "POST", "/fav/insert", waifuimtest.Token, `{"image_id":99}`, 404,
			`{"detail":"The image you provided does not exist."}`},
		{"toggle unknown image", "POST", "/fav/toggle", waifuimtest.Token, `{"image_id":99}`, 404,
			`{"detail":"The image you provided does not exist."}`},
		{"delete unknown image", "POST", "/fav/delete", waifuimtest.Token, `{"image_id":99}`, 404,
			`{"detail":"The image you provided do not exist or it is not in the user favorites."}`},
		{"no image_id", "POST", "/fav/insert", waifuimtest.Token, `{}`, 400, `{"detail":"Bad Request, error on image_id"}`},
		{"bad filter", "GET", "/fav?is_nsfw=maybe", waifuimtest.Token, "", 400, `{"detail":"Bad Request, error on is_nsfw"}`},
		{"bad operator", "GET", "/fav?width=%3D%3E5", waifuimtest.Token, "", 400, `{"detail":"Bad Request, error on width"}`},
		{"no token", "GET", "/fav", "", "", 401, `{"detail":"Missing or malformed token"}`},
		{"wrong token", "GET", "/fav", "nope", "", 401, `{"detail":"Invalid token"}`},
		{"no view permission", "GET", "/fav", nothing, "", 403, `{"detail":"You are missing the view_favorites permission"}`},
		{"no manage permission", "POST", "/fav/insert", viewOnly, body, 403, `{"detail":"You are missing the manage_favorites permission"}`},
		{"user_id needs admin", "GET", "/fav?user_id=2", waifuimtest.Token, "", 403,
			`{"detail":"You are missing the admin permission to act for another user"}`},
		{"full needs admin", "GET", "/fav?full=true", waifuimtest.Token, "", 403,
			`{"detail":"You are missing the admin permission to ask for full results"}`},
		{"admin edits a user", "POST", "/fav/insert", waifuimtest.AdminToken, `{"image_id":1000,"user_id":1}`, 200, `{"state":"INSERTED"}`},
		{"wrong method", "PUT", "/fav", waifuimtest.Token, "", 405, `{"detail":"Method Not Allowed"}`},
		{"unknown path", "GET", "/favs", waifuimtest.Token, "", 404, `{"detail":"Not Found"}`},
	}
	for _, tt := range tests {
		status, got, _ := raw(t, srv, tt.method, tt.target, tt.token, tt.body)
		if status != tt.status || got != tt.want {
			t.Errorf("%s: %d %s; want %d %s", tt.name, status, got, tt.status, tt.want)
		}
	}
	if got := srv.Favorites(waifuimtest.UserID); !slices.Equal(got, []int64{id}) {
		t.Errorf("after the admin's insert, user 1 has %v", got)
	}
	admin := client(t, srv, waifuimtest.AdminToken)
	got, err := list(t.Context(), admin, &waifuim.FavoritesQuery{UserID: waifuimtest.UserID, Full: waifuim.Bool(true)})
	if err != nil || !slices.Equal(ids(got), []int64{id}) {
		t.Errorf("admin listing user 1: %v, %v", ids(got), err)
	}
}

func TestDeleteModes(t *testing.T) {
	for _, tt := range []struct {
		name          string
		opts          []waifuimtest.Option
		works, refuse string
	}{
		{"live", nil, "POST", "DELETE"},
		{"document", []waifuimtest.Option{waifuimtest.WithDocumentMode()}, "DELETE", "POST"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv, all := catalog(t, 2, tt.opts...)
			body := `{"image_id":` + waifuim.Ref(&all[0]).ID + `}`
			status, _, hdr := raw(t, srv, tt.refuse, "/fav/delete", waifuimtest.Token, body)
			if status != 405 || hdr.Get("Allow") != tt.works {
				t.Errorf("%s: %d Allow %q; want 405 Allow %s", tt.refuse, status, hdr.Get("Allow"), tt.works)
			}
			if status, got, _ := raw(t, srv, tt.works, "/fav/delete", waifuimtest.Token, body); status != 200 ||
				got != `{"state":"DELETED"}` {
				t.Errorf("%s: %d %s", tt.works, status, got)
			}
			// The typed client finds its way in both modes.
			if _, _, err := client(t, srv, waifuimtest.Token).Delete(t.Context(), waifuim.Edit{ImageID: all[1].ImageID}); err != nil {
				t.Errorf("Delete: %v", err)
			}
			if got := srv.Favorites(waifuimtest.UserID); len(got) != 0 {
				t.Errorf("left %v", got)
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	srv, _ := catalog(t, 1, waifuimtest.WithRateLimit(time.Hour, 2))
	// catalog used one request of the two banked.
	if status, _, _ := raw(t, srv, "GET", "/fav", waifuimtest.Token, ""); status != 200 {
		t.Fatalf("second request: %d", status)
	}
	status, body, hdr := raw(t, srv, "GET", "/fav", waifuimtest.Token, "")
	if status != 429 || hdr.Get("Retry-After") != "3600" || !strings.Contains(body, `"detail"`) {
		t.Fatalf("third request: %d %s Retry-After %q; want 429 with Retry-After 3600", status, body, hdr.Get("Retry-After"))
	}
	_, err := list(t.Context(), client(t, srv, waifuimtest.Token), nil)
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, favorites.ErrRateLimited) || apiErr.RetryAfter != time.Hour {
		t.Errorf("client over the limit: %v", err)
	}
	// Another token has its own allowance.
	if status, _, _ := raw(t, srv, "GET", "/fav", waifuimtest.AdminToken, ""); status != 404 {
		t.Errorf("admin's first request: %d, want 404 (no favourites)", status)
	}
}

func TestFaultsCountEveryRequest(t *testing.T) {
	srv := waifuimtest.NewServer()
	t.Cleanup(srv.Close)
	srv.Faults.FailNext(1, 503)
	if status, _, _ := raw(t, srv, "GET", "/fav", waifuimtest.Token, ""); status != 503 {
		t.Errorf("injected fault: %d", status)
	}
	raw(t, srv, "GET", "/nowhere", "", "")
	if n := srv.Faults.Requests(); n != 2 {
		t.Errorf("Faults counted %d requests, want 2", n)
	}
}

// Seeding goes through Favorite and Unfavorite, which refuse an unknown
// user or image without changing anything, and Favorites reads the state
// back in the order GET /fav lists it.
func TestSeeding(t *testing.T) {
	srv := waifuimtest.NewServer()
	t.Cleanup(srv.Close)
	img := srv.GenerateImages(4) // generated with 0, 1, 2 and 3 likes of other users
	other := srv.AddUser(10, waifuimtest.ViewFavorites)
	const stranger = 99
	tests := []struct {
		name    string
		change  func() error
		wantErr bool
		want    []int64 // UserID's favourites afterwards
	}{
		{"favourite, last first", func() error { return srv.Favorite(waifuimtest.UserID, img[0], img[1]) }, false,
			[]int64{img[1], img[0]}},
		{"again keeps its place", func() error { return srv.Favorite(waifuimtest.UserID, img[0]) }, false,
			[]int64{img[1], img[0]}},
		{"unknown image", func() error { return srv.Favorite(waifuimtest.UserID, img[2], 1) }, true,
			[]int64{img[1], img[0]}},
		{"unknown user", func() error { return srv.Favorite(stranger, img[2]) }, true, []int64{img[1], img[0]}},
		{"another user's", func() error { return srv.Favorite(10, img[3]) }, false, []int64{img[1], img[0]}},
		{"unfavourite", func() error { return srv.Unfavorite(waifuimtest.UserID, img[1], img[2]) }, false,
			[]int64{img[0]}},
		{"unfavourite unknown image", func() error { return srv.Unfavorite(waifuimtest.UserID, img[0], 1) }, true,
			[]int64{img[0]}},
		{"unfavourite unknown user", func() error { return srv.Unfavorite(stranger, img[0]) }, true, []int64{img[0]}},
	}
	for _, tt := range tests {
		if err := tt.change(); (err != nil) != tt.wantErr {
			t.Errorf("%s: error %v, want an error: %v", tt.name, err, tt.wantErr)
		}
		if got := srv.Favorites(waifuimtest.UserID); !slices.Equal(got, tt.want) {
			t.Errorf("%s: favourites %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := srv.Favorites(stranger); len(got) != 0 {
		t.Errorf("an unknown user has favourites %v", got)
	}
	// What the seeding did is what the service answers, counts included.
	images, err := list(t.Context(), client(t, srv, other), nil)
	if err != nil || !slices.Equal(ids(images), []int64{img[3]}) || images[0].Favorites != 3+1 {
		t.Fatalf("user 10 lists %v, %v", images, err)
	}
	mine, err := list(t.Context(), client(t, srv, waifuimtest.Token), nil)
	if err != nil || len(mine) != 1 || mine[0].ImageID != img[0] || mine[0].Favorites != 1 {
		t.Fatalf("user 1 lists %v, %v; want image %d liked once", mine, err, img[0])
	}
}

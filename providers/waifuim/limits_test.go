package waifuim_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
)

// realImage is an image as the service sends it, with the given ID.
func realImage(id int) string {
	return fmt.Sprintf(`{"signature":"85d7aa55941c7087","extension":".jpg","image_id":%d,"favorites":3,`+
		`"dominant_color":"#dfcdc5","source":"https://www.pixiv.net/en/artworks/95981691","artist":null,`+
		`"uploaded_at":"2022-04-07T13:51:47.979181Z","liked_at":"2022-04-07T14:07:46.455245Z","is_nsfw":false,`+
		`"width":1406,"height":1875,"byte_size":1538007,"url":"https://cdn.waifu.im/%d.jpg",`+
		`"preview_url":"https://www.waifu.im/preview/%d/","tags":[]}`, id, id, id)
}

// A listing holds at most MaxFavorites images: one more is a malformed
// reply, not a longer list.
func TestListItemCap(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want error
	}{{waifuim.MaxFavorites, nil}, {waifuim.MaxFavorites + 1, favorites.ErrMalformedReply}} {
		c, mt, rec := mockClient(t)
		mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, images(tt.n, func(i int) string { return realImage(i + 1) })))
		got, _, err := onePage(t.Context(), c, nil)
		if !errors.Is(err, tt.want) || tt.want == nil && len(got) != tt.n {
			t.Errorf("a listing of %d images: %d images, %v; want %v", tt.n, len(got), err, tt.want)
		}
	}
}

// New caps bodies at DefaultMaxBodySize, and a caller's WithMaxBodySize
// still wins.
func TestDefaultBodyCap(t *testing.T) {
	body := strings.Repeat(" ", waifuim.DefaultMaxBodySize+1)
	for _, tt := range []struct {
		name string
		opts []favorites.Option
		want error
	}{
		{"default", nil, favorites.ErrResponseTooLarge},
		{"the caller's cap", []favorites.Option{favorites.WithMaxBodySize(waifuim.DefaultMaxBodySize + 2)}, favorites.ErrMalformedReply},
	} {
		c, mt, rec := mockClient(t, tt.opts...)
		mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, body))
		if _, _, err := onePage(t.Context(), c, nil); !errors.Is(err, tt.want) {
			t.Errorf("%s: a body one byte over DefaultMaxBodySize: %v, want %v", tt.name, err, tt.want)
		}
	}
}

// The service's own images list, beside a small one.
func TestRealImagesList(t *testing.T) {
	var doc struct{ Images []json.RawMessage }
	if err := json.Unmarshal([]byte(testdata(t, "fav.json")), &doc); err != nil {
		t.Fatal(err)
	}
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, images(2, func(i int) string {
		if i == 0 {
			return realImage(1)
		}
		return string(doc.Images[0])
	})))
	if got, _, err := onePage(t.Context(), c, nil); err != nil || len(got) != 2 {
		t.Fatalf("two real images: %d, %v", len(got), err)
	}
}

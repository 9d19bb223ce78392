//go:build !race

// The race detector's instrumentation allocates on its own (and sync.Pool
// drops items at random under it), so these tests measure a build without
// it: .ci/run runs them with go test, not go test -race.

package waifuim_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/waifuim"
)

// hostileShape is a GET /fav reply built to make decoding costly: the
// refused ones break a cap or hold no usable image and must be
// ErrMalformedReply; the others are the worst that pass, and cost what
// the memory rule allows.
type hostileShape struct {
	name    string
	refused bool
	body    func() string
}

// rule is waifu.im's figures in the SDK's memory rule: images sit two
// containers deep ({"images":[...]}).
var rule = drivertest.DecodeRule{ItemDepth: 2, MaxItems: waifuim.MaxFavorites, MaxNested: waifuim.MaxListItems,
	ItemCost: waifuim.ItemCost, NestedCost: waifuim.ListItemCost}

// padded closes obj, which lacks its final '}', with white space so that
// it spans n bytes.
func padded(obj string, n int) string {
	return obj + strings.Repeat(" ", max(0, n-len(obj)-1)) + "}"
}

// deep nests objects of at least 72 bytes each levels deep.
func deep(levels int) string {
	v := padded(`{"k":1`, 72)
	for range levels {
		v = `{"k":` + v + `}`
	}
	return v
}

// tags is a tags list of n copies of tag.
func tags(tag string, n int) string {
	return `[` + strings.TrimSuffix(strings.Repeat(tag+",", n), ",") + `]`
}

var hostileShapes = []hostileShape{
	{"tiny items", false, func() string {
		return images(waifuim.MaxFavorites, func(i int) string { return fmt.Sprintf(`{"image_id":%d}`, i+1) })
	}},
	{"tiny items past the cap", true, func() string {
		return images(waifuim.MaxFavorites+1, func(i int) string { return fmt.Sprintf(`{"image_id":%d}`, i+1) })
	}},
	{"tiny items without an id", true, func() string {
		return images(waifuim.MaxFavorites, func(int) string { return `{}` })
	}},
	{"nested arrays", false, func() string {
		d := strings.Repeat("[", driver.MaxJSONDepth-3) + strings.Repeat("]", driver.MaxJSONDepth-3)
		return images(waifuim.MaxFavorites, func(i int) string { return fmt.Sprintf(`{"image_id":%d,"x":%s}`, i+1, d) })
	}},
	{"many empty tags", true, func() string {
		return images(1, func(int) string { return `{"image_id":1,"tags":` + tags(`{}`, 1<<17) + `}` })
	}},
	{"tags of scalars", true, func() string {
		return images(1, func(int) string { return `{"image_id":1,"tags":` + tags(`1`, waifuim.MaxListItems) + `}` })
	}},
	{"empty tags at the cap in every image", false, func() string {
		return images(waifuim.MaxFavorites/10, func(i int) string {
			return fmt.Sprintf(`{"image_id":%d,"tags":%s}`, i+1, tags(`{}`, waifuim.MaxListItems))
		})
	}},
	{"empty artists", false, func() string {
		return images(waifuim.MaxFavorites, func(i int) string { return fmt.Sprintf(`{"image_id":%d,"artist":{}}`, i+1) })
	}},
	{"images of every key, empty", false, func() string {
		return images(waifuim.MaxFavorites, func(i int) string {
			return fmt.Sprintf(`{"signature":"","extension":"","image_id":%d,"favorites":0,"dominant_color":"","source":"",`+
				`"artist":{},"uploaded_at":"0001-01-01T00:00:00Z","liked_at":"0001-01-01T00:00:00Z","is_nsfw":false,"width":0,`+
				`"height":0,"byte_size":0,"url":"","preview_url":"","tags":[{}]}`, i+1)
		})
	}},
	{"nesting to the limit", false, func() string {
		d := deep(driver.MaxJSONDepth - 5) // the envelope, the list, the image, the artist, x
		return images(waifuim.MaxFavorites/4, func(i int) string {
			return fmt.Sprintf(`{"image_id":%d,"artist":{"name":"a","x":%s}}`, i+1, d)
		})
	}},
	{"long strings", false, func() string {
		long := strings.Repeat("a", 1<<20)
		return images(1, func(int) string {
			return `{"image_id":1,"signature":"` + long + `","extension":"` + long + `","url":"` + long + `"}`
		})
	}},
	{"escaped strings", false, func() string {
		esc := strings.Repeat(`\u00e9`, 1<<17)
		return images(1, func(int) string {
			return `{"image_id":1,"signature":"` + esc + `","source":"` + esc + `"}`
		})
	}},
}

// TestDecodeCost decodes each hostile reply as the client does once the
// body is read (the images found in the envelope, then the portable
// Favorites) and holds it to the memory rule.
func TestDecodeCost(t *testing.T) {
	for _, s := range hostileShapes {
		t.Run(s.name, func(t *testing.T) {
			body := []byte(s.body())
			var favs []favorites.Favorite
			var err error
			rule.Check(t, s.name, body, func() {
				var ims []waifuim.Image
				if ims, err = waifuim.DecodeImages(t.Context(), body); err != nil {
					return
				}
				favs = make([]favorites.Favorite, len(ims))
				for i := range ims {
					favs[i] = waifuim.ToFavorite(&ims[i])
				}
			})
			switch {
			case s.refused && !errors.Is(err, favorites.ErrMalformedReply):
				t.Fatalf("a reply of %s: %v, want ErrMalformedReply", s.name, err)
			case !s.refused && (err != nil || len(favs) == 0):
				t.Fatalf("a reply of %s did not decode: %v", s.name, err)
			}
		})
	}
}

// TestClientDecodeCost lists each hostile reply through the whole client
// (httpmock transport, body read, decode, portable Favorites), checks the
// verdict, and reports the cost per reply byte, reading the body (the
// core's, about 2 bytes per reply byte) included.
func TestClientDecodeCost(t *testing.T) {
	for _, s := range hostileShapes {
		t.Run(s.name, func(t *testing.T) {
			body := s.body()
			c, mt, rec := mockClient(t, favorites.WithMaxBodySize(64<<20))
			mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, body))
			a := waifuim.NewAdapter(c)
			var n int
			var err error
			got := drivertest.AllocatedBy(func() {
				page, e := a.List(nil).NextPage(t.Context())
				n, err = len(page.Items), e
			})
			t.Logf("%s through the client: %d bytes allocated for a %d-byte reply: %.2f per reply byte (%d favourites, %v)",
				s.name, got, len(body), float64(got)/float64(len(body)), n, err)
			if s.refused != errors.Is(err, favorites.ErrMalformedReply) || !s.refused && (err != nil || n == 0) {
				t.Errorf("a reply of %s through the client: %d favourites, %v; want refused: %v", s.name, n, err, s.refused)
			}
		})
	}
}

//go:build !race

// The race detector's instrumentation allocates on its own (and sync.Pool
// drops items at random under it), so these tests measure a build without
// it: .ci/run runs them with go test, not go test -race.

package waifuim_test

import (
	"encoding/json"
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

// hostileShape is a GET /fav reply built to make decoding costly. The
// refused ones break the listing's shape rules and must be
// ErrMalformedReply; the others are the worst that pass them, padded with
// white space (which costs nothing to decode) to the least size allowed.
type hostileShape struct {
	name    string
	refused bool
	body    func() string
}

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

var hostileShapes = []hostileShape{
	{"tiny items", true, func() string {
		return images(waifuim.MaxFavorites, func(i int) string { return fmt.Sprintf(`{"image_id":%d}`, i+1) })
	}},
	{"nested arrays", true, func() string {
		d := strings.Repeat("[", driver.MaxJSONDepth-3) + strings.Repeat("]", driver.MaxJSONDepth-3)
		return images(waifuim.MaxFavorites, func(i int) string { return padded(fmt.Sprintf(`{"image_id":%d,"x":%s`, i+1, d), 256) })
	}},
	{"many empty tags", true, func() string {
		return images(1, func(int) string { return `{"image_id":1,"tags":[` + strings.Repeat(`{},`, 1<<17) + `{}]}` })
	}},
	{"tags of scalars", true, func() string {
		return images(1, func(int) string { return padded(`{"image_id":1,"tags":[`+strings.Repeat(`1,`, 1<<17)+`1]`, 256) })
	}},
	{"empty artists", true, func() string {
		return images(waifuim.MaxFavorites, func(i int) string { return fmt.Sprintf(`{"image_id":%d,"artist":{}}`, i+1) })
	}},
	{"smallest images", false, func() string {
		return images(waifuim.MaxFavorites, func(i int) string { return padded(fmt.Sprintf(`{"image_id":%d`, i+1), 256) })
	}},
	{"smallest tags", false, func() string {
		tag := padded(`{"tag_id":1`, 72)
		return images(1, func(int) string { return `{"image_id":1,"tags":[` + strings.Repeat(tag+",", 1<<14) + tag + `]}` })
	}},
	{"smallest artists", false, func() string {
		return images(waifuim.MaxFavorites, func(i int) string {
			return padded(fmt.Sprintf(`{"image_id":%d,"artist":%s`, i+1, padded(`{"name":"a"`, 72)), 256)
		})
	}},
	{"nesting to the limit", false, func() string {
		d := deep(driver.MaxJSONDepth - 5) // the envelope, the list, the image, the artist, x
		return images(waifuim.MaxFavorites/4, func(i int) string {
			return padded(fmt.Sprintf(`{"image_id":%d,"artist":{"name":"a","x":%s}`, i+1, d), 256)
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
			return padded(`{"image_id":1,"signature":"`+esc+`","source":"`+esc+`"`, 256)
		})
	}},
}

// TestDecodeCost decodes each hostile reply as the client does once the
// body is read (the envelope with json.Unmarshal, as driver.Client.Do
// does, then the images, then the portable Favorites) and holds it to
// drivertest.MaxHeldPerReplyByte.
func TestDecodeCost(t *testing.T) {
	for _, s := range hostileShapes {
		t.Run(s.name, func(t *testing.T) {
			body := []byte(s.body())
			var favs []favorites.Favorite
			var err error
			drivertest.CheckDecodeCost(t, s.name, len(body), func() {
				var env waifuim.ImagesResponse
				if err = json.Unmarshal(body, &env); err != nil {
					return
				}
				var ims []waifuim.Image
				if ims, err = waifuim.DecodeImages(t.Context(), env.Images); err != nil {
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

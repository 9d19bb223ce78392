package waifuim

import (
	"context"
	"fmt"

	"github.com/favkit/favorites/driver"
)

// imagesPath is where a GET /fav reply holds its images.
var imagesPath = []string{"images"}

// decodeImages decodes the "images" array of a GET /fav reply, its body as
// Client.Do gives it, one image at a time. Each image's Raw is its bytes in
// the reply, not a copy, so decoding holds the reply once plus the decoded
// values. The array must be there and hold at most MaxFavorites images,
// each with an image_id Insert would take, and no list in an image may
// hold more than MaxListItems items: anything else is a malformed reply
// naming the image's position. A field an image leaves out is its zero
// value, as encoding/json leaves it.
func decodeImages(ctx context.Context, body driver.RawJSON) ([]Image, error) {
	return driver.DecodeItems(ctx, body, driver.ItemRules[Image]{
		Path:      imagesPath,
		Max:       MaxFavorites,
		MaxNested: MaxListItems,
		Item: func(_ int, im *Image, raw []byte) error {
			if im.ImageID < 1 {
				return fmt.Errorf("image_id %d is not a positive integer", im.ImageID)
			}
			im.Raw = raw
			return nil
		},
	})
}

package waifuim

import (
	"context"
	"fmt"

	"github.com/favkit/favorites/driver"
)

// decodeImages decodes the "images" array of a GET /fav reply, one image at
// a time. Each image's Raw is its bytes in list, not a copy, so decoding
// holds the reply once plus the decoded values. The array must be there
// and hold at most MaxFavorites images, each with an image_id Insert would
// take and the shape checkShape wants: anything else is a malformed reply
// naming the image's position.
func decodeImages(ctx context.Context, list driver.RawJSON) ([]Image, error) {
	if err := checkShape(list); err != nil {
		return nil, err
	}
	return driver.DecodeItems(ctx, list, driver.ItemRules[Image]{
		Max: MaxFavorites,
		Item: func(_ int, im *Image, raw []byte) error {
			if im.ImageID < 1 {
				return fmt.Errorf("image_id %d is not a positive integer", im.ImageID)
			}
			im.Raw = raw
			return nil
		},
	})
}

package waifuim

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Changes is what became of the favourites since a mark: [Client.Changes].
type Changes struct {
	// Added is the images liked since the mark, most recently liked first.
	Added []*Image
	// Removed is the IDs of the images that were favourites at the mark
	// and are no longer, ascending.
	Removed []int64
	// Mark is where the next call goes on from; save it.
	Mark string
}

// Changes reports the favourites liked and removed since mark, and a new
// mark, in exactly one GET /fav; "" means from now. The package doc's
// "Marks" gives the rules it stands on, what it sees and the mark's text.
func (c *Client) Changes(ctx context.Context, mark string) (*Changes, *favorites.Response, error) {
	var before []string
	if mark != "" {
		var err error
		if before, err = c.marks.Parse(mark); err != nil {
			return nil, nil, err
		}
	}
	images, resp, err := c.favorites(ctx, &FavoritesQuery{OrderBy: OrderLikedAt})
	if err != nil {
		return nil, resp, err
	}
	listed := make([]string, len(images))
	for i, im := range images {
		listed[i] = strconv.FormatInt(im.ImageID, 10)
	}
	now, added, removed := driver.SetChanges(before, listed)
	ch := &Changes{Added: []*Image{}, Removed: []int64{}, Mark: c.marks.Format(now)}
	if mark == "" {
		return ch, resp, nil
	}
	for _, i := range added {
		ch.Added = append(ch.Added, images[i])
	}
	for _, id := range removed {
		n, _ := strconv.ParseInt(id, 10, 64) // checkImageID held it
		ch.Removed = append(ch.Removed, n)
	}
	slices.Sort(ch.Removed) // ascending as numbers, not as the mark's text
	return ch, resp, nil
}

// checkImageID accepts the IDs a waifu.im mark holds: image IDs in their
// one decimal spelling.
func checkImageID(id string) error {
	if n, err := strconv.ParseInt(id, 10, 64); err != nil || n < 1 || strconv.FormatInt(n, 10) != id {
		return fmt.Errorf("%w: image id %q", favorites.ErrInvalidArgument, id)
	}
	return nil
}

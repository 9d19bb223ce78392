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
// mark, in exactly one GET /fav. The empty mark means "from now": no
// changes, just a first mark. A mark is opaque text, safe to store (see
// driver.SetMark for its form): it holds the set of image IDs the list held,
// so it is bounded by the list's size, and no token.
//
// It stands on two rules of the service: GET /fav answers a user's whole
// list in one response, with no paging and no limit (Waifu-im/waifu-api
// database/queries.go, FetchImages, adds no LIMIT when a user's
// favourites are asked; docs/api/waifuim.md), and order_by=LIKED_AT,
// which this call sends, lists them most recently liked first
// (database/formating.go, FormatOrderBy: "ORDER BY liked_at DESC"; the
// /fav route's default in api/controllers/image/image_controller.go).
// The first makes the answer the whole set, so what is added and what is
// removed are both known; the second orders Added.
//
// Since the new mark is the set the answer held, a favourite liked while
// the call runs is in this answer or in the next call's, never in
// neither. A favourite liked and removed again between two calls is in
// neither; one removed and liked again between them is in neither Added
// nor Removed, since the set is the same. A favourite whose image the
// service hides or puts under review drops out of /fav and shows as
// removed.
//
// A mark that is not a waifu.im mark is an error matching both
// favorites.ErrStaleMark and favorites.ErrInvalidArgument; one made by a
// client of another token or base URL matches favorites.ErrStaleMark.
// Neither sends anything. A mark made with another token of the same user
// is refused too, since the client cannot tell whose a token is without
// asking: after a change of token, start again from "" (and list in full
// if nothing may be missed).
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

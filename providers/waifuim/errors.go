package waifuim

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/favkit/favorites"
)

// decodeError marks waifu.im's 409, which only /fav/insert sends for an
// image already in the favourites, as favorites.ErrAlreadyFavorited. The
// {"detail": ...} body is already read into Message by the core.
// Its 404 for an image that is not a favourite or that it does not have
// (isNoSuchItem) is marked favorites.ErrNoSuchItem, so that a Remove of
// one is done.
func decodeError(e *favorites.APIError, _ *http.Response) {
	switch {
	case e.StatusCode == http.StatusConflict:
		e.Kinds = append(e.Kinds, favorites.ErrAlreadyFavorited)
	case isNoSuchItem(e):
		e.Kinds = append(e.Kinds, favorites.ErrNoSuchItem)
	}
}

// The service's own 404 details, from its source (api/constants and the
// fav_management controller of github.com/Waifu-im/waifu-api), lower-cased
// and without the final full stop. Older servers spelt "favourites" and
// left the stop off; detailIs folds both.
const (
	// GET /fav that matched nothing; with gif=true a warning follows it.
	noImageFound = "no image found matching the criteria given"
	// /fav/delete of an image that is not a favourite, or does not exist:
	// the server cannot tell them apart (its DELETE removed no row).
	notInFavorites = "the image you provided do not exist or it is not in the user favorites"
	// /fav/insert and /fav/toggle of an image the catalogue does not have.
	noSuchImage = "the image you provided does not exist"
)

// detail returns the "detail" text of a waifu.im error body, lower-cased,
// with "favourites" spelt "favorites" and no final full stop; ok is false
// for any body that is not a JSON object with a string detail (an HTML
// page, an empty body, another service's JSON).
func detail(e *favorites.APIError) (text string, ok bool) {
	var b struct {
		Detail *string `json:"detail"`
	}
	if json.Unmarshal(e.Body, &b) != nil || b.Detail == nil {
		return "", false
	}
	text = strings.ToLower(strings.TrimSpace(*b.Detail))
	text = strings.ReplaceAll(text, "favourites", "favorites")
	return strings.TrimSuffix(text, "."), true
}

// isEmptyResult tells the 404 that means "no favourite matches" from other
// 404s (such as a wrong base URL), which stay errors.
func isEmptyResult(e *favorites.APIError) bool {
	d, ok := detail(e)
	return ok && e.StatusCode == http.StatusNotFound && strings.HasPrefix(d, noImageFound)
}

// isNoSuchItem tells the 404 that means the image is not a favourite or
// does not exist (/fav/delete cannot tell them apart; both mean Remove's
// work is done), or that the catalogue has no such image (/fav/insert),
// from other 404s, which stay errors.
func isNoSuchItem(e *favorites.APIError) bool {
	d, ok := detail(e)
	return ok && e.StatusCode == http.StatusNotFound && (d == notInFavorites || d == noSuchImage)
}

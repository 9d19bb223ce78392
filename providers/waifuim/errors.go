package waifuim

import (
	"net/http"
	"strings"

	"github.com/favkit/favorites"
)

// decodeError marks waifu.im's 409, which only /fav/insert sends for an
// image already in the favourites, as favorites.ErrAlreadyFavorited. The
// {"detail": ...} body is already read into Message by the core.
func decodeError(e *favorites.APIError, _ *http.Response) {
	if e.StatusCode == http.StatusConflict {
		e.Kinds = append(e.Kinds, favorites.ErrAlreadyFavorited)
	}
}

// noImageFound is how waifu.im says a /fav query matched nothing.
const noImageFound = "no image found matching the criteria given"

// isEmptyResult tells the 404 that means "no favourite matches" from other
// 404s (such as a wrong base URL), which stay errors.
func isEmptyResult(e *favorites.APIError) bool {
	return e.StatusCode == http.StatusNotFound &&
		strings.Contains(strings.ToLower(e.Message), noImageFound)
}

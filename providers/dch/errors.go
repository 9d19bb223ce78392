package dch

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/favkit/favorites"
)

// ErrNotApplied is returned, with the list, by [Client.AddFavourite] and
// [Client.RemoveFavourite] when the service answered with success but the
// updated list it sent does not show the change. The portable Add and
// Remove do not return it: a success answer means the write happened.
var ErrNotApplied = errors.New("dch: the list returned does not show the change")

// decodeError marks the service's answer to an item ID it does not have
// as [favorites.ErrNoSuchItem]: a 404 whose body is the service's own
// error shape, {"message": "..."} alone, as its 401 answers. A 404 of any
// other shape is not: an unknown route answers {"error": {"message": "No
// route found ..."}}, and an HTML page, an empty body or other JSON comes
// from something other than the favourites endpoint (a wrong base URL, a
// proxy).
func decodeError(e *favorites.APIError, _ *http.Response) {
	if e.StatusCode != http.StatusNotFound {
		return
	}
	var body map[string]json.RawMessage
	if json.Unmarshal(e.Body, &body) != nil || len(body) != 1 {
		return
	}
	var msg string
	if json.Unmarshal(body["message"], &msg) == nil && msg != "" {
		e.Kinds = append(e.Kinds, favorites.ErrNoSuchItem)
	}
}

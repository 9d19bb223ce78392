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

// isNoSuchItem reports whether err is the service's answer to an item ID
// it does not have: a 404 whose body is the service's own error shape,
// {"message": "..."}, as its 401 answers. A 404 of any other shape is not:
// an unknown route answers {"error": {"message": "No route found ..."}},
// and an HTML page, an empty body or other JSON comes from something
// other than the favourites endpoint (a wrong base URL, a proxy).
func isNoSuchItem(err error) bool {
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		return false
	}
	var body map[string]json.RawMessage
	if json.Unmarshal(apiErr.Body, &body) != nil || len(body) != 1 {
		return false
	}
	var msg string
	return json.Unmarshal(body["message"], &msg) == nil && msg != ""
}

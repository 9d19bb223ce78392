package mastodon

import (
	"encoding/json"
	"net/http"

	"github.com/favkit/favorites"
)

// decodeError marks Mastodon's answer for a record it does not have, 404
// {"error":"Record not found"} (Api::BaseController's answer to
// ActiveRecord::RecordNotFound), as favorites.ErrNoSuchItem: a deleted
// status takes its favourites with it, so a Remove of one is done.
//
// Any other 404 is not, among them {"error":"Not Found"}: Mastodon
// answers that both to a status the caller may not see and has not
// favourited (Api::V1::Statuses::FavouritesController#destroy looks for
// the caller's favourite first, and only without one checks visibility),
// and to a path it has no route for (ApplicationController#raise_not_found),
// so a wrong base URL never passes for an item that is gone.
func decodeError(e *favorites.APIError, _ *http.Response) {
	if e.StatusCode != http.StatusNotFound {
		return
	}
	var body struct {
		Error *string `json:"error"`
	}
	if json.Unmarshal(e.Body, &body) == nil && body.Error != nil && *body.Error == "Record not found" {
		e.Kinds = append(e.Kinds, favorites.ErrNoSuchItem)
	}
}

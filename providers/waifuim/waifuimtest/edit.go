package waifuimtest

import (
	"encoding/json"
	"net/http"
)

// editBody is the JSON of insert, delete and toggle; pointers tell a
// missing field from a zero.
type editBody struct {
	ImageID *int64 `json:"image_id"`
	UserID  *int64 `json:"user_id"`
}

func (s *Server) serveEdit(w http.ResponseWriter, r *http.Request, caller int64, action string) {
	var b editBody
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&b); err != nil ||
		b.ImageID == nil || *b.ImageID < 1 {
		badRequest(w, "image_id")
		return
	}
	if b.UserID != nil && *b.UserID < 1 {
		badRequest(w, "user_id")
		return
	}
	var userID int64
	if b.UserID != nil {
		userID = *b.UserID
	}
	who, ok := s.target(w, caller, userID)
	if !ok {
		return
	}
	status, msg, state := s.apply(who, *b.ImageID, action)
	if status != http.StatusOK {
		detail(w, status, msg)
		return
	}
	writeJSON(w, http.StatusOK, wireState{State: state})
}

// notInFavorites is the service's detail for /fav/delete of an image that
// is not a favourite or does not exist, word for word (grammar included).
const notInFavorites = "The image you provided do not exist or it is not in the user favorites."

// The states an edit answers, as the service spells them.
const (
	stateInserted = "INSERTED"
	stateDeleted  = "DELETED"
)

// apply changes the user's favourites as action says.
func (s *Server) apply(userID, imageID int64, action string) (int, string, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.user(userID)
	_, present := u.liked[imageID]
	im, ok := s.images[imageID]
	switch {
	case !ok && action == "delete":
		// The service deletes the row and cannot tell an unknown image
		// from one that is not a favourite: one answer for both.
		return http.StatusNotFound, notInFavorites, ""
	case !ok:
		return http.StatusNotFound, "The image you provided does not exist.", ""
	}
	if action == "toggle" {
		action = map[bool]string{true: "delete", false: "insert"}[present]
	}
	switch {
	case action == "insert" && present:
		return http.StatusConflict, "The image you provided is already in the user favorites, consider using /fav/toggle instead.", ""
	case action == "delete" && !present:
		return http.StatusNotFound, notInFavorites, ""
	case action == "insert":
		u.liked[imageID] = s.tick()
		im.Favorites++
		return http.StatusOK, "", stateInserted
	}
	delete(u.liked, imageID)
	im.Favorites--
	return http.StatusOK, "", stateDeleted
}

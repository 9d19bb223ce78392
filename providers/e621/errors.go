package e621

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/favkit/favorites"
)

// Errors an e621 answer can match beyond the favorites sentinels, for
// errors.Is.
var (
	// ErrTransferring is the 423 "Post favorites are being transferred":
	// a temporary state; the same request succeeds later.
	ErrTransferring = errors.New("e621: favourites are being transferred, try again later")

	// ErrFavoritesHidden is the documented 403 for a user who hides their
	// favourites. It also matches favorites.ErrForbidden. (The live server
	// answers an empty list instead, which cannot be told from a user with
	// no favourites.)
	ErrFavoritesHidden = errors.New("e621: the user's favourites are hidden")

	// ErrFavoritesFull is the 422 "You can only keep up to N favorites": the
	// list is full. It is not favorites.ErrAlreadyFavorited.
	ErrFavoritesFull = errors.New("e621: favourites list is full")
)

// decodeError refines the core's APIError with e621's answers. The core has
// already read both error shapes ({"reason"} and {"message","code"}) and an
// HTML page's <title> into Message.
func decodeError(e *favorites.APIError, resp *http.Response) {
	msg := strings.ToLower(e.Message)
	switch e.StatusCode {
	case http.StatusServiceUnavailable:
		// e621's front end answers 503 to a client over 2 requests a second.
		e.Kinds = append(e.Kinds, favorites.ErrRateLimited)
	case http.StatusUnprocessableEntity:
		switch {
		case strings.Contains(msg, "already favorited"):
			e.Kinds = append(e.Kinds, favorites.ErrAlreadyFavorited)
		case strings.Contains(msg, "only keep up to"):
			e.Kinds = append(e.Kinds, ErrFavoritesFull)
		}
	case http.StatusLocked:
		e.Kinds = append(e.Kinds, ErrTransferring)
	case http.StatusNotFound:
		if e.Method != http.MethodGet && unknownRecord(e.Body) {
			e.Kinds = append(e.Kinds, favorites.ErrNoSuchItem)
		}
	case http.StatusForbidden:
		switch {
		case strings.Contains(msg, "hidden"):
			e.Kinds = append(e.Kinds, ErrFavoritesHidden)
		case isHTML(resp, e.Body):
			e.Message += " (e621 blocks a missing or generic User-Agent; set a descriptive one)"
		}
	}
}

func isHTML(resp *http.Response, body []byte) bool {
	if strings.Contains(resp.Header.Get("Content-Type"), "html") {
		return true
	}
	b := strings.TrimSpace(string(body))
	return strings.HasPrefix(b, "<")
}

// IsUnknownPost reports whether err is e621's own answer for a post it
// does not have, to an add or a removal: a 404 whose body is
// {"success":false,"reason":"not found"}, which e621ng renders for a
// record that is not found (here, the post of POST /favorites.json or
// DELETE /favorites/{id}.json). It is errors.Is(err,
// favorites.ErrNoSuchItem). A 404 of any other body (an HTML page, as e621
// gives for an unknown path, an empty one, another JSON) is not this
// answer: it says nothing of the post.
func IsUnknownPost(err error) bool { return errors.Is(err, favorites.ErrNoSuchItem) }

// unknownRecord reports whether body is e621ng's answer for a record it
// does not have.
func unknownRecord(body []byte) bool {
	var b struct {
		Success *bool   `json:"success"`
		Reason  *string `json:"reason"`
	}
	if json.Unmarshal(body, &b) != nil || b.Success == nil || b.Reason == nil {
		return false
	}
	return !*b.Success && *b.Reason == "not found"
}

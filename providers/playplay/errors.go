package playplay

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/favkit/favorites"
)

// ErrMediaNotFound matches the service's own answer for a media it does not
// have: 404 with the JSON body {"message":"Media not found."}, to the store
// and to the delete. A 404 of any other shape (an HTML page, an empty body,
// a proxy's or another route's JSON) does not match it, so that a wrong
// base URL, which 404s everything, is never taken for "already gone".
var ErrMediaNotFound = errors.New("playplay: media not found")

// mediaNotFound is the message of the service's 404 for an unknown media.
const mediaNotFound = "Media not found."

// decodeError refines errors. The document shows no error body, so the core
// decoder reads the usual "message"/"error" fields; this adds the per-field
// messages of a validation body ({"message":...,"errors":{"source":[...]}}),
// marks a 409 from the store, or a 422 that says "already", as
// [favorites.ErrAlreadyFavorited], and a 404 in the service's own shape as
// [ErrMediaNotFound] and [favorites.ErrNoSuchItem].
func decodeError(e *favorites.APIError, _ *http.Response) {
	if details := fieldErrors(e.Body); details != "" && !strings.Contains(e.Message, details) {
		e.Message = strings.TrimSuffix(e.Message, ".") + ": " + details
	}
	already := e.StatusCode == http.StatusConflict ||
		e.StatusCode == http.StatusUnprocessableEntity && strings.Contains(strings.ToLower(e.Message), "already")
	if e.Method == http.MethodPost && already {
		e.Kinds = append(e.Kinds, favorites.ErrAlreadyFavorited)
	}
	if e.StatusCode == http.StatusNotFound && bodyMessage(e.Body) == mediaNotFound {
		e.Kinds = append(e.Kinds, ErrMediaNotFound, favorites.ErrNoSuchItem)
	}
}

// bodyMessage is the "message" member of a JSON object body, or "".
func bodyMessage(body []byte) string {
	var v struct {
		Message string `json:"message"`
	}
	if !bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) || json.Unmarshal(body, &v) != nil {
		return ""
	}
	return v.Message
}

// fieldErrors joins a validation body's per-field messages, sorted by field.
func fieldErrors(body []byte) string {
	var v struct {
		Errors map[string][]string `json:"errors"`
	}
	if !bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) || json.Unmarshal(body, &v) != nil {
		return ""
	}
	fields := make([]string, 0, len(v.Errors))
	for f := range v.Errors {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	var msgs []string
	for _, f := range fields {
		msgs = append(msgs, v.Errors[f]...)
	}
	return strings.Join(msgs, "; ")
}

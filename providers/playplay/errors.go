package playplay

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/favkit/favorites"
)

// decodeError refines errors. The document shows no error body, so the core
// decoder reads the usual "message"/"error" fields; this adds the per-field
// messages of a validation body ({"message":...,"errors":{"source":[...]}})
// and marks a 409 from the store, or a 422 that says "already", as
// [favorites.ErrAlreadyFavorited].
func decodeError(e *favorites.APIError, _ *http.Response) {
	if details := fieldErrors(e.Body); details != "" && !strings.Contains(e.Message, details) {
		e.Message = strings.TrimSuffix(e.Message, ".") + ": " + details
	}
	already := e.StatusCode == http.StatusConflict ||
		e.StatusCode == http.StatusUnprocessableEntity && strings.Contains(strings.ToLower(e.Message), "already")
	if e.Method == http.MethodPost && already {
		e.Kinds = append(e.Kinds, favorites.ErrAlreadyFavorited)
	}
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

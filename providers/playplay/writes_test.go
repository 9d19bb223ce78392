package playplay_test

import (
	"errors"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/playplay"
)

const (
	htmlNotFound  = "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>nginx</body></html>"
	mediaNotFound = `{"message":"Media not found."}`
)

// Remove is nil only for the answers that say the media is not a favourite
// (204) or that the service does not have it (its own 404 body); any other
// answer, a 404 of another shape included, is an error. A 2xx is done,
// whatever its body.
func TestAdapterRemoveReadsTheAnswer(t *testing.T) {
	for _, tc := range []struct {
		name string
		ans  answer
		ok   bool
	}{
		{"204", answer{204, ""}, true},
		{"the service's 404", answer{404, mediaNotFound}, true},
		{"200 with a garbled body", answer{200, `{"results":`}, true},
		{"404 HTML", answer{404, htmlNotFound}, false},
		{"404 empty", answer{404, ""}, false},
		{"404 other JSON", answer{404, `{"status":404,"path":"/somewhere/else"}`}, false},
		{"404 another message", answer{404, `{"message":"Not Found"}`}, false},
		{"404 the message as text", answer{404, "Media not found."}, false},
		{"422", answer{422, `{"message":"The given data was invalid."}`}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newMockClient(t, tc.ans)
			err := playplay.NewAdapter(c).Remove(t.Context(), favorites.Ref{ID: "201", Source: "pexels"})
			if (err == nil) != tc.ok {
				t.Errorf("Remove answered %d %q: %v, want success %v", tc.ans.status, tc.ans.body, err, tc.ok)
			}
			checkRequest(t, m.requests()[0], "DELETE", "/api/v2/users/me/favorites", "raw_media_id=201", "", "")
		})
	}
}

// Add of a media the service does not have is ErrNotFound; a 2xx is done
// whatever its body; the service's 409 is nil.
func TestAdapterAddReadsTheAnswer(t *testing.T) {
	for _, tc := range []struct {
		name string
		ans  answer
		want error // nil: success
	}{
		{"201", answer{201, `{"results":[{"id":201,"source":"pexels"}],"nb_results":1}`}, nil},
		{"201 cut short", answer{201, `{"results":[{"id":2`}, nil},
		{"201 of no known shape", answer{201, `<html>`}, nil},
		{"409", answer{409, `{"message":"This media is already a favorite."}`}, nil},
		{"the service's 404", answer{404, mediaNotFound}, favorites.ErrNotFound},
		{"404 HTML", answer{404, htmlNotFound}, favorites.ErrNotFound},
		{"422", answer{422, `{"message":"The source does not match the media."}`}, favorites.ErrUnprocessable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newMockClient(t, tc.ans)
			err := playplay.NewAdapter(c).Add(t.Context(), favorites.Ref{ID: "201~3608618", Source: "pexels"})
			if (err == nil) != (tc.want == nil) || !errors.Is(err, tc.want) {
				t.Errorf("Add answered %d %q: %v, want %v", tc.ans.status, tc.ans.body, err, tc.want)
			}
			checkRequest(t, m.requests()[0], "POST", "/api/v2/user/me/favorites", "", "application/json",
				`{"raw_media_id":201,"source":"pexels"}`)
		})
	}
}

// The typed calls keep reporting what the portable ones forgive: a
// garbled store answer, and which 404 it was.
func TestTypedWritesReportTheBody(t *testing.T) {
	c, _ := newMockClient(t, answer{201, `{"results":[{"id":0}]}`})
	_, resp, err := c.AddFavorite(t.Context(), playplay.AddParams{RawMediaID: 1, Source: "upload"})
	if !errors.Is(err, favorites.ErrMalformedReply) || resp == nil || resp.StatusCode != 201 {
		t.Errorf("AddFavorite answered 201 with an item without id: %v, %v; want ErrMalformedReply and the 201", resp, err)
	}
	c, _ = newMockClient(t, answer{404, htmlNotFound})
	_, err = c.RemoveFavorite(t.Context(), playplay.RemoveByRawMediaID(1))
	if !errors.Is(err, favorites.ErrNotFound) || errors.Is(err, playplay.ErrMediaNotFound) {
		t.Errorf("RemoveFavorite answered an HTML 404: %v; want ErrNotFound, not ErrMediaNotFound", err)
	}
}

package dch_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/favkit/favorites"
)

// TestErrorShapes checks that the core's default decoding reads both of the
// service's error shapes: this package adds no decoder of its own.
func TestErrorShapes(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		body    string
		want    error
		message string
	}{
		{"document 401", 401, string(readTestdata(t, "error_token.json")), favorites.ErrUnauthorized,
			"A Token was not found in the TokenStorage."},
		{"document 405", 405, string(readTestdata(t, "error_method.json")), favorites.ErrMethodNotAllowed,
			`No route found for "POST /v2/user": Method Not Allowed (Allow: GET)`},
		{"404 nested", 404, `{"error":{"message":"No route found for \"GET /v2/user/favourite\""}}`, favorites.ErrNotFound,
			`No route found for "GET /v2/user/favourite"`},
		{"400 flat", 400, `{"message":"Missing parameter \"id\"."}`, favorites.ErrBadRequest, `Missing parameter "id".`},
		{"403 flat", 403, `{"message":"Access denied."}`, favorites.ErrForbidden, "Access denied."},
		{"422 flat", 422, `{"message":"Item \"9\" does not exist."}`, favorites.ErrUnprocessable, `Item "9" does not exist.`},
		{"500 nested", 500, `{"error":{"code":500,"message":"Internal Server Error"}}`, favorites.ErrServer, "Internal Server Error"},
		{"502 HTML", 502, `<html><head><title>502 Bad Gateway</title></head></html>`, favorites.ErrServer, "502 Bad Gateway"},
		{"empty 401", 401, ``, favorites.ErrUnauthorized, "Unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newMockClient(t, tt.status, tt.body)
			_, resp, err := c.AddFavourite(t.Context(), "301")
			var apiErr *favorites.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v is not an *APIError", err)
			}
			if !errors.Is(err, tt.want) || apiErr.StatusCode != tt.status || apiErr.Message != tt.message {
				t.Errorf("got %d %q (%v), want %d %q matching %v", apiErr.StatusCode, apiErr.Message, err, tt.status, tt.message, tt.want)
			}
			if apiErr.Provider != "dch" || apiErr.Method != http.MethodPost ||
				apiErr.URL != "https://api.digitalconcerthall.com/v2/user/favourites" {
				t.Errorf("APIError %s %s %s", apiErr.Provider, apiErr.Method, apiErr.URL)
			}
			if resp == nil || resp.StatusCode != tt.status {
				t.Errorf("Response %+v, want the %d", resp, tt.status)
			}
			// A typed POST is not repeated after a server error once sent.
			if n := len(rec.requests()); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

func TestGetRetriesServerError(t *testing.T) {
	c, rec := newMockClient(t, http.StatusServiceUnavailable, `{"message":"down"}`)
	_, err := c.Favourites().NextPage(t.Context())
	if !errors.Is(err, favorites.ErrServer) {
		t.Fatalf("Favourites = %v, want ErrServer", err)
	}
	if n := len(rec.requests()); n != 3 {
		t.Errorf("%d requests, want 3 (the first and 2 retries)", n)
	}
}

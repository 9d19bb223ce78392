package driver

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

func TestErrorShapes(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		body     string
		wantMsg  string
		wantCode string
		want     error
	}{
		{"mastodon", 404, `{"error":"Record not found"}`, "Record not found", "", favorites.ErrNotFound},
		{"mastodon with description", 401, `{"error":"invalid_token","error_description":"The access token is invalid"}`,
			"invalid_token: The access token is invalid", "", favorites.ErrUnauthorized},
		{"e621 reason", 403, `{"success":false,"reason":"Access Denied: This users favorites are hidden"}`,
			"Access Denied: This users favorites are hidden", "", favorites.ErrForbidden},
		{"e621 message and code", 422, `{"success":false,"message":"You have already favorited this post","code":null}`,
			"You have already favorited this post", "", favorites.ErrUnprocessable},
		{"e621 uuid code", 500, `{"success":false,"message":"boom","code":"9b2c-11"}`, "boom", "9b2c-11", favorites.ErrServer},
		{"waifu detail", 409, `{"detail":"The image you provided is already in the user favorites"}`,
			"The image you provided is already in the user favorites", "", favorites.ErrConflict},
		{"fastapi validation detail", 400, `{"detail":[{"loc":["query","width"],"msg":"bad operator"}]}`, "bad operator", "", favorites.ErrBadRequest},
		{"dch message", 401, `{"message":"A Token was not found in the TokenStorage."}`,
			"A Token was not found in the TokenStorage.", "", favorites.ErrUnauthorized},
		{"dch nested error", 405, `{"error":{"message":"No route found for \"POST /v2/user\": Method Not Allowed (Allow: GET)"}}`,
			`No route found for "POST /v2/user": Method Not Allowed (Allow: GET)`, "", favorites.ErrMethodNotAllowed},
		{"html page", 403, "<!DOCTYPE html><html><head><title>\n Access  denied </title></head><body>...</body></html>",
			"Access denied", "", favorites.ErrForbidden},
		{"html without title", 502, "<html><body><h1>Bad Gateway</h1></body></html>", "Bad Gateway", "", favorites.ErrServer},
		{"empty body", 429, "", "Too Many Requests", "", favorites.ErrRateLimited},
		{"short text", 503, "upstream overloaded", "upstream overloaded", "", favorites.ErrServer},
		{"json without known fields", 409, `{"foo":1}`, "Conflict", "", favorites.ErrConflict},
		{"long message cut at a rune", 400, `{"error":"` + strings.Repeat("é", 300) + `"}`,
			strings.Repeat("é", 256) + "...", "", favorites.ErrBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newMockClient(t, favorites.WithRetryPolicy(favorites.RetryPolicy{}))
			mt.RegisterResponder("GET", testBase+"/x", jsonResponder(tt.status, tt.body, "X-Request-Id", "req-1"))
			req, _ := c.NewRequest("GET", "x", nil, nil)
			resp, err := c.Do(t.Context(), req, nil)
			var apiErr *favorites.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want *APIError", err)
			}
			if apiErr.Message != tt.wantMsg || apiErr.Code != tt.wantCode {
				t.Errorf("Message %q Code %q, want %q %q", apiErr.Message, apiErr.Code, tt.wantMsg, tt.wantCode)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.want)
			}
			if apiErr.StatusCode != tt.status || apiErr.RequestID != "req-1" || apiErr.Provider != "test" ||
				apiErr.Method != "GET" || apiErr.URL != testBase+"/x" || string(apiErr.Body) != tt.body {
				t.Errorf("APIError fields: %+v", apiErr)
			}
			if resp == nil || resp.StatusCode != tt.status {
				t.Errorf("Do returned no Response with its error")
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Error() = %q lacks the message", err.Error())
			}
		})
	}
}

func TestErrorDecoderAddsKinds(t *testing.T) {
	decoder := func(e *favorites.APIError, _ *http.Response) {
		if e.StatusCode == 422 && strings.Contains(e.Message, "already favorited") {
			e.Kinds = append(e.Kinds, favorites.ErrAlreadyFavorited)
		}
	}
	c, mt := newMockClientWith(t, Config{Provider: "test", DecodeError: decoder})
	mt.RegisterResponder("POST", testBase+"/already", jsonResponder(422, `{"message":"You have already favorited this post"}`))
	mt.RegisterResponder("POST", testBase+"/full", jsonResponder(422, `{"message":"You can only keep up to 100000 favorites."}`))
	for path, want := range map[string]bool{"already": true, "full": false} {
		req, _ := c.NewRequest("POST", path, nil, nil)
		_, err := c.Do(t.Context(), req, nil)
		if errors.Is(err, favorites.ErrAlreadyFavorited) != want || !errors.Is(err, favorites.ErrUnprocessable) {
			t.Errorf("%s: %v: ErrAlreadyFavorited %v, want %v", path, err, !want, want)
		}
	}
}

func TestErrorBodyIsCapped(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", testBase+"/x", jsonResponder(400, `{"detail":"`+strings.Repeat("x", 2*MaxErrorBody)+`"}`))
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err := c.Do(t.Context(), req, nil)
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || len(apiErr.Body) != MaxErrorBody {
		t.Fatalf("err %v: body of %d bytes kept, want %d", err, len(apiErr.Body), MaxErrorBody)
	}
}

// TestIsTemporaryOnARealFailure: a server that drops the connection before
// answering gives an error worth a later retry.
func TestIsTemporaryOnARealFailure(t *testing.T) {
	c, _ := newServerClient(t, func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err := c.Do(t.Context(), req, nil)
	if err == nil || !favorites.IsTemporary(err) {
		t.Fatalf("a dropped connection: %v, IsTemporary %v", err, favorites.IsTemporary(err))
	}
}

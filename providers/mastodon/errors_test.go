package mastodon_test

import (
	"errors"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/favkit/favorites"
)

func TestErrors(t *testing.T) {
	doc401, err := os.ReadFile("../../testdata/mastodon/error_401.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		status   int
		body     string
		want     error
		wantMsg  string
		requests int // retried answers are asked for again
	}{
		{"bad token, the document's body", 401, string(doc401), favorites.ErrUnauthorized, "The access token is invalid", 1},
		{"oauth error with a description", 401, `{"error":"invalid_token","error_description":"The access token expired"}`,
			favorites.ErrUnauthorized, "invalid_token: The access token expired", 1},
		{"missing scope", 403, `{"error":"This action is outside the authorized scopes"}`,
			favorites.ErrForbidden, "This action is outside the authorized scopes", 1},
		{"unknown status", 404, `{"error":"Record not found"}`, favorites.ErrNotFound, "Record not found", 1},
		{"invisible status", 404, `{"error":"Not Found"}`, favorites.ErrNotFound, "Not Found", 1},
		{"app token", 422, `{"error":"This method requires an authenticated user"}`,
			favorites.ErrUnprocessable, "This method requires an authenticated user", 1},
		{"rate limited", 429, `{"error":"Too many requests"}`, favorites.ErrRateLimited, "Too many requests", 4},
		{"unavailable, HTML", 503, `<html><head><title>503 Service Unavailable</title></head></html>`,
			favorites.ErrServer, "503 Service Unavailable", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, answer{status: tt.status, body: tt.body})
			_, _, err := c.Favourite(t.Context(), "42")
			var apiErr *favorites.APIError
			if !errors.Is(err, tt.want) || !errors.As(err, &apiErr) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if apiErr.Provider != "mastodon" || apiErr.StatusCode != tt.status || apiErr.Message != tt.wantMsg ||
				apiErr.URL != mockBase+"/api/v1/statuses/42/favourite" {
				t.Errorf("APIError %+v, want status %d message %q", apiErr, tt.status, tt.wantMsg)
			}
			if n := len(m.Calls()); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
		})
	}
}

// Mastodon's 429 has no Retry-After: the wait is the time to
// X-RateLimit-Reset. One beyond the policy's MaxWait is not waited for, and
// the error tells the caller how long to wait.
func TestRateLimitedRetryAfterFromReset(t *testing.T) {
	reset := time.Now().Add(time.Hour)
	c, m := newMock(t, answer{status: 429, body: `{"error":"Too many requests"}`, header: http.Header{
		"X-Ratelimit-Remaining": {"0"},
		"X-Ratelimit-Reset":     {reset.UTC().Format(time.RFC3339Nano)},
	}})
	_, _, err := c.Favourite(t.Context(), "42")
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, favorites.ErrRateLimited) {
		t.Fatalf("error %v, want a rate-limit APIError", err)
	}
	if apiErr.RetryAfter < 59*time.Minute || apiErr.RetryAfter > time.Hour {
		t.Errorf("RetryAfter %v, want about an hour", apiErr.RetryAfter)
	}
	if n := len(m.Calls()); n != 1 {
		t.Errorf("%d requests, want 1: a reset past MaxWait is not waited for", n)
	}
}

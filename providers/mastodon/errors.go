package mastodon

import (
	"net/http"
	"time"

	"github.com/favkit/favorites"
)

// decodeError adds what the core cannot know about Mastodon's errors: a 429
// carries no Retry-After, only X-RateLimit-Reset, so RetryAfter is the time
// left until that reset. The core has already read the {"error": ...,
// "error_description": ...} body into Message.
func decodeError(e *favorites.APIError, resp *http.Response) {
	if e.StatusCode != http.StatusTooManyRequests || e.RetryAfter > 0 {
		return
	}
	reset, err := time.Parse(time.RFC3339Nano, resp.Header.Get("X-RateLimit-Reset"))
	if err == nil {
		e.RetryAfter = max(time.Until(reset), 0)
	}
}

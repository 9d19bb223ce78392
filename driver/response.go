package driver

import (
	"net/http"
	"strconv"
	"time"

	"github.com/favkit/favorites"
	"github.com/tomnomnom/linkheader"
)

func newResponse(r *http.Response) *favorites.Response {
	resp := &favorites.Response{Response: r, Rate: parseRate(r.Header)}
	for _, l := range linkheader.ParseMultiple(r.Header.Values("Link")) {
		switch l.Rel {
		case "next":
			if resp.NextURL == "" {
				resp.NextURL = resolveLink(r, l.URL)
			}
		case "prev", "previous":
			if resp.PrevURL == "" {
				resp.PrevURL = resolveLink(r, l.URL)
			}
		}
	}
	return resp
}

func parseRate(h http.Header) favorites.Rate {
	r := favorites.Rate{Limit: headerInt(h, "X-RateLimit-Limit"), Remaining: headerInt(h, "X-RateLimit-Remaining")}
	r.Reset, _ = parseResetTime(h.Get("X-RateLimit-Reset"))
	r.RetryAfter, _ = parseRetryAfter(h.Get("Retry-After"), time.Now())
	return r
}

func headerInt(h http.Header, key string) int {
	n, err := strconv.Atoi(h.Get(key))
	if err != nil {
		return -1
	}
	return n
}

// resolveLink makes a relative Link target absolute against the request URL.
// It drops the fragment, which is never sent: "#x" is the page just read,
// and must compare equal to it for a loop to be seen.
func resolveLink(r *http.Response, target string) string {
	if r.Request == nil || r.Request.URL == nil {
		return target
	}
	u, err := r.Request.URL.Parse(target)
	if err != nil {
		return target
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// WriteDone is err, or nil when resp shows that the server answered the
// write with 2xx: the write happened, and a body cut short or garbled after
// the status is no failure of it. Every adapter's Add and Remove end with
// it, which is the [favorites.Favorites] contract's "a 2xx means done"; the typed
// calls still report what was wrong with the body.
func WriteDone(resp *favorites.Response, err error) error {
	if err != nil && resp != nil && resp.Response != nil && resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	return err
}

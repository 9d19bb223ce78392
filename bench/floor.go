package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/mastodon"
)

// MastodonFloor lists every favourite the plainest way: net/http, one
// encoding/json decode a page into the SDK's own Status type, the next page
// from the Link header; no retries, no limiter, no error decoding. each
// sees every status. It returns how many there were.
func MastodonFloor(ctx context.Context, hc *http.Client, base, token string, each func(*mastodon.Status)) (int, error) {
	n := 0
	next := base + "/api/v1/favourites?limit=" + strconv.Itoa(mastodon.MaxLimit)
	for next != "" {
		var page []*mastodon.Status
		h, err := getJSON(ctx, hc, next, &page, "Authorization", "Bearer "+token)
		if err != nil {
			return n, err
		}
		for _, st := range page {
			each(st)
		}
		n += len(page)
		next = nextLink(h.Values("Link"))
	}
	return n, nil
}

// E621Floor lists every favourite the plainest way: page after page of
// MaxLimit posts until a short one, decoded with encoding/json into the
// SDK's own Post type (whose UnmarshalJSON decodes in one pass).
func E621Floor(ctx context.Context, hc *http.Client, base, login, apiKey string, each func(*e621.Post)) (int, error) {
	return e621Pages(ctx, hc, base, login, apiKey, each)
}

// V1Post is e621.Post without its methods: encoding/json v1 decodes it by
// reflection, checking the whole page first and then decoding it, the two
// passes issue 20 measures against.
type V1Post e621.Post

// E621FloorV1 is E621Floor decoding into V1Post: the floor of issue 20's
// "v1 two-pass" row.
func E621FloorV1(ctx context.Context, hc *http.Client, base, login, apiKey string, each func(*V1Post)) (int, error) {
	return e621Pages(ctx, hc, base, login, apiKey, each)
}

// e621Pages reads pages of MaxLimit posts until a short one, decoding each
// with encoding/json into a list of T.
func e621Pages[T any](ctx context.Context, hc *http.Client, base, login, apiKey string, each func(*T)) (int, error) {
	n := 0
	for page := 1; ; page++ {
		var body struct {
			Posts []*T `json:"posts"`
		}
		url := base + "/favorites.json?limit=" + strconv.Itoa(e621.MaxLimit) + "&page=" + strconv.Itoa(page)
		_, err := getJSON(ctx, hc, url, &body,
			"Authorization", basicAuth(login, apiKey), "User-Agent", "favbench/1 (by "+login+" on e621)")
		if err != nil {
			return n, err
		}
		for _, p := range body.Posts {
			each(p)
		}
		n += len(body.Posts)
		if len(body.Posts) < e621.MaxLimit {
			return n, nil
		}
	}
}

// MastodonLimit reads the same pages as MastodonFloor and only scans their
// JSON tokens (no value is built): the limit of any client that reads the
// bytes at all. It counts the statuses.
func MastodonLimit(ctx context.Context, hc *http.Client, base, token string) (int, error) {
	n := 0
	next := base + "/api/v1/favourites?limit=" + strconv.Itoa(mastodon.MaxLimit)
	for next != "" {
		h, data, err := getBody(ctx, hc, next, "Authorization", "Bearer "+token)
		if err != nil {
			return n, err
		}
		k, err := scanTokens(data, 2) // a status is an object in the list
		if err != nil {
			return n, err
		}
		n += k
		next = nextLink(h.Values("Link"))
	}
	return n, nil
}

// E621Limit reads the same pages as E621Floor and only scans their JSON
// tokens, as MastodonLimit does.
func E621Limit(ctx context.Context, hc *http.Client, base, login, apiKey string) (int, error) {
	n := 0
	for page := 1; ; page++ {
		url := base + "/favorites.json?limit=" + strconv.Itoa(e621.MaxLimit) + "&page=" + strconv.Itoa(page)
		_, data, err := getBody(ctx, hc, url,
			"Authorization", basicAuth(login, apiKey), "User-Agent", "favbench/1 (by "+login+" on e621)")
		if err != nil {
			return n, err
		}
		k, err := scanTokens(data, 3) // a post is an object in the envelope's list
		if err != nil {
			return n, err
		}
		n += k
		if k < e621.MaxLimit {
			return n, nil
		}
	}
}

// scanTokens reads every token of data and builds nothing, counting the
// objects that open at the given depth (1 is the top level).
func scanTokens(data []byte, depth int) (int, error) {
	dec := jsontext.NewDecoder(bytes.NewBuffer(data))
	n := 0
	for {
		tok, err := dec.ReadToken()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if tok.Kind() == '{' && dec.StackDepth() == depth {
			n++
		}
	}
}

// getJSON GETs url with the header pairs and decodes a 200 answer into v.
// The body is read whole, then decoded: faster than a json.Decoder on the
// body, whose buffer grows by copying, and it reads to the end, so the
// connection is reused as the SDK's is.
func getJSON(ctx context.Context, hc *http.Client, url string, v any, header ...string) (http.Header, error) {
	h, data, err := getBody(ctx, hc, url, header...)
	if err != nil {
		return nil, err
	}
	return h, json.Unmarshal(data, v)
}

// getBody GETs url with the header pairs and reads a 200 answer whole.
func getBody(ctx context.Context, hc *http.Client, url string, header ...string) (http.Header, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, nil, err
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	data, err := io.ReadAll(resp.Body)
	return resp.Header, data, err
}

// nextLink finds the rel="next" target in Link header values of the form
// `<url>; rel="next", <url>; rel="prev"`.
func nextLink(values []string) string {
	for _, v := range values {
		for l := range strings.SplitSeq(v, ",") {
			target, params, ok := strings.Cut(l, ";")
			if ok && strings.Contains(params, `rel="next"`) {
				return strings.Trim(strings.TrimSpace(target), "<>")
			}
		}
	}
	return ""
}

func basicAuth(user, password string) string {
	req := http.Request{Header: http.Header{}}
	req.SetBasicAuth(user, password)
	return req.Header.Get("Authorization")
}

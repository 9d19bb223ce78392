package driver

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/text"
	"github.com/google/go-querystring/query"
)

// Request is one API request built by [Client.NewRequest] and sent by
// [Client.Do]. Its body is held as bytes so that a retry can send it again.
type Request struct {
	Method string
	URL    *url.URL
	Header http.Header

	// Retry says which failures may be retried; the zero value decides by
	// method. See [favorites.RetryPolicy].
	Retry RetryMode

	body []byte
}

// Format prints r as fmt prints its fields, under every verb, but with the
// value of Authorization, Proxy-Authorization and Cookie replaced and the
// URL redacted: the Header of a request built by [Client.NewRequest] holds
// the credential, and a Request is what a debugging caller prints.
func (r *Request) Format(s fmt.State, verb rune) {
	if r == nil {
		formatText(s, verb, "<nil>")
		return
	}
	type request Request // the same fields without the methods, so fmt walks them
	safe := request(*r)
	safe.Header = redactHeader(r.Header)
	if r.URL != nil {
		safe.URL, _ = url.Parse(redactURL(r.URL))
	}
	fmt.Fprintf(s, fmt.FormatString(s, verb), &safe)
}

// LogValue gives slog the method, the redacted URL and the headers with
// credential values replaced.
func (r *Request) LogValue() slog.Value {
	if r == nil {
		return slog.StringValue("<nil>")
	}
	return slog.GroupValue(slog.String("method", r.Method), slog.String("url", redactURL(r.URL)),
		slog.Any("header", redactHeader(r.Header)))
}

// MarshalJSON writes what LogValue gives, as {"method", "url", "header"}:
// without it encoding/json would write the exported Header, credential and
// all, wherever a Request sits in a value marshalled as JSON (slog's JSON
// handler marshals a struct field that way).
func (r *Request) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Method string      `json:"method"`
		URL    string      `json:"url"`
		Header http.Header `json:"header"`
	}{r.Method, redactURL(r.URL), redactHeader(r.Header)})
}

// Body is a request body: [JSONBody] or [FormBody].
type Body interface {
	encode() (contentType string, data []byte, err error)
}

type jsonBody struct{ v any }

func (b jsonBody) encode() (string, []byte, error) {
	data, err := json.Marshal(b.v)
	return "application/json", data, err
}

// JSONBody encodes v as a JSON request body.
func JSONBody(v any) Body { return jsonBody{v} }

type formBody struct{ v any }

func (b formBody) encode() (string, []byte, error) {
	vals, err := queryValues(b.v)
	return "application/x-www-form-urlencoded", []byte(vals.Encode()), err
}

// FormBody encodes v as an application/x-www-form-urlencoded body. v is
// url.Values (or a map[string][]string) or a struct with go-querystring
// `url` tags.
func FormBody(v any) Body { return formBody{v} }

// queryValues encodes url.Values as they are and anything else with
// go-querystring.
func queryValues(v any) (url.Values, error) {
	switch v := v.(type) {
	case nil:
		return url.Values{}, nil
	case url.Values:
		return v, nil
	case map[string][]string:
		return v, nil
	}
	return query.Values(v)
}

// NewRequest builds a request for path, resolved below the base URL. path may
// also be an absolute URL on the base URL's scheme and host, such as a next
// link from the server; any other host is refused with [favorites.ErrCrossHostURL], so
// credentials never leave the service. q, when not nil, is url.Values or a
// go-querystring struct (or a map[string][]string) added to the query; body may be nil.
func (c *Client) NewRequest(method, path string, q any, body Body) (*Request, error) {
	u, err := c.resolve(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", favorites.ErrInvalidArgument, err)
	}
	if q != nil {
		vals, err := queryValues(q)
		if err != nil {
			return nil, fmt.Errorf("%w: encoding query: %v", favorites.ErrInvalidArgument, err)
		}
		if len(vals) > 0 {
			merged := u.Query()
			for k, vs := range vals {
				merged[k] = append(merged[k], vs...)
			}
			u.RawQuery = merged.Encode()
		}
	}
	req := &Request{Method: method, URL: u, Header: c.headers.Clone()}
	req.Header.Set("User-Agent", c.userAgent)
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	if c.cred.header != "" {
		req.Header.Set("Authorization", c.cred.header)
	}
	if body != nil {
		ct, data, err := body.encode()
		if err != nil {
			return nil, fmt.Errorf("%w: encoding body: %v", favorites.ErrInvalidArgument, err)
		}
		req.Header.Set("Content-Type", ct)
		req.body = data
	}
	return req, nil
}

// resolve turns a path or an absolute same-host URL into a URL below base.
// Its errors say what is wrong, not whose fault: the caller's path, or the
// server's link.
func (c *Client) resolve(path string) (*url.URL, error) {
	ref, err := url.Parse(path)
	if err != nil {
		return nil, fmt.Errorf("path %s: %s", text.QuoteShort(c.cred.scrub.String(path)), c.cred.scrub.String(err.Error()))
	}
	if ref.IsAbs() || ref.Host != "" {
		if ref.Scheme != c.base.Scheme || ref.Host != c.base.Host || ref.User != nil {
			return nil, fmt.Errorf("%w: %s is not on %s://%s", favorites.ErrCrossHostURL,
				text.QuoteShort(c.cred.scrub.String(ref.Redacted())), c.base.Scheme, c.base.Host)
		}
		ref.Fragment = ""
		return ref, nil
	}
	u := *c.base
	u.Path = c.base.Path + "/" + strings.TrimPrefix(ref.Path, "/")
	if ref.RawPath != "" {
		u.RawPath = c.base.EscapedPath() + "/" + strings.TrimPrefix(ref.RawPath, "/")
	}
	u.RawQuery = ref.RawQuery
	return &u, nil
}

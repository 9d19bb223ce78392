package mastodontest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// jsonParams reads a JSON object's strings and lists of strings as form
// values, as Rails' parameters give either; other values are left out.
func jsonParams(r *http.Request) (url.Values, error) {
	var body map[string]json.RawMessage
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20)).Decode(&body); err != nil {
		return nil, fmt.Errorf("the body is not a JSON object: %v", err)
	}
	v := url.Values{}
	for k, raw := range body {
		var s string
		var list []string
		switch {
		case json.Unmarshal(raw, &s) == nil:
			v.Set(k, s)
		case json.Unmarshal(raw, &list) == nil:
			v[k] = list
		}
	}
	return v, nil
}

package playplaytest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
)

// params are a request's parameters as text, whatever form they came in.
type params map[string]string

// readParams gathers parameters from the query and then the body, JSON or
// form-encoded, the body winning: the document does not say where the
// delete's parameters go, so every sensible form is accepted. JSON numbers
// and strings are both taken (stock_id is a number in the document's example
// and a string in its parameter table). A body that does not parse is a 400.
func readParams(w http.ResponseWriter, r *http.Request) (params, bool) {
	p := params{}
	for k, vs := range r.URL.Query() {
		p[k] = vs[0]
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil || len(bytes.TrimSpace(data)) == 0 {
		return p, err == nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/x-www-form-urlencoded" {
		form, err := url.ParseQuery(string(data))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Malformed form body."})
			return nil, false
		}
		for k, vs := range form {
			p[k] = vs[0]
		}
		return p, true
	}
	if !jsonParams(data, p) {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Malformed JSON body."})
		return nil, false
	}
	return p, true
}

// jsonParams adds a JSON object's string, number and null members to p.
func jsonParams(data []byte, p params) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var obj map[string]any
	if dec.Decode(&obj) != nil {
		return false
	}
	for k, v := range obj {
		switch v := v.(type) {
		case string:
			p[k] = v
		case json.Number:
			p[k] = v.String()
		case nil:
			delete(p, k)
		default:
			return false
		}
	}
	return true
}

// rawMediaID reads raw_media_id as a positive integer, answering 422 when it
// is missing (and required) or not one.
func (p params) rawMediaID(w http.ResponseWriter, required bool) (int64, bool) {
	v := p["raw_media_id"]
	if v == "" && required {
		invalid(w, "raw_media_id", "The raw media id field is required.")
		return 0, false
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 1 {
		invalid(w, "raw_media_id", "The raw media id must be a positive integer.")
		return 0, false
	}
	return id, true
}

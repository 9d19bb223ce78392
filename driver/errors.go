package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/text"
)

// MaxErrorBody is how much of an error response's body a
// favorites.APIError keeps.
const MaxErrorBody = 4 << 10

// ErrorDecoder lets a provider refine an [favorites.APIError] built from a response:
// read its own body shape, attach sentinels to Kinds. It runs after the
// default decoding has filled Message, Code and RequestID.
type ErrorDecoder func(e *favorites.APIError, resp *http.Response)

// errorBody is the union of the error shapes the five services send.
type errorBody struct {
	Error            json.RawMessage `json:"error"`
	ErrorDescription string          `json:"error_description"`
	Message          string          `json:"message"`
	Reason           string          `json:"reason"`
	Detail           json.RawMessage `json:"detail"`
	Code             json.RawMessage `json:"code"`
}

// decodeErrorBody fills e.Message and e.Code from the body's JSON, or gives a
// clean message for HTML, text or an empty body.
func decodeErrorBody(e *favorites.APIError, body []byte) {
	var b errorBody
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' || json.Unmarshal(trimmed, &b) != nil {
		e.Message = plainMessage(e.StatusCode, trimmed)
		return
	}
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(jsonText(b.Error, "message"))
	add(b.ErrorDescription)
	add(b.Message)
	add(b.Reason)
	add(jsonText(b.Detail, "msg"))
	e.Message = strings.Join(parts, ": ")
	if e.Message == "" {
		e.Message = http.StatusText(e.StatusCode)
	}
	e.Code = jsonText(b.Code, "")
}

// jsonText reads raw as a string, a number, or an object's field key.
func jsonText(raw json.RawMessage, key string) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj map[string]json.RawMessage
	if key != "" && json.Unmarshal(raw, &obj) == nil {
		return jsonText(obj[key], "")
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil && len(list) > 0 {
		return jsonText(list[0], key) // FastAPI's validation errors: [{"msg":...}]
	}
	return strings.Trim(string(raw), `"`)
}

// oneLine makes a server's message safe to print and log: control
// characters and runs of white space become one space, so a hostile body
// cannot forge log lines, and an empty message becomes the status text, or
// "status N" for a status that has none. A message over maxMessage bytes is
// cut.
func oneLine(msg string, status int) string {
	msg = strings.Join(strings.FieldsFunc(msg, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if msg == "" {
		msg = http.StatusText(status)
	}
	if msg == "" {
		msg = fmt.Sprintf("status %d", status)
	}
	if len(msg) > maxMessage {
		msg = text.CutRunes(msg, maxMessage) + "..."
	}
	return msg
}

// maxMessage bounds APIError.Message: a server's message is for a log line,
// and the whole body is in Body (up to MaxErrorBody) for anyone who needs it.
const maxMessage = 512

// asciiLower lowercases A to Z only, so that an index into its result is
// one into b. bytes.ToLower is not: it turns each invalid UTF-8 byte into
// three, and some letters change length, which made a slice out of range.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// plainMessage makes a one-line message from a body that is not JSON: the
// HTML title when there is one, short plain text, or the status text.
func plainMessage(status int, body []byte) string {
	text := http.StatusText(status)
	if i := bytes.Index(asciiLower(body), []byte("<title>")); i >= 0 {
		rest := body[i+len("<title>"):]
		if j := bytes.Index(asciiLower(rest), []byte("</title>")); j >= 0 {
			if t := strings.TrimSpace(string(rest[:j])); t != "" { // oneLine folds its white space
				return t
			}
		}
		return text
	}
	if len(body) > 0 && len(body) <= 200 && body[0] != '<' && !bytes.ContainsAny(body, "\n\r") {
		return string(body)
	}
	return text
}

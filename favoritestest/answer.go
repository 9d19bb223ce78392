package favoritestest

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
)

// answerFault reports whether f alters a served answer rather than replacing it.
func (f Fault) answerFault() bool {
	return f.TruncateBody || f.CutBody || f.StallBody || f.PadBody > 0 || f.ContentType != ""
}

// padChunk is the white space PadBody writes at a time, so that padding a
// body past a large cap never holds the whole of it in memory.
var padChunk = bytes.Repeat([]byte(" "), 32<<10)

// sendAltered sends the answer rec holds, altered by the first answer fault
// that fault sets.
func sendAltered(w http.ResponseWriter, r *http.Request, closed <-chan struct{}, fault Fault, rec *httptest.ResponseRecorder) {
	for k, vs := range rec.Header() {
		w.Header()[k] = vs
	}
	w.Header().Del("Content-Length") // the altered body has a length of its own
	status, body := rec.Code, rec.Body.Bytes()
	if status == http.StatusNoContent && (fault.CutBody || fault.StallBody || fault.PadBody > 0) {
		status = http.StatusOK
	}
	half := body[:len(body)/2]
	switch {
	case fault.TruncateBody:
		w.Header().Set("Content-Length", strconv.Itoa(len(half)))
		w.WriteHeader(status)
		_, _ = w.Write(half)
	case fault.CutBody:
		w.Header().Set("Content-Length", strconv.Itoa(max(len(body), 1)))
		w.WriteHeader(status)
		_, _ = w.Write(half)
		w.(http.Flusher).Flush() // what was sent reaches the client before the cut
		hangUp(w)
	case fault.StallBody:
		w.WriteHeader(status)
		_, _ = w.Write(half)
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-closed:
		}
	case fault.PadBody > 0:
		w.WriteHeader(status)
		_, _ = w.Write(body)
		pad(w, fault.PadBody)
	default:
		w.Header().Set("Content-Type", fault.ContentType)
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}
}

// pad writes n bytes of white space, stopping when the client stops reading.
func pad(w http.ResponseWriter, n int64) {
	for n > 0 {
		k := min(n, int64(len(padChunk)))
		if _, err := w.Write(padChunk[:k]); err != nil {
			return
		}
		n -= k
	}
}

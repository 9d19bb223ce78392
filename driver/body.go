package driver

import (
	"bytes"
	"fmt"
	"io"
	"net/http"

	"github.com/favkit/favorites"
)

// wholeBody is a response body the pacer read whole within its attempt.
type wholeBody struct {
	*bytes.Reader
	data []byte
}

func (*wholeBody) Close() error { return nil }

// readWhole replaces resp's body with its bytes, read up to max. Reading it
// inside the attempt makes a body cut short or reset a failed attempt that
// the retry policy may repeat like any other network failure, instead of an
// error after the retries are over.
func readWhole(resp *http.Response, max int64) error {
	data, err := readCapped(resp.Body, resp.ContentLength, max)
	resp.Body.Close()
	if err != nil {
		return err
	}
	resp.Body = &wholeBody{Reader: bytes.NewReader(data), data: data}
	return nil
}

// bodyBytes returns the bytes of resp's body, without a copy when the pacer
// read it whole (an http.Client with a Timeout wraps the body, and then it is
// read again).
func bodyBytes(resp *http.Response, max int64) ([]byte, error) {
	if b, ok := resp.Body.(*wholeBody); ok {
		return b.data, nil
	}
	return readCapped(resp.Body, resp.ContentLength, max)
}

// readCapped reads r to its end, refusing more than max bytes. A body that
// announces its length over max is refused before a byte is read, and one
// within it is read into a buffer of that size, so it costs its size once.
// The length is only a hint: a body that runs past it still stops at max.
func readCapped(r io.Reader, length, max int64) ([]byte, error) {
	if length > max {
		return nil, fmt.Errorf("%w: %d bytes announced, over %d", favorites.ErrResponseTooLarge, length, max)
	}
	r = io.LimitReader(r, max+1)
	var data []byte
	var err error
	if length > 0 {
		data = make([]byte, 0, length+1) // +1: room for the read that finds the end
		for err == nil && len(data) < cap(data) {
			var n int
			n, err = r.Read(data[len(data):cap(data)])
			data = data[:len(data)+n]
		}
		if err == nil { // longer than announced: read on, as for no length
			var rest []byte
			rest, err = io.ReadAll(r)
			data = append(data, rest...)
		}
	} else {
		data, err = io.ReadAll(r)
	}
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", favorites.ErrResponseTooLarge, max)
	}
	return data, nil
}

package favorites

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
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
	data, err := readCapped(resp.Body, max)
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
	return readCapped(resp.Body, max)
}

// readCapped reads r to its end, refusing more than max bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrResponseTooLarge, max)
	}
	return data, nil
}

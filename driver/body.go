package driver

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"

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
			rest, err = readUnknown(r)
			data = append(data, rest...)
		}
	} else {
		data, err = readUnknown(r)
	}
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", favorites.ErrResponseTooLarge, max)
	}
	return data, nil
}

// readUnknown reads r to its end when its length is not known (a chunked
// reply, as Mastodon sends its pages), as io.ReadAll does: into chunks,
// each half again as large as all before it, then into one slice of
// exactly the body's size, which the caller keeps (a listing's Raws are
// parts of it, so it cannot be a pooled one). Unlike io.ReadAll's, the
// chunks go back to a pool, whole: the next reply of no more bytes is read
// into them again, and costs only its own slice. A first reply costs what
// io.ReadAll's does, its size twice.
func readUnknown(r io.Reader) ([]byte, error) {
	rc := readChunks.Get().(*chunks)
	defer rc.put()
	var err error
	total, used := 0, 0
	for err == nil {
		if used == len(rc.bufs) {
			rc.bufs = append(rc.bufs, make([]byte, max(minChunk, total/2)))
		}
		c := rc.bufs[used][:0]
		for err == nil && len(c) < cap(c) {
			var n int
			n, err = r.Read(c[len(c):cap(c)])
			c = c[:len(c)+n]
		}
		rc.bufs[used] = c
		total += len(c)
		used++
	}
	data := make([]byte, 0, total)
	for _, c := range rc.bufs[:used] {
		data = append(data, c...)
	}
	if err == io.EOF {
		err = nil
	}
	return data, err
}

// chunks are the buffers of readUnknown, kept from one reply to the next.
type chunks struct{ bufs [][]byte }

// put returns the chunks to the pool, up to maxPooledChunks bytes of them.
func (rc *chunks) put() {
	kept := 0
	for i, c := range rc.bufs {
		if kept += cap(c); kept > maxPooledChunks {
			clear(rc.bufs[i:])
			rc.bufs = rc.bufs[:i]
			break
		}
	}
	readChunks.Put(rc)
}

// The first chunk is minChunk bytes, as io.ReadAll's first (a small reply
// costs little even when the pool is empty); maxPooledChunks is as many
// bytes as the pool keeps (a page of 40 Mastodon statuses is some 100 KB).
const (
	minChunk        = 512
	maxPooledChunks = 1 << 20
)

var readChunks = sync.Pool{New: func() any { return new(chunks) }}

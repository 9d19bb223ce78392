package driver

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/favkit/favorites"
)

// body is n bytes that differ from one body to the next (seed).
func body(n int, seed byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = seed + byte(i%251)
	}
	return b
}

// A body of unknown length (a chunked reply) reads byte-exact at any size,
// read a piece at a time; each result is the caller's own: reading the
// next body, whose buffer is the pool's again, or writing into one, changes
// no other.
func TestReadCappedUnknownLength(t *testing.T) {
	var kept [][]byte
	var want [][]byte
	for i, n := range []int{0, 1, minChunk - 1, minChunk, minChunk + 1, 100_000, 100_000, 50_000, maxPooledChunks + 3} {
		src := body(n, byte(i))
		got, err := readCapped(iotest.HalfReader(bytes.NewReader(src)), -1, 4<<20)
		if err != nil || !bytes.Equal(got, src) {
			t.Fatalf("body of %d bytes: %d bytes read, %v", n, len(got), err)
		}
		kept, want = append(kept, got), append(want, src)
	}
	for _, k := range kept {
		if len(k) > 0 {
			k[0] ^= 0xff // a caller writing into its Raw
		}
	}
	for i := range kept {
		if len(kept[i]) > 0 {
			kept[i][0] ^= 0xff
		}
		if !bytes.Equal(kept[i], want[i]) {
			t.Errorf("body %d changed after the bodies read after it", i)
		}
	}
}

// The cap holds with or without a length, and a length is only a hint: a
// body longer than announced is still read whole within the cap, and a
// failed read is an error.
func TestReadCappedLimits(t *testing.T) {
	src := body(1000, 7)
	if _, err := readCapped(bytes.NewReader(src), -1, 999); !errors.Is(err, favorites.ErrResponseTooLarge) {
		t.Errorf("unknown length over the cap: %v", err)
	}
	if _, err := readCapped(bytes.NewReader(src), 1000, 999); !errors.Is(err, favorites.ErrResponseTooLarge) {
		t.Errorf("announced length over the cap: %v", err)
	}
	if got, err := readCapped(bytes.NewReader(src), 10, 1000); err != nil || !bytes.Equal(got, src) {
		t.Errorf("longer than announced: %d bytes, %v", len(got), err)
	}
	if got, err := readCapped(bytes.NewReader(src), 1000, 1000); err != nil || !bytes.Equal(got, src) {
		t.Errorf("as announced: %d bytes, %v", len(got), err)
	}
	broken := io.MultiReader(bytes.NewReader(src), iotest.ErrReader(io.ErrUnexpectedEOF))
	if _, err := readCapped(broken, -1, 4000); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a read that fails: %v", err)
	}
}

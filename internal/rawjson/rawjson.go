// Package rawjson decodes the many small JSON values of a reply (a
// listing's items, an escaped string read by hand) without building
// encoding/json's decoding state afresh for each.
//
// A json.Unmarshal builds its decode state, scanner stack and field-path
// stack anew each time: for a listing, a fifth of all its allocations. A
// pooled json.Decoder keeps that state from one value to the next.
package rawjson

import (
	"bytes"
	"encoding/json"
	"sync"
)

type decoder struct {
	r   bytes.Reader
	dec *json.Decoder
}

// pooledMax is the largest value decoded through a pooled decoder.
const pooledMax = 32 << 10

var decoders = sync.Pool{New: func() any {
	d := new(decoder)
	d.dec = json.NewDecoder(&d.r)
	return d
}}

// Unmarshal decodes data, which must be exactly one JSON value, into v, as
// json.Unmarshal does. A decoder goes back to the pool only after a clean
// decode that consumed every byte of data, so it holds nothing buffered and
// no state from bad input reaches the next item. Anything else (bad input,
// white space or more after the value) is decoded again by json.Unmarshal,
// for its usual answer; encoding/json hands UnmarshalJSON the value's exact
// bytes, so a listing never takes that path.
//
// A value over pooledMax bytes is decoded by json.Unmarshal in place: the
// pooled decoder would copy it into its buffer, and fresh decoding state
// costs little beside such a value.
func Unmarshal(data []byte, v any) error {
	if len(data) > pooledMax {
		return json.Unmarshal(data, v)
	}
	d := decoders.Get().(*decoder)
	d.r.Reset(data)
	start := d.dec.InputOffset()
	if err := d.dec.Decode(v); err != nil || d.dec.InputOffset()-start != int64(len(data)) {
		return json.Unmarshal(data, v)
	}
	decoders.Put(d)
	return nil
}

package mastodon

import (
	"bytes"
	"encoding/json"
	"sync"
)

// statusDecoder is a json.Decoder kept for reuse from one status to the
// next. Every json.Unmarshal call builds encoding/json's decoding state
// afresh (its scanner stack, its field-path stack); done once per status of
// a page, as Status.UnmarshalJSON must, that was a fifth of a listing's
// allocations. A Decoder keeps that state between values.
type statusDecoder struct {
	r   bytes.Reader
	dec *json.Decoder
}

var statusDecoders = sync.Pool{New: func() any {
	d := new(statusDecoder)
	d.dec = json.NewDecoder(&d.r)
	return d
}}

// decodeValue decodes data, which must be exactly one JSON value, into v, as
// json.Unmarshal does. A decoder goes back to the pool only after a clean
// decode that consumed every byte of data, so it holds nothing buffered and
// no state from bad input reaches the next status. Anything else (bad input,
// white space or more after the value) is decoded again by json.Unmarshal,
// for its usual answer; encoding/json hands UnmarshalJSON the value's exact
// bytes, so a listing never takes that path.
func decodeValue(data []byte, v any) error {
	d := statusDecoders.Get().(*statusDecoder)
	d.r.Reset(data)
	start := d.dec.InputOffset()
	if err := d.dec.Decode(v); err != nil || d.dec.InputOffset()-start != int64(len(data)) {
		return json.Unmarshal(data, v)
	}
	statusDecoders.Put(d)
	return nil
}

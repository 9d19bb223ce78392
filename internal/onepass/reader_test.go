package onepass

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"testing"
	"time"
)

// sample has a field of each type Reader reads; its JSON names are
// lower-case ASCII, as Object's callers' switches spell them.
type sample struct {
	S     string     `json:"s"`
	I     int        `json:"i"`
	I64   int64      `json:"i64"`
	F     float64    `json:"f"`
	B     bool       `json:"b"`
	T     time.Time  `json:"t"`
	P     *int64     `json:"p"`
	Inner innerValue `json:"inner"`
}

type innerValue struct {
	K string `json:"kind"`
	N int    `json:"n"`
}

// readSample reads a sample as a provider's reader would.
func readSample(r *Reader, s *sample, ints *Slab[int64]) error {
	return r.Object("a sample", func(name []byte) (bool, error) {
		switch string(name) {
		case "s":
			return true, r.Str(&s.S)
		case "i":
			return true, r.Int(&s.I)
		case "i64":
			return true, r.Int64(&s.I64)
		case "f":
			return true, r.Float(&s.F)
		case "b":
			return true, r.Bool(&s.B)
		case "t":
			return true, r.Time(&s.T)
		case "p":
			return true, Ptr(r, &s.P, ints, r.Int64)
		case "inner":
			return true, r.Object("the inner value", func(name []byte) (bool, error) {
				switch string(name) {
				case "kind":
					return true, r.Str(&s.Inner.K)
				case "n":
					return true, r.Int(&s.Inner.N)
				}
				return false, nil
			})
		}
		return false, nil
	})
}

// readerShapes take every rule of Reader's doc: names folded (the Kelvin
// sign and the long s among them), escaped or unknown; repeated names;
// nulls; escapes and invalid UTF-8; numbers at their types' limits; values
// of the wrong kind; JSON that is not.
var readerShapes = []string{
	`{"s":"a","i":1,"i64":2,"f":1.5,"b":true,"t":"2024-01-02T03:04:05Z","p":3,"inner":{"kind":"k","n":4}}`,
	`{"S":"a","I64":2,"F":1.5,"B":true,"P":3,"INNER":{"KIND":"k","N":4}}`,
	`{"\u0073":"a","` + "\u212aind" + `":"x","inner":{"` + "\u212aind" + `":"k"},"i\u0036\u0034":9}`,
	`{"` + "\u017f" + `":"long s","unknown":{"a":[1,{"b":null}]},"s":"b"}`,
	`{"s":"a","s":null,"i":1,"i":null,"p":1,"p":2,"inner":{"n":1},"inner":{"kind":"k"}}`,
	`{"p":1,"p":null,"t":null,"b":null,"f":null,"inner":null}`,
	`{"s":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800"}`,
	`{"s":"` + "a\xffb\xc3" + `","` + "\xff" + `":1}`,
	`{"i64":9223372036854775807,"i":-9223372036854775808,"f":1e308}`,
	`{"i64":9223372036854775808}`,
	`{"i":999999999999999999,"i64":-999999999999999999}`,
	`{"i":1e2}`,
	`{"i":1.0}`,
	`{"i":-0,"f":-0.0}`,
	`{"f":1e309}`,
	`{"t":"2024-13-02T03:04:05Z"}`,
	`{"t":1}`,
	`{"s":1}`,
	`{"b":"true"}`,
	`{"i":"1"}`,
	`{"inner":[]}`,
	`[]`,
	`"s"`,
	`null`,
	`{"s":"a",}`,
	`{"s":tru}`,
	`{"s":"a"`,
}

// differsFromEncodingJSON reads data as a sample with r and says how that
// differs from encoding/json v1's reading: the same values, and an error
// exactly where v1 has one. It leaves r released.
func differsFromEncodingJSON(r *Reader, data []byte) string {
	var want sample
	wantErr := json.Unmarshal(data, &want)

	var got sample
	var ints Slab[int64]
	r.Reset(data)
	err := readSample(r, &got, &ints)
	if err == nil {
		if _, end := r.Dec.ReadToken(); end != io.EOF {
			err = fmt.Errorf("more after the value: %v", end)
		}
	}
	r.Release() // resolves the strings

	switch {
	case (err != nil) != (wantErr != nil):
		return fmt.Sprintf("%q: error %v, encoding/json's %v", data, err, wantErr)
	case err == nil && !reflect.DeepEqual(got, want):
		return fmt.Sprintf("%q:\n got %+v\nwant %+v", data, got, want)
	}
	return ""
}

// The readers decode every shape to what encoding/json v1 decodes, and
// refuse exactly the shapes v1 refuses.
func TestReaderReadsAsEncodingJSON(t *testing.T) {
	for _, shape := range readerShapes {
		if msg := differsFromEncodingJSON(new(Reader), []byte(shape)); msg != "" {
			t.Error(msg)
		}
	}
}

// FuzzReaderReadsAsEncodingJSON holds the readers to encoding/json v1 on
// any input.
func FuzzReaderReadsAsEncodingJSON(f *testing.F) {
	for _, shape := range readerShapes {
		f.Add([]byte(shape))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if msg := differsFromEncodingJSON(new(Reader), data); msg != "" {
			t.Fatal(msg)
		}
	})
}

// A Reader is reused: Reset reads new data from its start, whatever the
// reply before it left, and Release leaves nothing of the reply behind.
func TestReaderResetAndRelease(t *testing.T) {
	var r Reader
	for _, data := range []string{`{"s":"first","p":1}`, `{"s":"second","i":2}`, `{"s":tru}`, `{"s":"third"}`} {
		if msg := differsFromEncodingJSON(&r, []byte(data)); msg != "" {
			t.Error(msg)
		}
		if r.Buf != nil {
			t.Errorf("after %s, Release left Buf holding %q", data, r.Buf)
		}
	}
}

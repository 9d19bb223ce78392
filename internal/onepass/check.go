package onepass

import (
	"errors"
	"io"
	"sync"
)

// checkers are the Readers CheckValue and Name use, kept from one call to
// the next so that a check allocates nothing.
var checkers = sync.Pool{New: func() any { return new(Reader) }}

// CheckValue refuses v unless it is exactly one JSON value, as encoding/json
// v1 accepts one (repeated names and invalid UTF-8 included).
func CheckValue(v []byte) error {
	r := checkers.Get().(*Reader)
	defer putChecker(r)
	r.Reset(v)
	if err := r.Dec.SkipValue(); err != nil {
		return err
	}
	if _, err := r.Dec.ReadToken(); err != io.EOF {
		return errors.New("more JSON after a value")
	}
	return nil
}

// Name reads a member's name, quoted as the reply holds it, as encoding/json
// v1 reads it: unquoted, invalid UTF-8 replaced. A name that is not a JSON
// string is an error.
func Name(quoted []byte) (string, error) {
	r := checkers.Get().(*Reader)
	defer putChecker(r)
	r.Reset(quoted)
	tok, err := r.Dec.ReadToken()
	if err != nil {
		return "", err
	}
	if tok.Kind() != '"' {
		return "", errors.New("a member's name that is not a string")
	}
	return tok.String(), nil
}

func putChecker(r *Reader) {
	r.Reset(nil)
	checkers.Put(r)
}

package files

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/favkit/favorites"
)

// Removal is one line of <backup>.removed, which versions of the backup
// program before format 2 wrote beside a backup file of version 1: a
// favourite the provider said was removed, and when the run learnt it.
type Removal struct {
	Provider string        `json:"provider"`
	Ref      favorites.Ref `json:"ref"`
}

// ReadRemoved reads the refs of the removals file at path, up to size bytes
// (size < 0: all of it), in the order they were written. A file that does
// not exist holds none. A last line without its newline, which a run cut
// short left, is not read; any other line that is not a removal is an
// error naming it.
func ReadRemoved(path string, size int64) ([]favorites.Ref, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if size >= 0 {
		r = io.LimitReader(f, size)
	}
	var refs []favorites.Ref
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			return refs, nil // a line without its newline was cut short
		}
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rm Removal
		if err := json.Unmarshal(line, &rm); err != nil || rm.Ref.ID == "" {
			return nil, fmt.Errorf("%s: line %d is not a removal: %.80q", path, n, line)
		}
		refs = append(refs, rm.Ref)
	}
}

// Package files holds what the example programs keep beside a backup file:
// their state, saved so that a crash leaves the old state or the new, and
// the removals an earlier version of the backup program wrote beside the
// file.
package files

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// Load reads the JSON at path into v; a file that does not exist leaves v
// as it is and is no error.
func Load(path string, v any) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Save replaces the file at path with v's JSON atomically: a crash leaves
// the old file or the new one, never half of each.
func Save(path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

package files

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadRemoved(t *testing.T) {
	line := func(id string) string {
		return `{"provider":"e621","ref":{"id":"` + id + `"},"noticed":"2026-01-01T00:00:00Z"}` + "\n"
	}
	tests := []struct {
		name, text string
		size       int64
		want, err  string
	}{
		{"every line", line("1") + line("2"), -1, "[1 2]", ""},
		{"up to size", line("1") + line("2"), int64(len(line("1"))), "[1]", ""},
		{"a last line cut short", line("1") + `{"provider":"e621","ref":{"id":"2`, -1, "[1]", ""},
		{"a bad line", line("1") + "garbage\n" + line("3"), -1, "", "line 2 is not a removal"},
		{"a line without a ref", `{"provider":"e621"}` + "\n", -1, "", "line 1 is not a removal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "b.jsonl.removed")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			refs, err := ReadRemoved(path, tt.size)
			var ids []string
			for _, r := range refs {
				ids = append(ids, r.ID)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("ReadRemoved = %v, %v; want an error saying %q", ids, err, tt.err)
				}
				return
			}
			if err != nil || fmt.Sprint(ids) != tt.want {
				t.Errorf("ReadRemoved = %v, %v; want %s", ids, err, tt.want)
			}
		})
	}
	if refs, err := ReadRemoved(filepath.Join(t.TempDir(), "none"), -1); refs != nil || err != nil {
		t.Errorf("a missing file: %v, %v", refs, err)
	}
}

// Save replaces the file whole, and Load reads it back; a missing file
// leaves the value as it was.
func TestSaveLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.json")
	v := struct{ N int }{N: 7}
	if err := Load(path, &v); err != nil || v.N != 7 {
		t.Fatalf("Load of a missing file: %v, %+v", err, v)
	}
	if err := Save(path, struct{ N int }{N: 3}); err != nil {
		t.Fatal(err)
	}
	if err := Load(path, &v); err != nil || v.N != 3 {
		t.Errorf("Load = %v, %+v", err, v)
	}
	if _, err := os.Stat(path + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("the temporary file stayed: %v", err)
	}
	if err := os.WriteFile(path, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Load(path, &v); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("Load of bad JSON: %v, want an error naming the file", err)
	}
}

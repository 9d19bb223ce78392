package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// v1Lines are the favourites as an earlier version wrote them: one
// favorites.Favorite a line, no header.
func v1Lines(t *testing.T, refs ...favorites.Ref) string {
	t.Helper()
	var b strings.Builder
	for _, r := range refs {
		line, err := json.Marshal(favorites.Favorite{Provider: "memory", Ref: r, Raw: json.RawMessage(`{}`)})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	return b.String()
}

// A file an earlier version wrote (format 1, removals in <out>.removed)
// goes on: the first -incremental run appends a part of format 2 that
// carries the removals saved in the state, not those of a run cut short
// after them, and the file then reads back in full.
func TestIncrementalGoesOnFromFormat1(t *testing.T) {
	m := removing{Memory: favoritestest.NewMemory("memory", memRefs(0, 6)...)}
	out := filepath.Join(t.TempDir(), "memory.jsonl")
	// Format 1: the listing newest first, then refs 7 and 8 that an
	// incremental run appended; 2 and 8 removed since, and a run cut short
	// after noticing 4 gone.
	text := v1Lines(t, memRefs(0, 6)...) + v1Lines(t, favorites.Ref{ID: "7"}, favorites.Ref{ID: "8"})
	removed := `{"provider":"memory","ref":{"id":"2"},"noticed":"2026-01-01T00:00:00Z"}` + "\n" +
		`{"provider":"memory","ref":{"id":"8"},"noticed":"2026-01-02T00:00:00Z"}` + "\n"
	crashed := `{"provider":"memory","ref":{"id":"4"},"noticed":"2026-01-03T00:00:00Z"}` + "\n"
	mark, err := m.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	old := fmt.Sprintf(`{"provider":"memory","cursor":"","page_size":0,"offset":%d,"count":8,"done":true,"mark":%q,"removed_offset":%d}`,
		len(text), mark.Mark, len(removed))
	for path, data := range map[string]string{out: text, out + ".removed": removed + crashed, out + ".state": old} {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	addAll(t, m.Memory, favorites.Ref{ID: "new"})
	var report strings.Builder
	if n, err := incremental(t.Context(), target{f: m, path: out}, &report); err != nil || n != 1 {
		t.Fatalf("incremental on a file of format 1: %d, %v", n, err)
	}
	if !strings.Contains(report.String(), "removals: 2 that an earlier version wrote to "+out+".removed are now in the file") {
		t.Errorf("report %q does not say the removals were carried", report.String())
	}
	b, got := readBackup(t, out)
	// Format 1 reads as one listing, newest first: 8 and 7, appended
	// last, come first (the package doc's rule), then the part of changes.
	want := "[7 5 4 3 1 0 new]"
	if fmt.Sprint(got) != want || !b.Legacy() || len(b.Parts()) != 1 {
		t.Errorf("read back %v (legacy %v, parts %+v); want %s, legacy, one part", got, b.Legacy(), b.Parts(), want)
	}
	// The next run carries nothing again.
	addAll(t, m.Memory, favorites.Ref{ID: "newer"})
	report.Reset()
	if _, err := incremental(t.Context(), target{f: m, path: out}, &report); err != nil || strings.Contains(report.String(), "earlier version") {
		t.Fatalf("second run: %v, %q", err, report.String())
	}
	checkFile(t, out, m.Memory, []favorites.Ref{{ID: "7"}, {ID: "5"}, {ID: "4"}, {ID: "3"}, {ID: "1"}, {ID: "0"}, {ID: "new"}, {ID: "newer"}})
}

// An unfinished full backup of format 1 is finished in its own form: no
// header in the middle of it.
func TestFullBackupOfFormat1Resumes(t *testing.T) {
	m := favoritestest.NewMemory("memory", memRefs(0, 9)...)
	m.PageSize = 4
	out := filepath.Join(t.TempDir(), "memory.jsonl")
	pager := m.List(&favorites.ListOptions{PageSize: 4})
	page, err := pager.NextPage(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	text := v1Lines(t, memRefs(0, 4)...)
	old := fmt.Sprintf(`{"provider":"memory","cursor":%q,"page_size":4,"offset":%d,"count":4,"done":false}`, pager.Cursor(), len(text))
	if len(page.Items) != 4 || os.WriteFile(out, []byte(text), 0o644) != nil || os.WriteFile(out+".state", []byte(old), 0o644) != nil {
		t.Fatal("setting up the format 1 file")
	}
	if n, err := full(t.Context(), target{f: m, path: out}, 0, 0, io.Discard); err != nil || n != 9 {
		t.Fatalf("resumed: %d, %v", n, err)
	}
	b, got := readBackup(t, out)
	if len(got) != 9 || !b.Legacy() || len(b.Parts()) != 0 {
		t.Errorf("read back %v (legacy %v, parts %+v); want 9 favourites of format 1 alone", got, b.Legacy(), b.Parts())
	}
}

// A base URL goes into the file without what could hold a secret.
func TestPublicURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://mastodon.social", "https://mastodon.social"},
		{"https://user:secret@mastodon.example/sub/?token=x#frag", "https://mastodon.example/sub/"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := publicURL(tt.in); got != tt.want {
			t.Errorf("publicURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

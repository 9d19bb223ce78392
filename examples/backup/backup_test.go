package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
)

func TestBackupResumesWithoutDuplicates(t *testing.T) {
	var refs []favorites.Ref
	for i := range 23 {
		refs = append(refs, favorites.Ref{ID: strconv.Itoa(i)})
	}
	m := favoritestest.NewMemory("memory", refs...)
	m.PageSize = 5
	out := filepath.Join(t.TempDir(), "memory.jsonl")

	n, err := full(t.Context(), target{f: m, path: out}, 0, 2, io.Discard) // interrupted after 2 pages
	if err != nil || n != 10 {
		t.Fatalf("first run: %d, %v", n, err)
	}
	// A crash after writing part of the third page, before its state was saved.
	f, _ := os.OpenFile(out, os.O_APPEND|os.O_WRONLY, 0)
	_, _ = f.WriteString(`{"provider":"memory","ref":{"id":"10"}}` + "\n" + `{"provid`)
	f.Close()

	var progress strings.Builder
	if n, err = full(t.Context(), target{f: m, path: out}, 0, 0, &progress); err != nil || n != 23 {
		t.Fatalf("resumed run: %d, %v", n, err)
	}
	if !strings.Contains(progress.String(), "\r23 favourites, ") || !strings.HasSuffix(progress.String(), "/s") {
		t.Errorf("progress line %q does not show the count and the rate", progress.String())
	}
	if n, err = full(t.Context(), target{f: m, path: out}, 0, 0, io.Discard); err != nil || n != 23 {
		t.Fatalf("run after completion: %d, %v", n, err)
	}
	got := readLines(t, out)
	if len(got) != 23 {
		t.Fatalf("%d lines, want 23", len(got))
	}
	b, made := readBackup(t, out)
	if parts := b.Parts(); len(parts) != 1 || parts[0].Kind != backup.Full || parts[0].Provider != "memory" || len(made) != 23 || made[0].ID != "22" {
		t.Errorf("read back: parts %+v, %d favourites, oldest %v; want one full part of 23, the oldest 22", parts, len(made), made)
	}
	seen := map[string]bool{}
	for _, fav := range got {
		if seen[fav.Ref.ID] || fav.Provider != "memory" || len(fav.Raw) == 0 {
			t.Fatalf("bad or repeated line: %+v", fav)
		}
		seen[fav.Ref.ID] = true
	}
}

func TestBackupRefusesAnotherProvidersFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.jsonl")
	if _, err := full(t.Context(), target{f: favoritestest.NewMemory("a", favorites.Ref{ID: "1"}), path: out}, 0, 0, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(out + ".state"); err != nil {
		t.Fatal(err)
	}
	_ = saveState(out+".state", state{Provider: "a", Cursor: "1"})
	if _, err := full(t.Context(), target{f: favoritestest.NewMemory("b"), path: out}, 0, 0, io.Discard); err == nil {
		t.Fatal("backup of provider b continued provider a's file")
	}
}

// readLines reads the favourites' lines of the backup at path, in the
// file's order, and wants each other line a header or a removal.
func readLines(t *testing.T, path string) []favorites.Favorite {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []favorites.Favorite
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var line struct {
			favorites.Favorite
			Header  *int           `json:"favkit_backup"`
			Removed *favorites.Ref `json:"removed"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		switch {
		case line.Header != nil || line.Removed != nil:
		case line.Ref.ID == "":
			t.Fatalf("line %d is no header, favourite or removal: %s", n, sc.Bytes())
		default:
			out = append(out, line.Favorite)
		}
	}
	return out
}

// readBackup reads the backup at path as package backup does: the
// favourites there at its end, oldest first.
func readBackup(t *testing.T, path string) (*backup.File, []favorites.Ref) {
	t.Helper()
	b, err := backup.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	var refs []favorites.Ref
	for fav, err := range b.Favorites() {
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, fav.Ref)
	}
	return b, refs
}

// TestBackupResumeOnE621 interrupts a backup of the e621 fake, changes the
// favourites between the runs (some listed ones removed, new ones added),
// resumes, and wants every favourite that was there all along in the file,
// once. One case removes the last posts the cursor remembers, so that the
// resumed listing starts again from page 1 and repeats what the file has.
func TestBackupResumeOnE621(t *testing.T) {
	tests := []struct {
		name   string
		change func(srv *e621test.Server, favs, spare []int64) error
	}{
		{"listed favourites removed", func(s *e621test.Server, f, _ []int64) error {
			return s.Unfavorite(e621test.Login, f[2], f[9], f[14])
		}},
		{"favourites added and removed", func(s *e621test.Server, f, sp []int64) error {
			return errors.Join(s.Favorite(e621test.Login, sp[:4]...), s.Unfavorite(e621test.Login, f[5], f[22]))
		}},
		{"the remembered posts removed", func(s *e621test.Server, f, _ []int64) error {
			return s.Unfavorite(e621test.Login, f[16:20]...)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := e621test.NewServer(e621test.WithRateLimit(0))
			t.Cleanup(srv.Close)
			ids := srv.AddPosts(40)
			if err := srv.Favorite(e621test.Login, ids[:33]...); err != nil {
				t.Fatal(err)
			}
			favs := srv.Favorites(e621test.Login)
			c, err := e621.New(e621test.Login, e621test.APIKey, favorites.WithBaseURL(srv.URL), favorites.WithRateLimiter(nil))
			if err != nil {
				t.Fatal(err)
			}
			a := e621.NewAdapter(c)
			out := filepath.Join(t.TempDir(), "e621.jsonl")
			if n, err := full(t.Context(), target{f: a, path: out}, 10, 2, io.Discard); err != nil || n != 20 {
				t.Fatalf("first run: %d, %v", n, err)
			}
			if _, err := full(t.Context(), target{f: a, path: out}, 7, 0, io.Discard); err == nil {
				t.Fatal("a rerun with another page size than the state's was not refused")
			}
			if err := tt.change(srv, favs, ids[33:]); err != nil {
				t.Fatal(err)
			}
			if _, err := full(t.Context(), target{f: a, path: out}, 0, 0, io.Discard); err != nil {
				t.Fatalf("resumed run: %v", err)
			}
			now := srv.Favorites(e621test.Login)
			got := map[string]int{}
			for _, fav := range readLines(t, out) {
				got[fav.Ref.ID]++
			}
			for _, id := range favs {
				ref := strconv.FormatInt(id, 10)
				if slices.Contains(now, id) && got[ref] == 0 {
					t.Errorf("favourite %d, there all along, is not in the backup", id)
				}
			}
			for ref, n := range got {
				if n > 1 {
					t.Errorf("favourite %s is in the backup %d times", ref, n)
				}
			}
		})
	}
}

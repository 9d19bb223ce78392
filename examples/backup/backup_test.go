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

	n, err := backup(t.Context(), m, out, 0, 2, io.Discard) // interrupted after 2 pages
	if err != nil || n != 10 {
		t.Fatalf("first run: %d, %v", n, err)
	}
	// A crash after writing part of the third page, before its state was saved.
	f, _ := os.OpenFile(out, os.O_APPEND|os.O_WRONLY, 0)
	_, _ = f.WriteString(`{"provider":"memory","ref":{"id":"10"}}` + "\n" + `{"provid`)
	f.Close()

	var progress strings.Builder
	if n, err = backup(t.Context(), m, out, 0, 0, &progress); err != nil || n != 23 {
		t.Fatalf("resumed run: %d, %v", n, err)
	}
	if !strings.Contains(progress.String(), "\r23 favourites, ") || !strings.HasSuffix(progress.String(), "/s") {
		t.Errorf("progress line %q does not show the count and the rate", progress.String())
	}
	if n, err = backup(t.Context(), m, out, 0, 0, io.Discard); err != nil || n != 23 {
		t.Fatalf("run after completion: %d, %v", n, err)
	}
	got := readLines(t, out)
	if len(got) != 23 {
		t.Fatalf("%d lines, want 23", len(got))
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
	if _, err := backup(t.Context(), favoritestest.NewMemory("a", favorites.Ref{ID: "1"}), out, 0, 0, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(out + ".state"); err != nil {
		t.Fatal(err)
	}
	_ = saveState(out+".state", state{Provider: "a", Cursor: "1"})
	if _, err := backup(t.Context(), favoritestest.NewMemory("b"), out, 0, 0, io.Discard); err == nil {
		t.Fatal("backup of provider b continued provider a's file")
	}
}

func readLines(t *testing.T, path string) []favorites.Favorite {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []favorites.Favorite
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var fav favorites.Favorite
		if err := json.Unmarshal(sc.Bytes(), &fav); err != nil {
			t.Fatalf("line %d: %v", len(out)+1, err)
		}
		out = append(out, fav)
	}
	return out
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
			if n, err := backup(t.Context(), a, out, 10, 2, io.Discard); err != nil || n != 20 {
				t.Fatalf("first run: %d, %v", n, err)
			}
			if _, err := backup(t.Context(), a, out, 7, 0, io.Discard); err == nil {
				t.Fatal("a rerun with another page size than the state's was not refused")
			}
			if err := tt.change(srv, favs, ids[33:]); err != nil {
				t.Fatal(err)
			}
			if _, err := backup(t.Context(), a, out, 0, 0, io.Discard); err != nil {
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

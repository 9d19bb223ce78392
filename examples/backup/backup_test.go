package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
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

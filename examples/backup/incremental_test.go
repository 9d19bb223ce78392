package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
)

func memRefs(from, to int) []favorites.Ref {
	var refs []favorites.Ref
	for i := from; i < to; i++ {
		refs = append(refs, favorites.Ref{ID: strconv.Itoa(i)})
	}
	return refs
}

// made is a Memory's refs as NewMemory takes them, newest first, in the
// order they were made, oldest first, followed by those added since.
func made(seeded []favorites.Ref, since ...favorites.Ref) []favorites.Ref {
	out := slices.Clone(seeded)
	slices.Reverse(out)
	return append(out, since...)
}

// addAll adds refs to m, failing the test on an error.
func addAll(t *testing.T, m *favoritestest.Memory, refs ...favorites.Ref) {
	t.Helper()
	for _, r := range refs {
		if err := m.Add(t.Context(), r); err != nil {
			t.Fatal(err)
		}
	}
}

// checkFile wants the backup at path to read back as exactly want, in
// that order (oldest first), and its state to count its favourites' lines,
// end at the file's end and hold m's mark now.
func checkFile(t *testing.T, path string, m *favoritestest.Memory, want []favorites.Ref) {
	t.Helper()
	if _, got := readBackup(t, path); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the backup reads back as\n%v\nwant\n%v", got, want)
	}
	st, err := loadState(path + ".state")
	info, statErr := os.Stat(path)
	if err != nil || statErr != nil {
		t.Fatal(err, statErr)
	}
	now, err := m.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	lines := len(readLines(t, path))
	if st.Count != lines || st.Offset != info.Size() || !st.Done || st.Mark != now.Mark || st.Provider != "memory" || st.Format != 2 {
		t.Errorf("state %+v; want count %d, offset %d, done, mark %q, format 2", st, lines, info.Size(), now.Mark)
	}
}

// TestIncrementalAppendsOnlyWhatIsNew makes a full backup of a Memory,
// changes the list during or after it, and wants each incremental run to
// bring the file to exactly the favourites there have been, each once.
func TestIncrementalAppendsOnlyWhatIsNew(t *testing.T) {
	tests := []struct {
		name       string
		during     []favorites.Ref // added while the full backup lists its second page
		after      func(m *favoritestest.Memory) error
		want       []favorites.Ref
		wantReport string
	}{
		{name: "nothing new", want: made(memRefs(0, 23)), wantReport: "0 new favourites appended"},
		{name: "added between runs", after: func(m *favoritestest.Memory) error {
			return errors.Join(m.Add(context.Background(), favorites.Ref{ID: "a"}), m.Add(context.Background(), favorites.Ref{ID: "b"}))
		}, want: made(memRefs(0, 23), favorites.Ref{ID: "a"}, favorites.Ref{ID: "b"}), wantReport: "2 new favourites appended"},
		{name: "added during the full backup", during: []favorites.Ref{{ID: "x"}},
			want: made(memRefs(0, 23), favorites.Ref{ID: "x"}), wantReport: "1 new favourites appended"},
		{name: "removed and added again: its new place", after: func(m *favoritestest.Memory) error {
			return errors.Join(m.Remove(context.Background(), favorites.Ref{ID: "3"}), m.Add(context.Background(), favorites.Ref{ID: "3"}))
		}, want: made(slices.DeleteFunc(memRefs(0, 23), func(r favorites.Ref) bool { return r.ID == "3" }), favorites.Ref{ID: "3"}),
			wantReport: "1 new favourites appended to "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := favoritestest.NewMemory("memory", memRefs(0, 23)...)
			m.PageSize = 5
			pending := tt.during
			m.Fail = func(op string, _ favorites.Ref) error {
				if op == "list" && m.Calls("list") == 2 && len(pending) > 0 {
					r := pending
					pending = nil
					addAll(t, m, r...)
				}
				return nil
			}
			out := filepath.Join(t.TempDir(), "memory.jsonl")
			if _, err := full(t.Context(), target{f: m, path: out}, 0, 0, io.Discard); err != nil {
				t.Fatal(err)
			}
			if tt.after != nil {
				if err := tt.after(m); err != nil {
					t.Fatal(err)
				}
			}
			var report strings.Builder
			if _, err := incremental(t.Context(), target{f: m, path: out}, &report); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(report.String(), tt.wantReport) || !strings.Contains(report.String(), "removals: memory does not report them") {
				t.Errorf("report %q lacks %q or the removals line", report.String(), tt.wantReport)
			}
			checkFile(t, out, m, tt.want)
			if _, err := incremental(t.Context(), target{f: m, path: out}, io.Discard); err != nil { // again: nothing new
				t.Fatal(err)
			}
			checkFile(t, out, m, tt.want)
		})
	}
}

// removing is a Memory whose Changes also reports removals, as waifu.im's
// and DCH's do.
type removing struct {
	*favoritestest.Memory
	removed []favorites.Ref
}

func (r removing) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	ch, err := r.Memory.Changes(ctx, mark)
	if err == nil && mark != "" {
		ch.Removed, ch.RemovalsKnown = r.removed, true
	}
	return ch, err
}

// TestIncrementalInterrupted cuts an incremental run short after its lines
// were written and synced but before its state was saved (the old state
// put back, half a line after it), and wants the rerun to write each new
// favourite and each removal once, and to skip none, even with more added
// in between.
func TestIncrementalInterrupted(t *testing.T) {
	m := favoritestest.NewMemory("memory", memRefs(0, 12)...)
	f := removing{Memory: m, removed: []favorites.Ref{{ID: "gone"}}}
	out := filepath.Join(t.TempDir(), "memory.jsonl")
	if _, err := full(t.Context(), target{f: f, path: out}, 0, 0, io.Discard); err != nil {
		t.Fatal(err)
	}
	addAll(t, m, memRefs(100, 104)...)
	oldState, err := os.ReadFile(out + ".state")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := incremental(t.Context(), target{f: f, path: out}, io.Discard); err != nil || n != 4 {
		t.Fatalf("first incremental run: %d, %v", n, err)
	}
	// The crash: the new state never reached the disk; a line was half written.
	if err := os.WriteFile(out+".state", oldState, 0o644); err != nil {
		t.Fatal(err)
	}
	fh, _ := os.OpenFile(out, os.O_APPEND|os.O_WRONLY, 0)
	_, _ = fh.WriteString(`{"provider":"memory","ref":{"id":"10`)
	fh.Close()
	addAll(t, m, favorites.Ref{ID: "104"})
	var report bytes.Buffer
	if n, err := incremental(t.Context(), target{f: f, path: out}, &report); err != nil || n != 5 {
		t.Fatalf("rerun: %d, %v", n, err)
	}
	if !strings.Contains(report.String(), "removals: 1, written in "+out) {
		t.Errorf("report %q does not say the removal is in the file", report.String())
	}
	// The favourites added since come newest first from Changes: the file
	// has them in the order they were made all the same.
	checkFile(t, out, m, made(memRefs(0, 12), memRefs(100, 105)...))
	data, _ := os.ReadFile(out)
	if n := strings.Count(string(data), `{"removed":{"id":"gone"}}`); n != 1 {
		t.Errorf("the removal is in the file %d times, want once", n)
	}
	if _, err := os.Stat(out + ".removed"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a removals file beside the backup: %v", err)
	}
}

// TestIncrementalFailureChangesNothing wants a run whose listing fails to
// leave the backup and its state as they were, so the next run lists the
// same changes.
func TestIncrementalFailureChangesNothing(t *testing.T) {
	m := favoritestest.NewMemory("memory", memRefs(0, 7)...)
	out := filepath.Join(t.TempDir(), "memory.jsonl")
	if _, err := full(t.Context(), target{f: m, path: out}, 0, 0, io.Discard); err != nil {
		t.Fatal(err)
	}
	addAll(t, m, memRefs(50, 53)...)
	before, _ := os.ReadFile(out + ".state")
	m.Fail = func(op string, _ favorites.Ref) error {
		if op == "changes" {
			return favorites.ErrServer
		}
		return nil
	}
	if _, err := incremental(t.Context(), target{f: m, path: out}, io.Discard); !errors.Is(err, favorites.ErrServer) {
		t.Fatalf("incremental = %v, want the listing's error", err)
	}
	if after, _ := os.ReadFile(out + ".state"); !bytes.Equal(before, after) {
		t.Fatalf("state changed by a failed run:\n%s\n%s", before, after)
	}
	m.Fail = nil
	if n, err := incremental(t.Context(), target{f: m, path: out}, io.Discard); err != nil || n != 3 {
		t.Fatalf("next run: %d, %v", n, err)
	}
	checkFile(t, out, m, made(memRefs(0, 7), memRefs(50, 53)...))
}

// plain hides a Memory's Changes: a provider that cannot list changes.
type plain struct{ favorites.Favorites }

// TestIncrementalRefusals wants -incremental to refuse, saying what to do,
// every file it cannot go on from, and to leave the file alone.
func TestIncrementalRefusals(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, m *favoritestest.Memory, out string) favorites.Favorites
		want  []string
	}{
		{"no backup yet", func(t *testing.T, m *favoritestest.Memory, out string) favorites.Favorites { return m },
			[]string{"has no backup to add to", "run backup without -incremental first"}},
		{"full backup not finished", func(t *testing.T, m *favoritestest.Memory, out string) favorites.Favorites {
			if _, err := full(t.Context(), target{f: m, path: out}, 0, 1, io.Discard); err != nil {
				t.Fatal(err)
			}
			return m
		}, []string{"is not finished", "run backup without -incremental first"}},
		{"backup without a mark", func(t *testing.T, m *favoritestest.Memory, out string) favorites.Favorites {
			if err := saveState(out+".state", state{Provider: "memory", Count: 9, Done: true}); err != nil {
				t.Fatal(err)
			}
			return m
		}, []string{"holds no mark", "make a new full backup: move"}},
		{"another provider's backup", func(t *testing.T, m *favoritestest.Memory, out string) favorites.Favorites {
			return saveMarked(t, out, "other", "memory.v1.other.3")
		}, []string{"holds a backup of other, not memory"}},
		{"stale mark", func(t *testing.T, m *favoritestest.Memory, out string) favorites.Favorites {
			saveMarked(t, out, "memory", "memory.v1.memory.99") // ahead of the list: not this list's
			return m
		}, []string{"can no longer be used", "mark", "make a new full backup"}},
		{"provider without changes", func(t *testing.T, m *favoritestest.Memory, out string) favorites.Favorites {
			if _, err := full(t.Context(), target{f: m, path: out}, 0, 0, io.Discard); err != nil {
				t.Fatal(err)
			}
			return plain{m}
		}, []string{"provider memory cannot list what changed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := favoritestest.NewMemory("memory", memRefs(0, 8)...)
			m.PageSize = 3
			out := filepath.Join(t.TempDir(), "memory.jsonl")
			f := tt.setup(t, m, out)
			before, _ := os.ReadFile(out)
			stBefore, _ := os.ReadFile(out + ".state")
			_, err := incremental(t.Context(), target{f: f, path: out}, io.Discard)
			if err == nil {
				t.Fatal("not refused")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			after, _ := os.ReadFile(out)
			stAfter, _ := os.ReadFile(out + ".state")
			if !bytes.Equal(before, after) || !bytes.Equal(stBefore, stAfter) {
				t.Error("a refused run changed the backup or its state")
			}
		})
	}
}

// saveMarked writes a finished backup state with mark and returns a Memory
// of provider.
func saveMarked(t *testing.T, out, provider, mark string) favorites.Favorites {
	t.Helper()
	if err := saveState(out+".state", state{Provider: provider, Done: true, Mark: mark}); err != nil {
		t.Fatal(err)
	}
	return favoritestest.NewMemory("memory")
}

// TestFullBackupKeepsMarkTakenFirst wants a new full backup to save its
// mark before listing (a resumed one keeps it), and one of a provider
// without marks to save none.
func TestFullBackupKeepsMarkTakenFirst(t *testing.T) {
	m := favoritestest.NewMemory("memory", memRefs(0, 10)...)
	m.PageSize = 4
	out := filepath.Join(t.TempDir(), "memory.jsonl")
	start, _ := m.Changes(t.Context(), "")
	if _, err := full(t.Context(), target{f: m, path: out}, 0, 1, io.Discard); err != nil {
		t.Fatal(err)
	}
	addAll(t, m, favorites.Ref{ID: "new"}) // between the interrupted run and its resume
	if _, err := full(t.Context(), target{f: m, path: out}, 0, 0, io.Discard); err != nil {
		t.Fatal(err)
	}
	st, _ := loadState(out + ".state")
	if st.Mark != start.Mark || !st.Done {
		t.Fatalf("state %+v, want done with the mark taken before the first page, %q", st, start.Mark)
	}
	plainOut := filepath.Join(t.TempDir(), "plain.jsonl")
	if _, err := full(t.Context(), target{f: plain{m}, path: plainOut}, 0, 0, io.Discard); err != nil {
		t.Fatal(err)
	}
	if st, _ := loadState(plainOut + ".state"); st.Mark != "" || !st.Done {
		t.Fatalf("state %+v of a provider without marks", st)
	}
}

// TestRunDemoIncremental runs backup -demo -incremental on every
// provider's fake: the full backup, then 5 added and 2 removed, then the
// incremental one. The file must hold the 95 favourites there have been,
// each once; the removals file the 2 removed where the provider reports
// removals, and not exist elsewhere. A second run into the same file is
// refused, as its marks are of a fake that is gone.
func TestRunDemoIncremental(t *testing.T) {
	tests := []struct {
		provider      string
		removalsKnown bool
	}{
		{"mastodon", false}, {"e621", false}, {"waifuim", true}, {"playplay", false}, {"dch", true},
	}
	for _, tt := range tests {
		t.Run(tt.provider, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), tt.provider+".jsonl")
			args := []string{"-provider", tt.provider, "-demo", "-incremental", "-out", out}
			var stderr bytes.Buffer
			if err := run(t.Context(), args, io.Discard, &stderr); err != nil {
				t.Fatal(err)
			}
			var refs []favorites.Ref
			for _, fav := range readLines(t, out) {
				if slices.Contains(refs, fav.Ref) || fav.Provider != tt.provider {
					t.Fatalf("line %+v repeated or of another provider", fav.Ref)
				}
				refs = append(refs, fav.Ref)
			}
			if len(refs) != 95 || !strings.Contains(stderr.String(), "5 new favourites appended to "+out) {
				t.Errorf("%d favourites in the file, want 90+5; stderr:\n%s", len(refs), stderr.String())
			}
			// Each line comes after what it tells of.
			logged := stderr.String()
			full := strings.Index(logged, "90 favourites in "+out)
			changed := strings.Index(logged, "demo: 5 favourites added on the fake, 2 removed")
			appended := strings.Index(logged, "5 new favourites appended")
			if full < 0 || changed < full || appended < changed {
				t.Errorf("lines out of order (full backup at %d, demo changes at %d, incremental at %d):\n%s",
					full, changed, appended, logged)
			}
			// Where the provider reports removals, the file holds them, and
			// reads back without the 2 removed.
			b, kept := readBackup(t, out)
			want := 95
			if tt.removalsKnown {
				want = 93
			}
			data, _ := os.ReadFile(out)
			if len(kept) != want || strings.Count(string(data), `{"removed":`) != 95-want {
				t.Errorf("the file reads back as %d favourites, with %d removals; want %d and %d",
					len(kept), strings.Count(string(data), `{"removed":`), want, 95-want)
			}
			if parts := b.Parts(); len(parts) != 2 || parts[0].Kind != backup.Full || parts[1].Kind != backup.Changes ||
				parts[0].BaseURL == "" || parts[0].BaseURL != parts[1].BaseURL || b.Legacy() {
				t.Errorf("parts %+v (legacy %v), want a full one and one of changes naming the fake", parts, b.Legacy())
			}
			if _, err := os.Stat(out + ".removed"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a removals file beside the backup: %v", err)
			}
			err := run(t.Context(), args, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), "remove it or choose another -out") {
				t.Errorf("second demo run into %s: %v", out, err)
			}
		})
	}
}

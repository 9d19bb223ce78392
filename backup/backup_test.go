package backup_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/favoritestest"
)

func fav(id string) favorites.Favorite {
	return favorites.Favorite{Provider: "e621", Ref: favorites.Ref{ID: id}, Raw: []byte(`{"id":` + id + `}`)}
}

// step is one call on a Writer.
type step struct {
	begin   *backup.Header
	fav     string
	removed string
}

func write(t *testing.T, steps []step) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := backup.NewWriter(&buf)
	for _, s := range steps {
		var err error
		switch {
		case s.begin != nil:
			err = w.Begin(*s.begin)
		case s.removed != "":
			err = w.Removed(favorites.Ref{ID: s.removed})
		default:
			err = w.Favorite(fav(s.fav))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func read(t *testing.T, data []byte) (*backup.File, string, error) {
	t.Helper()
	f, err := backup.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, "", err
	}
	var ids []string
	for fv, err := range f.Favorites() {
		if err != nil {
			return f, "", err
		}
		if len(fv.Raw) == 0 {
			t.Errorf("favourite %v read back without its Raw", fv.Ref)
		}
		ids = append(ids, fv.Ref.ID)
	}
	if len(ids) != f.Len() {
		t.Errorf("Favorites gave %d, Len says %d", len(ids), f.Len())
	}
	return f, strings.Join(ids, " "), nil
}

func part(kind backup.Kind, order string) step {
	return step{begin: &backup.Header{Kind: kind, Provider: "e621", BaseURL: "https://e621.net", Order: order}}
}

func TestOrderMade(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
		want  string // oldest first
	}{
		{"a full backup", []step{part(backup.Full, ""), {fav: "3"}, {fav: "2"}, {fav: "1"}}, "1 2 3"},
		{"then changes, newest first, with a removal", []step{
			part(backup.Full, ""), {fav: "3"}, {fav: "2"}, {fav: "1"},
			part(backup.Changes, backup.NewestFirst), {fav: "5"}, {fav: "4"}, {removed: "2"},
		}, "1 3 4 5"},
		{"then changes oldest first", []step{
			part(backup.Full, ""), {fav: "2"}, {fav: "1"},
			part(backup.Changes, backup.OldestFirst), {fav: "3"}, {fav: "4"},
		}, "1 2 3 4"},
		{"removed, then favourited again", []step{
			part(backup.Full, ""), {fav: "2"}, {fav: "1"},
			part(backup.Changes, ""), {removed: "1"},
			part(backup.Changes, ""), {fav: "1"},
		}, "2 1"},
		{"a second full backup replaces the list", []step{
			part(backup.Full, ""), {fav: "3"}, {fav: "2"}, {fav: "1"},
			part(backup.Full, ""), {fav: "9"}, {fav: "3"},
		}, "3 9"},
		{"an empty backup", []step{part(backup.Full, "")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, got, err := read(t, write(t, tt.steps))
			if err != nil || got != tt.want {
				t.Fatalf("read %q, %v; want %q", got, err, tt.want)
			}
			if f.Provider() != "e621" || f.BaseURL() != "https://e621.net" || f.Legacy() {
				t.Errorf("provider %q, base %q, legacy %v", f.Provider(), f.BaseURL(), f.Legacy())
			}
		})
	}
}

// legacyLine is a line as the backup program of version 1 wrote it: the
// favourite alone, as a Writer writes its lines.
func legacyLine(id string, at time.Time) string {
	f := fav(id)
	f.FavoritedAt = at
	var buf bytes.Buffer
	w := backup.NewWriter(&buf)
	if err := w.Begin(backup.Header{Kind: backup.Full, Provider: f.Provider}); err != nil {
		panic(err)
	}
	buf.Reset()
	if err := w.Favorite(f); err != nil {
		panic(err)
	}
	return buf.String()
}

// A file of version 1 still reads, by the rule the package doc gives.
func TestLegacy(t *testing.T) {
	var zero time.Time
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		text string
		want string
	}{
		{"a full backup", legacyLine("3", zero) + legacyLine("2", zero) + legacyLine("1", zero), "1 2 3"},
		{"with incremental runs appended: those come first", legacyLine("2", zero) + legacyLine("1", zero) +
			legacyLine("3", zero) + legacyLine("4", zero), "4 3 1 2"},
		{"every favourite timed: by that time", legacyLine("2", day(2)) + legacyLine("1", day(1)) +
			legacyLine("3", day(3)) + legacyLine("4", day(4)), "1 2 3 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, got, err := read(t, []byte(tt.text))
			if err != nil || got != tt.want || !f.Legacy() {
				t.Fatalf("read %q, %v (legacy %v); want %q", got, err, f != nil && f.Legacy(), tt.want)
			}
		})
	}
	// The new program's changes appended to an old file.
	text := legacyLine("2", zero) + legacyLine("1", zero)
	text += string(write(t, []step{part(backup.Changes, ""), {fav: "4"}, {fav: "3"}, {removed: "2"}}))
	if _, got, err := read(t, []byte(text)); err != nil || got != "1 3 4" {
		t.Errorf("version 1 with changes of version 2 after it: %q, %v", got, err)
	}
}

func TestReadRefuses(t *testing.T) {
	full := string(write(t, []step{part(backup.Full, ""), {fav: "1"}}))
	tests := []struct {
		name, text, want string
	}{
		{"a newer version", `{"favkit_backup":3,"kind":"full","provider":"e621","order":"newest_first"}` + "\n", "upgrade"},
		{"another provider's line", full + `{"provider":"waifuim","ref":{"id":"1"}}` + "\n", `"waifuim" in a backup of "e621"`},
		{"not JSON", full + "garbage\n", "line 3: not JSON"},
		{"neither", full + `{"x":1}` + "\n", "neither"},
		{"a removal in a full part", full + `{"removed":{"id":"1"}}` + "\n", "outside a part of changes"},
		{"an unknown kind", `{"favkit_backup":2,"kind":"partial","provider":"e621","order":"newest_first"}` + "\n", "kind"},
		{"nothing", "", "holds no favourite"},
		{"a line too long", full + strings.Repeat("x", backup.MaxLineSize+1), "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := backup.Read(strings.NewReader(tt.text), int64(len(tt.text)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read: %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

func TestWriterRefuses(t *testing.T) {
	var buf bytes.Buffer
	w := backup.NewWriter(&buf)
	if err := w.Favorite(fav("1")); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("a favourite before Begin: %v", err)
	}
	for _, h := range []backup.Header{{Kind: "partial", Provider: "e621"}, {Kind: backup.Full}, {Kind: backup.Full, Provider: "e621", Order: "random"}} {
		if err := w.Begin(h); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("Begin(%+v): %v", h, err)
		}
	}
	if err := w.Begin(backup.Header{Kind: backup.Full, Provider: "e621"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Removed(favorites.Ref{ID: "1"}); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("a removal in a full part: %v", err)
	}
	other := fav("1")
	other.Provider = "mastodon"
	if err := w.Favorite(other); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("another provider's favourite: %v", err)
	}
	if lines := strings.Count(buf.String(), "\n"); lines != 1 {
		t.Errorf("the refusals wrote %d lines beside the header", lines-1)
	}
}

func TestOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.jsonl")
	if err := os.WriteFile(path, write(t, []step{part(backup.Full, ""), {fav: "2"}, {fav: "1"}}), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := backup.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	for fv, err := range f.Favorites() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fv.Ref.ID)
	}
	if fmt.Sprint(got) != "[1 2]" {
		t.Errorf("Open read %v", got)
	}
	if _, err := backup.Open(filepath.Join(t.TempDir(), "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open of a missing file: %v", err)
	}
}

// A part written across two runs, the second going on with Continue,
// reads as one part; Parts lists the headers, none for version 1.
func TestContinueAndParts(t *testing.T) {
	h := backup.Header{Kind: backup.Full, Provider: "e621", BaseURL: "https://e621.net"}
	var buf bytes.Buffer
	first := backup.NewWriter(&buf)
	if err := errors.Join(first.Begin(h), first.Favorite(fav("3"))); err != nil {
		t.Fatal(err)
	}
	second := backup.NewWriter(&buf) // a run after a crash
	if err := second.Favorite(fav("2")); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("a favourite with no part begun or continued: %v", err)
	}
	if err := errors.Join(second.Continue(h), second.Favorite(fav("2")), second.Favorite(fav("1"))); err != nil {
		t.Fatal(err)
	}
	if err := second.Continue(backup.Header{Kind: "partial", Provider: "e621"}); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("Continue of a bad header: %v", err)
	}
	if strings.Count(buf.String(), `"favkit_backup"`) != 1 {
		t.Errorf("Continue wrote a header:\n%s", buf.String())
	}
	f, got, err := read(t, buf.Bytes())
	if err != nil || got != "1 2 3" {
		t.Fatalf("read %q, %v", got, err)
	}
	parts := f.Parts()
	if len(parts) != 1 || parts[0].Kind != backup.Full || parts[0].BaseURL != h.BaseURL || parts[0].Version != backup.Version {
		t.Errorf("parts %+v", parts)
	}
	legacy, _, err := read(t, []byte(legacyLine("1", time.Time{})))
	if err != nil || len(legacy.Parts()) != 0 {
		t.Errorf("a file of version 1 has parts %+v (%v)", legacy.Parts(), err)
	}
}

// WriteFull stops at a listing's error and says how far it got.
func TestWriteFullListingFails(t *testing.T) {
	m := favoritestest.NewMemory("e621", favorites.Ref{ID: "2"}, favorites.Ref{ID: "1"})
	m.Fail = func(op string, _ favorites.Ref) error {
		if op == "list" {
			return favorites.ErrServer
		}
		return nil
	}
	var buf bytes.Buffer
	n, err := backup.WriteFull(t.Context(), &buf, m, "")
	if n != 0 || !errors.Is(err, favorites.ErrServer) || !strings.Contains(err.Error(), "after 0 favourites") {
		t.Errorf("WriteFull = %d, %v; want 0 and the listing's error", n, err)
	}
}

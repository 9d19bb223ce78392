package driver

import (
	"errors"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

func TestPathID(t *testing.T) {
	tests := []struct {
		id, want, err string
	}{
		{"103186075217296344", "103186075217296344", ""},
		{"23427-1", "23427-1", ""},
		{"café", "caf%C3%A9", ""},
		{"", "", "empty"},
		{"a/b", "", `contains "/"`},
		{"..", "", "relative path segment"},
		{".", "", "relative path segment"},
		{"1?x", "", `contains "?"`},
		{"1#x", "", `contains "#"`},
		{"%2F", "", `contains "%"`},
		{`a\b`, "", `contains "\\"`},
		{"a b", "", `contains " "`},
		{"1\n", "", `contains "\n"`},
		{"\xff", "", "not valid UTF-8"},
		{strings.Repeat("1", MaxIDLength+1), "", "more than"},
	}
	for _, tt := range tests {
		got, err := PathID("status id", tt.id)
		if tt.err == "" {
			if err != nil || got != tt.want {
				t.Errorf("PathID(%q) = %q, %v; want %q", tt.id, got, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.err) ||
			!strings.Contains(err.Error(), "status id") {
			t.Errorf("PathID(%q) = %v, want ErrInvalidArgument naming status id and %q", tt.id, err, tt.err)
		}
	}
}

func TestNumericID(t *testing.T) {
	for id, want := range map[string]int64{"1": 1, "8008": 8008, "0": 0, "-1": 0, "01": 0, "1e3": 0, "": 0, "99999999999999999999": 0} {
		got, err := NumericID("image id", id)
		if got != want || (want == 0) != errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("NumericID(%q) = %d, %v; want %d", id, got, err, want)
		}
	}
}

// TestIDRefusalsQuoteShort feeds 10,000-byte values to the ID checks: the
// error must name the value without repeating it all.
func TestIDRefusalsQuoteShort(t *testing.T) {
	long := strings.Repeat("é", 5000)
	refusals := map[string]func() error{
		"NumericID": func() error { _, err := NumericID("post id", long); return err },
		"CheckID":   func() error { return CheckID("id", "\xff"+long[:200]) },
	}
	for name, refuse := range refusals {
		err := refuse()
		if !errors.Is(err, favorites.ErrInvalidArgument) || len(err.Error()) > 200 {
			t.Errorf("%s: %d-byte error %.80q..., want ErrInvalidArgument in under 200 bytes", name, len(err.Error()), err)
		}
	}
}

package waifuim_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
)

// repeats is how often each bad query is checked: a map's iteration order
// changes between runs of a loop, so an error that depended on it would
// come out different well within this many tries.
const repeats = 200

// A query with several bad fields is refused with the same error every
// time, naming the first bad field in the order of FavoritesQuery's
// fields (and the first bad value of a list), through Validate and through
// Client.Favorites alike, with nothing sent.
func TestValidateIsDeterministic(t *testing.T) {
	tests := []struct {
		name string
		q    waifuim.FavoritesQuery
		want string // the bad field and value the error names
	}{
		{"all four lists bad", waifuim.FavoritesQuery{IncludedTags: []string{" a"}, ExcludedTags: []string{""},
			IncludedFiles: []string{"\n"}, ExcludedFiles: []string{"\xff"}}, `included_tags value " a"`},
		{"the last three lists bad", waifuim.FavoritesQuery{ExcludedTags: []string{"b "},
			IncludedFiles: []string{"\n"}, ExcludedFiles: []string{"\xff"}}, `excluded_tags value "b "`},
		{"two bad values in one list", waifuim.FavoritesQuery{IncludedFiles: []string{"ok", "x\t", ""}},
			`included_files value "x\t"`},
		{"all three sizes bad", waifuim.FavoritesQuery{Width: &waifuim.Comparison{Op: "=>", Value: 1},
			Height: waifuim.AtLeast(-1), ByteSize: &waifuim.Comparison{Value: 2}}, `width operator "=>"`},
		{"height and byte_size bad", waifuim.FavoritesQuery{Height: waifuim.AtMost(-1),
			ByteSize: &waifuim.Comparison{Op: "~", Value: 2}}, "height -1 is negative"},
		{"a list, the enums, a size and the user", waifuim.FavoritesQuery{ExcludedFiles: []string{""}, NSFW: "maybe",
			OrderBy: "NEWEST", Width: waifuim.Exactly(-5), UserID: -1}, `excluded_files value ""`},
		{"the enums, a size and the user", waifuim.FavoritesQuery{NSFW: "maybe", OrderBy: "NEWEST",
			Orientation: "SQUARE", ByteSize: waifuim.Exactly(-5), UserID: -1}, `is_nsfw "maybe"`},
		{"a size and the user", waifuim.FavoritesQuery{ByteSize: waifuim.Exactly(-5), UserID: -1}, "byte_size -5 is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, rec := mockClient(t)
			first := tt.q.Validate()
			if !errors.Is(first, favorites.ErrInvalidArgument) || !strings.Contains(first.Error(), tt.want) {
				t.Fatalf("Validate() = %v, want ErrInvalidArgument naming %s", first, tt.want)
			}
			for range repeats {
				if err := tt.q.Validate(); err == nil || err.Error() != first.Error() {
					t.Fatalf("Validate() gave %q, then %v", first, err)
				}
				_, _, err := onePage(t.Context(), c, &tt.q)
				if err == nil || !strings.HasSuffix(err.Error(), first.Error()) {
					t.Fatalf("Favorites: %v, want the error Validate gives, %q", err, first)
				}
			}
			if n := len(rec.sent()); n != 0 {
				t.Errorf("refused queries sent %d requests", n)
			}
		})
	}
}

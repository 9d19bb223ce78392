package mastodon

import (
	"fmt"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// canonical is ref when it is a usable status ID alone: see [Adapter].
func canonical(ref favorites.Ref) (favorites.Ref, error) {
	if ref.Source != "" {
		return favorites.Ref{}, fmt.Errorf("%w: ref %v has a source; a Mastodon ref is the status ID alone, such as %v",
			favorites.ErrInvalidArgument, ref, favorites.Ref{ID: ref.ID})
	}
	if err := checkStatusID("status id", ref.ID); err != nil {
		return favorites.Ref{}, err
	}
	return favorites.Ref{ID: ref.ID}, nil
}

// checkStatusID refuses, with ErrInvalidArgument naming what, an ID that
// could change a request's path, and a number not in its plain form.
func checkStatusID(what, id string) error {
	if err := driver.CheckID(what, id); err != nil {
		return err
	}
	if canon, ok := plainNumber(id); ok && canon != id {
		return fmt.Errorf("%w: %s %q names the status %s on Mastodon, which reads IDs as numbers; use the canonical ref %s",
			favorites.ErrInvalidArgument, what, id, canon, canon)
	}
	return nil
}

// plainNumber reports whether id is a signed or zero-padded decimal number,
// and gives its plain form ("0123" and "+123" give "123").
func plainNumber(id string) (string, bool) {
	digits := strings.TrimPrefix(id, "+")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return "", false
	}
	if plain := strings.TrimLeft(digits, "0"); plain != "" {
		return plain, true
	}
	return "0", true
}

package driver

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/text"
)

// MaxIDLength bounds any ID the SDK puts in a path or body.
const MaxIDLength = 256

// PathID checks an ID that goes into a URL path and returns it escaped. It
// refuses, with an error matching [favorites.ErrInvalidArgument] and naming what, an
// empty or over-long ID, invalid UTF-8, and anything that could change the
// path or query once sent: '/', '\', '?', '#', '%', white space, control
// characters, and the segments "." and "..".
func PathID(what, id string) (string, error) {
	if err := CheckID(what, id); err != nil {
		return "", err
	}
	return url.PathEscape(id), nil
}

// CheckID applies the rules of [PathID] without escaping, for IDs that go in
// a query or body.
func CheckID(what, id string) error {
	switch {
	case id == "":
		return fmt.Errorf("%w: empty %s", favorites.ErrInvalidArgument, what)
	case len(id) > MaxIDLength:
		return fmt.Errorf("%w: %s is %d bytes, more than %d", favorites.ErrInvalidArgument, what, len(id), MaxIDLength)
	case !utf8.ValidString(id):
		return fmt.Errorf("%w: %s %s is not valid UTF-8", favorites.ErrInvalidArgument, what, text.QuoteShort(id))
	case id == "." || id == "..":
		return fmt.Errorf("%w: %s %q is a relative path segment", favorites.ErrInvalidArgument, what, id)
	}
	if i := strings.IndexFunc(id, func(r rune) bool {
		return r <= ' ' || r == 0x7f || strings.ContainsRune(`/\?#%`, r)
	}); i >= 0 {
		return fmt.Errorf("%w: %s %q contains %q", favorites.ErrInvalidArgument, what, id, id[i:i+1])
	}
	return nil
}

// NumericID parses an ID that must be a positive decimal integer, such as an
// e621 post ID, naming what in the error.
func NumericID(what, id string) (int64, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n < 1 || strconv.FormatInt(n, 10) != id {
		return 0, fmt.Errorf("%w: %s %s is not a positive integer", favorites.ErrInvalidArgument, what, text.QuoteShort(id))
	}
	return n, nil
}

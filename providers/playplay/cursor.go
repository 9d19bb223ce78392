package playplay

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
)

// cursor is where a listing goes on, as [favorites.Pager.Cursor] gives it:
// "next.size.ref", such as "3.10.pexels:201". next is the page number to
// fetch, size the number of items the server put on the page before it
// (its page size then), and ref the canonical ref of the last item of that
// page: the last item the walk gave.
//
// A page number alone is not enough, since the server's pages shift as
// favourites come and go: after one removal above it, page 3 starts with
// what was the second item of page 3, and the first is skipped. The ref
// lets a resumed walk find where it stopped (see walk.resume).
type cursor struct {
	next, size int
	after      MediaRef
}

func (c cursor) String() string {
	return strconv.Itoa(c.next) + "." + strconv.Itoa(c.size) + "." + c.after.Ref().String()
}

// parseCursor reads a cursor written by cursor.String. A bare page number,
// the cursor of earlier versions, is refused: it cannot resume without
// risking a skip.
func parseCursor(text string) (cursor, error) {
	fields := strings.SplitN(text, ".", 3)
	if len(fields) != 3 {
		return cursor{}, cursorError(text, "it is not next.size.ref (a bare page number from an earlier version cannot resume exactly: list from the start)")
	}
	next, err := strconv.Atoi(fields[0])
	if err != nil || next < 2 || strconv.Itoa(next) != fields[0] {
		return cursor{}, cursorError(text, "its page is not a number of at least 2")
	}
	size, err := strconv.Atoi(fields[1])
	if err != nil || size < 1 || size > MaxPageItems || strconv.Itoa(size) != fields[1] {
		return cursor{}, cursorError(text, fmt.Sprintf("its page size is not a number from 1 to %d", MaxPageItems))
	}
	ref, err := favorites.ParseRef(fields[2])
	if err != nil {
		return cursor{}, cursorError(text, err.Error())
	}
	after, err := SplitRef(ref)
	if err != nil || after.Ref().String() != fields[2] {
		return cursor{}, cursorError(text, "its ref is not a canonical one")
	}
	return cursor{next: next, size: size, after: after}, nil
}

func cursorError(text, why string) error {
	if len(text) > 80 {
		text = text[:80] + "..."
	}
	return fmt.Errorf("%s: %w: cursor %q: %s", ProviderName, favorites.ErrInvalidArgument, text, why)
}

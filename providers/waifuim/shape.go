package waifuim

import (
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Decoding an image costs a fixed amount whatever its size: its Image and
// Favorite, a slot in slices that grow as they fill, a Tag for each tag,
// an Artist. A reply of many tiny values would make that cost many times
// the reply's size, so before anything is decoded a listing must have the
// shape only waifu.im's images can have:
//
//   - every image spans at least minImageBytes: the service always sends
//     all 16 keys of an image, whose names alone take 190 bytes and its
//     two timestamps 58 more;
//   - every object inside an image (the artist, each tag) spans at least
//     minNestedBytes: a tag's four keys and their punctuation take 55
//     bytes with empty values, and the tag with the shortest name and
//     description, "oral" ("Oral sex content."), takes 77; an artist's six
//     keys take 87;
//   - every element of an array inside an image is such an object: tags
//     is the only array an image has, and it holds tag objects.
//
// Any reply waifu.im sends passes; with these, decoding one allocates less
// than drivertest.MaxHeldPerReplyByte times its size (see
// TestDecodeCost).
const (
	minImageBytes  = 256
	minNestedBytes = 72
)

// scanner is the state of checkShape's one pass; its stacks are arrays, so
// the pass allocates nothing.
type scanner struct {
	start    [driver.MaxJSONDepth + 2]int  // where the container at each depth opened
	isArray  [driver.MaxJSONDepth + 2]bool // whether it is an array
	depth    int
	item     int  // the position of the current image in the list
	expectIt bool // the next value at depth 1 starts a new image
}

// checkShape refuses, as favorites.ErrMalformedReply naming the image's
// position, a listing that breaks the rules above. It reads list once and
// leaves everything else (syntax, types, depth, IDs) to the decoding.
func checkShape(list []byte) error {
	s := scanner{item: -1}
	inString, escaped := false, false
	for i, c := range list {
		switch {
		case escaped:
			escaped = false
		case inString:
			escaped = c == '\\'
			inString = c != '"'
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':':
		case c == ',':
			s.expectIt = s.depth == 1
		case c == ']' || c == '}':
			if err := s.close(i, c); err != nil {
				return err
			}
		default:
			if err := s.value(i, c); err != nil {
				return err
			}
			inString = c == '"'
		}
	}
	return nil
}

// value checks a value that starts at list[i] with c.
func (s *scanner) value(i int, c byte) error {
	if s.depth == 1 && s.expectIt {
		s.item++
		s.expectIt = false
	}
	if s.depth >= 3 && s.isArray[s.depth] && c != '{' {
		return fmt.Errorf("%w: item %d: an array in an image holds %q where only objects go", favorites.ErrMalformedReply, s.item, c)
	}
	if c != '[' && c != '{' {
		return nil
	}
	if s.depth+1 >= len(s.start) {
		return fmt.Errorf("%w: JSON nests deeper than %d levels", favorites.ErrMalformedReply, driver.MaxJSONDepth)
	}
	s.depth++
	s.start[s.depth], s.isArray[s.depth] = i, c == '['
	s.expectIt = s.depth == 1
	return nil
}

// close checks the container that ends at list[i] with c.
func (s *scanner) close(i int, c byte) error {
	if s.depth < 1 {
		return nil // unbalanced: the decoding says so
	}
	n := i - s.start[s.depth] + 1
	switch {
	case c == '}' && s.depth == 2 && n < minImageBytes:
		return fmt.Errorf("%w: item %d: an image of %d bytes; waifu.im's take at least %d", favorites.ErrMalformedReply, s.item, n, minImageBytes)
	case c == '}' && s.depth > 2 && n < minNestedBytes:
		return fmt.Errorf("%w: item %d: an object of %d bytes in an image; waifu.im's take at least %d", favorites.ErrMalformedReply, s.item, n, minNestedBytes)
	}
	s.depth--
	return nil
}

package e621

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
)

// decodePosts decodes a page's "posts" list, of at most limit posts (plus
// ItemMargin). Each post's Raw is its bytes in the reply, not a copy; a
// post that Add would refuse (null, or without a positive id), or that is
// too short to be e621's, makes the page malformed.
func decodePosts(ctx context.Context, list favorites.RawList, limit int) ([]*Post, error) {
	if err := checkSpans(list, limit+ItemMargin); err != nil {
		return nil, err
	}
	return favorites.DecodeItems(ctx, list, favorites.ItemRules[*Post]{Max: limit + ItemMargin, Item: checkPost})
}

// checkPost accepts one listed post and gives it its Raw.
func checkPost(_ int, p **Post, raw []byte) error {
	switch {
	case *p == nil:
		return errors.New("a null post")
	case (*p).ID < 1:
		return fmt.Errorf("a post without a positive id (%d)", (*p).ID)
	case len(raw) < MinPostBytes:
		return fmt.Errorf("post %d is %d bytes of JSON; an e621 post, with all its fields, is at least %d",
			(*p).ID, len(raw), MinPostBytes)
	}
	(*p).Raw = json.RawMessage(raw)
	return nil
}

// checkSpans measures the list's posts before any is decoded, in one pass
// that allocates nothing: more posts than max, or a post shorter than
// MinPostBytes or longer than MaxPostBytes, is refused before it costs
// the memory of its decoded value. What is not a list, or nests too
// deeply, is left to favorites.DecodeItems to refuse.
func checkSpans(list []byte, max int) error {
	depth, inString, escaped := 0, false, false
	start, n := 0, 0
	for i, c := range list {
		switch {
		case escaped:
			escaped = false
		case inString:
			escaped = c == '\\'
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			if depth == 1 {
				start = i
			}
			depth++
		case c == ']' || c == '}':
			if depth--; depth != 1 {
				continue
			}
			if n++; n > max {
				return fmt.Errorf("%w: more than %d posts in a page of %d", favorites.ErrMalformedReply, max, max-ItemMargin)
			}
			if size := i + 1 - start; size < MinPostBytes || size > MaxPostBytes {
				return fmt.Errorf("%w: item %d: %d bytes of JSON; an e621 post, with all its fields, is %d to %d",
					favorites.ErrMalformedReply, n-1, size, MinPostBytes, MaxPostBytes)
			}
		}
	}
	return nil
}

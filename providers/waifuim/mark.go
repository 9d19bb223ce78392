package waifuim

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/favkit/favorites"
)

// A mark ([Client.Changes]) is text of the form
//
//	waifuim.mark.v1.<account>.<set>
//
// for example "waifuim.mark.v1.q2Xo0b1Ui5E.AsY7ggM" (images 7622 and
// 8008). <account> is 11 characters, the first 8 bytes of a SHA-256 over
// the client's base URL and token, base64url: it tells one account (and
// server) from another without holding the token, which no digest this
// short gives back.
// <set> is the image IDs the list held, base64url without padding: a
// uvarint count, then each ID in ascending order as a uvarint delta from
// the one before (the first from 0). IDs near each other cost a byte or
// two each, so a mark of a 1,000-image list is a few KiB at most, and its
// size is bounded by [MaxFavorites].
const markPrefix = "waifuim.mark.v1."

// accountLen is the length of the <account> part.
const accountLen = 11

// maxMarkLen bounds the text a mark may be before it is decoded: a count
// and MaxFavorites deltas of at most binary.MaxVarintLen64 bytes each.
var maxMarkLen = len(markPrefix) + accountLen + 1 +
	base64.RawURLEncoding.EncodedLen(binary.MaxVarintLen64*(MaxFavorites+1))

// accountTag digests what decides whose favourites a client lists: the
// server and the token. Another token of the same user gives another tag,
// since the client cannot see whose token it holds without a request.
func accountTag(baseURL, token string) string {
	h := sha256.New()
	h.Write([]byte("favkit waifuim mark account\x00" + baseURL + "\x00" + token))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:8])
}

// formatMark writes the mark of ids, which are ascending and distinct.
func (c *Client) formatMark(ids []int64) string {
	buf := binary.AppendUvarint(make([]byte, 0, 2+2*len(ids)), uint64(len(ids)))
	var prev int64
	for _, id := range ids {
		buf = binary.AppendUvarint(buf, uint64(id-prev))
		prev = id
	}
	return markPrefix + c.account + "." + base64.RawURLEncoding.EncodeToString(buf)
}

// parseMark reads a mark of this client's account back to its ascending
// image IDs. Text that is no waifu.im mark matches favorites.ErrStaleMark
// and favorites.ErrInvalidArgument; a mark of another account or server
// matches favorites.ErrStaleMark. It sends nothing.
func (c *Client) parseMark(mark string) ([]int64, error) {
	rest, ok := strings.CutPrefix(mark, markPrefix)
	if !ok || len(mark) > maxMarkLen || len(rest) < accountLen+1 || rest[accountLen] != '.' {
		return nil, badMark(mark, "not a waifu.im mark ("+markPrefix+"<account>.<set>)")
	}
	if rest[:accountLen] != c.account {
		return nil, fmt.Errorf("%s: %w: the mark was made for another account or server; start again from the empty mark",
			ProviderName, favorites.ErrStaleMark)
	}
	ids, ok := decodeSet(rest[accountLen+1:])
	// Only the one spelling formatMark writes is a mark: uvarints can be
	// padded, and a mark that is not byte for byte ours was not made here.
	if !ok || c.formatMark(ids) != mark {
		return nil, badMark(mark, "its set of image IDs does not decode")
	}
	return ids, nil
}

// decodeSet reads the <set> part, refusing anything formatMark would not
// write: bad base64, a count over MaxFavorites or not met, a zero delta
// (an ID twice, or ID 0), an ID past int64, or bytes left over.
func decodeSet(s string) ([]int64, bool) {
	buf, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, false
	}
	n, k := binary.Uvarint(buf)
	if k <= 0 || n > MaxFavorites {
		return nil, false
	}
	buf = buf[k:]
	ids := make([]int64, 0, n)
	var prev uint64
	for range n {
		d, k := binary.Uvarint(buf)
		if k <= 0 || d == 0 || d > 1<<63-1-prev {
			return nil, false
		}
		prev += d
		ids = append(ids, int64(prev))
		buf = buf[k:]
	}
	return ids, len(buf) == 0
}

// badMark is the error of text that is no mark of this provider.
func badMark(mark, why string) error {
	return fmt.Errorf("%s: %w: %w: mark %.24q... is %s", ProviderName, favorites.ErrStaleMark, favorites.ErrInvalidArgument, mark, why)
}

// idSet gives the IDs of images, ascending and each once: the set a mark
// holds.
func idSet(images []*Image) []int64 {
	ids := make([]int64, len(images))
	for i, im := range images {
		ids[i] = im.ImageID
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

package dch

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// A mark ([Client.Changes]) is text of the form
//
//	dch.mark.v1.<account>.<set>
//
// for example "dch.mark.v1.q2Xo0b1Ui5E.AwAHMjM0MjctMQYBMwADMzAx" (the
// document's three items). <account> is 11 characters, the first 8 bytes
// of a SHA-256 over the client's base URL and token, base64url: it tells
// one account (and server) from another without holding the token, which
// no digest this short gives back. <set> is the item IDs the list held,
// base64url without padding: a uvarint count, then the IDs in ascending
// byte order, each as the uvarint length it shares with the one before,
// the uvarint length of the rest, and the rest. IDs such as "23427-1" and
// "23427-3" share most of their bytes, so a mark costs a few bytes an
// item; its size is bounded by [MaxFavourites] IDs of driver.MaxIDLength
// bytes.
const markPrefix = "dch.mark.v1."

// accountLen is the length of the <account> part.
const accountLen = 11

// maxMarkLen bounds the text a mark may be before it is decoded: a count,
// then MaxFavourites IDs of two short uvarints and at most MaxIDLength bytes.
var maxMarkLen = len(markPrefix) + accountLen + 1 +
	base64.RawURLEncoding.EncodedLen(binary.MaxVarintLen64+MaxFavourites*(4+driver.MaxIDLength))

// accountTag digests what decides whose favourites a client lists: the
// server and the token. The service has no call that names the account,
// so another token of the same user gives another tag.
func accountTag(baseURL, token string) string {
	h := sha256.New()
	h.Write([]byte("favkit dch mark account\x00" + baseURL + "\x00" + token))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:8])
}

// formatMark writes the mark of ids, which are ascending and distinct.
func (c *Client) formatMark(ids []string) string {
	buf := binary.AppendUvarint(nil, uint64(len(ids)))
	prev := ""
	for _, id := range ids {
		shared := commonPrefix(prev, id)
		buf = binary.AppendUvarint(buf, uint64(shared))
		buf = binary.AppendUvarint(buf, uint64(len(id)-shared))
		buf = append(buf, id[shared:]...)
		prev = id
	}
	return markPrefix + c.account + "." + base64.RawURLEncoding.EncodeToString(buf)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// parseMark reads a mark of this client's account back to its ascending
// item IDs. Text that is no DCH mark matches favorites.ErrStaleMark and
// favorites.ErrInvalidArgument; a mark of another account or server
// matches favorites.ErrStaleMark. It sends nothing.
func (c *Client) parseMark(mark string) ([]string, error) {
	rest, ok := strings.CutPrefix(mark, markPrefix)
	if !ok || len(mark) > maxMarkLen || len(rest) < accountLen+1 || rest[accountLen] != '.' {
		return nil, badMark(mark, "not a DCH mark ("+markPrefix+"<account>.<set>)")
	}
	if rest[:accountLen] != c.account {
		return nil, fmt.Errorf("%s: %w: the mark was made for another account or server; start again from the empty mark",
			ProviderName, favorites.ErrStaleMark)
	}
	ids, ok := decodeSet(rest[accountLen+1:])
	// Only the one spelling formatMark writes is a mark: uvarints can be
	// padded, and a mark that is not byte for byte ours was not made here.
	if !ok || c.formatMark(ids) != mark {
		return nil, badMark(mark, "its set of item IDs does not decode")
	}
	return ids, nil
}

// decodeSet reads the <set> part, refusing a count over MaxFavourites or
// not met, a shared length past the ID before, an ID no call would take,
// IDs out of order or twice, and bytes left over.
func decodeSet(s string) ([]string, bool) {
	buf, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, false
	}
	n, k := binary.Uvarint(buf)
	if k <= 0 || n > MaxFavourites {
		return nil, false
	}
	buf = buf[k:]
	ids := make([]string, 0, n)
	prev := ""
	for range n {
		shared, k1 := binary.Uvarint(buf)
		if k1 <= 0 || shared > uint64(len(prev)) {
			return nil, false
		}
		size, k2 := binary.Uvarint(buf[k1:])
		if k2 <= 0 || size > uint64(len(buf)-k1-k2) {
			return nil, false
		}
		id := prev[:shared] + string(buf[k1+k2:k1+k2+int(size)])
		if id <= prev || driver.CheckID("id", id) != nil {
			return nil, false
		}
		ids = append(ids, id)
		prev, buf = id, buf[k1+k2+int(size):]
	}
	return ids, len(buf) == 0
}

// badMark is the error of text that is no mark of this provider.
func badMark(mark, why string) error {
	return fmt.Errorf("%s: %w: %w: mark %.24q... is %s", ProviderName, favorites.ErrStaleMark, favorites.ErrInvalidArgument, mark, why)
}

// idSet gives the IDs of favs, ascending and each once: the set a mark
// holds.
func idSet(favs []Favourite) []string {
	ids := make([]string, len(favs))
	for i, f := range favs {
		ids[i] = f.ID
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

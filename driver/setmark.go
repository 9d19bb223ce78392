package driver

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
)

// A SetMark writes and reads the marks of a provider whose service answers
// the whole list in one request (waifu.im, DCH), so that a run of
// favorites.ChangeLister is one request and knows removals too. Its text is
//
//	<provider>.mark.v1.<account>.<set>
//
// <account> is 11 characters, the first 8 bytes of a SHA-256 over the base
// URL and the credential, base64url: it tells one account and server from
// another without holding the secret, which no digest this short gives
// back. A service that names no account lets no client tell whose a token
// is without asking, so another token of the same user is another account.
// <set> is the item IDs the list held, base64url without padding: a byte
// saying how they are written, then a uvarint count and the IDs. IDs that
// are all decimal numbers (waifu.im's) are written in ascending order as
// uvarint steps from the one before, a byte or two each; others (DCH's
// "23427-1") in ascending byte order, each as the uvarint length it shares
// with the one before, the uvarint length of the rest, and the rest. The
// size is bounded by the provider's most items.
type SetMark struct {
	provider, prefix, account string
	maxItems                  int
	check                     func(id string) error
}

// NewSetMark returns the marks of provider for the account that baseURL
// and secret name, of at most maxItems IDs, each of which check accepts
// (nil: [CheckID]).
func NewSetMark(provider, baseURL, secret string, maxItems int, check func(id string) error) *SetMark {
	if check == nil {
		check = func(id string) error { return CheckID("id", id) }
	}
	return &SetMark{provider: provider, prefix: provider + ".mark.v1.", maxItems: maxItems, check: check,
		account: AccountTag(provider, baseURL, secret)}
}

// AccountTagLen is the length of an [AccountTag].
const AccountTagLen = 11

// AccountTag names, in a provider's marks, the account and server whose
// list a mark belongs to: the first 8 bytes of a SHA-256 over the provider,
// the site (a base URL, or whatever spelling of it the provider treats as
// one) and what names the account (the credential, or a login), in
// base64url. It tells one account from another without holding the
// secret, which no digest this short gives back, so every provider's marks
// refuse another account's the same way.
func AccountTag(provider, site, account string) string {
	sum := sha256.Sum256([]byte("favkit " + provider + " mark account\x00" + site + "\x00" + account))
	return base64.RawURLEncoding.EncodeToString(sum[:8])
}

// IsAccountTag reports whether s has the form of an [AccountTag].
func IsAccountTag(s string) bool {
	if len(s) != AccountTagLen {
		return false
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// The ways a <set> is written: its first byte.
const (
	setOfText    = 0 // front-coded, in byte order
	setOfNumbers = 1 // uvarint steps, in numeric order
)

// Format writes the mark of ids, which must be distinct (as [SetChanges]
// gives them, ascending).
func (m *SetMark) Format(ids []string) string {
	nums, numeric := numbers(ids)
	buf := make([]byte, 0, 2+2*len(ids))
	if numeric && len(ids) > 0 {
		buf = binary.AppendUvarint(append(buf, setOfNumbers), uint64(len(nums)))
		var prev uint64
		for _, n := range nums {
			buf = binary.AppendUvarint(buf, n-prev)
			prev = n
		}
		return m.text(buf)
	}
	buf = binary.AppendUvarint(append(buf, setOfText), uint64(len(ids)))
	prev := ""
	for _, id := range ids {
		shared := commonPrefix(prev, id)
		buf = binary.AppendUvarint(buf, uint64(shared))
		buf = binary.AppendUvarint(buf, uint64(len(id)-shared))
		buf = append(buf, id[shared:]...)
		prev = id
	}
	return m.text(buf)
}

func (m *SetMark) text(set []byte) string {
	return m.prefix + m.account + "." + base64.RawURLEncoding.EncodeToString(set)
}

// numbers reads ids as positive decimals in their one spelling, ascending;
// false when one is not.
func numbers(ids []string) ([]uint64, bool) {
	nums := make([]uint64, len(ids))
	for i, id := range ids {
		n, err := strconv.ParseUint(id, 10, 63)
		if err != nil || n == 0 || strconv.FormatUint(n, 10) != id {
			return nil, false
		}
		nums[i] = n
	}
	slices.Sort(nums)
	return nums, true
}

// Parse reads a mark back to its ascending IDs. Text that is no mark of
// this provider matches favorites.ErrStaleMark and
// favorites.ErrInvalidArgument; a mark of another account or server
// matches favorites.ErrStaleMark. Only the one spelling Format writes is a
// mark: uvarints can be padded, and text not byte for byte Format's was
// not made by it.
func (m *SetMark) Parse(mark string) ([]string, error) {
	rest, ok := strings.CutPrefix(mark, m.prefix)
	if !ok || len(rest) < len(m.account)+1 || rest[len(m.account)] != '.' ||
		len(rest) > len(m.account)+1+base64.RawURLEncoding.EncodedLen(binary.MaxVarintLen64+m.maxItems*(4+MaxIDLength)) {
		return nil, m.bad(mark, "not a "+m.provider+" mark ("+m.prefix+"<account>.<set>)")
	}
	if rest[:len(m.account)] != m.account {
		return nil, fmt.Errorf("%s: %w: the mark was made for another account or server; start again from the empty mark",
			m.provider, favorites.ErrStaleMark)
	}
	ids, ok := m.decodeSet(rest[len(m.account)+1:])
	if !ok || m.Format(ids) != mark {
		return nil, m.bad(mark, "a set of IDs that does not decode")
	}
	return ids, nil
}

func (m *SetMark) bad(mark, why string) error {
	return fmt.Errorf("%s: %w: %w: mark %.24q... is %s", m.provider, favorites.ErrStaleMark, favorites.ErrInvalidArgument, mark, why)
}

// decodeSet reads the <set> part to IDs in ascending byte order, refusing
// a count over maxItems or not met, an ID check refuses, IDs out of order
// or twice, and bytes left over. (Parse also refuses any spelling Format
// would not write, such as numbers written as text.)
func (m *SetMark) decodeSet(s string) ([]string, bool) {
	buf, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil || len(buf) == 0 {
		return nil, false
	}
	n, k := binary.Uvarint(buf[1:])
	if k <= 0 || n > uint64(m.maxItems) {
		return nil, false
	}
	var ids []string
	var ok bool
	switch buf[0] {
	case setOfNumbers:
		ids, ok = decodeNumbers(buf[1+k:], int(n))
	case setOfText:
		ids, ok = decodeText(buf[1+k:], int(n))
	}
	for _, id := range ids {
		ok = ok && m.check(id) == nil
	}
	return ids, ok
}

// decodeNumbers reads n uvarint steps, each above 0, to decimal IDs.
func decodeNumbers(buf []byte, n int) ([]string, bool) {
	ids := make([]string, 0, n)
	var prev uint64
	for range n {
		d, k := binary.Uvarint(buf)
		if k <= 0 || d == 0 || d > 1<<63-1-prev {
			return nil, false
		}
		prev += d
		ids = append(ids, strconv.FormatUint(prev, 10))
		buf = buf[k:]
	}
	slices.Sort(ids)
	return ids, len(buf) == 0
}

// decodeText reads n front-coded IDs, each after the one before.
func decodeText(buf []byte, n int) ([]string, bool) {
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
		if id <= prev {
			return nil, false
		}
		ids = append(ids, id)
		prev, buf = id, buf[k1+k2+int(size):]
	}
	return ids, len(buf) == 0
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// SetChanges compares the set a mark held (before, ascending) with the IDs
// of a whole list as listed: now is the list's set, ascending, for the next
// mark; added are the positions in listed of the IDs new since before, in
// the list's order, each once; removed are the IDs of before no longer
// listed, ascending.
func SetChanges(before, listed []string) (now []string, added []int, removed []string) {
	now = slices.Clone(listed)
	slices.Sort(now)
	now = slices.Compact(now)
	seen := make(map[string]bool)
	for i, id := range listed {
		if _, old := slices.BinarySearch(before, id); !old && !seen[id] {
			seen[id] = true
			added = append(added, i)
		}
	}
	for _, id := range before {
		if _, still := slices.BinarySearch(now, id); !still {
			removed = append(removed, id)
		}
	}
	return now, added, removed
}

package e621

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/text"
)

// checkUserName holds name to the rules every e621 user name has kept since
// sign-up (UserNameValidator, app/logical/user_name_validator.rb): 2 to 20
// characters, each a letter, a digit, '_', '-', '~' or an apostrophe. Its rules of
// style (no leading or doubled special character, not digits only) are not
// checked: User#name_error in app/models/user.rb says accounts older than
// them still carry such names. "me" is refused, since fav:me means the
// caller (TagQuery, the "fav" metatag), and so is a name starting with
// '!', since fav:!<id> means a user ID (User.find_by_name_or_id).
func checkUserName(name string) error {
	bad := func(why string) error {
		return fmt.Errorf("%s: %w: user name %.40q %s", ProviderName, favorites.ErrInvalidArgument, name, why)
	}
	switch {
	case len(name) < 2 || len(name) > 20:
		return bad("is not 2 to 20 characters long")
	case strings.EqualFold(name, "me"):
		return bad(`is "me", which e621 reads as the caller; give the user's own name`)
	}
	for _, r := range name {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_-~'", r))) {
			return bad(fmt.Sprintf("holds %q; e621 names are letters, digits, '_', '-', '~' and '\\''", r))
		}
	}
	return nil
}

// searchTags checks tags and gives the tags parameter of a search of
// name's favourites: "fav:<name>" and then tags, space-separated, as
// e621 splits them (TagQuery.scan, app/logical/tag_query.rb).
func searchTags(name string, tags []string) (string, error) {
	bad := func(i int, why string) error {
		return fmt.Errorf("%s: %w: tag %d %.60q %s", ProviderName, favorites.ErrInvalidArgument, i, tags[i], why)
	}
	all := append([]string{"fav:" + name}, tags...)
	for i, tag := range tags {
		switch {
		case tag == "":
			return "", bad(i, "is empty")
		case !utf8.ValidString(tag) || strings.ContainsFunc(tag, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
			return "", bad(i, "holds white space or a control character; give each tag as its own string")
		case pagingMetatag(tag):
			return "", bad(i, "changes the paging: b<id> pages sort by id whatever order: asks, "+
				"and the page size is the Limit option")
		}
	}
	if n := countTags(all); n > MaxSearchTags {
		return "", fmt.Errorf("%s: %w: %d tags with fav:%s; e621 searches %d at most",
			ProviderName, favorites.ErrInvalidArgument, n, name, MaxSearchTags)
	}
	return strings.Join(all, " "), nil
}

// pagingMetatag reports a metatag whose meaning b<id> paging overrides:
// order: and randseed: (paginate_sequential_before sorts by id, in
// app/logical/danbooru/paginator/document_store_extensions.rb) and limit:
// (the limit parameter wins, in app/logical/post_sets/post.rb).
func pagingMetatag(tag string) bool {
	t := strings.ToLower(strings.TrimLeft(tag, "-~"))
	for _, p := range []string{"order:", "randseed:", "limit:"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// countTags counts tags as TagQuery#parse_query does: each distinct tag
// once, except the ones Danbooru.config.is_unlimited_tag? exempts
// (-?status:deleted, rating:s..., limit:...) and a group's brackets, whose
// tags are counted one by one (TagQuery#pq_count_tags).
func countTags(tags []string) int {
	var seen []string
	for _, t := range tags {
		lower := strings.ToLower(t)
		switch {
		case slices.Contains(seen, t), lower == "(", lower == "-(", lower == "~(", lower == ")":
			continue
		case lower == "status:deleted", lower == "-status:deleted", strings.HasPrefix(lower, "rating:s"),
			len(lower) > len("limit:") && strings.HasPrefix(lower, "limit:"):
			continue
		}
		seen = append(seen, t)
	}
	return len(seen)
}

// digest names a search in its cursors: its tags, lower-cased (e621
// matches tags and names case-insensitively) and sorted.
func digest(tags string) string {
	fields := strings.Fields(strings.ToLower(tags))
	slices.Sort(fields)
	h := fnv.New64a()
	h.Write([]byte(strings.Join(slices.Compact(fields), " ")))
	return strconv.FormatUint(h.Sum64(), 36)
}

// searchCursorPrefix starts a tag search's cursor,
// "e621.s1.l<limit>.b<id>.q<digest>": the page size, the b<id> page read
// next, and the digest of the search that wrote it.
const searchCursorPrefix = "e621.s1."

// cursor is the text of the page below id.
func (s search) cursor(before int64) string {
	return searchCursorPrefix + "l" + strconv.Itoa(s.limit) + ".b" + strconv.FormatInt(before, 10) + ".q" + s.digest
}

// searchAt is where a saved cursor stands.
type searchAt struct {
	limit  int
	before int64
}

// parseSaved reads a cursor given to resume s, refusing another search's.
func (s search) parseSaved(text string) (searchAt, error) {
	at, dig, ok := scanSearchCursor(text)
	switch {
	case !ok:
		return searchAt{}, fmt.Errorf("%s: %w: cursor %.80q is not an e621 tag search cursor (%sl<limit>.b<id>.q<digest>)",
			ProviderName, favorites.ErrInvalidArgument, text, searchCursorPrefix)
	case dig != s.digest:
		return searchAt{}, fmt.Errorf("%s: %w: cursor %.80q was saved by a search of other tags or another user than %q",
			ProviderName, favorites.ErrInvalidArgument, text, s.tags)
	}
	return at, nil
}

// parse reads a cursor of this walk ("": the first page) to its b<id>.
func (s search) parse(text string) (int64, error) {
	if text == "" {
		return 0, nil
	}
	at, dig, ok := scanSearchCursor(text)
	if !ok || dig != s.digest {
		return 0, fmt.Errorf("%s: %w: cursor %.80q", ProviderName, favorites.ErrInvalidArgument, text)
	}
	return at.before, nil
}

// scanSearchCursor parses the text form, refusing anything cursor would
// not write.
func scanSearchCursor(cursor string) (searchAt, string, bool) {
	rest, ok := strings.CutPrefix(cursor, searchCursorPrefix)
	parts := strings.Split(rest, ".")
	if !ok || len(parts) != 3 {
		return searchAt{}, "", false
	}
	var at searchAt
	if at.limit, ok = text.PrefixedDecimal(parts[0], "l", 1, MaxLimit); !ok {
		return searchAt{}, "", false
	}
	before, ok := text.PrefixedDecimal(parts[1], "b", 1, MaxBeforeID)
	dig, okd := strings.CutPrefix(parts[2], "q")
	if !ok || !okd || dig == "" {
		return searchAt{}, "", false
	}
	at.before = int64(before)
	if (search{limit: at.limit, digest: dig}).cursor(at.before) != cursor {
		return searchAt{}, "", false
	}
	return at, dig, true
}

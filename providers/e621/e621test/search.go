package e621test

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// MaxSearchTags is how many tags a search may hold before the fake answers
// 422, as e621's tag_query_limit.
const MaxSearchTags = 40

// search answers GET /posts.json: the posts matching the tags parameter,
// newest post first, a page at a time. It understands plain tags (a
// post's general and artist tags), fav:<name> (also favoritedby:, fav:me,
// fav:!<id>) and rating:<s|q|e>, each negated by '-' or made one of an
// "any of" set by '~', and limit:<n>. Other metatags and groups match as
// plain tags (nothing). Pages are numbered (1 to 750), b<id> (below id)
// or a<id> (above id); either way the page lists posts by id descending.
func (s *Server) search(w http.ResponseWriter, r *http.Request, caller *user) {
	q := r.URL.Query()
	tags := uniqueFields(q.Get("tags"))
	limitText := q.Get("limit")
	if limitText == "" {
		limitText = metatagValue(tags, "limit")
	}
	limit, _, msg := pageParams(limitText, "")
	if msg != "" {
		writeJSON(w, http.StatusGone, message(msg))
		return
	}
	mode, at, msg := searchPageParam(q.Get("page"))
	if msg != "" {
		writeJSON(w, http.StatusGone, message(msg))
		return
	}
	if countTags(tags) > MaxSearchTags {
		writeJSON(w, http.StatusUnprocessableEntity,
			message("You cannot search for more than "+strconv.Itoa(MaxSearchTags)+" tags at a time"))
		return
	}
	match, hidden := s.matcher(tags, caller)
	if hidden {
		writeJSON(w, http.StatusForbidden, reason("This user's favorites are hidden"))
		return
	}
	posts := []wirePost{}
	for _, id := range pick(s.matching(match), mode, at, limit) {
		posts = append(posts, s.wire(s.posts[id], caller))
	}
	writeJSON(w, http.StatusOK, map[string]any{"posts": posts})
}

// uniqueFields splits tags at white space, each tag once, as e621 does.
func uniqueFields(tags string) []string {
	var out []string
	for _, t := range strings.Fields(tags) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// metatagValue is the value of the first name:value tag; "" for none.
func metatagValue(tags []string, name string) string {
	for _, t := range tags {
		if v, ok := strings.CutPrefix(strings.ToLower(t), name+":"); ok {
			return v
		}
	}
	return ""
}

// countTags counts tags as e621 does: not the ones its is_unlimited_tag?
// exempts, nor a group's brackets.
func countTags(tags []string) int {
	n := 0
	for _, t := range tags {
		l := strings.ToLower(t)
		switch {
		case l == "status:deleted", l == "-status:deleted", strings.HasPrefix(l, "rating:s"),
			strings.HasPrefix(l, "limit:") && len(l) > len("limit:"),
			l == "(", l == "-(", l == "~(", l == ")":
		default:
			n++
		}
	}
	return n
}

// searchPageParam reads page as e621's paginator does: a number, b<id> or
// a<id>, with its 410 texts.
func searchPageParam(page string) (mode byte, at int64, msg string) {
	if page == "" {
		return 'n', 1, ""
	}
	if page[0] == 'b' || page[0] == 'a' {
		id, err := strconv.ParseInt(page[1:], 10, 64)
		if err != nil || strings.ContainsAny(page[1:], "+-") {
			return 0, 0, "Invalid page number."
		}
		if id > 1<<31-1 {
			return 0, 0, "Page parameter is out of valid range."
		}
		return page[0], id, ""
	}
	_, n, msg := pageParams("", page)
	return 'n', int64(n), msg
}

// pick takes one page from ids, which are sorted descending.
func pick(ids []int64, mode byte, at int64, limit int) []int64 {
	switch mode {
	case 'b':
		i := 0
		for i < len(ids) && ids[i] >= at {
			i++
		}
		return ids[i:min(i+limit, len(ids))]
	case 'a':
		j := 0
		for j < len(ids) && ids[j] > at {
			j++
		}
		return ids[max(0, j-limit):j]
	}
	from := int(at-1) * limit
	return ids[min(from, len(ids)):min(from+limit, len(ids))]
}

// matcher builds the test of tags for caller: every plain and '-' tag
// holds, and one of the '~' tags when there are any. hidden reports a
// fav: tag naming a user whose favourites caller may not see, which e621
// answers with 403 whatever the tag's prefix.
func (s *Server) matcher(tags []string, caller *user) (match func(*Post) bool, hidden bool) {
	var all, anyOf []func(*Post) bool
	for _, t := range tags {
		body, prefix := t, byte(0)
		if len(t) > 1 && (t[0] == '-' || t[0] == '~') {
			body, prefix = t[1:], t[0]
		}
		test, hide := s.tagTest(body, caller)
		switch {
		case hide:
			return nil, true
		case test == nil:
		case prefix == '-':
			all = append(all, func(p *Post) bool { return !test(p) })
		case prefix == '~':
			anyOf = append(anyOf, test)
		default:
			all = append(all, test)
		}
	}
	return func(p *Post) bool {
		for _, f := range all {
			if !f(p) {
				return false
			}
		}
		return len(anyOf) == 0 || slices.ContainsFunc(anyOf, func(f func(*Post) bool) bool { return f(p) })
	}, false
}

// tagTest is the test of one tag without its prefix; nil for a tag that
// e621 ignores (limit:, a rating other than s, q or e).
func (s *Server) tagTest(tag string, caller *user) (test func(*Post) bool, hidden bool) {
	name, value, isMeta := strings.Cut(strings.ToLower(tag), ":")
	switch {
	case isMeta && (name == "fav" || name == "favoritedby"):
		u := s.favUser(value, caller)
		if u == nil {
			return func(*Post) bool { return false }, false // e621 matches nothing for an unknown user
		}
		if u.hidden && u != caller {
			return nil, true
		}
		return func(p *Post) bool { return u.has[p.ID] }, false
	case isMeta && name == "rating":
		if value == "" || !strings.Contains("sqe", value[:1]) {
			return nil, false
		}
		return func(p *Post) bool { return strings.EqualFold(p.Rating[:1], value[:1]) }, false
	case isMeta && name == "limit":
		return nil, false
	}
	lower := strings.ToLower(tag)
	has := func(list []string) bool {
		return slices.ContainsFunc(list, func(t string) bool { return strings.EqualFold(t, lower) })
	}
	return func(p *Post) bool { return has(p.General) || has(p.Artists) }, false
}

// favUser is the user fav:<value> names: "me" is the caller, "!<id>" a
// user ID, anything else a name matched regardless of case.
func (s *Server) favUser(value string, caller *user) *user {
	if value == "me" {
		return caller
	}
	if id, ok := strings.CutPrefix(value, "!"); ok {
		return s.userByID(id)
	}
	for _, u := range s.users {
		if strings.EqualFold(u.login, value) {
			return u
		}
	}
	return nil
}

// matching is the IDs of the posts match accepts, newest first.
func (s *Server) matching(match func(*Post) bool) []int64 {
	var ids []int64
	for id, p := range s.posts {
		if match(p) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Compare(b, a) })
	return ids
}

package waifuimtest

import (
	"cmp"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// filter is a parsed GET /fav query.
type filter struct {
	inTags, exTags, inFiles, exFiles []string
	nsfw, gif                        string // "", "true", "false" ("null" for nsfw: either)
	orderBy, orientation             string
	sizes                            map[string]comparison // width, height, byte_size
	many, full                       bool
	userID                           int64
}

type comparison struct {
	op string
	n  int64
}

// operators, longest first so "<=" is not read as "<".
var operators = []string{"<=", ">=", "!=", "<", ">", "="}

func parseComparison(v string) (comparison, bool) {
	for _, op := range operators {
		if rest, ok := strings.CutPrefix(v, op); ok {
			n, err := strconv.ParseInt(rest, 10, 64)
			return comparison{op, n}, err == nil && n >= 0
		}
	}
	return comparison{}, false
}

func (c comparison) match(v int64) bool {
	switch c.op {
	case "<=":
		return v <= c.n
	case ">=":
		return v >= c.n
	case "!=":
		return v != c.n
	case "<":
		return v < c.n
	case ">":
		return v > c.n
	}
	return v == c.n
}

// parseFilter reads the query, naming the first bad field.
func parseFilter(q url.Values) (filter, string) {
	f := filter{inTags: q["included_tags"], exTags: q["excluded_tags"],
		inFiles: q["included_files"], exFiles: q["excluded_files"], sizes: map[string]comparison{}}
	enums := []struct {
		key     string
		dst     *string
		allowed []string
	}{
		{"is_nsfw", &f.nsfw, []string{"TRUE", "FALSE", "NULL"}},
		{"gif", &f.gif, []string{"TRUE", "FALSE"}},
		{"order_by", &f.orderBy, []string{"LIKED_AT", "FAVORITES", "UPLOADED_AT", "RANDOM"}},
		{"orientation", &f.orientation, []string{"LANDSCAPE", "PORTRAIT", "RANDOM"}},
	}
	for _, e := range enums {
		v := strings.ToUpper(q.Get(e.key))
		if v != "" && !slices.Contains(e.allowed, v) {
			return f, e.key
		}
		*e.dst = v
	}
	// A slice, not a map, so that of two bad flags the first is named on
	// every run.
	flags := []struct {
		key string
		dst *bool
	}{{"many", &f.many}, {"full", &f.full}}
	for _, fl := range flags {
		if v := q.Get(fl.key); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return f, fl.key
			}
			*fl.dst = b
		}
	}
	for _, key := range []string{"width", "height", "byte_size"} {
		if v := q.Get(key); v != "" {
			c, ok := parseComparison(v)
			if !ok {
				return f, key
			}
			f.sizes[key] = c
		}
	}
	if v := q.Get("user_id"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return f, "user_id"
		}
		f.userID = n
	}
	return f, ""
}

func (s *Server) serveList(w http.ResponseWriter, r *http.Request, caller int64) {
	f, bad := parseFilter(r.URL.Query())
	if bad != "" {
		badRequest(w, bad)
		return
	}
	if f.full && !s.isAdmin(caller) {
		detail(w, http.StatusForbidden, "You are missing the admin permission to ask for full results")
		return
	}
	who, ok := s.target(w, caller, f.userID)
	if !ok {
		return
	}
	images := s.matching(who, f)
	if len(images) == 0 {
		detail(w, http.StatusNotFound, "No image found matching the criteria given.")
		return
	}
	writeJSON(w, http.StatusOK, toWire(images))
}

// liked is a favourite as a listing gives it: the image, and when the user
// liked it.
type liked struct {
	Image
	at time.Time
}

// matching returns the user's favourites that pass f, in f's order.
func (s *Server) matching(userID int64, f filter) []liked {
	s.mu.Lock()
	var out []liked
	if u, ok := s.users[userID]; ok {
		for id, at := range u.liked {
			if im := s.images[id]; f.match(im) {
				out = append(out, liked{Image: *im, at: at})
			}
		}
	}
	s.mu.Unlock()
	sortImages(out, f.orderBy)
	if f.many && !f.full && len(out) > 30 {
		out = out[:30]
	}
	return out
}

func sortImages(images []liked, orderBy string) {
	key := map[string]func(im liked) int64{
		"FAVORITES":   func(im liked) int64 { return int64(im.Favorites) },
		"UPLOADED_AT": func(im liked) int64 { return im.UploadedAt.UnixNano() },
	}[orderBy]
	if key == nil {
		key = func(im liked) int64 { return im.at.UnixNano() }
	}
	slices.SortFunc(images, func(a, b liked) int {
		return cmp.Or(cmp.Compare(key(b), key(a)), cmp.Compare(a.ImageID, b.ImageID))
	})
	if orderBy == "RANDOM" {
		rand.Shuffle(len(images), func(i, j int) { images[i], images[j] = images[j], images[i] })
	}
}

func (f filter) match(im *Image) bool {
	tags := make([]string, len(im.Tags))
	for i, t := range im.Tags {
		tags[i] = t.Name
	}
	files := []string{strconv.FormatInt(im.ImageID, 10), im.Signature, im.Signature + im.Extension}
	sizes := map[string]int64{"width": int64(im.Width), "height": int64(im.Height), "byte_size": im.ByteSize}
	switch {
	case !containsAll(tags, f.inTags), containsAny(tags, f.exTags),
		len(f.inFiles) > 0 && !containsAny(files, f.inFiles), containsAny(files, f.exFiles),
		f.nsfw == "TRUE" && !im.IsNSFW, f.nsfw == "FALSE" && im.IsNSFW,
		f.gif == "TRUE" && !im.isGIF(), f.gif == "FALSE" && im.isGIF(),
		f.orientation == "LANDSCAPE" && im.Width <= im.Height,
		f.orientation == "PORTRAIT" && im.Height <= im.Width:
		return false
	}
	for key, c := range f.sizes {
		if !c.match(sizes[key]) {
			return false
		}
	}
	return true
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

func containsAny(have, want []string) bool {
	return slices.ContainsFunc(want, func(w string) bool { return slices.Contains(have, w) })
}

package watch

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/favkit/favorites"
)

// markPrefix starts a mark from the middle of a round; any other mark is
// the ChangeLister's own.
const markPrefix = "watch.v1."

// position is where a watch stands: the ChangeLister's mark of the round
// it is in, and the favourites of that round already yielded.
type position struct {
	Base string          `json:"m"`
	Done []favorites.Ref `json:"d,omitempty"`
}

func (p position) done(r favorites.Ref) bool { return slices.Contains(p.Done, r) }

// String is the mark of p: the ChangeLister's own when nothing of the
// round is yielded yet.
func (p position) String() string {
	if len(p.Done) == 0 {
		return p.Base
	}
	b, _ := json.Marshal(p) // strings and refs always encode
	return markPrefix + base64.RawURLEncoding.EncodeToString(b)
}

// parseMark reads a mark of Added or of the ChangeLister.
func parseMark(mark string) (position, error) {
	rest, ok := strings.CutPrefix(mark, markPrefix)
	if !ok {
		return position{Base: mark}, nil
	}
	var p position
	b, err := base64.RawURLEncoding.DecodeString(rest)
	if err == nil {
		err = json.Unmarshal(b, &p)
	}
	if err != nil || p.Base == "" || len(p.Done) == 0 {
		return position{}, fmt.Errorf("watch: %w: %w: mark %.40q... does not read", favorites.ErrInvalidArgument, favorites.ErrStaleMark, mark)
	}
	return p, nil
}

package waifuim

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// FavoritesQuery filters GET /fav. The zero value asks for every favourite
// in the service's default order (most recently liked first). Unset fields
// are not sent. [Client.Favorites] refuses a bad value before sending.
type FavoritesQuery struct {
	// IncludedTags keeps images that carry every one of these tags.
	IncludedTags []string `url:"included_tags,omitempty"`
	// ExcludedTags drops images that carry any of these tags.
	ExcludedTags []string `url:"excluded_tags,omitempty"`
	// IncludedFiles keeps only these images, by image ID or signature.
	IncludedFiles []string `url:"included_files,omitempty"`
	// ExcludedFiles drops these images, by image ID or signature.
	ExcludedFiles []string `url:"excluded_files,omitempty"`

	// NSFW picks lewd, safe or either; unset sends nothing.
	NSFW NSFW `url:"is_nsfw,omitempty"`
	// GIF, when set, keeps only GIFs (true) or drops them (false).
	GIF *bool `url:"gif,omitempty"`
	// OrderBy sets the order; unset means the service's default, OrderLikedAt.
	OrderBy OrderBy `url:"order_by,omitempty"`
	// Orientation keeps landscape or portrait images.
	Orientation Orientation `url:"orientation,omitempty"`

	// Width, Height and ByteSize compare the image's size, such as
	// AtLeast(2000).
	Width    *Comparison `url:"width,omitempty"`
	Height   *Comparison `url:"height,omitempty"`
	ByteSize *Comparison `url:"byte_size,omitempty"`

	// Many asks for up to 30 images.
	Many *bool `url:"many,omitempty"`
	// Full asks for the whole result without any limit (admin tokens only).
	Full *bool `url:"full,omitempty"`
	// UserID acts on another user's favourites (admin tokens only).
	UserID int64 `url:"user_id,omitempty"`
}

// Bool returns a pointer to b, for the optional boolean filters.
func Bool(b bool) *bool { return &b }

// NSFW is the three-state is_nsfw filter.
type NSFW string

// The is_nsfw values. The zero NSFW sends nothing, so the service's default
// applies: every favourite, lewd or not.
const (
	NSFWFalse  NSFW = "false" // safe images only
	NSFWTrue   NSFW = "true"  // lewd images only
	NSFWEither NSFW = "null"  // either, chosen by the service
)

// OrderBy is the order_by filter. The service reads it case-insensitively.
type OrderBy string

// The orders /fav takes.
const (
	OrderLikedAt    OrderBy = "LIKED_AT" // most recently liked first; only /fav takes it
	OrderFavorites  OrderBy = "FAVORITES"
	OrderUploadedAt OrderBy = "UPLOADED_AT"
	OrderRandom     OrderBy = "RANDOM"
)

// Orientation is the orientation filter.
type Orientation string

// The orientations the service takes.
const (
	OrientationLandscape Orientation = "LANDSCAPE"
	OrientationPortrait  Orientation = "PORTRAIT"
	OrientationRandom    Orientation = "RANDOM"
)

// Operator is a comparison operator of the size filters.
type Operator string

// The operators the document lists for width, height and byte_size.
const (
	OpEqual          Operator = "="
	OpNotEqual       Operator = "!="
	OpLess           Operator = "<"
	OpLessOrEqual    Operator = "<="
	OpGreater        Operator = ">"
	OpGreaterOrEqual Operator = ">="
)

// Comparison is a size filter such as ">=2000".
type Comparison struct {
	Op    Operator
	Value int64
}

// AtLeast is ">=n".
func AtLeast(n int64) *Comparison { return &Comparison{OpGreaterOrEqual, n} }

// AtMost is "<=n".
func AtMost(n int64) *Comparison { return &Comparison{OpLessOrEqual, n} }

// Exactly is "=n".
func Exactly(n int64) *Comparison { return &Comparison{OpEqual, n} }

// String is the filter's wire form, such as ">=2000".
func (c Comparison) String() string { return string(c.Op) + strconv.FormatInt(c.Value, 10) }

// EncodeValues writes the comparison for go-querystring, refusing an
// operator the service does not list.
func (c Comparison) EncodeValues(key string, v *url.Values) error {
	if err := c.check(key); err != nil {
		return err
	}
	v.Set(key, c.String())
	return nil
}

func (c Comparison) check(what string) error {
	switch c.Op {
	case OpEqual, OpNotEqual, OpLess, OpLessOrEqual, OpGreater, OpGreaterOrEqual:
	default:
		return fmt.Errorf("%w: %s operator %q is not one of = != < <= > >=", favorites.ErrInvalidArgument, what, c.Op)
	}
	if c.Value < 0 {
		return fmt.Errorf("%w: %s %d is negative", favorites.ErrInvalidArgument, what, c.Value)
	}
	return nil
}

// Validate reports the first bad value in q, in the order of q's fields
// (and of each list), as an error matching favorites.ErrInvalidArgument:
// the same query always gives the same error.
func (q *FavoritesQuery) Validate() error {
	if q == nil {
		return nil
	}
	// Slices, not maps: a map's order changes from run to run, and with it
	// which of two bad fields the error would name.
	names := []struct {
		what string
		list []string
	}{
		{"included_tags", q.IncludedTags}, {"excluded_tags", q.ExcludedTags},
		{"included_files", q.IncludedFiles}, {"excluded_files", q.ExcludedFiles},
	}
	for _, n := range names {
		if err := checkNames(n.what, n.list); err != nil {
			return err
		}
	}
	if err := checkEnum("is_nsfw", string(q.NSFW), NSFWFalse, NSFWTrue, NSFWEither); err != nil {
		return err
	}
	if err := checkEnum("order_by", strings.ToUpper(string(q.OrderBy)),
		OrderLikedAt, OrderFavorites, OrderUploadedAt, OrderRandom); err != nil {
		return err
	}
	if err := checkEnum("orientation", strings.ToUpper(string(q.Orientation)),
		OrientationLandscape, OrientationPortrait, OrientationRandom); err != nil {
		return err
	}
	sizes := []struct {
		what string
		c    *Comparison
	}{{"width", q.Width}, {"height", q.Height}, {"byte_size", q.ByteSize}}
	for _, s := range sizes {
		if s.c != nil {
			if err := s.c.check(s.what); err != nil {
				return err
			}
		}
	}
	if q.UserID < 0 {
		return fmt.Errorf("%w: user_id %d is negative", favorites.ErrInvalidArgument, q.UserID)
	}
	return nil
}

// checkEnum accepts the empty value (not sent) or one of allowed.
func checkEnum[T ~string](what, v string, allowed ...T) error {
	if v == "" {
		return nil
	}
	for _, a := range allowed {
		if string(a) == v {
			return nil
		}
	}
	return fmt.Errorf("%w: %s %q is not one of %v", favorites.ErrInvalidArgument, what, v, allowed)
}

// checkNames refuses empty names, white space at either end, invalid UTF-8,
// control characters and names longer than driver.MaxIDLength: the
// service would match nothing with them, and a huge one would only make the
// URL too long for the server.
func checkNames(what string, names []string) error {
	for _, n := range names {
		bad := n == "" || len(n) > driver.MaxIDLength || !utf8.ValidString(n) || strings.TrimSpace(n) != n ||
			strings.ContainsFunc(n, unicode.IsControl)
		if bad {
			return fmt.Errorf("%w: %s value %q", favorites.ErrInvalidArgument, what, n)
		}
	}
	return nil
}

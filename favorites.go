package favorites

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"time"
)

// Favorite is one favourite in a provider-neutral shape.
//
// Fields a provider does not report are left at their zero value. Raw holds the
// provider's JSON for the item, and [Favorite.As] reaches the provider's typed
// value.
type Favorite struct {
	Provider    string          `json:"provider"`
	Ref         Ref             `json:"ref"`
	Kind        string          `json:"kind,omitempty"`
	Title       string          `json:"title,omitempty"`
	URL         string          `json:"url,omitempty"`
	PreviewURL  string          `json:"preview_url,omitempty"`
	Width       int             `json:"width,omitempty"`
	Height      int             `json:"height,omitempty"`
	CreatedAt   time.Time       `json:"created_at,omitzero"`
	FavoritedAt time.Time       `json:"favorited_at,omitzero"`
	Raw         json.RawMessage `json:"raw,omitempty"`
}

// nativeType is what a provider's own type of a favourite implements
// (*mastodon.Status, *e621.Post, *waifuim.Image, *playplay.Media,
// *dch.Favourite), so that [Favorite.As] knows which provider's Raw it
// reads.
type nativeType interface{ FavoriteProvider() string }

// As decodes f's Raw into the provider's own type and reports whether it
// did. target must be a non-nil pointer to a pointer to that type; any
// other target, a Favorite of another provider or without Raw, or a Raw
// that does not decode, gives false and leaves target alone. A Favorite
// read back from its JSON (a backup, a file) works as a listed one does,
// since Raw is all As reads. The value's own Raw field, where its type
// has one, is f.Raw. For example a Mastodon favourite gives its
// status with:
//
//	var st *mastodon.Status
//	if fav.As(&st) { ... }
func (f Favorite) As(target any) bool {
	tv := reflect.ValueOf(target)
	if target == nil || tv.Kind() != reflect.Pointer || tv.IsNil() || len(f.Raw) == 0 {
		return false
	}
	t := tv.Elem().Type()
	if t.Kind() != reflect.Pointer {
		return false
	}
	v := reflect.New(t.Elem())
	n, ok := v.Interface().(nativeType)
	if !ok || n.FavoriteProvider() != f.Provider || json.Unmarshal(f.Raw, n) != nil {
		return false
	}
	if raw := v.Elem().FieldByName("Raw"); raw.IsValid() && raw.CanSet() && raw.Type() == rawType {
		raw.Set(reflect.ValueOf(f.Raw))
	}
	tv.Elem().Set(v)
	return true
}

var rawType = reflect.TypeFor[json.RawMessage]()

// String gives a short human-readable form: provider, ref and title.
func (f Favorite) String() string {
	return fmt.Sprintf("%s %s %q", f.Provider, f.Ref, f.Title)
}

// ListOptions tune a portable listing. A nil *ListOptions means the defaults.
type ListOptions struct {
	// PageSize asks for this many items a page; 0 means the provider's
	// largest page, which makes the fewest requests. Providers that return
	// everything at once ignore it. A value out of the provider's range is
	// refused with ErrInvalidArgument when the first page is asked for.
	PageSize int

	// Cursor starts the listing where an earlier Pager's Cursor said the next
	// page begins; empty means the first page.
	Cursor string
}

// Favorites is the portable view of one user's favourites on one provider.
// Each provider package has an adapter that implements it, and every adapter
// keeps the same contract, which the conformance suite
// (driver/drivertest) holds each one to:
//
//   - One item, one ref. An item is listed by one canonical [Ref]; every
//     other spelling that Add, Remove or [Favorites.Canonical] accepts is
//     made canonical before anything compares refs, and a spelling that
//     cannot be is refused with [ErrInvalidArgument].
//   - Add of an item that already is a favourite is nil; Add of an item the
//     service does not have is an error matching [ErrNotFound].
//   - Remove of an item that is not a favourite, or that the service says
//     no longer exists, is nil; an answer the adapter cannot read as one of
//     those (a 404 of another shape, an HTML page, a wrong path) is an error.
//   - A 2xx answer to Add or Remove means the change happened: a cut or
//     malformed body after it does not make the call fail.
//   - A listing is never silently short: an empty, null or container-less
//     body, an impossible next page, or an item without a usable ID is an
//     error matching [ErrMalformedReply]. Only the empty answers a service
//     documents are empty lists.
type Favorites interface {
	// Provider names the service, such as "mastodon".
	Provider() string

	// List pages through the favourites in the provider's order. Nothing is
	// sent until the Pager is read.
	List(opts *ListOptions) *Pager[Favorite]

	// Add makes ref a favourite. It is idempotent: a ref that already is a
	// favourite gives nil, so a retry or a second run ends in the same state.
	Add(ctx context.Context, ref Ref) error

	// Remove makes ref no longer a favourite. It is idempotent: a ref that
	// is not a favourite, or whose item is gone, gives nil.
	Remove(ctx context.Context, ref Ref) error

	// Canonical returns the spelling of ref that List gives for the same
	// item, or an error matching [ErrInvalidArgument] that names the
	// canonical form when ref cannot be one. It sends nothing. [Sync]
	// compares refs only after this.
	Canonical(ref Ref) (Ref, error)
}

// Toggler is implemented by adapters whose service can flip a favourite in
// one call. Toggle is not idempotent, so it is never retried once the request
// may have reached the server.
type Toggler interface {
	Toggle(ctx context.Context, ref Ref) (added bool, err error)
}

// Checker is implemented by adapters that can tell whether one item is a
// favourite without listing them all.
type Checker interface {
	IsFavorite(ctx context.Context, ref Ref) (bool, error)
}

package favorites

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"time"
)

// Favorite is one favourite in a provider-neutral shape; Raw is its JSON.
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

// rawDecoder is a native type that decodes itself from a Favorite's Raw;
// see [Favorite.As].
type rawDecoder interface{ DecodeRaw(raw []byte) error }

// As decodes Raw into target, a **T of the provider's own type T, and
// reports whether it could. *T names its provider with a method
// FavoriteProvider() string. When *T also has a method
// DecodeRaw(raw []byte) error, As calls it with Raw: it decodes the value
// and keeps raw, not a copy, as the value's Raw, and the Raws it holds
// within (a Mastodon boost's Reblog.Raw) as parts of raw, which
// encoding/json cannot do. Otherwise As decodes Raw with encoding/json and
// sets the value's Raw field, a json.RawMessage, to Raw.
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
	if !ok || n.FavoriteProvider() != f.Provider || decodeNative(n, v.Elem(), f.Raw) != nil {
		return false
	}
	tv.Elem().Set(v)
	return true
}

// decodeNative decodes raw into n, the address of v, keeping raw as its Raw.
func decodeNative(n nativeType, v reflect.Value, raw json.RawMessage) error {
	if d, ok := n.(rawDecoder); ok {
		return d.DecodeRaw(raw)
	}
	if err := json.Unmarshal(raw, n); err != nil {
		return err
	}
	if field := v.FieldByName("Raw"); field.IsValid() && field.CanSet() && field.Type() == rawType {
		field.Set(reflect.ValueOf(raw))
	}
	return nil
}

var rawType = reflect.TypeFor[json.RawMessage]()

// String gives provider, ref and title.
func (f Favorite) String() string {
	return fmt.Sprintf("%s %s %q", f.Provider, f.Ref, f.Title)
}

// ListOptions tune a portable listing; nil means the defaults.
type ListOptions struct {
	PageSize int    // items a page; 0: the provider's largest. Out of range: ErrInvalidArgument
	Cursor   string // where an earlier Pager's Cursor said to go on; "": the start
}

// Favorites is one user's favourites on one provider. Adapters keep one
// contract (package drivertest): one canonical [Ref] an item; Add and Remove
// idempotent, Add of an unknown item [ErrNotFound]; a 2xx to a write is done;
// a listing never silently short ([ErrMalformedReply]).
type Favorites interface {
	Provider() string                        // the service, such as "mastodon"
	List(opts *ListOptions) *Pager[Favorite] // sends nothing until read
	Add(ctx context.Context, ref Ref) error
	Remove(ctx context.Context, ref Ref) error
	Canonical(ref Ref) (Ref, error) // List's spelling of ref; sends nothing
}

// Toggler flips a favourite in one call, never retried once it may be sent.
type Toggler interface {
	Toggle(ctx context.Context, ref Ref) (added bool, err error)
}

// Checker tells whether one item is a favourite without a listing.
type Checker interface {
	IsFavorite(ctx context.Context, ref Ref) (bool, error)
}

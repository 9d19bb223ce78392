package driver

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/favkit/favorites"
)

// Spec is what a provider gives the kit for its portable adapter: its
// typed calls and the few functions that differ from one service to the
// next. [NewAdapter] builds the one adapter on it, which keeps the
// portable contract of favorites.Favorites for every provider alike:
//
//   - every ref is made canonical by Canonical before anything is sent or
//     compared, and a ref Canonical refuses sends nothing;
//   - Add of a favourite already there, and Remove of one that is not, or
//     of an item the service says it does not have
//     ([favorites.ErrNoSuchItem], which the provider's [ErrorDecoder]
//     marks), are nil;
//   - Add of an item the service does not have is an error matching
//     [favorites.ErrNotFound]: a 404, or an answer the ErrorDecoder marks
//     ErrNoSuchItem (which matches ErrNotFound whatever its status). An
//     answer that means "not found" without saying the item does not exist
//     (Lemmy's {"error":"couldnt_save_post"}, a 400 it also gives when a
//     save fails for another reason) is marked with ErrNotFound alone:
//     Add returns it, and Remove returns it as an error, not as done;
//   - a 2xx answer to a write is done, whatever its body holds;
//   - a listing takes no cursor where the service has none, no negative
//     page size and none over MaxPageSize, and is mapped item by item to
//     favorites.Favorite;
//   - a mark of another provider is refused before anything is sent, and
//     the favourites added since a mark come each once;
//   - every error names the provider.
//
// T is the provider's own type of a listed item, such as *mastodon.Status.
type Spec[T any] struct {
	// Name is the provider's name, as favorites.Favorite.Provider gives it.
	Name string

	// Canonical returns the one spelling of ref that List gives, or an
	// error matching favorites.ErrInvalidArgument that names the
	// canonical form where there is one. It sends nothing; the adapter
	// puts the provider's name before its errors.
	Canonical func(ref favorites.Ref) (favorites.Ref, error)

	// MaxPageSize is the largest ListOptions.PageSize the service takes;
	// a larger one is refused. 0 means the service picks its own page
	// size, and PageSize is ignored.
	MaxPageSize int

	// OnePage says that the service answers the whole list at once: a
	// listing has no cursor, and one given is refused.
	OnePage bool

	// List returns the typed listing that opts ask for. The adapter has
	// checked opts against MaxPageSize and OnePage; PageSize 0 means the
	// provider's choice.
	List func(opts favorites.ListOptions) *favorites.Pager[T]

	// Favorite maps one listed item to the portable shape.
	Favorite func(item T) favorites.Favorite

	// Add and Remove send the write of a canonical ref and return what
	// Client.Do returned. Each chooses its own RetryMode.
	Add, Remove func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error)

	// Changes, when the provider can list what changed since a mark,
	// returns that; nil otherwise. A mark of another provider never
	// reaches it.
	Changes func(ctx context.Context, mark string) (ChangeSet[T], error)

	// IsFavorite, when the service can tell without a listing, reports
	// whether a canonical ref is a favourite; nil otherwise.
	IsFavorite func(ctx context.Context, ref favorites.Ref) (bool, error)

	// Toggle, when the service flips a favourite in one call, flips a
	// canonical ref and says whether it is now a favourite; nil otherwise.
	Toggle func(ctx context.Context, ref favorites.Ref) (bool, error)

	// Verify, when the service has a request that checks a credential,
	// checks it, and the access need asks for where the service tells
	// what a credential may do; nil otherwise.
	Verify func(ctx context.Context, need favorites.Access) error
}

// ChangeSet is what a provider's Changes found since a mark: the items
// added, newest first; the refs removed, complete only when RemovalsKnown;
// and the mark to save.
type ChangeSet[T any] struct {
	Added         []T
	Removed       []favorites.Ref
	RemovalsKnown bool
	Mark          string
}

// Adapter is the portable contract kept once, over a provider's [Spec]. A
// provider's exported adapter type holds one and hands each method of the
// favorites interfaces it implements on to it, so that its documentation
// stays the provider's own. It is safe for concurrent use when the Spec's
// functions are.
type Adapter[T any] struct {
	spec Spec[T]
}

// NewAdapter returns the adapter of spec. It panics when a function every
// provider must give is nil: that is a bug of the provider, found by its
// first test.
func NewAdapter[T any](spec Spec[T]) *Adapter[T] {
	if spec.Name == "" || spec.Canonical == nil || spec.List == nil || spec.Favorite == nil ||
		spec.Add == nil || spec.Remove == nil {
		panic("driver.NewAdapter: a Spec needs Name, Canonical, List, Favorite, Add and Remove")
	}
	return &Adapter[T]{spec: spec}
}

// Provider returns the provider's name.
func (a *Adapter[T]) Provider() string { return a.spec.Name }

// Canonical returns the canonical form of ref, or an error naming the
// provider and matching favorites.ErrInvalidArgument.
func (a *Adapter[T]) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	canon, err := a.spec.Canonical(ref)
	if err != nil {
		return favorites.Ref{}, a.named(err)
	}
	return canon, nil
}

// List checks opts, then pages through the provider's typed listing,
// each item mapped to the portable shape.
func (a *Adapter[T]) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := a.listOptions(opts)
	if err != nil {
		return ErrorPager[favorites.Favorite](a.named(err))
	}
	return favorites.MapPager(a.spec.List(o), func(item T) (favorites.Favorite, error) {
		return a.spec.Favorite(item), nil
	})
}

// listOptions is opts (nil: the zero ListOptions) once checked against
// what the service takes.
func (a *Adapter[T]) listOptions(opts *favorites.ListOptions) (favorites.ListOptions, error) {
	o, err := ListValues(opts)
	switch {
	case err != nil:
		return o, err
	case a.spec.MaxPageSize > 0 && o.PageSize > a.spec.MaxPageSize:
		return o, fmt.Errorf("%w: page size %d is over %d, the most the service gives",
			favorites.ErrInvalidArgument, o.PageSize, a.spec.MaxPageSize)
	case a.spec.OnePage && o.Cursor != "":
		return o, fmt.Errorf("%w: cursor %.40q given to a listing that has one page and no cursor",
			favorites.ErrInvalidArgument, o.Cursor)
	}
	if a.spec.MaxPageSize == 0 {
		o.PageSize = 0 // the service's own
	}
	return o, nil
}

// Add makes ref a favourite: nil when it already is, or when the service
// answered 2xx, whatever the body held.
func (a *Adapter[T]) Add(ctx context.Context, ref favorites.Ref) error {
	canon, err := a.Canonical(ref)
	if err != nil {
		return err
	}
	resp, err := a.spec.Add(ctx, canon)
	if errors.Is(err, favorites.ErrAlreadyFavorited) {
		return nil
	}
	return a.named(WriteDone(resp, err))
}

// Remove makes ref no longer a favourite: nil when it was not one, when
// the service says it has no such item, or when it answered 2xx.
func (a *Adapter[T]) Remove(ctx context.Context, ref favorites.Ref) error {
	canon, err := a.Canonical(ref)
	if err != nil {
		return err
	}
	resp, err := a.spec.Remove(ctx, canon)
	if errors.Is(err, favorites.ErrNoSuchItem) {
		return nil
	}
	return a.named(WriteDone(resp, err))
}

// IsFavorite reports whether ref is a favourite, by the Spec's IsFavorite.
func (a *Adapter[T]) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	return a.ask(ctx, "IsFavorite", a.spec.IsFavorite, ref)
}

// Toggle flips ref, by the Spec's Toggle, and says whether it is now a
// favourite.
func (a *Adapter[T]) Toggle(ctx context.Context, ref favorites.Ref) (bool, error) {
	return a.ask(ctx, "Toggle", a.spec.Toggle, ref)
}

// ask calls a Spec's optional call of one canonical ref that answers
// yes or no.
func (a *Adapter[T]) ask(ctx context.Context, method string, call func(context.Context, favorites.Ref) (bool, error),
	ref favorites.Ref) (bool, error) {
	if call == nil {
		return false, a.unsupported(method)
	}
	canon, err := a.Canonical(ref)
	if err != nil {
		return false, err
	}
	yes, err := call(ctx, canon)
	return yes, a.named(err)
}

// Verify checks the credential for need, by the Spec's Verify.
func (a *Adapter[T]) Verify(ctx context.Context, need favorites.Access) error {
	if a.spec.Verify == nil {
		return a.unsupported("Verify")
	}
	return a.named(a.spec.Verify(ctx, need))
}

// Changes gives what changed since mark, by the Spec's Changes: a mark of
// another provider is refused with favorites.ErrStaleMark and
// favorites.ErrInvalidArgument before anything is sent, and an item added
// comes once, at its newest place.
func (a *Adapter[T]) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	if a.spec.Changes == nil {
		return nil, a.unsupported("Changes")
	}
	if mark != "" && !strings.HasPrefix(mark, a.spec.Name+".") {
		return nil, a.named(fmt.Errorf("%w: %w: mark %.24q... is not a %s mark", favorites.ErrStaleMark,
			favorites.ErrInvalidArgument, mark, a.spec.Name))
	}
	set, err := a.spec.Changes(ctx, mark)
	if err != nil {
		return nil, a.named(err)
	}
	out := &favorites.Changes{
		Added:         make([]favorites.Favorite, 0, len(set.Added)),
		Removed:       set.Removed,
		RemovalsKnown: set.RemovalsKnown,
		Mark:          set.Mark,
	}
	seen := make(map[favorites.Ref]bool, len(set.Added))
	for _, item := range set.Added {
		if f := a.spec.Favorite(item); !seen[f.Ref] {
			seen[f.Ref] = true
			out.Added = append(out.Added, f)
		}
	}
	return out, nil
}

// named puts the provider's name before err, unless err names it already
// (an APIError, an error of the provider's Client).
func (a *Adapter[T]) named(err error) error {
	if err == nil || strings.HasPrefix(err.Error(), a.spec.Name+": ") {
		return err
	}
	return fmt.Errorf("%s: %w", a.spec.Name, err)
}

func (a *Adapter[T]) unsupported(method string) error {
	return fmt.Errorf("%s: %s: %w", a.spec.Name, method, errors.ErrUnsupported)
}

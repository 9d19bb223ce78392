package dch

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Preview size the adapter fills the overview template with: 16:9, the
// shape of the service's thumbnails, small enough for a list.
const (
	PreviewWidth  = 640
	PreviewHeight = 360
)

// Adapter is the portable view of a [Client]: it implements
// [favorites.Favorites], [favorites.Checker] and [favorites.ChangeLister].
//
// A ref is the item's ID alone, exactly as the service lists it
// (Ref{ID: "23427-1"}); that is the one spelling List gives, and the only
// one Add, Remove and Canonical take. A ref with a Source (such as
// "work:23427-1", the type and ID of the item's href) is refused with
// [favorites.ErrInvalidArgument] naming the bare ID, since the service
// knows an item by its ID only.
//
// Add and Remove keep the portable contract: adding a favourite or
// removing one that is not there is nil; removing an item the service does
// not have (its 404 {"message": ...}) is nil, adding one is an error
// matching [favorites.ErrNotFound]; any other 404 is an error. A success
// answer means the write happened, so a cut or malformed body after it,
// or a list that does not show the change, is not an error of the
// portable calls (the typed calls report the latter as [ErrNotApplied]).
type Adapter struct {
	c *Client
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Checker      = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
)

// NewAdapter wraps c.
func NewAdapter(c *Client) *Adapter { return &Adapter{c: c} }

// Provider returns [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List returns every favourite in one page: the service has no paging, so
// opts.PageSize is ignored (a negative one is refused), and there is no
// cursor to save or resume from: the Pager's Cursor stays empty and a
// non-empty opts.Cursor is refused with [favorites.ErrInvalidArgument].
// A listing read again after changes is the whole list again, so nothing
// is ever skipped or repeated.
//
// An answer without the _links.favourites list (an empty body, null, {}),
// an entry without a usable id, or more than [MaxFavourites] entries is
// [favorites.ErrMalformedReply]; the empty array the service sends for no
// favourites is an empty list.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := driver.ListValues(opts)
	if err != nil {
		return driver.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	return driver.SinglePage(o.Cursor, a.list)
}

// list fetches the answer and maps its entries to the portable shape.
func (a *Adapter) list(ctx context.Context) ([]favorites.Favorite, *favorites.Response, error) {
	w, resp, err := a.c.fetch(ctx)
	if err != nil {
		return nil, resp, err
	}
	favs, err := portableList(ctx, w)
	if err != nil {
		return nil, resp, a.c.malformed(http.MethodGet, err)
	}
	return favs, resp, nil
}

// portableList maps the entries of the answer w holds straight to the
// portable shape, with no typed list in between: one Favorite and its
// typed value an entry.
func portableList(ctx context.Context, w *wireList) ([]favorites.Favorite, error) {
	raw, err := w.entries()
	if err != nil {
		return nil, err
	}
	var out []favorites.Favorite
	size := func(n int) { out = make([]favorites.Favorite, 0, n) }
	if err := decodeEntries(ctx, raw, size, func(f Favourite) { out = append(out, ToFavorite(f)) }); err != nil {
		return nil, err
	}
	return out, nil
}

// Canonical returns ref when it is a DCH ID alone, the one spelling List
// gives; a ref with a Source, or an ID Add would refuse, is
// [favorites.ErrInvalidArgument].
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	id, err := refID(ref)
	if err != nil {
		return favorites.Ref{}, err
	}
	return favorites.Ref{ID: id}, nil
}

// Add makes ref a favourite. The service's add leaves a present favourite
// as it is, so Add is safe to repeat and is retried like a GET. An item the
// service does not have is an error matching [favorites.ErrNotFound].
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	return a.apply(ctx, ref, actionAdd)
}

// Remove makes ref no longer a favourite. Removing one that is not there,
// or an item the service does not have, is nil; a 404 that is not the
// service's answer for an unknown item is an error. It is retried like
// Add.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	err := a.apply(ctx, ref, actionDelete)
	if isNoSuchItem(err) {
		return nil
	}
	return err
}

// apply sends one change and reads any success answer as done: the write
// happened once the service said 2xx, whatever its body holds.
func (a *Adapter) apply(ctx context.Context, ref favorites.Ref, action string) error {
	id, err := refID(ref)
	if err != nil {
		return err
	}
	_, resp, err := a.c.update(ctx, action, id, driver.RetryIdempotent)
	return driver.WriteDone(resp, err)
}

// IsFavorite reports whether ref is a favourite, from the list.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	id, err := refID(ref)
	if err != nil {
		return false, err
	}
	list, _, err := a.c.list(ctx)
	if err != nil {
		return false, err
	}
	return list.Contains(id), nil
}

// refID checks a portable ref: DCH refs are a bare item ID.
func refID(ref favorites.Ref) (string, error) {
	if err := driver.CheckID("item ID", ref.ID); err != nil {
		return "", fmt.Errorf("%s: %w", ProviderName, err)
	}
	if ref.Source != "" {
		return "", fmt.Errorf("%s: %w: ref %v has a source; a DCH ref is the bare item ID: %v",
			ProviderName, favorites.ErrInvalidArgument, ref, favorites.Ref{ID: ref.ID})
	}
	return ref.ID, nil
}

// ToFavorite maps one entry to the portable shape: Kind from Type ("item"
// when the service sent none), URL from Href, PreviewURL from the overview
// template at [PreviewWidth]x[PreviewHeight], CreatedAt from the published
// date, FavoritedAt from Updated, and Raw, the entry's bytes, shared with
// f. [favorites.Favorite.As] gives back f.
func ToFavorite(f Favourite) favorites.Favorite {
	kind := string(f.Type)
	if kind == "" {
		kind = "item"
	}
	fav := favorites.Favorite{
		Provider:    ProviderName,
		Ref:         favorites.Ref{ID: f.ID},
		Kind:        kind,
		Title:       f.Title,
		URL:         f.Href,
		PreviewURL:  f.Image.Overview.URL(PreviewWidth, PreviewHeight),
		CreatedAt:   f.Date.Published,
		FavoritedAt: f.Updated,
		Raw:         f.Raw,
	}
	return fav
}

// Changes is the portable form of [Client.Changes]: the favourites made
// since mark, in the list's order (most recent first), the refs of those
// removed since it (RemovalsKnown: one answer is the whole list), and the
// next mark, in exactly one request. The empty mark gives no changes, just
// a first mark. A mark of another provider, account or server is an error
// matching [favorites.ErrStaleMark] (and [favorites.ErrInvalidArgument]
// when it is no DCH mark at all), and sends nothing.
func (a *Adapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	ch, _, err := a.c.Changes(ctx, mark)
	if err != nil {
		return nil, err
	}
	out := &favorites.Changes{
		Added:         make([]favorites.Favorite, len(ch.Added)),
		Removed:       make([]favorites.Ref, len(ch.Removed)),
		RemovalsKnown: true,
		Mark:          ch.Mark,
	}
	for i, f := range ch.Added {
		out.Added[i] = ToFavorite(*f)
	}
	for i, id := range ch.Removed {
		out.Removed[i] = favorites.Ref{ID: id}
	}
	return out, nil
}

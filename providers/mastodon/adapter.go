package mastodon

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter is the portable [favorites.Favorites] view of a [Client]; it also
// implements [favorites.Checker] and [favorites.ChangeLister].
//
// A favourite's Ref is {ID: status ID}, with no Source: the ID exactly as
// the server lists it. It is the one spelling: Mastodon IDs are strings
// (numeric on Mastodon, not on every server), so no other form can be made
// canonical without knowing the server. A ref with a Source, and an
// all-digit ID with a leading zero or sign (Mastodon reads "0123" as the
// status 123, so the two would be one item under two refs), are refused
// with favorites.ErrInvalidArgument naming the canonical form.
type Adapter struct {
	c *Client
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Checker      = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
)

// NewAdapter returns the portable view of c.
func NewAdapter(c *Client) *Adapter { return &Adapter{c: c} }

// Provider returns [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List pages through the favourites, newest favourite first, by the rules
// of [Client.Favourites]. PageSize 0 means [MaxLimit] (with a Cursor: the
// cursor's own page size); over MaxLimit is refused with
// ErrInvalidArgument. The cursor is the server's next link and resumes
// exactly, at any page size.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := driver.ListValues(opts)
	if err != nil {
		return driver.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	lo := &ListOptions{Limit: o.PageSize, Cursor: o.Cursor}
	return favorites.MapPager(a.c.Favourites(lo), func(s *Status) (favorites.Favorite, error) {
		return ToFavorite(s), nil
	})
}

// Canonical returns ref when it is a usable status ID alone, the form List
// gives; any other form is refused with ErrInvalidArgument naming the
// canonical one. It sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	id, err := statusID(ref)
	if err != nil {
		return favorites.Ref{}, err
	}
	return favorites.Ref{ID: id}, nil
}

// statusID is the status ID of ref, checked as Canonical says.
func statusID(ref favorites.Ref) (string, error) {
	if ref.Source != "" {
		return "", fmt.Errorf("%s: %w: ref %v has a source; a Mastodon ref is the status ID alone, such as %v",
			ProviderName, favorites.ErrInvalidArgument, ref, favorites.Ref{ID: ref.ID})
	}
	if err := checkStatusID("status id", ref.ID); err != nil {
		return "", fmt.Errorf("%s: %w", ProviderName, err)
	}
	return ref.ID, nil
}

// checkStatusID refuses, with ErrInvalidArgument naming what, an ID that
// could change a request's path, and a number not in its plain form.
func checkStatusID(what, id string) error {
	if err := driver.CheckID(what, id); err != nil {
		return err
	}
	if canon, ok := plainNumber(id); ok && canon != id {
		return fmt.Errorf("%w: %s %q names the status %s on Mastodon, which reads IDs as numbers; use the canonical ref %s",
			favorites.ErrInvalidArgument, what, id, canon, canon)
	}
	return nil
}

// plainNumber reports whether id is a signed or zero-padded decimal number,
// and gives its plain form ("0123" and "+123" give "123").
func plainNumber(id string) (string, bool) {
	digits := strings.TrimPrefix(id, "+")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return "", false
	}
	if plain := strings.TrimLeft(digits, "0"); plain != "" {
		return plain, true
	}
	return "0", true
}

// Add favourites the status ref.ID; a favourite already is nil. An unknown
// status, or one the caller may not see, is an error matching
// [favorites.ErrNotFound]. A 2xx answer is success even when its body is
// cut or malformed: the server made the favourite.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	id, err := statusID(ref)
	if err != nil {
		return err
	}
	_, resp, err := a.c.Favourite(ctx, id)
	return driver.WriteDone(resp, err)
}

// Remove unfavourites the status ref.ID. A status that is not a favourite
// is nil (Mastodon answers it with the status), and so is one the server
// does not have: a deleted status takes its favourites with it, and
// Mastodon answers 404 {"error":"Record not found"} (Api::BaseController's
// answer to ActiveRecord::RecordNotFound).
//
// Any other 404 is an error, among them {"error":"Not Found"}: Mastodon
// answers that both to a status the caller may not see and has not
// favourited (Api::V1::Statuses::FavouritesController#destroy looks for the
// caller's favourite first, and only without one checks visibility), and
// to a path it has no route for (ApplicationController#raise_not_found), so
// a wrong base URL would otherwise pass for success. A 2xx answer is
// success even when its body is cut or malformed.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	id, err := statusID(ref)
	if err != nil {
		return err
	}
	_, resp, err := a.c.Unfavourite(ctx, id)
	if recordNotFound(err) {
		return nil
	}
	return driver.WriteDone(resp, err)
}

// recordNotFound reports whether err is Mastodon's answer for a record it
// does not have: 404 with the body {"error":"Record not found"}.
func recordNotFound(err error) bool {
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		return false
	}
	var body struct {
		Error *string `json:"error"`
	}
	return json.Unmarshal(bytes.TrimSpace(apiErr.Body), &body) == nil &&
		body.Error != nil && *body.Error == "Record not found"
}

// IsFavorite looks the status up and reads its favourited field.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	id, err := statusID(ref)
	if err != nil {
		return false, err
	}
	st, _, err := a.c.Status(ctx, id)
	if err != nil {
		return false, err
	}
	return st.Favourited, nil
}

// ToFavorite maps a status to the portable shape: Kind "status", Title from
// its text, URL, the first attachment's preview, CreatedAt, and the status's
// own JSON as Raw. Mastodon does not say when a status was favourited, so
// FavoritedAt is zero. [favorites.Favorite.As] gives back s.
func ToFavorite(s *Status) favorites.Favorite {
	f := favorites.Favorite{
		Provider:  ProviderName,
		Ref:       favorites.Ref{ID: s.ID},
		Kind:      "status",
		Title:     title(s),
		URL:       s.Link(),
		CreatedAt: s.CreatedAt,
		Raw:       s.Raw,
	}
	if len(s.MediaAttachments) > 0 {
		f.PreviewURL = s.MediaAttachments[0].PreviewURL
	}
	return f
}

// Changes gives the favourites added since mark, newest first, each once,
// and the mark to save for the next call, by [Client.FavouritesSince]: the
// empty mark is "from now" (no items, one request), and k new favourites
// cost floor(k/40)+1 requests. A mark is text of the form
//
//	mastodon.v1.i<account>.m<favourite ID>   such as mastodon.v1.iq2Xo0b1Ui5E.m104233
//	mastodon.v1.i<account>.e                 the list was empty when marked
//
// where the favourite ID is the newest one seen, from the server's
// rel="prev" link (never a status ID), and the account driver.AccountTag
// of the base URL and the token. It holds no credential and is at most 90
// bytes. Text that is not such a mark is [favorites.ErrStaleMark] and
// [favorites.ErrInvalidArgument]; a mark of another instance or account is
// ErrStaleMark; both send nothing. Mastodon keeps no record of removals,
// so RemovalsKnown is false and Removed empty: removals need a full
// listing ([Adapter.List]) and [favorites.Diff]. A favourite made and
// removed between two calls is not seen.
func (a *Adapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	sts, next, err := a.c.FavouritesSince(ctx, mark)
	if err != nil {
		return nil, err
	}
	ch := &favorites.Changes{Added: make([]favorites.Favorite, 0, len(sts)), Mark: next}
	for _, s := range sts {
		ch.Added = append(ch.Added, ToFavorite(s))
	}
	return ch, nil
}

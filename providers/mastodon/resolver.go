package mastodon

import (
	"context"
	"fmt"
	"net/url"

	"github.com/favkit/favorites"
)

// Resolver returns a [favorites.RestoreOptions].Resolve that finds each
// favourite of a backup made on the instance at sourceBaseURL on target's
// instance, so that [favorites.Restore] moves favourites from one instance
// to another: a status ID is the instance's own, so the ref of another
// instance names nothing, or another status, on the target.
//
// When sourceBaseURL names target's instance (scheme, host and path
// compared as [Client] does for its marks), a favourite keeps its ref and
// nothing is sent. Otherwise each favourite is looked up by
// [Client.ResolveStatus] with its status's uri, read from its Raw as a
// [Status] (a boost's: the boosted status's), or else its url, or else the
// Favorite's URL; a favourite with none of them is an error matching
// [favorites.ErrInvalidArgument]. One the target cannot find is an error
// matching [favorites.ErrNotFound] with the reasons Mastodon may have, so
// Restore reports it as not found and never as moved. An empty
// sourceBaseURL (a backup that does not say where it was made) looks up
// every favourite: that finds a status of the target's own instance too.
//
// The lookups go through target, so its rate limiter paces them with its
// other requests; Restore's Concurrency bounds how many run at once.
func Resolver(target *Client, sourceBaseURL string) (func(ctx context.Context, f favorites.Favorite) (favorites.Ref, error), error) {
	if target == nil {
		return nil, fmt.Errorf("%s: %w: Resolver needs a target client", ProviderName, favorites.ErrInvalidArgument)
	}
	same := false
	if sourceBaseURL != "" {
		src, err := url.Parse(sourceBaseURL)
		if err != nil || (src.Scheme != "http" && src.Scheme != "https") || src.Host == "" {
			return nil, fmt.Errorf("%s: %w: source base URL %.200q is not an absolute http(s) URL", ProviderName, favorites.ErrInvalidArgument, sourceBaseURL)
		}
		same = instanceOf(src) == instanceOf(target.c.BaseURL())
	}
	return func(ctx context.Context, f favorites.Favorite) (favorites.Ref, error) {
		if f.Provider != ProviderName {
			return favorites.Ref{}, fmt.Errorf("%s: %w: a favourite of %q, not of Mastodon", ProviderName, favorites.ErrInvalidArgument, f.Provider)
		}
		if same {
			return f.Ref, nil
		}
		uri := statusURI(f)
		if uri == "" {
			return favorites.Ref{}, fmt.Errorf("%s: %w: favourite %v has no uri or url to find it by on another instance",
				ProviderName, favorites.ErrInvalidArgument, f.Ref)
		}
		st, _, err := target.ResolveStatus(ctx, uri)
		if err != nil {
			return favorites.Ref{}, err
		}
		return favorites.Ref{ID: st.ID}, nil
	}, nil
}

// statusURI is what names f's status on every instance: its uri, else its
// url, else the Favorite's URL; for a boost, the boosted status's.
func statusURI(f favorites.Favorite) string {
	var st *Status
	if f.As(&st) {
		if st.Reblog != nil {
			st = st.Reblog // Mastodon favourites the original when asked to favourite a boost
		}
		if st.URI != "" {
			return st.URI
		}
		if st.URL != nil && *st.URL != "" {
			return *st.URL
		}
	}
	return f.URL
}

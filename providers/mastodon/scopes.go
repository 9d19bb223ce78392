package mastodon

import (
	"strings"

	"github.com/favkit/favorites"
)

// The OAuth scopes a favourites program uses, as Mastodon names them
// (config/initializers/doorkeeper.rb) and as its controllers ask for them
// (doorkeeper_authorize!): each is also granted by its parent, "read" or
// "write".
const (
	// ScopeReadFavourites lists the favourites
	// (app/controllers/api/v1/favourites_controller.rb).
	ScopeReadFavourites = "read:favourites"
	// ScopeWriteFavourites favourites and unfavourites
	// (app/controllers/api/v1/statuses/favourites_controller.rb).
	ScopeWriteFavourites = "write:favourites"
	// ScopeReadSearch searches, which finds a status of another instance by
	// its URI, to move favourites there (app/controllers/api/v2/search_controller.rb).
	ScopeReadSearch = "read:search"
	// ScopeReadAccounts reads the account a token acts for: VerifyCredentials
	// (app/controllers/api/v1/accounts/credentials_controller.rb, which
	// also takes "profile" since Mastodon 4.4).
	ScopeReadAccounts = "read:accounts"
)

// DefaultScopes are the scopes [OAuth.RegisterApp] and [OAuth.Authorize]
// ask for when given none: all a program of this SDK needs, and no more
// (no "read" or "write", which would reach the whole account).
func DefaultScopes() []string {
	return []string{ScopeReadFavourites, ScopeWriteFavourites, ScopeReadSearch, ScopeReadAccounts}
}

// ScopesFor gives the scopes a job of need takes on Mastodon: ReadAccess
// is read:favourites, WriteAccess write:favourites, SearchAccess
// read:search.
func ScopesFor(need favorites.Access) []string {
	var scopes []string
	for _, m := range []struct {
		bit   favorites.Access
		scope string
	}{
		{favorites.ReadAccess, ScopeReadFavourites},
		{favorites.WriteAccess, ScopeWriteFavourites},
		{favorites.SearchAccess, ScopeReadSearch},
	} {
		if need&m.bit != 0 {
			scopes = append(scopes, m.scope)
		}
	}
	return scopes
}

// scopeGranted reports whether granted holds scope or a parent of it, as
// Mastodon reads them: "read" grants "read:favourites", "admin:read"
// grants "admin:read:accounts".
func scopeGranted(granted []string, scope string) bool {
	for s := scope; s != ""; {
		for _, g := range granted {
			if g == s {
				return true
			}
		}
		i := strings.LastIndexByte(s, ':')
		if i < 0 {
			break
		}
		s = s[:i]
	}
	return false
}

// missingScopes are the scopes of want that granted does not cover.
func missingScopes(granted, want []string) []string {
	var missing []string
	for _, w := range want {
		if !scopeGranted(granted, w) {
			missing = append(missing, w)
		}
	}
	return missing
}

// checkScopes refuses scope names that Mastodon could never grant: empty
// or holding white space (a list is sent joined by spaces).
func checkScopes(scopes []string) error {
	for _, s := range scopes {
		if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
			return invalid("scope %q is not a scope name", s)
		}
	}
	return nil
}

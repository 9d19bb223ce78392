// Package favorites is a client SDK for a user's favourites on PlayPlay, e621,
// Mastodon, Digital Concert Hall and waifu.im.
//
// Each service has a typed client in its own package under providers/, which
// speaks the service's own nouns and types. Every provider also offers an
// adapter that implements the portable [Favorites] interface, so a program
// can list, add and remove favourites the same way on every service:
//
//	for fav, err := range f.List(nil).All(ctx) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(fav.Title, fav.URL)
//	}
//
// Every provider's New takes this package's [Option] values (base URL, HTTP
// client, User-Agent, headers, retry policy, rate limiter, logger, body cap);
// none of them can touch the provider's credential. Errors from a service are
// [*APIError] values that match the sentinel errors of this package with
// [errors.Is], such as [ErrNotFound] or [ErrRateLimited]. Input that cannot be
// valid is refused before anything is sent, with an error that matches
// [ErrInvalidArgument].
//
// Writing a provider of your own is the business of package driver, beside
// this one, and of its conformance suite, driver/drivertest.
package favorites

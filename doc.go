// Package favorites is a client SDK for a user's favourites on PlayPlay, e621,
// Mastodon, Digital Concert Hall and waifu.im. Each service has a typed client
// under providers/, and an adapter that implements the portable [Favorites].
// Every provider's New takes [Option] values; none can touch its credential.
// Errors match this package's sentinels with [errors.Is]. Package driver is
// the kit for writing a provider of your own.
package favorites

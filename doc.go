// Package favorites is a client SDK for a user's favourites on PlayPlay, e621,
// Mastodon, Digital Concert Hall and waifu.im: each service's typed client is
// under providers/, with an adapter to the portable [Favorites]. Package
// driver is the kit for writing a provider of your own.
package favorites

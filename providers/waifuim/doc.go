// Package waifuim is the favorites SDK's client for waifu.im
// (https://api.waifu.im): a typed [Client] for the /fav endpoints and an
// [Adapter] that puts it behind the portable favorites.Favorites interface,
// with favorites.Toggler and favorites.Checker.
//
// waifu.im returns every matching favourite in one response, so there is no
// paging: [Client.Favorites] gives the whole list, and the adapter's List
// serves it as one page. The service answers an empty result with 404
// "No image found matching the criteria given."; this package reports that
// as an empty list, not an error.
//
// Insert, delete and toggle take the image ID. The live server takes
// POST /fav/delete while the document says DELETE; [Client.Delete] sends POST
// and falls back to DELETE once on a 405. [Client.Toggle] flips a favourite,
// so a repeat would undo it: it is retried only when the server refused it
// (429) or when it never left the client, never after a 5xx or a cut
// connection.
//
// The package waifuimtest holds a stateful fake of the service for tests.
package waifuim

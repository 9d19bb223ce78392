// Package waifuim is the favorites SDK's client for waifu.im
// (https://api.waifu.im): a typed [Client] for the /fav endpoints and an
// [Adapter] that puts it behind the portable favorites.Favorites interface,
// with favorites.Toggler, favorites.Checker and favorites.ChangeLister.
//
// waifu.im returns every matching favourite in one response, so there is no
// paging: [Client.Favorites] and the adapter's List both give a Pager of
// one page, with nothing to resume (its Cursor is empty once read; a
// listing cut short is run again). As everywhere in this SDK, a listing
// sends nothing until its Pager is read, and typed calls return their
// value, then the *favorites.Response, then the error. The service answers an empty
// result with 404 "No image found matching the criteria given."; this
// package reports that answer, and only that one, as an empty list. Any
// other 404 is an error, and a 200 that is not a whole list of images
// (empty, null, without "images", an empty array, an image without a
// positive image_id, more than [MaxFavorites] images, or more than
// [MaxListItems] tags) is favorites.ErrMalformedReply naming the image's
// position and the cap; a field an image leaves out is its zero value.
// Each image's Raw is its bytes in the reply, not a copy, and decoding a
// reply allocates at most 8 bytes for each of its bytes plus [ItemCost] an
// image and [ListItemCost] a tag.
//
// A ref is the image ID in decimal with no leading zero and no source,
// such as "7622"; leading zeros are accepted and made canonical, anything
// else is refused (see [Adapter]). The adapter's Remove is nil only for the
// service's own answer that the image is not a favourite or does not
// exist; its Add of an unknown image is favorites.ErrNotFound; a 2xx to
// either means the change was made, whatever its body.
//
// Insert, delete and toggle take the image ID. The live server takes
// POST /fav/delete while the document says DELETE; [Client.Delete] sends POST
// and falls back to DELETE once on a 405. [Client.Toggle] flips a favourite,
// so a repeat would undo it: it is retried only when the server refused it
// (429) or when it never left the client, never after a 5xx or a cut
// connection.
//
// [Client.Changes] and the adapter's Changes (favorites.ChangeLister) say
// what was liked and what removed since a saved mark, in one GET /fav
// ordered by liked_at whatever the list's size: the answer is the whole
// list, so the mark holds the set of image IDs it had (packed, bounded by
// [MaxFavorites]) and a digest telling accounts apart, never the token.
// A mark of another provider, account or server is
// favorites.ErrStaleMark, refused before sending.
//
// The package waifuimtest holds a stateful fake of the service for tests.
package waifuim

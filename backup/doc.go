// Package backup writes and reads the SDK's backup files, which record the
// order in which the favourites were made across a full backup and the
// runs that add to it, so that [favorites.Restore] can replay them into
// another account in that order.
//
// # Format, version 2
//
// A backup file is JSON Lines, in parts. Each part opens with a header
// line, then holds one line a favourite (a favorites.Favorite as
// encoding/json writes it) and, in a part of changes, one line a removal:
//
//	{"favkit_backup":2,"kind":"full","provider":"e621","base_url":"https://e621.net","order":"newest_first","written_at":"2026-12-06T10:00:00Z"}
//	{"provider":"e621","ref":{"id":"4242"},...}
//	{"favkit_backup":2,"kind":"changes","provider":"e621",...,"order":"newest_first",...}
//	{"provider":"e621","ref":{"id":"4250"},...}
//	{"removed":{"id":"4242"}}
//
// A part of kind "full" is a whole listing; a part of kind "changes" holds
// what was added and removed since the part before it. "order" says how a
// part lists its favourites: "newest_first" (how every listing and every
// favorites.Changes gives them) or "oldest_first". The order the
// favourites were made is then the parts in the file's order, each read in
// its own order from oldest to newest; a removal drops the favourite from
// the list, and a favourite added again takes its new place. A base URL
// holds no credential; a file never does.
//
// # Files of version 1
//
// Earlier versions of the backup program wrote the lines of favourites
// alone: a full backup, newest first, then what each incremental run
// added, oldest first, with no mark where one ended. [Read] takes such a
// file as one full backup, newest first, since nothing in it tells the
// parts apart; where every favourite in it has a favorited_at (waifu.im
// and DCH give one), it is ordered by that time instead, which is exact.
// Otherwise the favourites that incremental runs added come first when
// restored. Removals were written beside it, to <file>.removed;
// [Read] does not see them. The restore program leaves them out of a file
// of version 1 alone; the backup program's first part of changes appended
// to such a file carries them in as removal lines, after which the file
// says all (and [File.Parts] is not empty). A new full backup gives an
// exact order.
//
// [WriteFull] writes a whole backup in one call; [Writer] writes the parts
// of a backup that grows run by run, as the backup program does.
package backup

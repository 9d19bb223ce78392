package mastodontest

// Each fake draws the bases of its IDs at random, one block of idBlocks,
// so that two fakes share an ID only when they draw the same block: about
// one chance in a hundred million. A test that carries a raw ID from one
// fake to another then fails, as it would between two instances.
const idBlocks = 1 << 27

// Status IDs look like Mastodon's snowflakes (18 digits, from 109...),
// statusStep apart; a block holds 65,536 statuses before it reaches the
// next. They
// stay far above favourite IDs, so a client that builds max_id from status
// IDs gets the wrong page and its test fails.
const (
	statusIDBase = 109_000_000_000_000_000
	statusStep   = 1 << 16
	statusBlock  = statusStep << 16
)

// Favourite IDs, which pages are linked by, start at 1000 in a block of
// about a million.
const (
	favIDBase = 1000
	favBlock  = 1 << 20
)

// accountBlock spaces account IDs: an account's is its fake's base plus a
// 32-bit hash of its acct.
const accountBlock = 1 << 32

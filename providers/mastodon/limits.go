package mastodon

import "github.com/favkit/favorites/internal/onepass"

// The memory rule of the kit (see package driver), in Mastodon's
// figures. A listing page holds at most the limit asked for plus
// [PageMargin] statuses, each list inside a status at most MaxShortList or
// MaxLongList items (which list takes which is below), the body at most
// [DefaultMaxBodySize] bytes, and decoding it allocates at most 8 bytes
// for each byte of the reply plus ItemCost a status and ListItemCost an
// item of a list inside one. A list over its cap is refused as the reader
// reaches the item past it, naming the list and the cap; no list is
// refused for its size, and no Go type's size decides what is accepted.
const (
	// MaxShortList caps the lists Mastodon keeps short: media
	// attachments (4: Status::MEDIA_ATTACHMENTS_LIMIT, and ActivityPub's
	// Create takes the first 4 of a remote status's), poll options and a
	// voter's own votes (4: PollOptionsValidator::MAX_OPTIONS), profile
	// fields (4: Account::DEFAULT_FIELDS_SIZE), an account's roles, a
	// card's authors, a filter's five contexts and a quote policy's
	// audiences. Other servers allow more (Pleroma caps no attachment
	// count, forks raise the fields to 10 or more): 100 leaves room for
	// them.
	MaxShortList = 100

	// MaxLongList caps the lists Mastodon does not bound on a remote
	// status: its mentions, hashtags and custom emojis (ActivityPub's
	// Create processes every one of its "tag" items, where a local status
	// of 500 characters holds some 160 at most), a filter's keywords and
	// statuses, and the filter results of a status.
	MaxLongList = 1_000

	// ItemCost is what decoding a status of a listing may allocate beyond
	// 8 bytes for each byte of its JSON, however short that is: its
	// Status (808 bytes, its Account inside), a boost and quoted statuses
	// under it (808 each; Mastodon nests them one level deep at most),
	// their moved accounts, cards, polls and the small values behind their
	// pointer fields, and the portable Favorite (200). A status whose
	// every pointer holds an empty value, at every level, costs about
	// 4.5 KiB more than its bytes allow.
	ItemCost = 8 << 10

	// ListItemCost is what an item of a list inside a status may cost
	// beyond 8 bytes for each byte of its JSON: the largest, a media
	// attachment (104 bytes) with its metadata (144, and its sizes and
	// focus), or a filter result (176) with its filter (128), taken from
	// a slab, which leaves at most as much again unused; about 220 for an
	// attachment of {"meta":{"original":{},"small":{},"focus":{}}}.
	ListItemCost = 512
)

// The caps of the lists a status holds, each named as the reply names it.
var (
	mediaList           = onepass.ListCap{What: "media_attachments", Max: MaxShortList}
	mentionList         = onepass.ListCap{What: "mentions", Max: MaxLongList}
	tagList             = onepass.ListCap{What: "tags", Max: MaxLongList}
	emojiList           = onepass.ListCap{What: "emojis", Max: MaxLongList}
	filterResultList    = onepass.ListCap{What: "filtered", Max: MaxLongList}
	fieldList           = onepass.ListCap{What: "fields", Max: MaxShortList}
	roleList            = onepass.ListCap{What: "roles", Max: MaxShortList}
	authorList          = onepass.ListCap{What: "authors", Max: MaxShortList}
	optionList          = onepass.ListCap{What: "options", Max: MaxShortList}
	ownVoteList         = onepass.ListCap{What: "own_votes", Max: MaxShortList}
	keywordMatchList    = onepass.ListCap{What: "keyword_matches", Max: MaxLongList}
	statusMatchList     = onepass.ListCap{What: "status_matches", Max: MaxLongList}
	contextList         = onepass.ListCap{What: "context", Max: MaxShortList}
	filterKeywordList   = onepass.ListCap{What: "keywords", Max: MaxLongList}
	filterStatusList    = onepass.ListCap{What: "statuses", Max: MaxLongList}
	automaticPolicyList = onepass.ListCap{What: "automatic", Max: MaxShortList}
	manualPolicyList    = onepass.ListCap{What: "manual", Max: MaxShortList}
)

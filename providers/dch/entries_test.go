package dch_test

import "strings"

// minimalEntry has every key the document shows on each entry, with the
// emptiest values.
const minimalEntry = `{"href":"","updated":0,"id":"1","title":"","is_free":false,"date":{},"image":{},"type":""}`

// fullEntry is an entry of the document's shape.
const fullEntry = `{"href":"//tv.example/v2/work/23427-1","updated":1475074300,"id":"23427-1","title":"[Éclat] (1st Version for 15 instruments from 1965)","short_title":"Éclat","is_free":false,"date":{"published":1472720400,"begin":1472229000},"image":{"overview":"//www.example/cms/thumbnails/{width}x{height}/images/core/BPhil_SSR_260816_040_DCH.jpg","detail":"//www.example/cms/thumbnails/{width}x{height}/images/core/BPhil_SSR_260816_040_DCH.jpg"},"type":"work"}`

// answer wraps n copies of entry in the list envelope.
func answer(entry string, n int) string {
	return `{"updated":1,"_links":{"favourites":[` + strings.TrimSuffix(strings.Repeat(entry+",", n), ",") + `]}}`
}

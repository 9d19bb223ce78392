package e621

// minOverlap is how many posts a window shares with the one before it:
// up to minOverlap-1 favourites removed above the read between two reads
// leave a post read before in the next window, so the walk goes on.
const minOverlap = 4

// A readWindow is one request of a walk: page number and page size.
type readWindow struct{ page, limit int }

// start is the window's first position in the list, counted from 0.
func (w readWindow) start() int { return (w.page - 1) * w.limit }

// nextWindow is the request that reads on from position end, the posts
// before it being read: page 1 of MaxLimit first, then the page size in
// [MaxLimit/2, MaxLimit] whose page starts at least minOverlap posts
// before end and reaches furthest past it. e621 pages by number only, so
// a window can start only at a multiple of its size; the overlap costs
// about 7% of a page on average. ok is false when no page within MaxPage
// reaches past end.
func nextWindow(end int) (w readWindow, ok bool) {
	if end == 0 {
		return readWindow{page: 1, limit: MaxLimit}, true
	}
	best := 0
	for l := MaxLimit; l >= MaxLimit/2; l-- {
		page := max(end-minOverlap, 0)/l + 1
		if page > MaxPage {
			continue
		}
		if gain := page*l - end; gain > best {
			w, best = readWindow{page: page, limit: l}, gain
		}
	}
	return w, best > 0
}

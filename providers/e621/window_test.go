package e621

import "testing"

// TestNextWindowCost walks the windows of an incremental read to e621's
// last page and checks what FavoritesSince promises of them: each window
// after the first starts at least maxOverlap posts before the last one
// ended and asks a page e621 serves, and finding the mark below k new
// favourites takes at most ceil(k/320)+1 requests up to k = 4,000 and
// ceil(k/290)+1 at any depth.
func TestNextWindowCost(t *testing.T) {
	var ends []int // ends[i]: the posts read after i+1 requests
	for end := 0; ; {
		w, ok := nextWindow(end, MaxLimit)
		if !ok {
			break
		}
		if end > 0 && (w.start() > end-maxOverlap || w.start() < 0) {
			t.Fatalf("after %d posts, window %+v starts at %d: want within [0, %d]", end, w, w.start(), end-maxOverlap)
		}
		if w.page < 1 || w.page > MaxPage || w.limit < 1 || w.limit > MaxLimit {
			t.Fatalf("after %d posts, window %+v: a page e621 refuses", end, w)
		}
		end = w.start() + w.limit
		ends = append(ends, end)
	}
	if reach := ends[len(ends)-1]; reach < MaxPage*MaxLimit*9/10 {
		t.Errorf("the windows reach %d posts, want at least 90%% of e621's %d", reach, MaxPage*MaxLimit)
	}
	requests := 1
	for k := 0; k+markAnchors <= ends[len(ends)-1]; k++ {
		for ends[requests-1] < k+markAnchors { // the anchors read whole: the walk can stop
			requests++
		}
		if bound := (k+289)/290 + 1; requests > bound {
			t.Fatalf("k = %d: %d requests, more than ceil(k/290)+1 = %d", k, requests, bound)
		}
		if bound := (k+MaxLimit-1)/MaxLimit + 1; k <= 4000 && requests > bound {
			t.Fatalf("k = %d: %d requests, more than ceil(k/320)+1 = %d", k, requests, bound)
		}
	}
}

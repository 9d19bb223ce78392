// Command streammem measures the client's peak live heap while it lists
// 10,000 and then 100,000 Mastodon favourites through All, discarding each,
// and prints the peaks and their ratio (issue 11 asks for at most 1.2).
//
// Method: the fakes run in a child process (see package bench), so seeding
// 100,000 statuses and rendering their JSON never touch this process's heap;
// the baseline is this process's live heap just before the listing starts.
// During the listing the loop stops every sampleEvery items (mid-page, while
// the page and any page fetched ahead are held), forces a garbage
// collection and reads runtime/metrics' /gc/heap/live:bytes: the bytes
// reachable at that moment. A control run that keeps every status shows the
// same measure growing with the listing.
//
//	go run ./cmd/streammem
package main

import (
	"context"
	"fmt"
	"iter"
	"log"
	"net/http"
	"os"
	"runtime"
	"runtime/metrics"
	"text/tabwriter"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/bench"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// sizes are the two listing lengths compared.
var sizes = []int{10_000, 100_000}

// listing is one way to walk the favourites; keep says whether the loop
// holds on to every status (the control) or discards it.
type listing struct {
	name        string
	keep        bool
	sampleEvery int // items between samples
	walk        func(c *mastodon.Client) iter.Seq2[any, error]
}

var listings = []listing{
	{"typed Favourites().All", false, 40, func(c *mastodon.Client) iter.Seq2[any, error] {
		return anySeq(c.Favourites(nil).All(context.Background()))
	}},
	{"portable List().All", false, 40, func(c *mastodon.Client) iter.Seq2[any, error] {
		return anySeq(mastodon.NewAdapter(c).List(nil).All(context.Background()))
	}},
	{"typed All with Prefetch", false, 40, func(c *mastodon.Client) iter.Seq2[any, error] {
		return anySeq(c.Favourites(nil).Prefetch().All(context.Background()))
	}},
	{"control: keeps every status", true, 2000, func(c *mastodon.Client) iter.Seq2[any, error] {
		return anySeq(c.Favourites(nil).All(context.Background()))
	}},
}

func main() {
	bench.ServeIfChild()
	log.SetFlags(0)
	fakes := make(map[int]*bench.Fakes)
	for _, n := range sizes {
		f, err := bench.StartFakes(bench.FakeSpec{Mastodon: n})
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		fakes[n] = f
	}
	// One listing first, unmeasured, so that what a first run sets up once
	// (encoding/json's type cache, pools) is in every baseline alike.
	if _, err := measure(fakes[sizes[0]].Mastodon, sizes[0], listings[0]); err != nil {
		log.Fatal(err)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "listing\tfavourites\tsamples\tbaseline KiB\tpeak live KiB\tpeak-baseline KiB\tpeak ratio\t")
	for _, l := range listings {
		var first uint64
		for _, n := range sizes {
			r, err := measure(fakes[n].Mastodon, n, l)
			if err != nil {
				log.Fatalf("%s, %d: %v", l.name, n, err)
			}
			ratio := "-"
			if first == 0 {
				first = r.peak
			} else {
				ratio = fmt.Sprintf("%.2fx", float64(r.peak)/float64(first))
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t\n", l.name, n, r.samples,
				r.baseline>>10, r.peak>>10, (r.peak-r.baseline)>>10, ratio)
		}
	}
	tw.Flush()
}

type result struct {
	baseline, peak uint64
	samples        int
}

// measure lists n favourites from the fake at base the way l says and
// samples the live heap.
func measure(base string, n int, l listing) (result, error) {
	// A transport of its own, closed after, so no idle connection from one
	// measurement sits in the next one's heap.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	defer tr.CloseIdleConnections()
	c, err := mastodon.New(base, mastodontest.Token,
		favorites.WithHTTPClient(&http.Client{Transport: tr}), favorites.WithRateLimiter(nil))
	if err != nil {
		return result{}, err
	}
	var r result
	r.baseline = liveHeap()
	var kept []any
	i := 0
	for item, err := range l.walk(c) {
		if err != nil {
			return r, err
		}
		if l.keep {
			kept = append(kept, item)
		}
		if i%l.sampleEvery == l.sampleEvery/2 {
			r.peak = max(r.peak, liveHeap())
			r.samples++
		}
		i++
	}
	runtime.KeepAlive(kept)
	if i != n {
		return r, fmt.Errorf("listed %d, want %d", i, n)
	}
	return r, nil
}

// liveHeap collects garbage and returns the bytes of heap still reachable.
func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// anySeq erases a listing's item type, so one loop measures them all.
func anySeq[T any](seq iter.Seq2[T, error]) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		for item, err := range seq {
			if !yield(item, err) {
				return
			}
		}
	}
}

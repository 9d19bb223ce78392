// Command decodecost measures what decoding a hostile reply costs each
// provider against the SDK's memory rule (package driver): decoding a
// reply allocates at most 8 bytes for each of its bytes (drivertest's
// MaxHeldPerReplyByte) plus the provider's documented constant for each
// item, of the page or of a list inside one, each list counted up to its
// cap (drivertest.DecodeRule). Allocated bytes bound held bytes from
// above.
//
// Each provider is served, from an httptest server in this process, pages
// of hostile shapes around its own envelope: many tiny items that each
// pass the provider's ID check (a full page of them, and megabytes past
// the page's cap), one item holding one long string, one item nested as
// deep as JSON may go and one nested far deeper, lists at their cap of
// the tiniest items in every item, and a list one past its cap. A refused
// page (too large, too many items, too deep) is reported with what it cost
// to refuse. What the HTTP exchange itself costs, measured on a page of no
// items, is left out: it is the transport's, not the decoding's.
//
// It prints the table and exits 1 when a page breaks the rule.
//
//	go run ./cmd/decodecost
package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/waifuim"
)

// provider wraps a list of item JSON texts in its envelope, opens the
// portable adapter on a server URL, and says what its memory rule is and
// which list of an item the rule caps (list, of items like listItem).
type provider struct {
	name     string
	item     func(i int, extra string) string // one item with ID i; extra is more fields
	wrap     func(items string) string
	open     func(url string) (favorites.Favorites, error)
	rule     drivertest.DecodeRule
	list     string // a list field of an item, capped at rule.MaxNested
	listItem string // the tiniest item of that list
}

var opts = []favorites.Option{favorites.WithRateLimiter(nil)}

var providers = []provider{
	{"mastodon",
		func(i int, x string) string { return fmt.Sprintf(`{"id":"%d"%s}`, i+1, x) },
		func(items string) string { return "[" + items + "]" },
		func(url string) (favorites.Favorites, error) {
			c, err := mastodon.New(url, "token", opts...)
			return mastodon.NewAdapter(c), err
		},
		drivertest.DecodeRule{ItemDepth: 1, MaxItems: mastodon.MaxLimit + mastodon.PageMargin, MaxNested: mastodon.MaxLongList,
			ItemCost: mastodon.ItemCost, NestedCost: mastodon.ListItemCost},
		"mentions", "{}"},
	{"e621",
		func(i int, x string) string { return fmt.Sprintf(`{"id":%d%s}`, i+1, x) },
		func(items string) string { return `{"posts":[` + items + "]}" },
		func(url string) (favorites.Favorites, error) {
			c, err := e621.New("login", "key", append(opts, favorites.WithBaseURL(url))...)
			return e621.NewAdapter(c), err
		},
		drivertest.DecodeRule{ItemDepth: 2, MaxItems: e621.MaxLimit + e621.ItemMargin, MaxNested: e621.MaxListItems,
			ItemCost: e621.ItemCost, NestedCost: e621.ListItemCost},
		"pools", "1"},
	{"waifuim",
		func(i int, x string) string { return fmt.Sprintf(`{"image_id":%d%s}`, i+1, x) },
		func(items string) string { return `{"images":[` + items + "]}" },
		func(url string) (favorites.Favorites, error) {
			c, err := waifuim.New("token", append(opts, favorites.WithBaseURL(url))...)
			return waifuim.NewAdapter(c), err
		},
		drivertest.DecodeRule{ItemDepth: 2, MaxItems: waifuim.MaxFavorites, MaxNested: waifuim.MaxListItems,
			ItemCost: waifuim.ItemCost, NestedCost: waifuim.ListItemCost},
		"tags", "{}"},
	{"playplay",
		func(i int, x string) string { return fmt.Sprintf(`{"id":%d,"source":"upload"%s}`, i+1, x) },
		func(items string) string {
			return `{"results":[{"results":[` + items + `],"next_page":null}],"nb_results":1}`
		},
		func(url string) (favorites.Favorites, error) {
			c, err := playplay.New(url, "token", opts...)
			return playplay.NewAdapter(c), err
		},
		drivertest.DecodeRule{ItemDepth: 4, MaxItems: playplay.MaxPageItems, MaxNested: playplay.MaxListItems,
			ItemCost: playplay.ItemCost},
		"x", "1"},
	{"dch",
		func(i int, x string) string { return fmt.Sprintf(`{"id":"%d-1"%s}`, i+1, x) },
		func(items string) string { return `{"_links":{"favourites":[` + items + "]}}" },
		func(url string) (favorites.Favorites, error) {
			c, err := dch.New("token", append(opts, favorites.WithBaseURL(url))...)
			return dch.NewAdapter(c), err
		},
		drivertest.DecodeRule{ItemDepth: 3, MaxItems: dch.MaxFavourites, MaxNested: dch.MaxListItems, ItemCost: dch.ItemCost},
		"x", "1"},
}

// shape builds a hostile page's items for a provider.
type shape struct {
	name  string
	items func(p provider) string
}

const target = 4 << 20 // about how large the large hostile pages are

// items is n items of p, each with extra.
func items(p provider, n int, extra string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(p.item(i, extra))
	}
	return b.String()
}

// list is p's capped list field holding n of its tiniest items.
func list(p provider, n int) string {
	return `,"` + p.list + `":[` + strings.TrimSuffix(strings.Repeat(p.listItem+",", n), ",") + "]"
}

var shapes = []shape{
	{"tiny items, a full page", func(p provider) string { return items(p, p.rule.MaxItems, "") }},
	{"tiny items past the cap", func(p provider) string {
		var b strings.Builder
		for i := 0; b.Len() < target; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(p.item(i, ""))
		}
		return b.String()
	}},
	{"one long string", func(p provider) string {
		return p.item(0, `,"x":"`+strings.Repeat("a", target)+`"`)
	}},
	{"nested to the limit", func(p provider) string {
		d := 58 // driver.MaxJSONDepth is 64: room for the envelope and the item
		inner := strings.Repeat(`{"a":`, d) + `"` + strings.Repeat("a", target) + `"` + strings.Repeat("}", d)
		return p.item(0, `,"x":`+inner)
	}},
	{"nested far past the limit", func(p provider) string {
		d := 9990
		return p.item(0, `,"x":`+strings.Repeat(`[`, d)+strings.Repeat(`]`, d))
	}},
	{"lists at their cap in every item", func(p provider) string {
		l := list(p, p.rule.MaxNested)
		return items(p, min(p.rule.MaxItems, max(1, target/len(l))), l)
	}},
	{"a list past its cap", func(p provider) string {
		return p.item(0, `,"pad":"`+strings.Repeat("a", target)+`"`+list(p, p.rule.MaxNested+1))
	}},
}

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "provider\tshape\treply bytes\tallocated\tper reply byte\tbound per reply byte\tresult\t")
	worst := map[string]float64{}
	broken := 0
	for _, p := range providers {
		_, exchange, _ := measure(p, p.wrap(""))
		for _, s := range shapes {
			body := p.wrap(s.items(p))
			n, alloc, result := measure(p, body)
			alloc -= min(alloc, exchange)
			bound := p.rule.Bound([]byte(body))
			ratio := float64(alloc) / float64(len(body))
			worst[p.name] = max(worst[p.name], ratio)
			mark := ""
			if alloc > bound {
				mark, broken = " OVER THE BOUND", broken+1
			}
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%.2f\t%.2f\t%s%s\t\n", p.name, s.name, len(body), alloc, ratio,
				float64(bound)/float64(len(body)), result(n), mark)
		}
	}
	w.Flush()
	fmt.Println()
	for _, p := range providers {
		fmt.Printf("%s: worst %.2f bytes allocated per reply byte (the exchange's own cost left out)\n", p.name, worst[p.name])
	}
	if broken > 0 {
		fmt.Printf("%d pages broke the memory rule\n", broken)
		os.Exit(1)
	}
}

// measure lists the first page of body through p's adapter and returns the
// items read, the bytes allocated meanwhile, and a describer of the result.
func measure(p provider, body string) (int, uint64, func(int) string) {
	data := []byte(body) // converted here, so the server allocates nothing measured
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		_, _ = w.Write(data)
	}))
	defer srv.Close()
	f, err := p.open(srv.URL)
	if err != nil {
		return 0, 0, func(int) string { return "open: " + err.Error() }
	}
	var page favorites.Page[favorites.Favorite]
	alloc := drivertest.AllocatedBy(func() {
		page, err = f.List(nil).NextPage(context.Background())
	})
	return len(page.Items), alloc, func(n int) string {
		if err != nil {
			return "refused: " + shorten(err.Error())
		}
		return fmt.Sprintf("%d items", n)
	}
}

func shorten(s string) string {
	if i := strings.LastIndex(s, ": "); i >= 0 && len(s) > 70 {
		s = "..." + s[i:]
	}
	return s
}

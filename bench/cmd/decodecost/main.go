// Command decodecost measures what decoding a hostile reply costs each
// provider: the bytes of heap allocated while the portable listing reads one
// page, per byte of the reply. Allocated bytes bound held bytes from above,
// so a ratio at or under 8 meets the SDK's bound (drivertest's
// MaxHeldPerReplyByte).
//
// Each provider is served, from an httptest server in this process, pages
// of three hostile shapes around its own envelope: many tiny items that
// each pass the provider's ID check, one item holding one long string, and
// one item nested as deep as JSON may go. A refused page (too large, too
// many items, too deep) is reported with what it cost to refuse.
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

// provider wraps a list of item JSON texts in its envelope and opens the
// portable adapter on a server URL.
type provider struct {
	name string
	item func(i int, extra string) string // one item with ID i; extra is more fields
	wrap func(items string) string
	open func(url string) (favorites.Favorites, error)
}

var opts = []favorites.Option{favorites.WithRateLimiter(nil)}

var providers = []provider{
	{"mastodon",
		func(i int, x string) string { return fmt.Sprintf(`{"id":"%d"%s}`, i+1, x) },
		func(items string) string { return "[" + items + "]" },
		func(url string) (favorites.Favorites, error) {
			c, err := mastodon.New(url, "token", opts...)
			return mastodon.NewAdapter(c), err
		}},
	{"e621",
		func(i int, x string) string { return fmt.Sprintf(`{"id":%d%s}`, i+1, x) },
		func(items string) string { return `{"posts":[` + items + "]}" },
		func(url string) (favorites.Favorites, error) {
			c, err := e621.New("login", "key", append(opts, favorites.WithBaseURL(url))...)
			return e621.NewAdapter(c), err
		}},
	{"waifuim",
		func(i int, x string) string { return fmt.Sprintf(`{"image_id":%d%s}`, i+1, x) },
		func(items string) string { return `{"images":[` + items + "]}" },
		func(url string) (favorites.Favorites, error) {
			c, err := waifuim.New("token", append(opts, favorites.WithBaseURL(url))...)
			return waifuim.NewAdapter(c), err
		}},
	{"playplay",
		func(i int, x string) string { return fmt.Sprintf(`{"id":%d,"source":"upload"%s}`, i+1, x) },
		func(items string) string {
			return `{"results":[{"results":[` + items + `],"next_page":null}],"nb_results":1}`
		},
		func(url string) (favorites.Favorites, error) {
			c, err := playplay.New(url, "token", opts...)
			return playplay.NewAdapter(c), err
		}},
	{"dch",
		func(i int, x string) string { return fmt.Sprintf(`{"id":"%d-1"%s}`, i+1, x) },
		func(items string) string { return `{"_links":{"favourites":[` + items + "]}}" },
		func(url string) (favorites.Favorites, error) {
			c, err := dch.New("token", append(opts, favorites.WithBaseURL(url))...)
			return dch.NewAdapter(c), err
		}},
}

// shape builds a hostile page's items for a provider.
type shape struct {
	name  string
	items func(p provider) string
}

const target = 4 << 20 // about how large each hostile page is

var shapes = []shape{
	{"tiny items", func(p provider) string {
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
}

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "provider\tshape\treply bytes\tallocated\tper reply byte\tresult\t")
	worst := map[string]float64{}
	for _, p := range providers {
		for _, s := range shapes {
			body := p.wrap(s.items(p))
			n, alloc, result := measure(p, body)
			ratio := float64(alloc) / float64(len(body))
			worst[p.name] = max(worst[p.name], ratio)
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%.2f\t%s\t\n", p.name, s.name, len(body), alloc, ratio, result(n))
		}
	}
	w.Flush()
	fmt.Println()
	for _, p := range providers {
		fmt.Printf("%s: worst %.2f bytes allocated per reply byte\n", p.name, worst[p.name])
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

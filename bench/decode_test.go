package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strconv"
	"testing"

	gomastodon "github.com/mattn/go-mastodon"

	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// decodePageSize is how many statuses a page of the decode benchmarks
// holds: the SDK's page size, MaxLimit.
const decodePageSize = mastodon.MaxLimit

// decodeShapes are the pages the decode benchmarks read, held in memory:
// one page of the fake (what the listing benchmarks decode), and one of a
// live server's shape (the every-field fixture: full account with fields,
// emojis and roles, media with meta, card, poll, quote), each status with
// an ID of its own.
func decodeShapes(tb testing.TB) []struct {
	name string
	page []byte
} {
	srv := SeedMastodon(decodePageSize)
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/favourites?limit="+strconv.Itoa(decodePageSize), nil)
	req.Header.Set("Authorization", "Bearer "+mastodontest.Token)
	resp, err := srv.HTTPClient().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	fake, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		tb.Fatalf("fake page: %v, %s", err, resp.Status)
	}
	one, err := os.ReadFile("../providers/mastodon/testdata/status_every_field.json")
	if err != nil {
		tb.Fatal(err)
	}
	var live bytes.Buffer
	live.WriteByte('[')
	for i := range decodePageSize {
		if i > 0 {
			live.WriteByte(',')
		}
		// Only the status's own ID changes: "id":"<first>" is its first member.
		live.Write(bytes.Replace(bytes.TrimSpace(one), []byte(`"id": "113456789012345678"`),
			[]byte(`"id": "`+strconv.Itoa(1000+i)+`"`), 1))
	}
	live.WriteByte(']')
	return []struct {
		name string
		page []byte
	}{{"fake", fake}, {"live", live.Bytes()}}
}

// decoders are the contenders of the decode benchmarks, each reading one
// page from memory and returning how many statuses it found.
var decoders = []struct {
	name   string
	decode func(page []byte) (int, error)
}{
	{"sdk", func(page []byte) (int, error) {
		list, err := mastodon.DecodeStatuses(context.Background(), page)
		return len(list), err
	}},
	{"v1-two-pass", func(page []byte) (int, error) {
		// What the SDK did before: encoding/json into the SDK's Status.
		var list []*mastodon.Status
		err := json.Unmarshal(page, &list)
		return len(list), err
	}},
	{"go-mastodon", func(page []byte) (int, error) {
		var list []*gomastodon.Status
		err := json.Unmarshal(page, &list)
		return len(list), err
	}},
	{"token-scan", func(page []byte) (int, error) { return scanTokens(page, 2) }},
}

// BenchmarkDecodeMastodon decodes one page of 40 statuses held in memory,
// no HTTP: the SDK's one-pass DecodeStatuses (Raw byte-exact), encoding/json
// into the SDK's Status (the old two-pass floor), go-mastodon's Status,
// and the token scan. Reported per status.
func BenchmarkDecodeMastodon(b *testing.B) {
	for _, shape := range decodeShapes(b) {
		for _, d := range decoders {
			b.Run(shape.name+"/"+d.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(shape.page)))
				b.ResetTimer()
				for range b.N {
					if n, err := d.decode(shape.page); err != nil || n != decodePageSize {
						b.Fatalf("decoded %d, %v", n, err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*decodePageSize), "ns/status")
			})
		}
	}
}

// Every decode contender reads both shapes whole, and the SDK's Raw of each
// status is exactly its bytes in the page, as encoding/json finds them.
func TestDecodersReadEveryShape(t *testing.T) {
	for _, shape := range decodeShapes(t) {
		for _, d := range decoders {
			if n, err := d.decode(shape.page); err != nil || n != decodePageSize {
				t.Errorf("%s/%s: decoded %d, %v; want %d", shape.name, d.name, n, err, decodePageSize)
			}
		}
		list, err := mastodon.DecodeStatuses(t.Context(), shape.page)
		var raws []json.RawMessage
		if err2 := json.Unmarshal(shape.page, &raws); err != nil || err2 != nil || len(raws) != len(list) {
			t.Fatalf("%s: %v, %v", shape.name, err, err2)
		}
		for i, st := range list {
			if !bytes.Equal(st.Raw, raws[i]) {
				t.Errorf("%s: status %d: Raw is not its bytes in the page", shape.name, i)
			}
		}
	}
}

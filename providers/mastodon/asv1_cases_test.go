package mastodon_test

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// asV1Fixtures are the replies taken from Mastodon's documents and a live
// server's shape: each decodes with the SDK to v1's values.
func asV1Fixtures(t testing.TB) map[string][]byte {
	pages := map[string][]byte{}
	for _, name := range []string{"../../testdata/mastodon/favourites.json", "testdata/status_every_field.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if data = bytes.TrimSpace(data); data[0] == '{' {
			data = append(append([]byte("[\n"), data...), "\n]"...)
		}
		pages[name] = data
	}
	return pages
}

var nextLink = regexp.MustCompile(`<([^>]+)>;\s*rel="next"`)

// fakePages lists the fake's favourites page by page over HTTP and
// returns each page's body as sent: statuses of local and remote authors,
// with and without media, with escapes and non-ASCII text.
func fakePages(t *testing.T) map[string][]byte {
	srv := mastodontest.NewServer()
	t.Cleanup(srv.Close)
	ids := srv.AddStatuses(50)
	ids = append(ids,
		srv.AddStatus(mastodontest.Status{Acct: "carol@remote.example", Content: `<p>"quoted" \ café ✓ 🎉</p>`,
			CreatedAt: time.Date(2024, 2, 29, 23, 59, 59, 123e6, time.UTC)}),
		srv.AddStatus(mastodontest.Status{Content: "<p>two\nlines\ttab</p>",
			MediaPreviewURLs: []string{"https://files.example/a.png", "https://files.example/b.png"}}),
		srv.AddStatus(mastodontest.Status{Acct: "dave@other.example", MediaPreviewURLs: []string{"https://files.example/c.png"}}),
	)
	if err := srv.Favorite(mastodontest.DefaultUser, ids...); err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{}
	for next := srv.URL + "/api/v1/favourites?limit=20"; next != ""; {
		req, _ := http.NewRequest(http.MethodGet, next, nil)
		req.Header.Set("Authorization", "Bearer "+mastodontest.Token)
		resp, err := srv.HTTPClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %v, %s", next, err, resp.Status)
		}
		pages["fake page "+strconv.Itoa(len(pages)+1)] = body
		next = ""
		if m := nextLink.FindStringSubmatch(resp.Header.Get("Link")); m != nil && !bytes.Equal(body, []byte("[]")) {
			next = m[1]
		}
	}
	return pages
}

// fuzzBodies are the bodies of FuzzFavouritesDecode's seed corpus: the
// third line of each file, a []byte literal.
func fuzzBodies(t *testing.T) map[string][]byte {
	files, err := filepath.Glob("testdata/fuzz/FuzzFavouritesDecode/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	bodies := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		if len(lines) < 4 || !strings.HasPrefix(lines[3], "[]byte(") {
			t.Fatalf("%s: not a (uint16, string, []byte) entry", f)
		}
		body, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[3], "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		bodies[f] = []byte(body)
	}
	return bodies
}

// Every fixture and every page of the fake decodes with the SDK's one-pass
// decoder to exactly the values encoding/json v1 gives the same fields,
// and each status's Raw is the bytes v1 finds for that item.
func TestDecodeMatchesEncodingJSONv1(t *testing.T) {
	pages := asV1Fixtures(t)
	for name, page := range fakePages(t) {
		pages[name] = page
	}
	if len(pages) < 5 {
		t.Fatalf("only %d pages to compare", len(pages))
	}
	for name, page := range pages {
		diffs, sdkErr, v1Err := diffPage(page)
		if sdkErr != nil || v1Err != nil {
			t.Errorf("%s: SDK error %v, v1 error %v", name, sdkErr, v1Err)
		}
		if len(diffs) > 0 {
			t.Errorf("%s differs from v1:\n%s", name, joinDiffs(diffs))
		}
	}
}

// The fuzz corpus's bodies that both decoders read decode alike; the
// corpus holds at least the document's pages, so some are compared.
func TestFuzzCorpusMatchesEncodingJSONv1(t *testing.T) {
	compared := 0
	for name, body := range fuzzBodies(t) {
		diffs, sdkErr, v1Err := diffPage(body)
		if sdkErr == nil && v1Err == nil {
			compared++
		}
		if len(diffs) > 0 {
			t.Errorf("%s differs from v1:\n%s", name, joinDiffs(diffs))
		}
	}
	if compared < 3 {
		t.Errorf("only %d corpus bodies decoded by both", compared)
	}
}

// FuzzDecodeAsEncodingJSONv1 holds the one-pass decoder to v1 on any page
// both accept: the same values and byte-exact Raws. A page the SDK
// refuses (IDs, nesting, lists over their caps) is not compared.
func FuzzDecodeAsEncodingJSONv1(f *testing.F) {
	for _, page := range asV1Fixtures(f) {
		f.Add(page)
	}
	f.Add([]byte(`[{"id":"1","ID":"2","Content":"a","content":"b","account":{"acct":"x","Acct":"y"}}]`))
	f.Add([]byte(`[{"id":"1","tags":[{"name":"a"},{"name":null}],"poll":null,"card":{"title":"t","title":null}}]`))
	f.Add([]byte(`[{"id":"1","content":"\ud800 \u00e9 ` + "\xff" + `","created_at":"2024-01-02T03:04:05+01:00"}]`))
	f.Fuzz(func(t *testing.T, page []byte) {
		if diffs, _, _ := diffPage(page); len(diffs) > 0 {
			t.Fatalf("differs from v1:\n%s", joinDiffs(diffs))
		}
	})
}

// The readers' edges of v1's rules decode as v1 decodes them: names that
// match a field only case-insensitively (with the two runes outside ASCII
// that fold to an ASCII letter) or through escapes, repeated names of
// objects, lists and pointers (v1 merges into what the first one set),
// nulls everywhere, numbers at their limits, broken UTF-8.
func TestDecodeEdgesMatchEncodingJSONv1(t *testing.T) {
	pages := map[string]string{
		"folded names": `[{"ID":"1","Content":"a","ſpoiler_text":"s","bo` + "\u212A" + `marked":true,"\u0075ri":"u","AcCoUnT":{"ACCT":"x"}}]`,
		"repeated objects": `[{"id":"1","account":{"id":"a","note":"n","fields":[{"name":"field name"}]},"account":{"id":"b"},` +
			`"card":{"title":"t","authors":[{"name":"an author's name"}]},"card":{"url":"u"},"poll":{"id":"p","options":[{"title":"o"}]},"poll":{"expired":true},` +
			`"reblog":{"id":"2","content":"c","account":{"id":"r"}},"reblog":{"id":"3"},"quote":{"state":"accepted","quoted_status":{"id":"5"}},"quote":{"state":"x"}}]`,
		"repeated lists": `[{"id":"1","tags":[{"name":"tag a"},{"name":"tag b"}],"tags":[{"url":"https://u"}],` +
			`"emojis":[{"shortcode":"one","url":"https://e.example/1.png"}],"emojis":[{"url":"https://e.example/2.png"},{"shortcode":"three","static_url":"https://e.example/3.png"}],` +
			`"quote_approval":{"automatic":["public","followers"],"automatic":[null],"manual":["a"],"manual":[null,"b"]},"mentions":[{"id":"m","username":"someone","acct":"someone"}],"mentions":null,"filtered":[],"filtered":null}]`,
		"nulls": `[{"id":"1","content":null,"sensitive":null,"replies_count":null,"created_at":null,"edited_at":null,"url":null,` +
			`"account":null,"tags":[null,{"name":null,"url":null},{"name":"a tag"}],"quote_approval":{"automatic":["a",null],"manual":null,"current_user":null},` +
			`"media_attachments":[{"id":"m","url":"https://files.example/media_attachments/files/000/000/001/original/a.png","meta":{"original":null,"focus":{"x":null}}}],"card":null,"poll":{"voters_count":null,"own_votes":[1,null]}}]`,
		"numbers": `[{"id":"1","replies_count":-0,"reblogs_count":12345678901234567,"favourites_count":-9223372036854775808,` +
			`"media_attachments":[{"id":"m","url":"https://files.example/media_attachments/files/000/000/001/original/a.png","meta":{"duration":1e3,"fps":-0.5,"aspect":1E-2,"width":0,"original":{"bitrate":9223372036854775807}}}]}]`,
		"strings": `[{"id":"1","content":"\u00e9\ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","spoiler_text":"` + "\xff\xfe" + `","language":"\ud800",` +
			`"account":{"note":"` + "caf\xc3" + `","display_name":"x\u0000y"}}]`,
		"times and dates": `[{"id":"1","created_at":"2024-01-02T03:04:05.123456789+05:30","edited_at":"2024-01-02T03:04:05Z",` +
			`"account":{"created_at":"2017-09-02T00:00:00.000Z","last_status_at":"2024-02-29"},"poll":{"expires_at":"2030-12-31T23:59:59-01:00"}}]`,
	}
	for name, page := range pages {
		diffs, sdkErr, v1Err := diffPage([]byte(page))
		if sdkErr != nil || v1Err != nil {
			t.Errorf("%s: SDK error %v, v1 error %v", name, sdkErr, v1Err)
		}
		if len(diffs) > 0 {
			t.Errorf("%s differs from v1:\n%s", name, joinDiffs(diffs))
		}
	}
}

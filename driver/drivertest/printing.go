package drivertest

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/favkit/favorites/favoritestest"
)

// printVerbs are the fmt verbs a credential must not show under. Where a
// value has no Format of its own, fmt answers most of them by walking its
// fields (%d, %x, %t ...), and the flags change how a field is written.
var printVerbs = []string{
	"%v", "%+v", "%#v", "%s", "%q", "%+q", "%#q", "%x", "%X", "% x", "%#x", "%d", "%t", "%o",
	"%b", "%c", "%U", "%e", "%g", "%p", "%T", "%10.3v", "%-40s", "%08v",
}

// A printing is a value as one way of printing it showed it.
type printing struct{ how, text string }

// printings prints v under every verb, alone and inside a struct, a slice
// and a map, with Sprint and Sprintln, through slog's text and JSON
// handlers, and as JSON.
func printings(v any) []printing {
	out := formattings(v)
	var b bytes.Buffer
	// slog's JSON handler writes a value with no LogValue of its own, such
	// as a struct holding v, as encoding/json does.
	slog.New(slog.NewJSONHandler(&b, nil)).Info("m", slog.Any("s", struct{ V any }{v}))
	out = append(out, printing{"slog JSON in a struct", b.String()})
	for name, x := range map[string]any{"JSON": v, "JSON in a struct": struct{ V any }{v}} {
		data, _ := json.Marshal(x)
		out = append(out, printing{name, string(data)})
	}
	return out
}

// formattings are the printings of v that are not JSON: every verb, alone
// and inside a struct, a slice and a map, Sprint and Sprintln, and slog's
// text handler, and its JSON handler of v itself and in a group.
func formattings(v any) []printing {
	var out []printing
	for _, verb := range printVerbs {
		out = append(out,
			printing{verb, fmt.Sprintf(verb, v)},
			printing{verb + " in a struct", fmt.Sprintf(verb, struct{ V any }{v})},
			printing{verb + " in a slice", fmt.Sprintf(verb, []any{v})},
			printing{verb + " in a map", fmt.Sprintf(verb, map[string]any{"v": v})})
	}
	out = append(out, printing{"Sprint", fmt.Sprint(v)}, printing{"Sprintln", fmt.Sprintln(v)})
	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("m", "v", v, slog.Group("g", "v", v), slog.Any("s", struct{ V any }{v}))
	slog.New(slog.NewJSONHandler(&js, nil)).Info("m", "v", v, slog.Group("g", "v", v))
	return append(out, printing{"slog text", text.String()}, printing{"slog JSON", js.String()})
}

// A form is one way a secret could show, named.
type form struct{ name, text string }

// secretForms are the ways a secret could show: as it is, escaped for a
// Go string, JSON or a URL, in hex (packed, upper case, spaced), as the
// bytes of a []byte, and in base64 (standard and URL alphabets, and the
// standard one in hex) at each of the three offsets it could sit at in a
// longer encoded text, such as basic auth's "login:secret".
func secretForms(secret string) []form {
	forms := []form{
		{"raw", secret},
		{"Go-quoted", strings.Trim(strconv.Quote(secret), `"`)},
		{"Go-quoted ASCII", strings.Trim(strconv.QuoteToASCII(secret), `"`)},
		{"JSON-escaped", strings.Trim(mustJSON(secret), `"`)},
		{"query-escaped", url.QueryEscape(secret)},
		{"path-escaped", url.PathEscape(secret)},
		{"hex", hex.EncodeToString([]byte(secret))},
		{"HEX", strings.ToUpper(hex.EncodeToString([]byte(secret)))},
		{"spaced hex", fmt.Sprintf("% x", secret)},
		{"[]byte", strings.Trim(fmt.Sprint([]byte(secret)), "[]")},
	}
	for off := range 3 {
		whole := secret[off:]
		whole = whole[:len(whole)/3*3] // the bytes that fill base64 groups of their own
		std := base64.StdEncoding.EncodeToString([]byte(whole))
		forms = append(forms,
			form{fmt.Sprintf("base64 at offset %d", off), std},
			form{fmt.Sprintf("base64url at offset %d", off), base64.URLEncoding.EncodeToString([]byte(whole))},
			// %x of an Authorization header: the hex of its base64.
			form{fmt.Sprintf("hex of base64 at offset %d", off), hex.EncodeToString([]byte(std))},
			form{fmt.Sprintf("HEX of base64 at offset %d", off), strings.ToUpper(hex.EncodeToString([]byte(std)))})
	}
	return forms
}

func mustJSON(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}

// shownForm returns the name of a form of a secret that text holds, or "".
func shownForm(text string, secrets []string) string {
	for i, s := range secrets {
		for _, f := range secretForms(s) {
			if strings.Contains(text, f.text) {
				return fmt.Sprintf("secret %d, %s", i, f.name)
			}
		}
	}
	return ""
}

// sentHeaders lists once with Favorites and returns the headers and URL of
// the first request it sent, as the fake saw them.
func sentHeaders(t *testing.T, env *Env) string {
	t.Helper()
	var mu sync.Mutex
	var seen []string
	env.Faults.Inject(1, favoritestest.Fault{Match: func(r *http.Request) bool {
		mu.Lock()
		defer mu.Unlock()
		if seen == nil {
			seen = append(seen, r.URL.String())
			for k, vs := range r.Header {
				seen = append(seen, k+": "+strings.Join(vs, ", "))
			}
		}
		return false // serve it as usual
	}})
	_, err := env.Favorites.List(nil).NextPage(t.Context())
	env.Faults.Reset()
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	return strings.Join(seen, "\n")
}

// CheckPrintsNoSecret prints v under every fmt verb, alone and inside a
// struct, a slice and a map, with Sprint, through slog's text and JSON
// handlers and as JSON, and fails t for each printing that shows one of
// secrets in any form: raw, escaped for Go, JSON or a URL, in hex, as the
// numbers of a []byte, or in base64 at any offset (as inside basic auth's
// "login:secret"), plain or in hex. Each secret must be at least 8 bytes,
// or it could show by chance. Run checks an adapter and its client so; a
// test can check any other value that holds a credential.
func CheckPrintsNoSecret(t *testing.T, what string, v any, secrets ...string) {
	t.Helper()
	checkPrintings(t, what, printings(v), secrets)
}

// CheckFormatsNoSecret is [CheckPrintsNoSecret] but for JSON, for a value
// whose JSON is meant to hold its secret (a token a program saves) or
// shows it by design (an http.Request's Header).
func CheckFormatsNoSecret(t *testing.T, what string, v any, secrets ...string) {
	t.Helper()
	checkPrintings(t, what, formattings(v), secrets)
}

// checkPrintings fails t for each printing that shows a form of a secret.
func checkPrintings(t *testing.T, what string, ps []printing, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		if len(s) < minSecret {
			t.Fatalf("a secret of %d bytes could show by chance; give one of %d or more", len(s), minSecret)
		}
	}
	var shown []string
	for _, p := range ps {
		if form := shownForm(p.text, secrets); form != "" {
			shown = append(shown, p.how)
			if len(shown) <= maxShownReported {
				t.Errorf("%s, printed by %s, shows a credential (%s): %s", what, p.how, form, Clip(p.text, 300))
			}
		}
	}
	if len(shown) > maxShownReported {
		t.Errorf("%s shows a credential in %d printings in all: %s", what, len(shown), strings.Join(shown, "; "))
	}
}

// maxShownReported is how many printings that show a credential
// CheckPrintsNoSecret reports in full; it names the rest.
const maxShownReported = 3

// checkCredentialsNeverPrint prints the adapter and its client every way
// CheckPrintsNoSecret knows. So that it proves something, each secret must
// show in some form in what the adapter sends.
func checkCredentialsNeverPrint(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	sent := sentHeaders(t, env)
	for i, s := range env.Secrets {
		if shownForm(sent, []string{s}) == "" {
			t.Errorf("harness: secret %d is in no header the adapter sends: the check would prove nothing", i)
		}
	}
	CheckPrintsNoSecret(t, "the adapter", env.Favorites, env.Secrets...)
	CheckPrintsNoSecret(t, "the client", env.Client, env.Secrets...)
}

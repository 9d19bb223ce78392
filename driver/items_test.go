package driver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

func TestDecodeItems(t *testing.T) {
	type item struct {
		ID int `json:"id"`
	}
	needID := func(_ int, it *item, _ []byte) error {
		if it.ID < 1 {
			return fmt.Errorf("no id")
		}
		return nil
	}
	tests := []struct {
		name string
		body string
		max  int
		ids  []int
		err  error
	}{
		{"two items", ` [ {"id":1} , {"id":2}] `, 0, []int{1, 2}, nil},
		{"empty list", `[]`, 0, []int{}, nil},
		{"at the limit", `[{"id":1},{"id":2}]`, 2, []int{1, 2}, nil},
		{"over the limit", `[{"id":1},{"id":2},{"id":3}]`, 2, nil, favorites.ErrMalformedReply},
		{"empty body", ``, 0, nil, favorites.ErrMalformedReply},
		{"null", `null`, 0, nil, favorites.ErrMalformedReply},
		{"object", `{"id":1}`, 0, nil, favorites.ErrMalformedReply},
		{"item without id", `[{"id":1},{}]`, 0, nil, favorites.ErrMalformedReply},
		{"null item", `[null]`, 0, nil, favorites.ErrMalformedReply},
		{"item of another type", `[{"id":"x"}]`, 0, nil, favorites.ErrMalformedReply},
		{"cut short", `[{"id":1},`, 0, nil, favorites.ErrMalformedReply},
		{"more after the list", `[{"id":1}] [`, 0, nil, favorites.ErrMalformedReply},
		{"too deep", `[{"id":1,"x":` + strings.Repeat("[", MaxJSONDepth) + strings.Repeat("]", MaxJSONDepth) + `}]`, 0, nil, favorites.ErrMalformedReply},
		{"trailing comma", `[{"id":1},]`, 0, nil, favorites.ErrMalformedReply},
		{"no comma", `[{"id":1} {"id":2}]`, 0, nil, favorites.ErrMalformedReply},
		{"stray closer", `[{"id":1}}]`, 0, nil, favorites.ErrMalformedReply},
		{"brackets and quotes in strings", `[{"id":1,"s":"]}\"[{,"},{"id":2,"s":"\\"}]`, 0, []int{1, 2}, nil},
		{"deep inside a string is text", `[{"id":1,"x":"` + strings.Repeat("[", 2*MaxJSONDepth) + `\""}]`, 0, []int{1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var raws []string
			got, err := DecodeItems(t.Context(), []byte(tt.body), ItemRules[item]{Max: tt.max,
				Item: func(i int, it *item, raw []byte) error {
					raws = append(raws, string(raw))
					return needID(i, it, raw)
				}})
			if !errors.Is(err, tt.err) || (tt.err != nil) != (err != nil) {
				t.Fatalf("DecodeItems(%.40q) = %v, want %v", tt.body, err, tt.err)
			}
			if tt.err != nil {
				return
			}
			if len(got) != len(tt.ids) || got == nil {
				t.Fatalf("got %v, want ids %v", got, tt.ids)
			}
			for i, it := range got {
				if it.ID != tt.ids[i] {
					t.Errorf("item %d = %v, want id %d", i, it, tt.ids[i])
				}
				if !strings.HasPrefix(raws[i], "{") || !strings.HasSuffix(raws[i], "}") || !strings.Contains(tt.body, raws[i]) {
					t.Errorf("raw of item %d is %q, not the item's bytes in %q", i, raws[i], tt.body)
				}
			}
		})
	}
}

func TestDecodeItemsStopsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	n := 0
	_, err := DecodeItems(ctx, []byte(`[1,2,3,4]`), ItemRules[int]{Item: func(int, *int, []byte) error {
		if n++; n == 2 {
			cancel()
		}
		return nil
	}})
	if !errors.Is(err, context.Canceled) || n != 2 {
		t.Fatalf("DecodeItems after cancel at item 2: %v after %d items, want context.Canceled after 2", err, n)
	}
}

func TestRawJSONKeepsTheReplyBytes(t *testing.T) {
	for body, want := range map[string]string{`{"posts":[1, 2]}`: `[1, 2]`, `{"posts":null}`: ``, `{}`: ``} {
		var env struct {
			Posts RawJSON `json:"posts"`
		}
		reply := []byte(body)
		if err := json.Unmarshal(reply, &env); err != nil || string(env.Posts) != want {
			t.Fatalf("%s: posts %q, %v; want %q", body, env.Posts, err, want)
		}
		if want == "" {
			if env.Posts != nil {
				t.Errorf("%s: posts %q, want nil", body, env.Posts)
			}
			continue
		}
		// The reply's own bytes, not a copy: a change to the reply shows.
		at := bytes.Index(reply, []byte(want))
		reply[at] = 'X'
		if env.Posts[0] != 'X' {
			t.Errorf("%s: posts %q do not share the reply's memory; RawJSON copied them", body, env.Posts)
		}
	}
}

func TestDecodeItemsScalars(t *testing.T) {
	for body, want := range map[string]string{
		`["a","b\"]"]`: `a|b"]`, ` [ "x" ] `: `x`, `[]`: ``, `["a",`: `error`, `["a" "b"]`: `error`, `[1]`: `error`,
	} {
		got, err := DecodeItems(t.Context(), []byte(body), ItemRules[string]{})
		s := strings.Join(got, "|")
		if err != nil {
			s = "error"
		}
		if s != want {
			t.Errorf("DecodeItems(%s) = %q (%v), want %q", body, s, err, want)
		}
	}
}

// FuzzDecodeItems holds DecodeItems to encoding/json's reading of the same
// array: the same items, with each Raw the item's own JSON, or an error
// where json.Unmarshal refuses the list.
func FuzzDecodeItems(f *testing.F) {
	for _, s := range []string{`[]`, `[1,"a",{"b":[null]},[true]]`, `["]\"",{"}":"{"}]`, `[1,]`, `[{"a":1}}]`, ` [ 1 ] `, `[1] x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		var raws []string
		got, err := DecodeItems(t.Context(), []byte(body), ItemRules[any]{Item: func(_ int, _ *any, raw []byte) error {
			raws = append(raws, string(raw))
			return nil
		}})
		var want []json.RawMessage
		werr := json.Unmarshal([]byte(body), &want)
		if werr == nil && strings.TrimSpace(body) == "null" {
			werr = errors.New("null is no list")
		}
		if err != nil {
			if werr == nil && CheckDepth([]byte(body)) == nil {
				t.Fatalf("DecodeItems(%q): %v; json.Unmarshal reads %d items", body, err, len(want))
			}
			return
		}
		if werr != nil {
			t.Fatalf("DecodeItems(%q) = %d items; json.Unmarshal: %v", body, len(got), werr)
		}
		if len(got) != len(want) {
			t.Fatalf("DecodeItems(%q) = %d items, json.Unmarshal %d", body, len(got), len(want))
		}
		for i := range want {
			if raws[i] != strings.TrimSpace(string(want[i])) {
				t.Fatalf("item %d of %q: raw %q, want %q", i, body, raws[i], want[i])
			}
		}
	})
}

// TestDecodeItemsFirstPass: the caps and Count act before any item is
// decoded, so Item never sees a list they refuse; an item is never refused
// for its size.
func TestDecodeItemsFirstPass(t *testing.T) {
	tooMany := errors.New("too many")
	list := func(n int) string { return "[" + strings.TrimSuffix(strings.Repeat("1,", n), ",") + "]" }
	tests := []struct {
		name    string
		body    string
		rules   ItemRules[any]
		count   int    // what Count is told; -1: not called
		wantErr string // "": accepted
	}{
		{"tiny and large items alike", `[1,{},[],"` + strings.Repeat("a", 1<<16) + `"]`, ItemRules[any]{}, 4, ""},
		{"at the page's cap", list(3), ItemRules[any]{Max: 3}, 3, ""},
		{"over the page's cap", list(4), ItemRules[any]{Max: 3}, -1, "the page holds more than 3 items, its cap"},
		{"a nested list at its cap", `[1,{"a":` + list(3) + `}]`, ItemRules[any]{MaxNested: 3}, 2, ""},
		{"a nested list over its cap", `[1,{"a":` + list(4) + `}]`, ItemRules[any]{MaxNested: 3}, -1,
			"item 1: a list in it holds more than 3 items, its cap"},
		{"a list deep in an item over the cap", `[[[[` + list(4) + `]]]]`, ItemRules[any]{MaxNested: 3}, -1,
			"item 0: a list in it holds more than 3 items"},
		{"objects are no lists", `[{"a":1,"b":2,"c":3,"d":4}]`, ItemRules[any]{MaxNested: 3}, 1, ""},
		{"commas in strings are text", `[["a,b,c,d,e"]]`, ItemRules[any]{MaxNested: 1}, 1, ""},
		{"each nested list on its own", `[[1,2,3],[1,2,3],{"a":[1,2,3],"b":[[1,2,3]]}]`, ItemRules[any]{Max: 3, MaxNested: 3}, 3, ""},
		{"too deep", `[` + strings.Repeat("[", MaxJSONDepth) + strings.Repeat("]", MaxJSONDepth) + `]`, ItemRules[any]{}, -1,
			"JSON nests deeper than 64 levels"},
		{"too deep under the envelope", `{"a":[` + strings.Repeat("[", MaxJSONDepth-1) + strings.Repeat("]", MaxJSONDepth-1) + `]}`,
			ItemRules[any]{Path: []string{"a"}}, -1, "JSON nests deeper than 64 levels"},
		{"Count refuses", `[1,2,3]`, ItemRules[any]{Count: func(n int) error { return tooMany }}, 3, "too many"},
		{"Count of an empty list", `[]`, ItemRules[any]{}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counted, decoded := -1, 0
			rules := tt.rules
			inner := rules.Count
			rules.Count = func(n int) error {
				counted = n
				if inner != nil {
					return inner(n)
				}
				return nil
			}
			rules.Item = func(int, *any, []byte) error { decoded++; return nil }
			_, err := DecodeItems(t.Context(), []byte(tt.body), rules)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("DecodeItems(%.60s) = %v, want it accepted", tt.body, err)
			case tt.wantErr != "" && (!errors.Is(err, favorites.ErrMalformedReply) || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("DecodeItems(%.60s) = %v, want ErrMalformedReply naming %q", tt.body, err, tt.wantErr)
			}
			if counted != tt.count {
				t.Errorf("Count told %d, want %d", counted, tt.count)
			}
			if tt.wantErr != "" && decoded != 0 {
				t.Errorf("%d items decoded from a refused list", decoded)
			}
		})
	}
}

// ItemRules.Decode reads each item in place of encoding/json, from the
// item's exact bytes, and its error is a malformed reply naming the item.
func TestDecodeItemsWithDecode(t *testing.T) {
	byLength := func(raw []byte, n *int) error {
		if string(raw) == `"bad"` {
			return errors.New("refused by Decode")
		}
		*n = len(raw)
		return nil
	}
	got, err := DecodeItems(t.Context(), []byte(`[ "ab" , {"c":1},[] ]`), ItemRules[int]{Decode: byLength})
	if err != nil || fmt.Sprint(got) != "[4 7 2]" {
		t.Errorf("lengths through Decode: %v, %v; want [4 7 2], nil", got, err)
	}
	_, err = DecodeItems(t.Context(), []byte(`[1,"bad"]`), ItemRules[int]{Decode: byLength})
	if !errors.Is(err, favorites.ErrMalformedReply) || !strings.Contains(err.Error(), "item 1: refused by Decode") {
		t.Errorf("an item Decode refuses: %v, want ErrMalformedReply naming item 1 and Decode's error", err)
	}
}

// depthOf is CheckDepth's answer the plain way, a byte at a time: the
// deepest nesting outside strings.
func depthOf(data string) int {
	depth, deepest, inString, escaped := 0, 0, false, false
	for _, c := range []byte(data) {
		switch {
		case escaped:
			escaped = false
		case inString:
			escaped = c == '\\'
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// CheckDepth refuses exactly the bodies nesting deeper than MaxJSONDepth
// outside strings, however brackets, quotes and backslashes sit in them.
func TestCheckDepth(t *testing.T) {
	deep := func(n int, inner string) string {
		return strings.Repeat(`[`, n) + inner + strings.Repeat(`]`, n)
	}
	bodies := []string{
		deep(MaxJSONDepth, `1`),
		deep(MaxJSONDepth+1, `1`),
		deep(MaxJSONDepth-1, `"[[[\"[[["`),
		deep(MaxJSONDepth, `"\\"[`),   // the string ends: one level too deep
		deep(MaxJSONDepth, `"\\\"["`), // the quote is escaped: the bracket is text
		`{"a":"` + strings.Repeat(`\\`, 40) + `","b":` + deep(MaxJSONDepth-1, `{}`) + `}`,
		`["` + strings.Repeat(`[`, 100) + `"]`,
		`["cut short` + strings.Repeat(`[`, 100),
	}
	for _, body := range bodies {
		err := CheckDepth([]byte(body))
		if want := depthOf(body) > MaxJSONDepth; (err != nil) != want || err != nil && !errors.Is(err, favorites.ErrMalformedReply) {
			t.Errorf("CheckDepth(%.40q…) = %v, want an error: %v (depth %d)", body, err, want, depthOf(body))
		}
	}
}

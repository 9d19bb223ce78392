package onepass

import "testing"

// A cap refuses only a count over it, in the one wording every refusal
// by a cap shares; 0 is no cap.
func TestListCap(t *testing.T) {
	c := ListCap{What: "mentions", Max: 3}
	if err := c.Check(3); err != nil {
		t.Errorf("3 items under a cap of 3: %v", err)
	}
	if err := c.Check(4); err == nil || err.Error() != "mentions holds more than 3 items, its cap" {
		t.Errorf("4 items under a cap of 3: %v", err)
	}
	if err := (ListCap{What: "x"}).Check(1 << 30); err != nil {
		t.Errorf("no cap: %v", err)
	}
}

// CheckValue accepts one JSON value as encoding/json does, repeated names
// and invalid UTF-8 included, and nothing else.
func TestCheckValue(t *testing.T) {
	for _, tt := range []struct {
		v  string
		ok bool
	}{
		{`{"a":[1,"x",null]}`, true},
		{`{"a":1,"a":2}`, true},
		{"\"\xff\"", true},
		{` 5 `, true},
		{`{"a":1`, false},
		{`tru`, false},
		{`1 2`, false},
		{``, false},
		{"\"a\x01\"", false},
	} {
		if err := CheckValue([]byte(tt.v)); (err == nil) != tt.ok {
			t.Errorf("CheckValue(%q) = %v, want ok %v", tt.v, err, tt.ok)
		}
	}
}

// Name reads a member's name as encoding/json does: escapes unquoted,
// invalid UTF-8 replaced, anything but a string refused.
func TestName(t *testing.T) {
	for _, tt := range []struct{ quoted, want string }{
		{`"posts"`, "posts"},
		{`"p\u006fsts"`, "posts"},
		{"\"a\xffb\"", "a\uFFFDb"},
	} {
		if got, err := Name([]byte(tt.quoted)); err != nil || got != tt.want {
			t.Errorf("Name(%q) = %q, %v; want %q", tt.quoted, got, err, tt.want)
		}
	}
	for _, bad := range []string{`"a\x"`, "\"a\x01\"", `5`, `"a`, `xxx`} {
		if got, err := Name([]byte(bad)); err == nil {
			t.Errorf("Name(%q) = %q, want an error", bad, got)
		}
	}
}

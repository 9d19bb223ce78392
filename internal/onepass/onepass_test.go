package onepass

import "testing"

func TestCountList(t *testing.T) {
	for _, tt := range []struct {
		buf    string
		start  int
		n, end int
		ok     bool
	}{
		{`[]`, 0, 0, 2, true},
		{`[ ]`, 0, 0, 3, true},
		{`x:[1,"a,]",[2,3],{"b":[4]}],`, 2, 4, 27, true},
		{`["\"]",1]`, 0, 2, 9, true},
		{`[1,2`, 0, 0, 0, false},
		{`["a\\",{"b":"]"}] `, 0, 2, 17, true},
		{`["a\"]`, 0, 0, 0, false},
	} {
		n, end, ok := CountList([]byte(tt.buf), tt.start)
		if n != tt.n || end != tt.end || ok != tt.ok {
			t.Errorf("CountList(%q, %d) = %d, %d, %v; want %d, %d, %v", tt.buf, tt.start, n, end, ok, tt.n, tt.end, tt.ok)
		}
	}
}

func TestValueStart(t *testing.T) {
	for _, tt := range []struct {
		buf    string
		offset int64
		want   int
	}{
		{`{"a": 1}`, 4, 6},
		{`[1 , 2]`, 2, 5},
		{`[1]`, 1, 1},
		{`[1  `, 2, 4},
	} {
		if got := ValueStart([]byte(tt.buf), tt.offset); got != tt.want {
			t.Errorf("ValueStart(%q, %d) = %d, want %d", tt.buf, tt.offset, got, tt.want)
		}
	}
}

func TestStringEnd(t *testing.T) {
	for _, tt := range []struct {
		buf   string
		start int
		want  int
	}{
		{`"abc",`, 0, 5},
		{`x"a\"b"`, 1, 7},
		{`"a\\"b"`, 0, 5},
		{`"\\\"x"`, 0, 7},
		{`"\\\\"`, 0, 6},
		{`"abc`, 0, 0},
		{`"ab\"`, 0, 0},
		{`""`, 0, 2},
	} {
		if got := StringEnd([]byte(tt.buf), tt.start); got != tt.want {
			t.Errorf("StringEnd(%q, %d) = %d, want %d", tt.buf, tt.start, got, tt.want)
		}
	}
}

// Only JSON's four white-space bytes are space: encoding/json refuses a
// "\v", "\f" or U+00A0 where a value is due, so they must stay.
func TestTrimSpace(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		" \t\r\n":           "",
		" \t{\"a\":1}\r\n ": "{\"a\":1}",
		"\v{}\f":            "\v{}\f",
		"\u00a0[] ":         "\u00a0[]",
		" x y ":             "x y",
	} {
		if got := string(TrimSpace([]byte(in))); got != want {
			t.Errorf("TrimSpace(%q) = %q, want %q", in, got, want)
		}
	}
	if got := SkipSpace([]byte(" \n\vx"), 0); got != 2 {
		t.Errorf("SkipSpace stopped at %d, want 2 (at the \\v)", got)
	}
}

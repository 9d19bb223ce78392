package onepass

import (
	"strconv"
	"strings"
	"testing"
)

// Each field gets its string once resolved, as if it had been set at once:
// the last of a repeated set, "" for one cleared since, and none of the
// bytes it was given (they may change afterwards).
func TestStringsResolve(t *testing.T) {
	var s Strings
	s.Expect(64)
	var a, b, c, d, e, one, empty string
	src := []byte("hello")
	s.Set(&a, src)
	s.SetQuoted(&b, []byte(`"caf\u00e9 \"q\""`))
	s.Set(&c, []byte("first"))
	s.Set(&c, []byte("second")) // a repeated name: the last wins
	s.Set(&d, []byte("cleared"))
	d = "" // cleared: an object decoded again into the same value
	// invalid UTF-8, replaced as v1 does:
	s.SetQuoted(&e, []byte("\"\xff\""))
	s.Set(&one, []byte("x"))
	s.Set(&empty, nil)
	if a == "hello" || c == "second" {
		t.Fatalf("set before Resolve: %q, %q", a, c)
	}
	s.Resolve()
	src[0] = 'j'
	for _, tt := range []struct{ got, want string }{
		{a, "hello"}, {b, `café "q"`}, {c, "second"}, {d, ""}, {e, "\uFFFD"}, {one, "x"}, {empty, ""},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if len(s.waiting) != 0 || len(s.buf) != 0 {
		t.Errorf("after Resolve: %d waiting, %d bytes", len(s.waiting), len(s.buf))
	}
}

// More strings than maxWaiting are resolved in turns, each field still
// getting its own string, and Resolve with nothing set is harmless.
func TestStringsManyAndNone(t *testing.T) {
	var s Strings
	s.Resolve()
	fields := make([]string, 3*maxWaiting+5)
	for i := range fields {
		s.Set(&fields[i], []byte("s"+strconv.Itoa(i)))
	}
	s.Resolve()
	for i, f := range fields {
		if f != "s"+strconv.Itoa(i) {
			t.Fatalf("field %d is %q", i, f)
		}
	}
}

// A page's strings are one allocation; without Strings, each is its own.
func TestStringsAllocateOnce(t *testing.T) {
	var s Strings
	fields := make([]string, 100)
	word := []byte(strings.Repeat("w", 20))
	s.Expect(len(fields) * len(word))
	run := func() {
		for i := range fields {
			s.Set(&fields[i], word)
		}
		s.Resolve()
	}
	run() // the buffer is made once
	if n := testing.AllocsPerRun(10, run); n != 1 {
		t.Errorf("%v allocations for %d strings, want 1", n, len(fields))
	}
}

// Take hands out zero values with no room beyond them: an append to one
// list never writes into the next.
func TestSlabTake(t *testing.T) {
	var s Slab[int]
	a := s.Take(2)
	b := s.Take(3)
	if len(a) != 2 || cap(a) != 2 || len(b) != 3 || cap(b) != 3 {
		t.Fatalf("len/cap %d/%d and %d/%d", len(a), cap(a), len(b), cap(b))
	}
	a[0], a[1] = 1, 2
	_ = append(a, 9)
	if b[0] != 0 {
		t.Errorf("an append to one list wrote into the next: %v", b)
	}
	long := s.Take(100)
	if len(long) != 100 || cap(long) != 100 || long[99] != 0 {
		t.Errorf("long list: len %d cap %d", len(long), cap(long))
	}
	s.Reset()
	if p := s.New(); *p != 0 || s.used != 1 {
		t.Errorf("after Reset: %d, used %d", *p, s.used)
	}
}

// A list decoded into Room takes only what Commit says, and nothing handed
// out meanwhile (a value, another list's room) shares its memory.
func TestSlabRoom(t *testing.T) {
	var s Slab[int]
	room := s.Room()
	if len(room) < minRoom {
		t.Fatalf("room of %d", len(room))
	}
	room[0], room[1] = 1, 2
	p := s.New() // while the room is out
	inner := s.Room()
	*p, inner[0] = 7, 9
	if room[0] != 1 || room[1] != 2 {
		t.Fatalf("a value or a room handed out meanwhile shares the room: %v", room[:2])
	}
	if got := s.Commit(inner, 1); len(got) != 1 || cap(got) != 1 || got[0] != 9 {
		t.Errorf("inner list %v (cap %d)", got, cap(got))
	}
	list := s.Commit(room, 2)
	if len(list) != 2 || cap(list) != 2 || list[1] != 2 {
		t.Fatalf("list %v (cap %d)", list, cap(list))
	}
	next := s.Take(1)
	next[0] = 5
	if list[0] != 1 || list[1] != 2 {
		t.Errorf("the next value shares the committed list: %v", list)
	}
}

package mastodon_test

import (
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/favkit/favorites/internal/fieldfill"
	"github.com/favkit/favorites/providers/mastodon"
)

// The one-pass decoder (wire.go) reads replies with encoding/json v2's
// options chosen to match v1. These helpers are the reference it is held
// to: a plain encoding/json v1 decoding into the same field sets, built by
// reflection, so none of the package's own decoding takes part.

// plainState is where a type sits in a status, as the decoder's nesting
// rules see it (decode.go): the status level, whether a Quote is being
// read, and how many accounts hold one another.
type plainState struct {
	at       int // 0 top, 1 boost, 2 quoted status
	inQuote  bool
	accounts int
}

// plainTypes builds, for the package's struct types, a copy without
// methods (reflect.StructOf), so that encoding/json v1 decodes their
// fields as it does any struct's. A field the SDK does not decode at its
// depth (a quoted status's own quoted status, a moved account's moved) is
// left out, so the comparison requires it zero.
type plainTypes map[struct {
	t reflect.Type
	s plainState
}]reflect.Type

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// of is t's plain copy at s; ok is false for a field left out there.
func (m plainTypes) of(t reflect.Type, s plainState) (_ reflect.Type, ok bool) {
	switch t.Kind() {
	case reflect.Pointer:
		if e, ok := m.of(t.Elem(), s); ok {
			return reflect.PointerTo(e), true
		}
		return nil, false
	case reflect.Slice:
		if e, ok := m.of(t.Elem(), s); ok {
			return reflect.SliceOf(e), true
		}
		return nil, false
	case reflect.Struct:
	default:
		return t, true
	}
	// Only the package's own structs, and not Date, which v1 reads through
	// its UnmarshalText as the SDK does.
	if t.PkgPath() != reflect.TypeFor[mastodon.Status]().PkgPath() || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return t, true
	}
	s, ok = enter(t, s)
	if !ok {
		return nil, false
	}
	key := struct {
		t reflect.Type
		s plainState
	}{t, s}
	if p, ok := m[key]; ok {
		return p, true
	}
	var fields []reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		if ft, ok := m.of(f.Type, s); ok {
			fields = append(fields, reflect.StructField{Name: f.Name, Type: ft, Tag: f.Tag})
		}
	}
	m[key] = reflect.StructOf(fields)
	return m[key], true
}

// enter is the state inside a value of type t reached from state s, by the
// decoder's rules; ok is false where the decoder leaves the value unread.
func enter(t reflect.Type, s plainState) (plainState, bool) {
	switch t {
	case reflect.TypeFor[mastodon.Status]():
		switch {
		case s.inQuote && s.at == 2:
			return s, false
		case s.inQuote:
			return plainState{at: 2}, true
		case s.at >= 1:
			return s, false // a boost's or a quoted status's boost: the SDK refuses it
		}
		return plainState{at: s.at + 1}, true // the top status, or its boost
	case reflect.TypeFor[mastodon.Quote]():
		s.inQuote = true
	case reflect.TypeFor[mastodon.Account]():
		if s.accounts >= 2 {
			return s, false
		}
		s.accounts++
	}
	return s, true
}

// plainStatus is Status's plain copy, built once: building it costs far
// more than decoding a page, which the fuzz target does many times.
var plainStatus = sync.OnceValue(func() reflect.Type {
	st, _ := plainTypes{}.of(reflect.TypeFor[mastodon.Status](), plainState{at: -1})
	return st
})

// plainPage decodes a page with encoding/json v1 into plain copies of
// Status, one per item, and each item's bytes as v1 finds them.
func plainPage(page []byte) ([]reflect.Value, []json.RawMessage, error) {
	list := reflect.New(reflect.SliceOf(reflect.PointerTo(plainStatus())))
	if err := json.Unmarshal(page, list.Interface()); err != nil {
		return nil, nil, err
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(page, &raws); err != nil {
		return nil, nil, err
	}
	items := make([]reflect.Value, list.Elem().Len())
	for i := range items {
		items[i] = list.Elem().Index(i)
	}
	return items, raws, nil
}

// diffPage decodes page with the SDK and with v1 and lists the
// differences, each item's Raw included; sdkErr is the SDK's error, and
// v1Err v1's (then nothing is compared).
func diffPage(page []byte) (diffs []string, sdkErr, v1Err error) {
	items, raws, v1Err := plainPage(page)
	if v1Err != nil {
		return nil, nil, v1Err
	}
	got, sdkErr := mastodon.DecodeStatuses(context.Background(), page)
	if sdkErr != nil {
		return nil, sdkErr, nil
	}
	if len(got) != len(items) {
		return []string{fmt.Sprintf("%d statuses, v1 %d", len(got), len(items))}, nil, nil
	}
	for i, s := range got {
		path := "item " + strconv.Itoa(i)
		if !bytes.Equal(s.Raw, raws[i]) {
			diffs = append(diffs, fmt.Sprintf("%s: Raw %.60q, v1's bytes %.60q", path, s.Raw, raws[i]))
		}
		diffs = append(diffs, fieldfill.Diff(path, reflect.ValueOf(s), items[i])...)
	}
	return diffs, nil, nil
}

// joinDiffs shows at most a few differences.
func joinDiffs(d []string) string {
	if len(d) > 8 {
		d = append(d[:8:8], fmt.Sprintf("... and %d more", len(d)-8))
	}
	return strings.Join(d, "\n")
}

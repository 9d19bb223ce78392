package drivertest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// A namedItem is one item JSON the suite made, named for a table.
type namedItem struct{ name, json string }

// member is one name and value of a JSON object, the value as written.
type member struct {
	name  string
	value json.RawMessage
}

// members reads item, a JSON object, into its members in order.
func members(item []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(item))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("the item is not a JSON object")
	}
	var out []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, member{tok.(string), v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	return out, nil
}

// object writes members back as a JSON object, in their order.
func object(ms []member) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(m.name)
		b.Write(name)
		b.WriteByte(':')
		b.Write(m.value)
	}
	b.WriteByte('}')
	return b.String()
}

// holdsID reports whether v, a JSON value, is id as a string or a number.
func holdsID(v json.RawMessage, id string) bool {
	v = bytes.TrimSpace(v)
	if q, _ := json.Marshal(id); bytes.Equal(v, q) {
		return true
	}
	return string(v) == id
}

// isObject reports whether v, a JSON value, is an object.
func isObject(v json.RawMessage) bool {
	v = bytes.TrimSpace(v)
	return len(v) > 0 && v[0] == '{'
}

// idPaths are the paths (member names from the item's object down) of the
// members of item, at any depth of objects inside objects, whose value is
// id; at is the path of item itself.
func idPaths(item json.RawMessage, id string, at []string) ([][]string, error) {
	ms, err := members(item)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, m := range ms {
		path := append(slices.Clip(at), m.name)
		switch {
		case holdsID(m.value, id):
			out = append(out, path)
		case isObject(m.value):
			deeper, err := idPaths(m.value, id, path)
			if err != nil {
				return nil, err
			}
			out = append(out, deeper...)
		}
	}
	return out, nil
}

// idPath is the path to the member of item that holds id: given, when the
// harness names one (Env.ItemIDPath), which must hold it; otherwise the one
// member at any depth whose value is id.
func idPath(item, id string, given []string) ([]string, error) {
	if len(given) > 0 {
		v, err := valueAt(json.RawMessage(item), given)
		if err != nil || !holdsID(v, id) {
			return nil, fmt.Errorf("ItemIDPath %s does not lead to its ref's ID %q", strings.Join(given, "."), id)
		}
		return given, nil
	}
	paths, err := idPaths(json.RawMessage(item), id, nil)
	switch {
	case err != nil:
		return nil, err
	case len(paths) == 0:
		return nil, fmt.Errorf("no member of the item, at any depth, holds its ref's ID %q", id)
	case len(paths) > 1:
		names := make([]string, len(paths))
		for i, p := range paths {
			names[i] = strings.Join(p, ".")
		}
		return nil, fmt.Errorf("members %s all hold its ref's ID %q: say which is the ID with Env.ItemIDPath", strings.Join(names, ", "), id)
	}
	return paths[0], nil
}

// valueAt is the value of the member at path in v, a JSON object.
func valueAt(v json.RawMessage, path []string) (json.RawMessage, error) {
	for _, name := range path {
		ms, err := members(v)
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(ms, func(m member) bool { return m.name == name })
		if i < 0 {
			return nil, fmt.Errorf("no member %q", name)
		}
		v = ms[i].value
	}
	return v, nil
}

// replaceAt writes item, a JSON object, with the member at path given the
// value v, or removed when v is nil. Objects on the way are rewritten; the
// rest is kept as written.
func replaceAt(item json.RawMessage, path []string, v json.RawMessage) string {
	ms, _ := members(item) // item and the objects on path were read before
	i := slices.IndexFunc(ms, func(m member) bool { return m.name == path[0] })
	switch {
	case len(path) > 1:
		ms = slices.Clone(ms)
		ms[i].value = json.RawMessage(replaceAt(ms[i].value, path[1:], v))
	case v == nil:
		ms = slices.Delete(slices.Clone(ms), i, i+1)
	default:
		ms = slices.Clone(ms)
		ms[i].value = v
	}
	return object(ms)
}

// brokenItems makes, from item (the JSON of ref's item), the items a
// listing must refuse: its ID member (at path, at any depth) removed,
// null, "", of the wrong JSON kind; each object that holds it removed or
// null; values that are no item at all; and the item with JSON nested
// deeper than driver.MaxJSONDepth in a member of its own.
func brokenItems(ref favorites.Ref, item string, path []string) ([]namedItem, error) {
	path, err := idPath(item, ref.ID, path)
	if err != nil {
		return nil, err
	}
	raw := json.RawMessage(item)
	at := strings.Join(path, ".")
	withID := func(v string) string { return replaceAt(raw, path, json.RawMessage(v)) }
	id, _ := valueAt(raw, path)
	ms, _ := members(raw)
	deepArrays := strings.Repeat("[", driver.MaxJSONDepth+1) + strings.Repeat("]", driver.MaxJSONDepth+1)
	deepObjects := strings.Repeat(`{"a":`, driver.MaxJSONDepth+1) + "0" + strings.Repeat("}", driver.MaxJSONDepth+1)
	out := []namedItem{
		{"an item without its ID " + at, replaceAt(raw, path, nil)},
		{"an item whose ID " + at + " is null", withID("null")},
		{"an item whose ID " + at + ` is ""`, withID(`""`)},
		{"an item whose ID " + at + " is of the wrong kind", withID(otherKind(id, ref.ID))},
		{"an item whose ID " + at + " is true", withID("true")},
		{"an item whose ID " + at + " is an object", withID(`{}`)},
		{"an item whose ID " + at + " is a list", withID(`[` + string(id) + `]`)},
	}
	for n := len(path) - 1; n > 0; n-- { // the objects that hold the ID, inside the item
		holder := strings.Join(path[:n], ".")
		out = append(out,
			namedItem{"an item without " + holder + ", which holds the ID", replaceAt(raw, path[:n], nil)},
			namedItem{"an item whose " + holder + ", which holds the ID, is null", replaceAt(raw, path[:n], json.RawMessage("null"))})
	}
	return append(out,
		namedItem{"an empty object", `{}`},
		namedItem{"null", `null`},
		namedItem{"a number", `42`},
		namedItem{"a string", strconv.Quote(ref.ID)},
		namedItem{"a list holding the item", `[` + item + `]`},
		namedItem{"an item with lists nested too deep", object(append(slices.Clip(ms), member{"drivertest_deep", json.RawMessage(deepArrays)}))},
		namedItem{"an item with objects nested too deep", object(append(slices.Clip(ms), member{"drivertest_deep", json.RawMessage(deepObjects)}))},
	), nil
}

// otherKind is id written as the JSON kind v is not: a number for a
// string (1 when id is no number), a string for anything else.
func otherKind(v json.RawMessage, id string) string {
	if len(v) > 0 && v[0] == '"' {
		if _, err := strconv.ParseFloat(id, 64); err == nil {
			return id
		}
		return "1"
	}
	return strconv.Quote(id)
}

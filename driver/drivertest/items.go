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
func members(item string) ([]member, error) {
	dec := json.NewDecoder(strings.NewReader(item))
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

// brokenItems makes, from item (the JSON of ref's item), the items a
// listing must refuse: its ID member removed, null, "", of the wrong JSON
// kind; values that are no item at all; and the item with JSON nested
// deeper than driver.MaxJSONDepth in a member of its own.
func brokenItems(ref favorites.Ref, item string) ([]namedItem, error) {
	ms, err := members(item)
	if err != nil {
		return nil, err
	}
	at := -1
	for i, m := range ms {
		if holdsID(m.value, ref.ID) {
			if at >= 0 {
				return nil, fmt.Errorf("members %q and %q both hold its ref's ID %q: which is the ID?", ms[at].name, m.name, ref.ID)
			}
			at = i
		}
	}
	if at < 0 {
		return nil, fmt.Errorf("no member of the item holds its ref's ID %q", ref.ID)
	}
	withID := func(v string) string {
		out := slices.Clone(ms)
		out[at].value = json.RawMessage(v)
		return object(out)
	}
	without := slices.Delete(slices.Clone(ms), at, at+1)
	id := string(ms[at].value)
	deepArrays := strings.Repeat("[", driver.MaxJSONDepth+1) + strings.Repeat("]", driver.MaxJSONDepth+1)
	deepObjects := strings.Repeat(`{"a":`, driver.MaxJSONDepth+1) + "0" + strings.Repeat("}", driver.MaxJSONDepth+1)
	return []namedItem{
		{"an item without its ID", object(without)},
		{"an item whose ID is null", withID("null")},
		{`an item whose ID is ""`, withID(`""`)},
		{"an item whose ID is of the wrong kind", withID(otherKind(ms[at].value, ref.ID))},
		{"an item whose ID is true", withID("true")},
		{"an item whose ID is an object", withID(`{}`)},
		{"an item whose ID is a list", withID(`[` + id + `]`)},
		{"an empty object", `{}`},
		{"null", `null`},
		{"a number", `42`},
		{"a string", strconv.Quote(ref.ID)},
		{"a list holding the item", `[` + item + `]`},
		{"an item with lists nested too deep", object(append(slices.Clip(ms), member{"drivertest_deep", json.RawMessage(deepArrays)}))},
		{"an item with objects nested too deep", object(append(slices.Clip(ms), member{"drivertest_deep", json.RawMessage(deepObjects)}))},
	}, nil
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

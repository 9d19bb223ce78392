package mastodon

import (
	"reflect"
	"slices"
	"testing"
)

// Every list a status holds, at any depth, is read by decodeList, which
// builds it at its counted size: a list v2 built by append would move
// decoded items, and their strings would keep onepass.Strings'
// placeholders. No map, array or interface can hold one either.
func TestEveryListIsDecodedInPlace(t *testing.T) {
	d := newDecoder()
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type)
	walk = func(path string, typ reflect.Type) {
		if seen[typ] {
			return
		}
		seen[typ] = true
		switch typ.Kind() {
		case reflect.Slice:
			if !slices.Contains(d.lists, typ) {
				t.Errorf("%s: %s is not read by decodeList", path, typ)
			}
			walk(path+"[]", typ.Elem())
		case reflect.Pointer:
			walk(path, typ.Elem())
		case reflect.Struct:
			for i := range typ.NumField() {
				f := typ.Field(i)
				if f.IsExported() && f.Tag.Get("json") != "-" {
					walk(path+"."+f.Name, f.Type)
				}
			}
		case reflect.Map, reflect.Array, reflect.Interface:
			t.Errorf("%s: a %s, whose strings could be copied before they are resolved", path, typ.Kind())
		}
	}
	walk("Status", reflect.TypeFor[Status]())
	if !seen[reflect.TypeFor[[]FilterKeyword]()] {
		t.Errorf("the walk missed Filter.Keywords: it reached %d types", len(seen))
	}
}

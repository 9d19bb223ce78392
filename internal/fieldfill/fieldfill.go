// Package fieldfill sets every field of a value to a value of its own
// (Fill) and lists the fields where two values differ (Diff), for the
// tests that hold a provider's one-pass readers to reading each field of
// its wire types as encoding/json does: a field added without a reader
// stays zero when the filled value, written by encoding/json, is decoded
// again.
package fieldfill

import (
	"fmt"
	"hash/fnv"
	"reflect"
	"strconv"
	"time"
)

// Rules say how deep Fill goes and how it sets what it does not know.
// Their zero value fills every struct, at any depth.
type Rules[S any] struct {
	// Enter says whether a struct of type t, reached at state s, is
	// filled (a pointer to one is left nil when it is not), and the state
	// its fields are at: for readers that decode some nesting only.
	Enter func(t reflect.Type, s S) (S, bool)
	// Value sets v, of a type with rules of its own (a day, say), from n,
	// a number of v's path, and says whether it did.
	Value func(v reflect.Value, n int) bool
}

// Fill sets every exported field of v that encoding/json writes, at any
// depth the rules enter, to a value derived from its path: a string is
// its path, a number and a time derive from it, a bool is true, a list
// has two items. v's path is path; its fields' are path.Field, a list's
// items path[i]. A type Fill does not know is a panic naming it.
func Fill[S any](v reflect.Value, path string, s S, r Rules[S]) {
	n := number(path)
	if r.Value != nil && r.Value(v, n) {
		return
	}
	if v.Type() == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(time.Unix(1_700_000_000+int64(n), int64(n)*1000).UTC()))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(path)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(n))
	case reflect.Float64:
		v.SetFloat(float64(n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		if _, ok := r.enter(v.Type().Elem(), s); ok { // the struct case enters it
			v.Set(reflect.New(v.Type().Elem()))
			Fill(v.Elem(), path, s, r)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			Fill(v.Index(i), path+"["+strconv.Itoa(i)+"]", s, r)
		}
	case reflect.Struct:
		if s, ok := r.enter(v.Type(), s); ok {
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() && f.Tag.Get("json") != "-" {
					Fill(v.Field(i), path+"."+f.Name, s, r)
				}
			}
		}
	default:
		panic("fieldfill: " + path + " is a " + v.Type().String() + ", which Fill does not know: give Rules a Value for it")
	}
}

func (r Rules[S]) enter(t reflect.Type, s S) (S, bool) {
	if r.Enter == nil || t.Kind() != reflect.Struct {
		return s, true
	}
	return r.Enter(t, s)
}

// number is a number of path's own, from 1 to 100,000.
func number(path string) int {
	h := fnv.New32a()
	h.Write([]byte(path))
	return int(h.Sum32()%100000) + 1
}

// Diff lists where got differs from want, as "path: got, want" lines: the
// fields a decoder left out or misread. want may be of another type of
// the same shape (a copy of got's type without methods, for a reference
// decoder): fields are matched by name, and one want lacks must be zero in
// got. Fields encoding/json leaves alone (unexported, tagged "-") are not
// compared. Times are compared by Equal and their offset, pointers and
// lists by what they hold.
func Diff(path string, got, want reflect.Value) []string {
	if got.Type() == reflect.TypeFor[time.Time]() {
		g, w := got.Interface().(time.Time), want.Interface().(time.Time)
		_, gOffset := g.Zone()
		_, wOffset := w.Zone()
		if !g.Equal(w) || gOffset != wOffset {
			return []string{fmt.Sprintf("%s: %v, want %v", path, g, w)}
		}
		return nil
	}
	switch got.Kind() {
	case reflect.Pointer:
		if got.IsNil() || want.IsNil() {
			if got.IsNil() != want.IsNil() {
				return []string{fmt.Sprintf("%s: nil %v, want nil %v", path, got.IsNil(), want.IsNil())}
			}
			return nil
		}
		return Diff(path, got.Elem(), want.Elem())
	case reflect.Slice:
		if got.Len() != want.Len() || got.IsNil() != want.IsNil() {
			return []string{fmt.Sprintf("%s: %d items (nil %v), want %d (nil %v)", path, got.Len(), got.IsNil(), want.Len(), want.IsNil())}
		}
		var d []string
		for i := range got.Len() {
			d = append(d, Diff(path+"["+strconv.Itoa(i)+"]", got.Index(i), want.Index(i))...)
		}
		return d
	case reflect.Struct:
		return diffFields(path, got, want)
	}
	if !reflect.DeepEqual(got.Interface(), want.Interface()) {
		return []string{fmt.Sprintf("%s: %#v, want %#v", path, got.Interface(), want.Interface())}
	}
	return nil
}

// diffFields compares a struct's fields by name.
func diffFields(path string, got, want reflect.Value) []string {
	var d []string
	for i := range got.NumField() {
		f := got.Type().Field(i)
		if !f.IsExported() || f.Tag.Get("json") == "-" {
			continue
		}
		w := want.FieldByName(f.Name)
		if !w.IsValid() {
			if !got.Field(i).IsZero() {
				d = append(d, fmt.Sprintf("%s.%s: set, where want has no such field", path, f.Name))
			}
			continue
		}
		d = append(d, Diff(path+"."+f.Name, got.Field(i), w)...)
	}
	return d
}

package fieldfill

import (
	"reflect"
	"testing"
	"time"
)

type inner struct {
	S string
	P *int64
}

type sample struct {
	S      string
	N      int
	F      float64
	B      bool
	T      time.Time
	P      *inner
	L      []inner
	Skip   string `json:"-"`
	hidden string
}

// Fill sets every field encoding/json writes, each to a value of its own,
// and leaves the others; Diff names each field that differs.
func TestFillSetsEveryFieldAndDiffNamesIt(t *testing.T) {
	var got sample
	Fill(reflect.ValueOf(&got).Elem(), "v", struct{}{}, Rules[struct{}]{})
	d := Diff("v", reflect.ValueOf(sample{}), reflect.ValueOf(got))
	want := []string{"v.S", "v.N", "v.F", "v.B", "v.T", "v.P", "v.L"}
	if len(d) != len(want) {
		t.Fatalf("Diff from the zero value: %q, want one line each for %q", d, want)
	}
	for i, line := range d {
		if len(line) < len(want[i]) || line[:len(want[i])+1] != want[i]+":" {
			t.Errorf("line %d is %q, want one for %s", i, line, want[i])
		}
	}
	if got.Skip != "" || got.hidden != "" || got.L[0].S == got.L[1].S || got.L[0].S != "v.L[0].S" || *got.L[1].P == *got.L[0].P {
		t.Errorf("Fill set %+v: want the skipped fields empty and each item's fields its own", got)
	}
	if d := Diff("v", reflect.ValueOf(got), reflect.ValueOf(got)); len(d) > 0 {
		t.Errorf("Diff of a value with itself: %q", d)
	}
}

// Rules.Enter stops Fill at a struct, and Rules.Value sets a type Fill does
// not know.
func TestRules(t *testing.T) {
	type box struct {
		In  *inner
		Day time.Month
	}
	var got box
	day := time.Month(0)
	Fill(reflect.ValueOf(&got).Elem(), "b", 0, Rules[int]{
		Enter: func(t reflect.Type, depth int) (int, bool) { return depth + 1, t != reflect.TypeFor[inner]() },
		Value: func(v reflect.Value, n int) bool {
			if v.Type() != reflect.TypeFor[time.Month]() {
				return false
			}
			v.Set(reflect.ValueOf(time.Month(1 + n%12)))
			day = v.Interface().(time.Month)
			return true
		},
	})
	if got.In != nil || day == 0 || got.Day != day {
		t.Errorf("Fill set %+v: want In nil (not entered) and Day set by Value", got)
	}
}

// Diff matches fields by name across types of the same shape: a field the
// other type lacks must be zero.
func TestDiffAcrossTypes(t *testing.T) {
	type plain struct{ S string }
	full := inner{S: "a"}
	if d := Diff("v", reflect.ValueOf(full), reflect.ValueOf(plain{S: "a"})); len(d) > 0 {
		t.Errorf("Diff of equal fields, P zero: %q", d)
	}
	full.P = new(int64)
	if d := Diff("v", reflect.ValueOf(full), reflect.ValueOf(plain{S: "a"})); len(d) != 1 || d[0] != "v.P: set, where want has no such field" {
		t.Errorf("Diff with P set: %q", d)
	}
}

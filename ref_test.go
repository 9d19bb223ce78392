package favorites

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestRefRoundTrip(t *testing.T) {
	tests := []struct {
		ref  Ref
		text string
	}{
		{Ref{ID: "103186075217296344"}, "103186075217296344"},
		{Ref{ID: "23427-1"}, "23427-1"},
		{Ref{ID: "30452", Source: "upload"}, "upload:30452"},
		{Ref{ID: "12345", Source: "pexels"}, "pexels:12345"},
		{Ref{ID: "a:b"}, "a%3Ab"},
		{Ref{ID: "x/y z", Source: "s:1"}, "s%3A1:x/y%20z"},
		{Ref{ID: "100%"}, "100%25"},
		{Ref{ID: "#1"}, "%231"},
		{Ref{ID: "line\nbreak\t"}, "line%0Abreak%09"},
		{Ref{ID: "大熊まい"}, "大熊まい"},
		{Ref{ID: "\xff"}, "%FF"},
	}
	for _, tt := range tests {
		if got := tt.ref.String(); got != tt.text {
			t.Errorf("%#v.String() = %q, want %q", tt.ref, got, tt.text)
		}
		back, err := ParseRef(tt.text)
		if err != nil || back != tt.ref {
			t.Errorf("ParseRef(%q) = %#v, %v; want %#v", tt.text, back, err, tt.ref)
		}
	}
}

func TestParseRefRejects(t *testing.T) {
	for _, s := range []string{"", ":", "src:", ":id", "a%2", "a%zz", "a b", "a\tb", "a:b:c", "a::b", "a:b:"} {
		if r, err := ParseRef(s); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("ParseRef(%q) = %#v, %v; want ErrInvalidArgument", s, r, err)
		}
	}
}

func FuzzRefRoundTrip(f *testing.F) {
	for _, seed := range [][2]string{{"1", ""}, {"a:b", "c"}, {"%", ":"}, {"\n#", "x y"}, {"\xff\xfe", "é"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, id, source string) {
		if id == "" {
			return
		}
		r := Ref{ID: id, Source: source}
		s := r.String()
		if strings.ContainsAny(s, " \n\r\t#") {
			t.Fatalf("String() = %q holds a separator", s)
		}
		back, err := ParseRef(s)
		if err != nil || back != r {
			t.Fatalf("ParseRef(%q) = %#v, %v; want %#v", s, back, err, r)
		}
	})
}

// asStatus stands for a provider's own type in TestFavoriteAs.
type asStatus struct {
	ID string `json:"id"`
}

func (*asStatus) FavoriteProvider() string { return "toy" }

func TestFavoriteAs(t *testing.T) {
	listed := Favorite{Provider: "toy", Raw: json.RawMessage(`{"id":"7"}`)}
	b, err := json.Marshal(listed)
	if err != nil {
		t.Fatal(err)
	}
	var backUp Favorite
	if err := json.Unmarshal(b, &backUp); err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]Favorite{"listed": listed, "read back from its JSON": backUp} {
		var st *asStatus
		if !f.As(&st) || st.ID != "7" {
			t.Errorf("%s: As(&*asStatus) gave %v", name, st)
		}
	}
	var st *asStatus
	var wrong *int
	var value asStatus
	refused := map[string]struct {
		f      Favorite
		target any
	}{
		"a type that is no provider's":    {listed, &wrong},
		"nil":                             {listed, nil},
		"a pointer, not a pointer to one": {listed, &value},
		"a nil pointer":                   {listed, (**asStatus)(nil)},
		"another provider's favourite":    {Favorite{Provider: "other", Raw: listed.Raw}, &st},
		"no Raw":                          {Favorite{Provider: "toy"}, &st},
		"a Raw that does not decode":      {Favorite{Provider: "toy", Raw: json.RawMessage(`[1]`)}, &st},
	}
	for name, c := range refused {
		if c.f.As(c.target) || st != nil {
			t.Errorf("As with %s: true, or target set (%v)", name, st)
		}
	}
}

// TestRefusalsQuoteShort feeds 10,000-byte values to every refusal that
// quotes its input: the error must name the value without repeating it all.
func TestRefusalsQuoteShort(t *testing.T) {
	long := strings.Repeat("é", 5000)
	refusals := map[string]func() error{
		"ParseRef": func() error { _, err := ParseRef(":" + long); return err },
	}
	for name, refuse := range refusals {
		err := refuse()
		if !errors.Is(err, ErrInvalidArgument) || len(err.Error()) > 200 {
			t.Errorf("%s: %d-byte error %.80q..., want ErrInvalidArgument in under 200 bytes", name, len(err.Error()), err)
		}
	}
}

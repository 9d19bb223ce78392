package favorites

import (
	"bytes"
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

// asBoost stands for a provider's type that holds a Raw within its own,
// as a Mastodon boost does: it decodes itself, keeping parts of raw.
type asBoost struct {
	ID     string
	Raw    json.RawMessage
	Reblog *asBoost
}

func (*asBoost) FavoriteProvider() string { return "toy" }

func (b *asBoost) DecodeRaw(raw []byte) error {
	var v struct {
		ID     string          `json:"id"`
		Reblog json.RawMessage `json:"reblog"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return err
	}
	*b = asBoost{ID: v.ID, Raw: raw}
	if i := bytes.Index(raw, v.Reblog); len(v.Reblog) > 0 && i >= 0 {
		b.Reblog = &asBoost{Raw: raw[i : i+len(v.Reblog)]}
	}
	return nil
}

// A type with DecodeRaw decodes itself from the Favorite's Raw, so that
// its inner Raws are parts of it; As neither copies Raw nor decodes it
// again with encoding/json, which would leave them empty.
func TestFavoriteAsCallsDecodeRaw(t *testing.T) {
	f := Favorite{Provider: "toy", Raw: json.RawMessage(`{"id":"2","reblog":{"id":"1"}}`)}
	var b *asBoost
	if !f.As(&b) || b.ID != "2" || b.Reblog == nil || string(b.Reblog.Raw) != `{"id":"1"}` {
		t.Fatalf("As(&*asBoost) gave %+v, want the boost with its reblog's Raw", b)
	}
	if &b.Raw[0] != &f.Raw[0] || &b.Reblog.Raw[0] != &f.Raw[len(`{"id":"2","reblog":`)] {
		t.Errorf("Raw and Reblog.Raw are not the Favorite's own bytes")
	}
	if (&Favorite{Provider: "toy", Raw: json.RawMessage(`[1]`)}).As(&b) {
		t.Errorf("As of a Raw DecodeRaw refuses: true")
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

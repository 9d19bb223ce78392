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
	for _, s := range []string{"", ":", "src:", ":id", "a%2", "a%zz", "a b", "a\tb"} {
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

func TestPathID(t *testing.T) {
	tests := []struct {
		id, want, err string
	}{
		{"103186075217296344", "103186075217296344", ""},
		{"23427-1", "23427-1", ""},
		{"café", "caf%C3%A9", ""},
		{"", "", "empty"},
		{"a/b", "", `contains "/"`},
		{"..", "", "relative path segment"},
		{".", "", "relative path segment"},
		{"1?x", "", `contains "?"`},
		{"1#x", "", `contains "#"`},
		{"%2F", "", `contains "%"`},
		{`a\b`, "", `contains "\\"`},
		{"a b", "", `contains " "`},
		{"1\n", "", `contains "\n"`},
		{"\xff", "", "not valid UTF-8"},
		{strings.Repeat("1", MaxIDLength+1), "", "more than"},
	}
	for _, tt := range tests {
		got, err := PathID("status id", tt.id)
		if tt.err == "" {
			if err != nil || got != tt.want {
				t.Errorf("PathID(%q) = %q, %v; want %q", tt.id, got, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tt.err) ||
			!strings.Contains(err.Error(), "status id") {
			t.Errorf("PathID(%q) = %v, want ErrInvalidArgument naming status id and %q", tt.id, err, tt.err)
		}
	}
}

func TestNumericID(t *testing.T) {
	for id, want := range map[string]int64{"1": 1, "8008": 8008, "0": 0, "-1": 0, "01": 0, "1e3": 0, "": 0, "99999999999999999999": 0} {
		got, err := NumericID("image id", id)
		if got != want || (want == 0) != errors.Is(err, ErrInvalidArgument) {
			t.Errorf("NumericID(%q) = %d, %v; want %d", id, got, err, want)
		}
	}
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
		"NumericID": func() error { _, err := NumericID("post id", long); return err },
		"CheckID":   func() error { return CheckID("id", "\xff"+long[:200]) },
		"ParseRef":  func() error { _, err := ParseRef(":" + long); return err },
	}
	for name, refuse := range refusals {
		err := refuse()
		if !errors.Is(err, ErrInvalidArgument) || len(err.Error()) > 200 {
			t.Errorf("%s: %d-byte error %.80q..., want ErrInvalidArgument in under 200 bytes", name, len(err.Error()), err)
		}
	}
	if got := quoteShort(long); !strings.HasSuffix(got, "(10000 bytes)") || !strings.HasPrefix(got, `"éé`) {
		t.Errorf("quoteShort = %q", got)
	}
}

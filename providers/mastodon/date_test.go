package mastodon_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/mastodon"
)

// A bare date and an old server's full time both read back as the text
// they came from; anything else is an error naming the value.
func TestDateJSON(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: `"2024-01-02"`, want: `"2024-01-02"`},
		{in: `"0999-12-31"`, want: `"0999-12-31"`},
		{in: `"2019-06-30T22:00:00.000+02:00"`, want: `"2019-06-30T22:00:00.000+02:00"`},
		{in: `"2019-11-17T00:02:23.693Z"`, want: `"2019-11-17T00:02:23.693Z"`},
		{in: `"2019-11-17T00:02:23Z"`, want: `"2019-11-17T00:02:23Z"`},
		{in: `"2024-02-30"`, err: `date "2024-02-30" is not YYYY-MM-DD`},
		{in: `"yesterday"`, err: `date "yesterday" is not YYYY-MM-DD`},
		{in: `"2019-11-17T25:02:23Z"`, err: `is not YYYY-MM-DD or an RFC 3339 time`},
		{in: `20240102`, err: "cannot unmarshal number"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var d mastodon.Date
			err := json.Unmarshal([]byte(tt.in), &d)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("decoding %s: error %v, want one containing %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			out, err := json.Marshal(d)
			if err != nil || string(out) != tt.want {
				t.Errorf("%s round-trips to %s (%v), want %s", tt.in, out, err, tt.want)
			}
		})
	}
}

// A null date is a nil *Date, and the zero Date refuses to be written as
// a made-up day.
func TestDateNullAndZero(t *testing.T) {
	var v struct {
		D *mastodon.Date `json:"d"`
	}
	if err := json.Unmarshal([]byte(`{"d":null}`), &v); err != nil || v.D != nil {
		t.Errorf("null: %v, %v", v.D, err)
	}
	if _, err := json.Marshal(mastodon.Date{}); err == nil || !strings.Contains(err.Error(), "zero Date") {
		t.Errorf("marshalling the zero Date: %v", err)
	}
	d := mastodon.Date{Year: 2024, Month: time.March, Day: 1}
	if got := d.In(time.UTC); !got.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)) || mastodon.DateOf(got) != d || d.IsZero() {
		t.Errorf("In/DateOf/IsZero of %v: %v", d, got)
	}
}

// UnmarshalText reads a bare date exactly as time.Parse does, including
// the days it refuses (its fast path must not accept a 29 February of a
// common year, nor a month 13).
func TestDateUnmarshalTextAsTimeParse(t *testing.T) {
	var days []string
	for _, y := range []string{"1900", "2000", "2023", "2024", "0000", "9999"} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				days = append(days, fmt.Sprintf("%s-%02d-%02d", y, m, d))
			}
		}
	}
	days = append(days, "2024-1-02", "2024-01-2x", "+024-01-02", "2024/01/02", "2024-01-02 ")
	accepted := 0
	for _, s := range days {
		var d mastodon.Date
		err := d.UnmarshalText([]byte(s))
		want, werr := time.Parse(time.DateOnly, s)
		switch {
		case (err == nil) != (werr == nil):
			t.Errorf("%q: error %v, time.Parse's %v", s, err, werr)
		case err == nil && d != mastodon.DateOf(want):
			t.Errorf("%q: read as %v, want %v", s, d, mastodon.DateOf(want))
		case err == nil:
			accepted++
		}
	}
	if accepted != 3*365+3*366 { // 1900, 2023 and 9999 are common years; 0000, 2000 and 2024 leap years
		t.Errorf("%d days accepted, want %d", accepted, 3*365+3*366)
	}
}

// A full time keeps its time and names the day of its own offset; a bare
// day has no time.
func TestDateTime(t *testing.T) {
	tests := []struct {
		in   string
		day  mastodon.Date
		time time.Time // zero: none
	}{
		{"2024-01-02", mastodon.Date{Year: 2024, Month: time.January, Day: 2}, time.Time{}},
		{"2019-11-17T00:02:23.693Z", mastodon.Date{Year: 2019, Month: time.November, Day: 17},
			time.Date(2019, 11, 17, 0, 2, 23, 693e6, time.UTC)},
		{"2019-06-30T22:00:00.000-02:00", mastodon.Date{Year: 2019, Month: time.June, Day: 30},
			time.Date(2019, 7, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		d, err := mastodon.ParseDate(tt.in)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", tt.in, err)
		}
		if d.Year != tt.day.Year || d.Month != tt.day.Month || d.Day != tt.day.Day || d.String() != tt.in {
			t.Errorf("ParseDate(%q) = %v, want the day %v written as sent", tt.in, d, tt.day)
		}
		got, ok := d.Time()
		if ok != !tt.time.IsZero() || !got.Equal(tt.time) {
			t.Errorf("ParseDate(%q).Time() = %v, %v; want %v", tt.in, got, ok, tt.time)
		}
		if again, _ := mastodon.ParseDate(tt.in); again != d {
			t.Errorf("ParseDate(%q) twice: %#v != %#v", tt.in, again, d)
		}
	}
}

// An account's last_status_at keeps a full time through each decoding:
// the one-pass reader a listing uses, and json.Unmarshal.
func TestLastStatusAtKeepsTheTime(t *testing.T) {
	const sent = "2019-11-17T00:02:23.693Z"
	body := []byte(`{"id":"1","uri":"https://a.example/s/1","account":{"id":"2","last_status_at":"` + sent + `"}}`)
	var viaJSON mastodon.Status
	if err := json.Unmarshal(body, &viaJSON); err != nil {
		t.Fatal(err)
	}
	viaDecode, err := mastodon.DecodeStatus(body)
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*mastodon.Status{"json.Unmarshal": &viaJSON, "DecodeStatus": viaDecode} {
		d := s.Account.LastStatusAt
		if d == nil {
			t.Fatalf("%s: no last_status_at", name)
		}
		if at, ok := d.Time(); !ok || !at.Equal(time.Date(2019, 11, 17, 0, 2, 23, 693e6, time.UTC)) {
			t.Errorf("%s: last_status_at's time %v, %v; want %s", name, at, ok, sent)
		}
		if out, err := json.Marshal(d); err != nil || string(out) != `"`+sent+`"` {
			t.Errorf("%s: last_status_at writes %s, %v; want %q", name, out, err, sent)
		}
	}
}

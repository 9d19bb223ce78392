package mastodon

import (
	"fmt"
	"time"
)

// dateLayout is how Mastodon writes a bare date ("2024-01-02"): its
// API's Date format, as account_serializer.rb sends last_status_at.
const dateLayout = time.DateOnly

// Date is a calendar day, as Mastodon sends Account.last_status_at: a bare
// day ("2024-01-02") since Mastodon 3.1, a full RFC 3339 time before, and
// still in the examples of Mastodon's own entity documents. It keeps what
// was sent: the day, and the full time when there was one ([Date.Time]),
// and writes back exactly the text it came from. The zero Date is not a
// day; [Date.IsZero] tells it.
type Date struct {
	Year  int
	Month time.Month
	Day   int

	// sent is the full time as the server wrote it, when it wrote one;
	// a string, so that Dates read from the same text are ==.
	sent string
}

// ParseDate reads a day written "2006-01-02", or a full RFC 3339 time as
// older servers send last_status_at: its day is the one it names in its own
// offset, and [Date.Time] gives the time.
func ParseDate(s string) (Date, error) {
	if t, err := time.Parse(dateLayout, s); err == nil {
		return DateOf(t), nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return Date{}, fmt.Errorf("%s: date %q is not YYYY-MM-DD or an RFC 3339 time", ProviderName, s)
	}
	d := DateOf(t)
	d.sent = s
	return d, nil
}

// DateOf is the day t falls on, in t's own location, without t's time.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// String writes the day as "2006-01-02", or the full time as it was sent
// when there was one, or "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.sent != "":
		return d.sent
	case d.IsZero():
		return ""
	}
	return d.In(time.UTC).Format(dateLayout)
}

// Time is the full time the server sent, and true; or the zero time and
// false when it sent a bare day.
func (d Date) Time() (time.Time, bool) {
	if d.sent == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, d.sent)
	return t, err == nil // ParseDate read it so: it does not fail
}

// IsZero says whether d is the zero Date, no day at all.
func (d Date) IsZero() bool { return d == Date{} }

// In is the start of the day in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// MarshalText writes the Date as [Date.String] does; the zero Date, which
// is no day, is an error rather than a made-up one.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return nil, fmt.Errorf("%s: the zero Date is not a day", ProviderName)
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads a day as [ParseDate] does.
func (d *Date) UnmarshalText(b []byte) error {
	if v, ok := plainDate(b); ok {
		*d = v
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// plainDate reads a day written exactly "2006-01-02" without allocating,
// as time.Parse reads it: four digits of year, two of month (1 to 12) and
// of day (1 to the month's last). Anything else is left to ParseDate.
func plainDate(b []byte) (Date, bool) {
	if len(b) != len(dateLayout) || b[4] != '-' || b[7] != '-' {
		return Date{}, false
	}
	num := func(b []byte) (int, bool) {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(b[:4])
	m, ok2 := num(b[5:7])
	d, ok3 := num(b[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return Date{}, false
	}
	return Date{Year: y, Month: time.Month(m), Day: d}, true
}

package curriculum

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a calendar date with no time of day and no time zone: the date a
// session falls on where the group meets. The zero value is not a valid date.
// Its text form is ISO 8601, "2025-03-04".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// IsValid reports whether d names a real day of the proleptic Gregorian
// calendar between the years 1 and 9999.
func (d Date) IsValid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return DateOf(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)) == d
}

// AddDays returns the date n days after d (before, for negative n).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// DaysUntil returns the number of calendar days from d to e (negative when
// e comes first).
func (d Date) DaysUntil(e Date) int {
	a := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	b := time.Date(e.Year, e.Month, e.Day, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(int(d.Month), int(e.Month))
	}
	return cmp.Compare(d.Day, e.Day)
}

// Weekday returns the day of the week d falls on.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// String returns d as "YYYY-MM-DD".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalText implements encoding.TextMarshaler. An invalid date is an error.
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, newParseError("Date", d.String())
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// ParseDate accepts and leaves d unchanged on error.
func (d *Date) UnmarshalText(b []byte) error {
	x, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// ParseDate parses "YYYY-MM-DD". Anything else, or a day that does not
// exist, is a *ParseError wrapping ErrUnknownValue.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Format(time.DateOnly) != s || !DateOf(t).IsValid() {
		return Date{}, newParseError("Date", s)
	}
	return DateOf(t), nil
}

// Clock is a wall-clock time of day, to the minute. The zero value is
// midnight. Its text form is "HH:MM" on the 24-hour clock.
type Clock struct {
	Hour   int
	Minute int
}

// IsValid reports whether c is between 00:00 and 23:59.
func (c Clock) IsValid() bool { return c.Hour >= 0 && c.Hour < 24 && c.Minute >= 0 && c.Minute < 60 }

// String returns c as "HH:MM".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// MarshalText implements encoding.TextMarshaler. An invalid clock is an error.
func (c Clock) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, newParseError("Clock", c.String())
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// ParseClock accepts and leaves c unchanged on error.
func (c *Clock) UnmarshalText(b []byte) error {
	x, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = x
	return nil
}

// ParseClock parses "HH:MM" (24-hour, two digits each). Anything else is a
// *ParseError wrapping ErrUnknownValue.
func ParseClock(s string) (Clock, error) {
	t, err := time.Parse("15:04", s)
	if err != nil || t.Format("15:04") != s {
		return Clock{}, newParseError("Clock", s)
	}
	return Clock{Hour: t.Hour(), Minute: t.Minute()}, nil
}

// Slot is a local date and wall-clock time: when something starts where the
// group meets, before a time zone turns it into an instant.
type Slot struct {
	Date Date  `json:"date"`
	At   Clock `json:"at"`
}

// IsValid reports whether both the date and the clock are valid.
func (s Slot) IsValid() bool { return s.Date.IsValid() && s.At.IsValid() }

// In returns the instant the slot names in loc. A wall-clock time that
// occurs twice (in a fall-back overlap) is the first of the two; one that
// does not exist (inside a spring-forward gap) is read with the offset in
// force before the gap, which moves it forward by the gap (02:30 becomes
// 03:30). loc must not be nil.
func (s Slot) In(loc *time.Location) time.Time {
	naive := time.Date(s.Date.Year, s.Date.Month, s.Date.Day, s.At.Hour, s.At.Minute, 0, 0, time.UTC)
	t := time.Date(s.Date.Year, s.Date.Month, s.Date.Day, s.At.Hour, s.At.Minute, 0, 0, loc)
	const probe = 6 * time.Hour // well inside the gap between two transitions
	var best time.Time
	for _, p := range []time.Time{t.Add(-probe), t, t.Add(probe)} {
		_, off := p.Zone()
		u := naive.Add(-time.Duration(off) * time.Second).In(loc)
		if DateOf(u) == s.Date && u.Hour() == s.At.Hour && u.Minute() == s.At.Minute && (best.IsZero() || u.Before(best)) {
			best = u
		}
	}
	if best.IsZero() {
		_, off := t.Add(-probe).Zone()
		best = naive.Add(-time.Duration(off) * time.Second).In(loc)
	}
	return best
}

// String returns the slot as "YYYY-MM-DD HH:MM".
func (s Slot) String() string { return s.Date.String() + " " + s.At.String() }

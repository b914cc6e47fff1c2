package curriculum

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// ErrOutOfRange marks a date or time outside the years 1 to 9999, the range
// a Date, an iCalendar DATE-TIME (RFC 5545 section 3.3.4, four-digit years)
// and a calendar may use: a calendar whose sessions would run past
// 9999-12-31 or whose orientation would fall before 0001-01-01.
var ErrOutOfRange = errors.New("curriculum: date outside the years 1 to 9999")

// Date is a calendar date with no time of day and no time zone: the date a
// session falls on where the group meets. The zero value is not a valid date.
// Its text form is ISO 8601, "2025-03-04".
//
// Date arithmetic counts days in the proleptic Gregorian calendar with
// integer arithmetic, so AddDays, DaysUntil and Weekday are exact over the
// whole range and cost no time-zone look-up.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// maxDay is 9999-12-31 as a day number (days since 1970-01-01), the last
// day a calendar may use.
const maxDay = 2932896

// DateOf returns the date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// IsValid reports whether d names a real day of the proleptic Gregorian
// calendar between the years 1 and 9999.
func (d Date) IsValid() bool {
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// AddDays returns the date n days after d (before, for negative n). Like
// time.Date it normalizes an out-of-range month or day first.
func (d Date) AddDays(n int) Date { return dateOfDay(d.days() + n) }

// DaysUntil returns the number of calendar days from d to e (negative when
// e comes first).
func (d Date) DaysUntil(e Date) int { return e.days() - d.days() }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	a, b := d.days(), e.days()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Weekday returns the day of the week d falls on.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01, day 0, was a Thursday.
	return time.Weekday(floorMod(d.days()+int(time.Thursday), 7))
}

// days returns d as the number of days since 1970-01-01 (negative before),
// normalizing the month and the day as time.Date does. It follows the
// days-from-civil method of Hinnant (2013), "chrono-Compatible Low-Level
// Date Algorithms": years are counted from March, so that the leap day
// ends the year, in eras of 400 years (146097 days).
func (d Date) days() int {
	y, m := d.Year, int(d.Month)-1 // m: 0 = January
	y += floorDiv(m, 12)
	m = floorMod(m, 12) + 1
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400                      // year of era, 0..399
	doy := (153*((m+9)%12)+2)/5 + d.Day - 1 // day of the year from March 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy  // day of era
	return era*146097 + doe - 719468
}

// dateOfDay is the inverse of Date.days (civil-from-days, Hinnant 2013).
func dateOfDay(z int) Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	if month > 12 {
		month -= 12
	}
	y := yoe + era*400
	if month <= 2 {
		y++
	}
	return Date{Year: y, Month: time.Month(month), Day: day}
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

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
// exist, is a *ParseError wrapping ErrUnknownValue. Its work is constant:
// text longer than ten bytes is refused before it is read (and the error
// quotes at most its first 64 bytes).
func ParseDate(s string) (Date, error) {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return Date{}, newParseError("Date", clip(s))
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	dd, ok3 := digits(s[8:10])
	d := Date{Year: y, Month: time.Month(m), Day: dd}
	if !ok1 || !ok2 || !ok3 || !d.IsValid() {
		return Date{}, newParseError("Date", s)
	}
	return d, nil
}

// digits reads a run of ASCII decimal digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// clip returns s, cut to its first 64 bytes, for an error message about
// text too long to be what was asked for.
func clip(s string) string {
	const most = 64
	if len(s) <= most {
		return s
	}
	return s[:most] + "..."
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
// *ParseError wrapping ErrUnknownValue. Like ParseDate its work is
// constant whatever the length of s.
func ParseClock(s string) (Clock, error) {
	if len(s) != len("15:04") || s[2] != ':' {
		return Clock{}, newParseError("Clock", clip(s))
	}
	h, ok1 := digits(s[0:2])
	m, ok2 := digits(s[3:5])
	c := Clock{Hour: h, Minute: m}
	if !ok1 || !ok2 || !c.IsValid() {
		return Clock{}, newParseError("Clock", s)
	}
	return c, nil
}

// seconds returns the clock as seconds after midnight.
func (c Clock) seconds() int64 { return int64(c.Hour)*3600 + int64(c.Minute)*60 }

// Slot is a local date and wall-clock time: when something starts where the
// group meets, before a time zone turns it into an instant.
type Slot struct {
	Date Date  `json:"date"`
	At   Clock `json:"at"`
}

// IsValid reports whether both the date and the clock are valid.
func (s Slot) IsValid() bool { return s.Date.IsValid() && s.At.IsValid() }

// In returns the instant the slot names in loc, by the rule RFC 5545
// (section 3.3.5) gives for local times: a wall-clock time that occurs
// twice (in a fall-back overlap) is the first of the two; one that does not
// exist (inside a spring-forward gap) is read with the offset in force
// before the gap, which moves it forward by the gap (02:30 becomes 03:30).
// A nil loc is read as UTC.
func (s Slot) In(loc *time.Location) time.Time {
	z := newZoneCursor(loc)
	return z.at(s.wall())
}

// wall returns the slot's wall-clock reading as seconds since 1970-01-01
// 00:00 on the same clock: the instant it would be in UTC.
func (s Slot) wall() int64 { return int64(s.Date.days())*86400 + s.At.seconds() }

// String returns the slot as "YYYY-MM-DD HH:MM".
func (s Slot) String() string { return s.Date.String() + " " + s.At.String() }

// zoneCursor turns wall-clock readings into instants in one location,
// remembering the last zone period it looked up (time.Time.ZoneBounds), so
// that a run of readings, such as a weekly series, costs one look-up per
// offset change rather than several per reading.
type zoneCursor struct {
	loc        *time.Location
	start, end int64 // the remembered period, [start, end) in Unix seconds
	off        int64 // its offset east of UTC, in seconds
}

func newZoneCursor(loc *time.Location) zoneCursor {
	if loc == nil {
		loc = time.UTC
	}
	return zoneCursor{loc: loc, start: 1, end: 0} // empty: the first call looks up
}

// offsetAt returns the offset in force at Unix second u.
func (z *zoneCursor) offsetAt(u int64) int64 {
	if u >= z.start && u < z.end {
		return z.off
	}
	t := time.Unix(u, 0).In(z.loc)
	_, off := t.Zone()
	from, to := t.ZoneBounds()
	z.off, z.start, z.end = int64(off), math.MinInt64, math.MaxInt64
	if !from.IsZero() {
		z.start = from.Unix()
	}
	if !to.IsZero() {
		z.end = to.Unix()
	}
	return z.off
}

// reach bounds the offsets the fast path trusts: every offset in the time
// zone database lies well within a day.
const reach = 26 * 3600

// instant returns the Unix second at which the wall clock reads w, by the
// rule of Slot.In.
func (z *zoneCursor) instant(w int64) int64 {
	before := z.offsetAt(w - reach)
	if w+reach < z.end {
		// One offset rules the whole day around w: the usual case.
		return w - before
	}
	// A change of offset near w: try each offset in force around it; the
	// earliest instant that reads w is the answer, and when none does
	// (a gap) the offset before the change applies.
	after := z.offsetAt(w + reach)
	middle := z.offsetAt(w - before)
	best, found := int64(0), false
	for _, off := range [...]int64{before, middle, after} {
		if u := w - off; z.offsetAt(u) == off && (!found || u < best) {
			best, found = u, true
		}
	}
	if !found {
		return w - before
	}
	return best
}

// at returns the instant at which the wall clock reads w, in the cursor's
// location.
func (z *zoneCursor) at(w int64) time.Time { return time.Unix(z.instant(w), 0).In(z.loc) }

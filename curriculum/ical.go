package curriculum

import (
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// Recurrence is a calendar's regular sessions in the terms of RFC 5545
// (iCalendar): a start (DTSTART), a rule (RRULE), the series dates left out
// (EXDATE) and the sessions held off the series (RDATE). Expanding the rule
// from Start in the calendar's location, dropping ExDates and adding RDates
// gives exactly the starts of the calendar's sessions, regular and make-up.
// Extra days are separate events (see Calendar.ICalendar).
type Recurrence struct {
	Start   time.Time   // DTSTART, in the calendar's location
	Rule    string      // the RRULE value, such as "FREQ=WEEKLY;INTERVAL=1;COUNT=12"
	ExDates []time.Time // EXDATE values, in order
	RDates  []time.Time // RDATE values, in order
}

// Recurrence returns the RFC 5545 description of c's sessions. The rule
// counts series dates (COUNT) rather than ending at a date (UNTIL), so that
// it needs no conversion to UTC; excluded dates are inside the count, as RFC
// 5545 section 3.8.5.1 applies EXDATE after the rule is expanded.
func (c Calendar) Recurrence() Recurrence {
	r := Recurrence{
		Start: c.SeriesStart,
		Rule:  "FREQ=WEEKLY;INTERVAL=" + strconv.Itoa(c.Cadence.Days()/7) + ";COUNT=" + strconv.Itoa(c.Count),
	}
	for _, x := range c.Excluded {
		r.ExDates = append(r.ExDates, x.Start)
	}
	for _, o := range c.Occurrences {
		if o.Kind == OccurrenceMakeUp {
			r.RDates = append(r.RDates, o.Start)
		}
	}
	return r
}

// ICalendar renders c as an RFC 5545 iCalendar object that calendar apps can
// import: a VTIMEZONE for the calendar's location, one recurring VEVENT for
// the sessions (DTSTART, DURATION, RRULE, EXDATE, RDATE) and one VEVENT per
// extra day. uid is the recurring event's UID (extra days get uid +
// "-extra-N"); stamp is the DTSTAMP (when the object was made; the library
// never reads the clock).
//
// Whatever the calendar holds, ICalendar returns, and what it returns is
// valid RFC 5545:
//   - Lines end in CRLF and are folded so that none is longer than 75
//     octets, never inside a UTF-8 sequence (section 3.1).
//   - TEXT values (the titles, the UID, zone abbreviations) escape the
//     backslash, semicolon and comma and write line breaks as \n (section
//     3.3.11). Invalid UTF-8 becomes U+FFFD, one per broken run, and the
//     other control characters (Unicode's Cc category but the tab) are
//     dropped, as TEXT cannot hold them.
//   - The TZID parameter is a paramtext (sections 3.1 and 3.2.19): the
//     location's name with every character a parameter value may not hold
//     (a control character, '"', ';', ':' and ',') or TEXT would escape
//     ('\') replaced by '_', or "unnamed-zone" for a location without a
//     name. So "America/New_York" stays itself and a fixed zone named
//     "UTC+05:30" becomes "UTC+05_30". Local times carry that TZID and the
//     VTIMEZONE of that TZID defines it, so an app reads the same instants
//     whether or not it knows the name.
//   - The VTIMEZONE has an observance for the offset in force at the first
//     time written and one for each change of offset between two times
//     written, at the instant of the change (section 3.6.5 asks it to be
//     right for every instance; it says nothing of the years between, so
//     a make-up years away costs one observance, not one per year). A
//     fixed zone has a single STANDARD observance. Local times follow the
//     rule of section 3.3.5 for gaps and overlaps, as Slot.In does, and
//     the series' own dates (DTSTART, EXDATE) are written at the series'
//     wall-clock time, so that they match the rule's instances even on a
//     day whose clock skips that time.
//
// Errors, all at once as joined *FieldError values wrapping ErrInvalid: a
// calendar with no occurrences or no location, an unknown cadence or a
// count below 1 (a hand-made calendar), a uid with nothing printable, a
// zero stamp; a stamp, occurrence or excluded date outside the years 1 to
// 9999 (ErrOutOfRange); a location whose offset is a day or more, which
// RFC 5545's UTC-OFFSET cannot write.
//
// The work and the memory are linear in the calendar (its occurrences and
// exclusions, the lengths of its titles and uid and the location's name);
// a hand-made calendar whose occurrences are out of order costs a sort.
func (c Calendar) ICalendar(uid string, stamp time.Time) ([]byte, error) {
	pr := problems()
	made := len(c.Occurrences) > 0 && c.Location != nil
	if !made {
		pr.Add("calendar", "has no occurrences; make it with Schedule", nil)
	}
	var w icalWriter
	if w.text(uid); len(w.line) == 0 {
		pr.Add("uid", "must hold a printable character", nil)
	}
	w.line = w.line[:0]
	switch {
	case stamp.IsZero():
		pr.Add("stamp", "must be set", nil)
	case stamp.UTC().Year() < 1 || stamp.UTC().Year() > 9999:
		pr.Add("stamp", "must fall in the years 1 to 9999 (UTC)", ErrOutOfRange)
	}
	var zone []observance
	if made {
		if !c.Cadence.IsValid() {
			pr.Add("cadence", "unknown cadence "+c.Cadence.String(), ErrUnknownValue)
		}
		if c.Count < 1 {
			pr.Add("count", "must be at least 1", nil)
		}
		zone = c.observances(&pr)
	}
	if err := pr.Err(); err != nil {
		return nil, err
	}
	loc, tzid := c.Location, tzidOf(c.Location)
	series := c.series()

	// Room for the usual object, so that the output rarely grows: fixed
	// lines, a line per occurrence and exclusion, and the texts (twice, for
	// escapes) and the TZID as often as they are written.
	text, writes := len(c.Title)+len(uid), 4+len(zone)
	for _, o := range c.Occurrences {
		if o.Kind == OccurrenceExtraDay {
			text += len(c.Title) + len(uid) + len(o.Title)
			writes++
		}
	}
	w.out = make([]byte, 0, 1024+160*len(c.Occurrences)+32*len(c.Excluded)+2*text+len(tzid)*writes)
	w.prop("BEGIN", "VCALENDAR")
	w.prop("VERSION", "2.0")
	w.prop("PRODID", "-//groupwork//curriculum//EN")
	w.prop("CALSCALE", "GREGORIAN")
	w.prop("BEGIN", "VTIMEZONE")
	w.begin("TZID:")
	w.raw(tzid)
	w.end()
	for _, o := range zone {
		w.observance(o)
	}
	w.prop("END", "VTIMEZONE")

	w.prop("BEGIN", "VEVENT")
	w.uid(uid, 0)
	w.stamp(stamp)
	w.begin("DTSTART;TZID=")
	w.raw(tzid)
	w.raw(":")
	w.wall(series.first, series.clock)
	w.end()
	w.prop("DURATION", icalDuration(c.Length))
	w.prop("RRULE", c.Recurrence().Rule)
	if len(c.Excluded) > 0 {
		w.begin("EXDATE;TZID=")
		w.raw(tzid)
		w.raw(":")
		for i, x := range c.Excluded {
			if i > 0 {
				w.raw(",")
			}
			w.wall(series.dateOf(x.Start), series.clock)
		}
		w.end()
	}
	rdates := 0
	for _, o := range c.Occurrences {
		if o.Kind != OccurrenceMakeUp {
			continue
		}
		if rdates == 0 {
			w.begin("RDATE;TZID=")
			w.raw(tzid)
			w.raw(":")
		} else {
			w.raw(",")
		}
		rdates++
		w.local(o.Start.In(loc))
	}
	if rdates > 0 {
		w.end()
	}
	w.begin("SUMMARY:")
	w.text(c.Title)
	w.end()
	w.prop("END", "VEVENT")

	n := 0
	for _, o := range c.Occurrences {
		if o.Kind != OccurrenceExtraDay {
			continue
		}
		n++
		w.prop("BEGIN", "VEVENT")
		w.uid(uid, n)
		w.stamp(stamp)
		w.begin("DTSTART;TZID=")
		w.raw(tzid)
		w.raw(":")
		w.local(o.Start.In(loc))
		w.end()
		w.prop("DURATION", icalDuration(o.End.Sub(o.Start)))
		w.begin("SUMMARY:")
		w.text(c.Title)
		w.raw(": ")
		w.text(o.Title)
		w.end()
		w.prop("END", "VEVENT")
	}
	w.prop("END", "VCALENDAR")
	return w.out, nil
}

// seriesClock is the recurring series as the RRULE sees it: its first date
// and its wall-clock time, in the calendar's location.
type seriesClock struct {
	first Date
	clock Clock
	start time.Time // the first series date's instant
	step  int       // days between series dates
}

// series returns c's series: the spec's first slot for a calendar made by
// Schedule, else the wall clock of SeriesStart.
func (c Calendar) series() seriesClock {
	s := seriesClock{start: c.SeriesStart, step: max(c.Cadence.Days(), 1)}
	if c.spec.First.IsValid() {
		s.first, s.clock = c.spec.First.Date, c.spec.First.At
		return s
	}
	local := c.SeriesStart.In(c.Location)
	s.first, s.clock = DateOf(local), Clock{Hour: local.Hour(), Minute: local.Minute()}
	return s
}

// dateOf returns the series date whose session starts at t: the whole
// number of steps from the first, rounded, as a change of offset moves an
// instant by less than a day and a step is a week or more.
func (s seriesClock) dateOf(t time.Time) Date {
	span := int64(s.step) * 86400
	d := t.Unix() - s.start.Unix()
	return s.first.AddDays(int(floorDiv64(d+span/2, span)) * s.step)
}

func floorDiv64(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// observance is one STANDARD or DAYLIGHT block of a VTIMEZONE.
type observance struct {
	onset    time.Time // when the offset starts; zero for one in force from before the first time written
	local    Date      // for a zero onset: the local date to write (at 00:00)
	from, to int       // offsets east of UTC, in seconds
	name     string
	dst      bool
}

// observances returns the VTIMEZONE's observances for every time c writes:
// the one in force at the earliest and one at each change of offset (or of
// name) between two of them, in order. It reports times outside the years
// 1 to 9999 and offsets of a day or more.
func (c Calendar) observances(pr *fault.List) []observance {
	loc := c.Location
	times := make([]time.Time, 0, 1+len(c.Occurrences)+len(c.Excluded))
	bad := false
	use := func(t time.Time, path string) {
		if y := t.In(loc).Year(); y < 1 || y > 9999 {
			pr.Add(path, "must fall in the years 1 to 9999", ErrOutOfRange)
			bad = true
		}
		times = append(times, t)
	}
	// The series start, then the occurrences and the exclusions merged: a
	// calendar made by Schedule has each in order. A hand-made one that
	// does not is sorted.
	use(c.SeriesStart, "seriesStart")
	occ, exc := c.Occurrences, c.Excluded
	for i, j := 0, 0; i < len(occ) || j < len(exc); {
		if j == len(exc) || (i < len(occ) && occ[i].Start.Before(exc[j].Start)) {
			use(occ[i].Start, index("occurrences", i)+".start")
			i++
		} else {
			use(exc[j].Start, index("excluded", j)+".start")
			j++
		}
	}
	if bad {
		return nil
	}
	if !slices.IsSortedFunc(times, time.Time.Compare) {
		slices.SortFunc(times, time.Time.Compare)
	}

	var out []observance
	var end time.Time // the end of the period last looked up; zero: forever
	for i, t := range times {
		if i > 0 && (end.IsZero() || t.Before(end)) {
			continue // in the period last looked up
		}
		t = t.In(loc)
		name, off := t.Zone()
		start, stop := t.ZoneBounds()
		end = stop
		if n := len(out); n > 0 && out[n-1].to == off && out[n-1].name == name && out[n-1].dst == t.IsDST() {
			continue
		}
		o := observance{onset: start, from: off, to: off, name: name, dst: t.IsDST()}
		if !start.IsZero() {
			_, o.from = start.Add(-time.Second).Zone()
		}
		if len(out) == 0 && (start.IsZero() || start.In(time.FixedZone("", o.from)).Year() < 1) {
			// In force from the beginning of time, or from before year 1:
			// start the observance on the first day written.
			o.onset, o.local, o.from = time.Time{}, DateOf(t), off
		}
		for _, x := range [...]int{o.from, o.to} {
			if x <= -86400 || x >= 86400 {
				pr.Add("location", "offset "+utcOffset(x)+" is a day or more; RFC 5545 offsets stay under 24 hours", nil)
				return nil
			}
		}
		if !o.onset.IsZero() {
			if y := o.onset.In(time.FixedZone("", o.from)).Year(); y < 1 || y > 9999 {
				pr.Add("location", "a change of offset falls outside the years 1 to 9999", ErrOutOfRange)
				return nil
			}
		}
		out = append(out, o)
	}
	return out
}

// tzidOf returns the TZID for loc: its name as an RFC 5545 paramtext that
// TEXT needs no escape for (see Calendar.ICalendar).
func tzidOf(loc *time.Location) string {
	name := loc.String()
	b := make([]byte, 0, len(name))
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case unicode.IsControl(r) || r == '"' || r == ';' || r == ':' || r == ',' || r == '\\':
			b = append(b, '_')
		default:
			b = append(b, name[i:i+size]...)
		}
		i += size
	}
	if len(b) == 0 {
		return "unnamed-zone"
	}
	return string(b)
}

// icalWriter builds content lines and folds them into the output.
type icalWriter struct {
	out  []byte // the object so far
	line []byte // the content line being built, unfolded
}

// begin starts a content line with s (a name, parameters, a colon).
func (w *icalWriter) begin(s string) { w.line = append(w.line[:0], s...) }

// raw appends s, which the caller knows needs no escaping.
func (w *icalWriter) raw(s string) { w.line = append(w.line, s...) }

// prop writes the content line name:value for a value that needs no escaping.
func (w *icalWriter) prop(name, value string) {
	w.begin(name)
	w.raw(":")
	w.raw(value)
	w.end()
}

// text appends s as an RFC 5545 TEXT value (section 3.3.11): backslash,
// semicolon and comma escaped, CRLF, CR and LF written as \n, each run of
// invalid UTF-8 as one U+FFFD, other control characters but the tab
// dropped.
func (w *icalWriter) text(s string) {
	broken := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if !broken {
				w.line = utf8.AppendRune(w.line, utf8.RuneError)
			}
			broken = true
			i++
			continue
		}
		broken = false
		switch {
		case r == '\\' || r == ';' || r == ',':
			w.line = append(w.line, '\\', byte(r))
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			w.line = append(w.line, '\\', 'n')
		case r == '\n':
			w.line = append(w.line, '\\', 'n')
		case r == '\t':
			w.line = append(w.line, '\t')
		case unicode.IsControl(r):
		default:
			w.line = append(w.line, s[i:i+size]...)
		}
		i += size
	}
}

// end folds the content line into the output: a CRLF and a space before
// any character that would take the line past 75 octets, never inside a
// UTF-8 sequence (section 3.1), and a CRLF at the end.
func (w *icalWriter) end() {
	const most = 75
	col := 0
	for i := 0; i < len(w.line); {
		_, size := utf8.DecodeRune(w.line[i:])
		if col+size > most {
			w.out = append(w.out, '\r', '\n', ' ')
			col = 1
		}
		w.out = append(w.out, w.line[i:i+size]...)
		col += size
		i += size
	}
	w.out = append(w.out, '\r', '\n')
}

// uid writes the UID of event n (0: the recurring one; n: extra day n).
func (w *icalWriter) uid(uid string, n int) {
	w.begin("UID:")
	w.text(uid)
	if n > 0 {
		w.raw("-extra-")
		w.line = strconv.AppendInt(w.line, int64(n), 10)
	}
	w.end()
}

// stamp writes the DTSTAMP, in UTC.
func (w *icalWriter) stamp(t time.Time) {
	w.begin("DTSTAMP:")
	w.line = t.UTC().AppendFormat(w.line, "20060102T150405Z")
	w.end()
}

// local appends t's wall clock as an RFC 5545 local DATE-TIME.
func (w *icalWriter) local(t time.Time) { w.line = t.AppendFormat(w.line, "20060102T150405") }

// wall appends a date and a clock as an RFC 5545 local DATE-TIME.
func (w *icalWriter) wall(d Date, c Clock) {
	w.line = appendDigits(w.line, d.Year, 4)
	w.line = appendDigits(w.line, int(d.Month), 2)
	w.line = appendDigits(w.line, d.Day, 2)
	w.line = append(w.line, 'T')
	w.line = appendDigits(w.line, c.Hour, 2)
	w.line = appendDigits(w.line, c.Minute, 2)
	w.line = append(w.line, '0', '0')
}

// appendDigits appends n, which is not negative, in at least width digits.
func appendDigits(b []byte, n, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for n >= 10 || width > 1 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	i--
	buf[i] = byte('0' + n)
	return append(b, buf[i:]...)
}

// observance writes one STANDARD or DAYLIGHT block; its DTSTART is the
// onset in the local time of the offset before it.
func (w *icalWriter) observance(o observance) {
	kind := "STANDARD"
	if o.dst {
		kind = "DAYLIGHT"
	}
	w.prop("BEGIN", kind)
	w.begin("DTSTART:")
	if o.onset.IsZero() {
		w.wall(o.local, Clock{})
	} else {
		w.local(o.onset.In(time.FixedZone("", o.from)))
	}
	w.end()
	w.prop("TZOFFSETFROM", utcOffset(o.from))
	w.prop("TZOFFSETTO", utcOffset(o.to))
	if o.name != "" {
		w.begin("TZNAME:")
		w.text(o.name)
		w.end()
	}
	w.prop("END", kind)
}

// utcOffset formats seconds east of UTC as RFC 5545 "+HHMM" or "+HHMMSS"
// (section 3.3.14; zero is "+0000", never "-0000").
func utcOffset(sec int) string {
	b := []byte{'+'}
	if sec < 0 {
		b[0], sec = '-', -sec
	}
	b = appendDigits(b, sec/3600, 2)
	b = appendDigits(b, sec/60%60, 2)
	if sec%60 != 0 {
		b = appendDigits(b, sec%60, 2)
	}
	return string(b)
}

// icalDuration formats d as an RFC 5545 DURATION ("PT2H30M").
func icalDuration(d time.Duration) string {
	if d <= 0 {
		return "PT0S"
	}
	s := "PT"
	if h := d / time.Hour; h > 0 {
		s += strconv.Itoa(int(h)) + "H"
	}
	if m := d % time.Hour / time.Minute; m > 0 {
		s += strconv.Itoa(int(m)) + "M"
	}
	if sec := d % time.Minute / time.Second; sec > 0 || s == "PT" {
		s += strconv.Itoa(int(sec)) + "S"
	}
	return s
}

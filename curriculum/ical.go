package curriculum

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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
// import: a VTIMEZONE for the calendar's location covering the calendar's
// span, one recurring VEVENT for the sessions (DTSTART, DURATION, RRULE,
// EXDATE, RDATE) and one VEVENT per extra day. uid is the recurring event's
// UID (extra days get uid + "-extra-N"); stamp is the DTSTAMP (when the
// object was made; the library never reads the clock). Lines end in CRLF and
// are folded at 75 octets. A calendar with no occurrences, an empty uid or a
// zero stamp is an error wrapping ErrInvalid.
func (c Calendar) ICalendar(uid string, stamp time.Time) ([]byte, error) {
	pr := problems()
	if len(c.Occurrences) == 0 || c.Location == nil {
		pr.Add("calendar", "has no occurrences; make it with Schedule", nil)
	}
	if uid == "" {
		pr.Add("uid", "must not be empty", nil)
	}
	if stamp.IsZero() {
		pr.Add("stamp", "must be set", nil)
	}
	if err := pr.Err(); err != nil {
		return nil, err
	}
	tzid := c.Location.String()
	var w icalWriter
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//groupwork//curriculum//EN")
	w.line("CALSCALE:GREGORIAN")
	first := c.Occurrences[0].Start
	if c.SeriesStart.Before(first) {
		first = c.SeriesStart
	}
	w.timezone(c.Location, first, c.span())
	dtstamp := "DTSTAMP:" + stamp.UTC().Format("20060102T150405Z")

	r := c.Recurrence()
	w.line("BEGIN:VEVENT")
	w.line("UID:" + escapeText(uid))
	w.line(dtstamp)
	w.line("DTSTART;TZID=" + tzid + ":" + localStamp(r.Start))
	w.line("DURATION:" + icalDuration(c.Length))
	w.line("RRULE:" + r.Rule)
	if len(r.ExDates) > 0 {
		w.line("EXDATE;TZID=" + tzid + ":" + localStamps(r.ExDates))
	}
	if len(r.RDates) > 0 {
		w.line("RDATE;TZID=" + tzid + ":" + localStamps(r.RDates))
	}
	w.line("SUMMARY:" + escapeText(c.Title))
	w.line("END:VEVENT")
	n := 0
	for _, o := range c.Occurrences {
		if o.Kind != OccurrenceExtraDay {
			continue
		}
		n++
		w.line("BEGIN:VEVENT")
		w.line("UID:" + escapeText(uid+"-extra-"+strconv.Itoa(n)))
		w.line(dtstamp)
		w.line("DTSTART;TZID=" + tzid + ":" + localStamp(o.Start))
		w.line("DURATION:" + icalDuration(o.End.Sub(o.Start)))
		w.line("SUMMARY:" + escapeText(c.Title+": "+o.Title))
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return []byte(w.b.String()), nil
}

// span returns the end of the calendar's last occurrence.
func (c Calendar) span() time.Time {
	var end time.Time
	for _, o := range c.Occurrences {
		if o.End.After(end) {
			end = o.End
		}
	}
	return end
}

// icalWriter accumulates CRLF-terminated, folded content lines.
type icalWriter struct{ b strings.Builder }

// line writes one content line, folding it at 75 octets without splitting a
// UTF-8 sequence (RFC 5545 section 3.1).
func (w *icalWriter) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}

// timezone writes a VTIMEZONE for loc whose observances cover [from, to]:
// the offset in force at from, then one observance per transition found.
func (w *icalWriter) timezone(loc *time.Location, from, to time.Time) {
	from = from.Add(-48 * time.Hour)
	to = to.Add(48 * time.Hour)
	w.line("BEGIN:VTIMEZONE")
	w.line("TZID:" + loc.String())
	name, off := from.In(loc).Zone()
	w.observance(from.In(loc).IsDST(), from.In(time.FixedZone("", off)), off, off, name)
	const step = 12 * time.Hour
	for t := from; t.Before(to); t = t.Add(step) {
		_, a := t.In(loc).Zone()
		_, b := t.Add(step).In(loc).Zone()
		if a == b {
			continue
		}
		lo, hi := t, t.Add(step) // offset(lo) = a, offset(hi) = b
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2)
			if _, m := mid.In(loc).Zone(); m == a {
				lo = mid
			} else {
				hi = mid
			}
		}
		name, _ := hi.In(loc).Zone()
		w.observance(hi.In(loc).IsDST(), hi.In(time.FixedZone("", a)), a, b, name)
	}
	w.line("END:VTIMEZONE")
}

// observance writes one STANDARD or DAYLIGHT block starting at the local
// time onset (expressed in the offset in force before it).
func (w *icalWriter) observance(dst bool, onset time.Time, from, to int, name string) {
	kind := "STANDARD"
	if dst {
		kind = "DAYLIGHT"
	}
	w.line("BEGIN:" + kind)
	w.line("DTSTART:" + onset.Format("20060102T150405"))
	w.line("TZOFFSETFROM:" + utcOffset(from))
	w.line("TZOFFSETTO:" + utcOffset(to))
	if name != "" {
		w.line("TZNAME:" + escapeText(name))
	}
	w.line("END:" + kind)
}

// utcOffset formats seconds east of UTC as RFC 5545 "+HHMM" or "+HHMMSS".
func utcOffset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	s := fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

// localStamp formats t's wall clock as an RFC 5545 local DATE-TIME.
func localStamp(t time.Time) string { return t.Format("20060102T150405") }

func localStamps(ts []time.Time) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = localStamp(t)
	}
	return strings.Join(parts, ",")
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

// escapeText escapes an RFC 5545 TEXT value (section 3.3.11).
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

package curriculum_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// This file is the tests' own reader of iCalendar objects, written from
// RFC 5545 (Desruisseaux 2009, "Internet Calendaring and Scheduling Core
// Object Specification (iCalendar)") rather than from the writer: it checks
// the octet-level rules of section 3.1 (CRLF, folding at 75 octets on
// UTF-8 boundaries, no control characters), the grammar of content lines
// and parameters (3.1, 3.2), TEXT escapes (3.3.11), DATE-TIME and
// UTC-OFFSET values (3.3.5, 3.3.14), the nesting of components and the
// properties each of ours may hold, and it reads local times with the
// object's own VTIMEZONE (3.6.5) by the rule of section 3.3.5.

// contentLine is one unfolded content line.
type contentLine struct {
	name   string
	params map[string]string
	value  string
}

// vtimezone is a VTIMEZONE's observances, in order of onset.
type vtimezone []struct {
	onset    int64 // Unix seconds
	from, to int64 // offsets east of UTC, in seconds
}

// icsEvent is the part of a VEVENT the expander reads. Local times stay as
// wall-clock readings (Unix seconds of the same reading in UTC) until the
// zone reads them.
type icsEvent struct {
	tzid              string
	start             int64
	rule              map[string]string
	exdates, rdates   []int64
	duration, summary string
	uid               string
}

// icsObject is a whole object, read.
type icsObject struct {
	lines  []contentLine
	zones  map[string]vtimezone
	events []icsEvent
}

var (
	reName      = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	reDateTime  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$`)
	reUTCOffset = regexp.MustCompile(`^([+-])([01]\d|2[0-3])([0-5]\d)([0-5]\d)?$`)
	reDuration  = regexp.MustCompile(`^P(T(\d+H)?(\d+M)?(\d+S)?)$`)
)

// isControl reports an RFC 5545 CONTROL character (section 3.1): %x00-08,
// %x0A-1F, %x7F.
func isControl(r rune) bool { return (r < 0x20 && r != '\t') || r == 0x7F }

// readICS checks data against RFC 5545 and reads it.
func readICS(t testing.TB, data []byte) icsObject {
	t.Helper()
	require.True(t, strings.HasSuffix(string(data), "\r\n"), "the object ends in CRLF")
	var logical []string
	for i, phys := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		require.LessOrEqual(t, len(phys), 75, "line %d longer than 75 octets: %q", i, phys)
		require.True(t, utf8.ValidString(phys), "line %d splits a UTF-8 sequence or holds invalid UTF-8: %q", i, phys)
		for _, r := range phys {
			require.False(t, isControl(r), "line %d holds control character %U: %q", i, r, phys)
		}
		if cont, ok := strings.CutPrefix(phys, " "); ok {
			require.NotEmpty(t, logical, "a continuation line needs a line to continue")
			logical[len(logical)-1] += cont
			continue
		}
		require.NotEmpty(t, phys, "empty line %d", i)
		logical = append(logical, phys)
	}
	var obj icsObject
	for _, l := range logical {
		obj.lines = append(obj.lines, parseContentLine(t, l))
	}
	obj.read(t)
	return obj
}

// parseContentLine reads name *(";" param) ":" value (section 3.1).
func parseContentLine(t testing.TB, l string) contentLine {
	t.Helper()
	cl := contentLine{params: map[string]string{}}
	i := strings.IndexAny(l, ";:")
	require.Positive(t, i, "content line without a name: %q", l)
	cl.name = l[:i]
	require.Regexp(t, reName, cl.name, "property name in %q", l)
	rest := l[i:]
	for rest[0] == ';' {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		require.Positive(t, eq, "parameter without a name in %q", l)
		pname := rest[:eq]
		require.Regexp(t, reName, pname, "parameter name in %q", l)
		rest = rest[eq+1:]
		var value string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			require.GreaterOrEqual(t, end, 0, "unterminated quoted parameter in %q", l)
			value, rest = rest[1:1+end], rest[2+end:]
		} else {
			end := strings.IndexAny(rest, `;:,"`)
			require.GreaterOrEqual(t, end, 0, "parameter runs to the end of %q", l)
			require.NotEqual(t, byte('"'), rest[end], "DQUOTE inside a paramtext in %q", l)
			value, rest = rest[:end], rest[end:]
		}
		require.NotEqual(t, byte(','), rest[0], "we write single-valued parameters: %q", l)
		_, dup := cl.params[pname]
		require.False(t, dup, "parameter %s twice in %q", pname, l)
		cl.params[pname] = value
		require.NotEmpty(t, rest, "no value in %q", l)
	}
	require.Equal(t, byte(':'), rest[0], "no colon before the value in %q", l)
	cl.value = rest[1:]
	return cl
}

// unescapeText reads a TEXT value (section 3.3.11), failing on a bare
// semicolon or comma or an unknown escape.
func unescapeText(t testing.TB, v string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case ';', ',':
			t.Fatalf("unescaped %q in TEXT %q", c, v)
		case '\\':
			require.Less(t, i+1, len(v), "trailing backslash in TEXT %q", v)
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				t.Fatalf("unknown escape \\%c in TEXT %q", v[i], v)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// wallOf reads a local DATE-TIME as the Unix second of the same reading in
// UTC.
func wallOf(t testing.TB, v string) int64 {
	t.Helper()
	m := reDateTime.FindStringSubmatch(v)
	require.NotNil(t, m, "DATE-TIME %q", v)
	require.Empty(t, m[7], "local DATE-TIME expected, got %q", v)
	n := make([]int, 6)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	require.GreaterOrEqual(t, n[0], 1, "year 0000 in %q", v)
	tt := time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], 0, time.UTC)
	require.Equal(t, v, tt.Format("20060102T150405"), "DATE-TIME %q names no real time", v)
	return tt.Unix()
}

// offsetOf reads a UTC-OFFSET (section 3.3.14).
func offsetOf(t testing.TB, v string) int64 {
	t.Helper()
	m := reUTCOffset.FindStringSubmatch(v)
	require.NotNil(t, m, "UTC-OFFSET %q", v)
	require.NotEqual(t, "-0000", v)
	require.NotEqual(t, "-000000", v)
	h, _ := strconv.Atoi(m[2])
	mi, _ := strconv.Atoi(m[3])
	s, _ := strconv.Atoi(m[4]) // "" reads as 0
	off := int64(h*3600 + mi*60 + s)
	if m[1] == "-" {
		off = -off
	}
	return off
}

// allowed lists the properties each component we write may hold; anything
// else (an injected ATTACH, say) fails the check.
var allowed = map[string][]string{
	"VCALENDAR": {"VERSION", "PRODID", "CALSCALE"},
	"VTIMEZONE": {"TZID"},
	"STANDARD":  {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME"},
	"DAYLIGHT":  {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME"},
	"VEVENT":    {"UID", "DTSTAMP", "DTSTART", "DURATION", "RRULE", "EXDATE", "RDATE", "SUMMARY"},
}

// read checks the components and reads the zones and the events.
func (o *icsObject) read(t testing.TB) {
	t.Helper()
	o.zones = map[string]vtimezone{}
	var stack []string
	var zoneID string
	var ob struct{ onset, from, to int64 }
	var ev *icsEvent
	for _, l := range o.lines {
		switch l.name {
		case "BEGIN":
			require.Contains(t, allowed, l.value, "component %s", l.value)
			stack = append(stack, l.value)
			switch l.value {
			case "VEVENT":
				o.events = append(o.events, icsEvent{})
				ev = &o.events[len(o.events)-1]
			case "STANDARD", "DAYLIGHT":
				ob = struct{ onset, from, to int64 }{}
			}
			continue
		case "END":
			require.NotEmpty(t, stack)
			require.Equal(t, stack[len(stack)-1], l.value, "END does not match BEGIN")
			stack = stack[:len(stack)-1]
			switch l.value {
			case "STANDARD", "DAYLIGHT":
				o.zones[zoneID] = append(o.zones[zoneID], struct{ onset, from, to int64 }{ob.onset - ob.from, ob.from, ob.to})
			case "VEVENT":
				require.NotEmpty(t, ev.uid, "a VEVENT needs a UID")
				require.NotZero(t, ev.start, "a VEVENT needs a DTSTART")
				ev = nil
			}
			continue
		}
		require.NotEmpty(t, stack, "%s outside any component", l.name)
		in := stack[len(stack)-1]
		require.Contains(t, allowed[in], l.name, "%s may not be in %s", l.name, in)
		if tz, ok := l.params["TZID"]; ok {
			_, known := o.zones[tz]
			require.True(t, known, "TZID %q names no VTIMEZONE before it", tz)
			require.Len(t, l.params, 1, "only a TZID parameter: %v", l.params)
		} else {
			require.Empty(t, l.params, "no parameters on %s", l.name)
		}
		switch in + "." + l.name {
		case "VTIMEZONE.TZID":
			zoneID = unescapeText(t, l.value)
			o.zones[zoneID] = nil
		case "STANDARD.DTSTART", "DAYLIGHT.DTSTART":
			ob.onset = wallOf(t, l.value)
		case "STANDARD.TZOFFSETFROM", "DAYLIGHT.TZOFFSETFROM":
			ob.from = offsetOf(t, l.value)
		case "STANDARD.TZOFFSETTO", "DAYLIGHT.TZOFFSETTO":
			ob.to = offsetOf(t, l.value)
		case "STANDARD.TZNAME", "DAYLIGHT.TZNAME":
			unescapeText(t, l.value)
		case "VEVENT.UID":
			ev.uid = unescapeText(t, l.value)
		case "VEVENT.SUMMARY":
			ev.summary = unescapeText(t, l.value)
		case "VEVENT.DTSTAMP":
			require.Regexp(t, reDateTime, l.value)
			require.True(t, strings.HasSuffix(l.value, "Z"), "DTSTAMP is UTC")
		case "VEVENT.DTSTART":
			ev.tzid = l.params["TZID"]
			require.NotEmpty(t, ev.tzid, "local times carry a TZID")
			ev.start = wallOf(t, l.value)
		case "VEVENT.DURATION":
			require.Regexp(t, reDuration, l.value)
			ev.duration = l.value
		case "VEVENT.RRULE":
			ev.rule = map[string]string{}
			for _, part := range strings.Split(l.value, ";") {
				k, v, ok := strings.Cut(part, "=")
				require.True(t, ok, "RRULE part %q", part)
				ev.rule[k] = v
			}
		case "VEVENT.EXDATE", "VEVENT.RDATE":
			require.Equal(t, ev.tzid, l.params["TZID"])
			for _, v := range strings.Split(l.value, ",") {
				if l.name == "EXDATE" {
					ev.exdates = append(ev.exdates, wallOf(t, v))
				} else {
					ev.rdates = append(ev.rdates, wallOf(t, v))
				}
			}
		}
	}
	require.Empty(t, stack, "components left open")
	for id, z := range o.zones {
		require.NotEmpty(t, z, "VTIMEZONE %q has no observance", id)
		require.True(t, slices.IsSortedFunc(z, func(a, b struct{ onset, from, to int64 }) int {
			return int(a.onset - b.onset)
		}), "observances of %q in order", id)
	}
}

// offsetAt is the offset the zone gives instant u: that of the last
// observance begun at or before it, or the first one's TZOFFSETFROM.
func (z vtimezone) offsetAt(u int64) int64 {
	off := z[0].from
	for _, o := range z {
		if o.onset <= u {
			off = o.to
		}
	}
	return off
}

// instant reads wall-clock reading w in the zone by RFC 5545 section 3.3.5:
// of the instants that read w, the first; in a gap, the offset before it.
func (z vtimezone) instant(w int64) time.Time {
	best, found := int64(0), false
	offs := []int64{z[0].from}
	for _, o := range z {
		offs = append(offs, o.to)
	}
	for _, off := range offs {
		if u := w - off; z.offsetAt(u) == off && (!found || u < best) {
			best, found = u, true
		}
	}
	if !found {
		for _, o := range z { // the change whose gap holds w
			if o.onset+o.from <= w && w < o.onset+o.to {
				best = w - o.from
			}
		}
	}
	return time.Unix(best, 0)
}

// expand returns the instants of event e: DTSTART plus whole weeks in local
// wall-clock time (RFC 5545 section 3.3.10, FREQ=WEEKLY with INTERVAL and
// COUNT and no BY* parts) minus EXDATEs plus RDATEs, read in the object's
// zone.
func (o icsObject) expand(t testing.TB, e icsEvent) []time.Time {
	t.Helper()
	z := o.zones[e.tzid]
	var out []time.Time
	if e.rule == nil {
		return []time.Time{z.instant(e.start)}
	}
	require.Equal(t, "WEEKLY", e.rule["FREQ"])
	interval, err := strconv.Atoi(e.rule["INTERVAL"])
	require.NoError(t, err)
	require.Positive(t, interval)
	count, err := strconv.Atoi(e.rule["COUNT"])
	require.NoError(t, err)
	require.Positive(t, count)
	var ex []time.Time
	for _, w := range e.exdates {
		ex = append(ex, z.instant(w))
	}
	for i := range count {
		d := z.instant(e.start + int64(i*7*interval)*86400)
		if !slices.ContainsFunc(ex, d.Equal) {
			out = append(out, d)
		}
	}
	for _, w := range e.rdates {
		out = append(out, z.instant(w))
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

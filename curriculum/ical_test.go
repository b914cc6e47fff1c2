package curriculum_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
)

// vevent is the part of an iCalendar VEVENT the expander reads.
type vevent struct {
	start    time.Time
	rule     map[string]string
	exdates  []time.Time
	rdates   []time.Time
	duration string
}

// parseICS unfolds content lines (RFC 5545 section 3.1) and reads each
// VEVENT's DTSTART, RRULE, EXDATE, RDATE and DURATION, resolving TZID with
// time.LoadLocation.
func parseICS(t *testing.T, data []byte) []vevent {
	t.Helper()
	text := strings.ReplaceAll(string(data), "\r\n ", "")
	require.True(t, strings.HasSuffix(text, "\r\n"))
	var out []vevent
	var cur *vevent
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		name, value, ok := strings.Cut(line, ":")
		require.True(t, ok, "content line %q", line)
		prop, params, _ := strings.Cut(name, ";")
		times := func() []time.Time {
			tzid, ok := strings.CutPrefix(params, "TZID=")
			require.True(t, ok, "local times carry a TZID: %q", line)
			loc, err := time.LoadLocation(tzid)
			require.NoError(t, err)
			var ts []time.Time
			for _, v := range strings.Split(value, ",") {
				ti, err := time.ParseInLocation("20060102T150405", v, loc)
				require.NoError(t, err)
				ts = append(ts, ti)
			}
			return ts
		}
		switch {
		case line == "BEGIN:VEVENT":
			out = append(out, vevent{})
			cur = &out[len(out)-1]
		case line == "END:VEVENT":
			cur = nil
		case cur == nil:
		case prop == "DTSTART":
			cur.start = times()[0]
		case prop == "RRULE":
			cur.rule = map[string]string{}
			for _, part := range strings.Split(value, ";") {
				k, v, _ := strings.Cut(part, "=")
				cur.rule[k] = v
			}
		case prop == "EXDATE":
			cur.exdates = append(cur.exdates, times()...)
		case prop == "RDATE":
			cur.rdates = append(cur.rdates, times()...)
		case prop == "DURATION":
			cur.duration = value
		}
	}
	return out
}

// expand is a small RRULE expander for FREQ=WEEKLY with INTERVAL and COUNT
// and no BY* parts: DTSTART plus whole weeks in local wall-clock time
// (RFC 5545 section 3.3.10), minus EXDATEs, plus RDATEs.
func expand(t *testing.T, e vevent) []time.Time {
	t.Helper()
	if e.rule == nil {
		return []time.Time{e.start}
	}
	require.Equal(t, "WEEKLY", e.rule["FREQ"])
	interval, err := strconv.Atoi(e.rule["INTERVAL"])
	require.NoError(t, err)
	count, err := strconv.Atoi(e.rule["COUNT"])
	require.NoError(t, err)
	var out []time.Time
	s := e.start
	for i := range count {
		d := time.Date(s.Year(), s.Month(), s.Day()+7*interval*i, s.Hour(), s.Minute(), s.Second(), 0, s.Location())
		if !slices.ContainsFunc(e.exdates, d.Equal) {
			out = append(out, d)
		}
	}
	out = append(out, e.rdates...)
	slices.SortFunc(out, time.Time.Compare)
	return out
}

func TestICalendarDescribesTheSameDates(t *testing.T) {
	stamp := time.Date(2025, time.January, 2, 3, 4, 5, 0, time.UTC)
	build := func(t *testing.T, zoneName string, p curriculum.Program, spec curriculum.Spec) curriculum.Calendar {
		spec.Location = zone(t, zoneName)
		c, err := curriculum.Schedule(p, spec)
		require.NoError(t, err)
		return c
	}
	tests := []struct {
		name string
		cal  func(t *testing.T) curriculum.Calendar
	}{
		{"weekly across spring forward with a skip", func(t *testing.T) curriculum.Calendar {
			return build(t, "America/New_York", curriculum.GroupCBTDepression(), curriculum.Spec{
				First: slot(2025, time.February, 18, 18, 0), Skip: []curriculum.Date{date(2025, time.March, 11)},
			})
		}},
		{"fortnightly across fall back", func(t *testing.T) curriculum.Calendar {
			return build(t, "Europe/London", tiny(), curriculum.Spec{
				First: slot(2025, time.October, 7, 19, 0), Cadence: curriculum.CadenceFortnightly,
			})
		}},
		{"cancellation with a make-up and extra days", func(t *testing.T) curriculum.Calendar {
			c := build(t, "Europe/London", curriculum.MindfulnessStressReduction(), curriculum.Spec{
				First: slot(2025, time.September, 9, 18, 0), Skip: []curriculum.Date{date(2025, time.September, 23)},
			})
			c, err := c.MakeUp(4, slot(2025, time.October, 9, 18, 0))
			require.NoError(t, err)
			c, err = c.Cancel(6)
			require.NoError(t, err)
			return c
		}},
		{"utc", func(t *testing.T) curriculum.Calendar {
			return build(t, "UTC", curriculum.CommunicationSkills(), curriculum.Spec{First: slot(2025, time.June, 2, 9, 0)})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.cal(t)
			data, err := c.ICalendar("uid-1@example.org", stamp)
			require.NoError(t, err)
			for _, line := range strings.Split(string(data), "\r\n") {
				require.LessOrEqual(t, len(line), 75, "lines are folded at 75 octets")
			}
			events := parseICS(t, data)
			require.NotEmpty(t, events)

			var sessions, extras []time.Time
			for _, o := range c.Occurrences {
				if o.Kind == curriculum.OccurrenceExtraDay {
					extras = append(extras, o.Start)
				} else {
					sessions = append(sessions, o.Start)
				}
			}
			got := expand(t, events[0])
			if diff := cmp.Diff(sessions, got, cmp.Comparer(time.Time.Equal)); diff != "" {
				t.Errorf("expanded RRULE (-want +got):\n%s", diff)
			}
			var gotExtras []time.Time
			for _, e := range events[1:] {
				gotExtras = append(gotExtras, expand(t, e)...)
			}
			if diff := cmp.Diff(extras, gotExtras, cmp.Comparer(time.Time.Equal)); diff != "" {
				t.Errorf("extra-day events (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRecurrence(t *testing.T) {
	loc := zone(t, "America/New_York")
	c, err := curriculum.Schedule(tiny(), curriculum.Spec{
		First: slot(2025, time.March, 4, 18, 0), Location: loc, Skip: []curriculum.Date{date(2025, time.March, 18)},
	})
	require.NoError(t, err)
	c, err = c.MakeUp(2, slot(2025, time.March, 12, 18, 0))
	require.NoError(t, err)
	want := curriculum.Recurrence{
		Start:   time.Date(2025, time.March, 4, 18, 0, 0, 0, loc),
		Rule:    "FREQ=WEEKLY;INTERVAL=1;COUNT=5",
		ExDates: []time.Time{time.Date(2025, time.March, 11, 18, 0, 0, 0, loc), time.Date(2025, time.March, 18, 18, 0, 0, 0, loc)},
		RDates:  []time.Time{time.Date(2025, time.March, 12, 18, 0, 0, 0, loc)},
	}
	if diff := cmp.Diff(want, c.Recurrence()); diff != "" {
		t.Errorf("Recurrence (-want +got):\n%s", diff)
	}
}

func TestICalendarContent(t *testing.T) {
	c, err := curriculum.Schedule(curriculum.MindfulnessStressReduction(), curriculum.Spec{
		First: slot(2025, time.September, 9, 18, 0), Location: zone(t, "Europe/London"),
	})
	require.NoError(t, err)
	data, err := c.ICalendar("mbsr-2025@example.org", time.Date(2025, time.August, 1, 12, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	text := strings.ReplaceAll(string(data), "\r\n ", "")
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
		"BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n",
		// The end of British Summer Time on 2025-10-26 at 02:00 BST.
		"BEGIN:STANDARD\r\nDTSTART:20251026T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\nEND:STANDARD",
		"DTSTAMP:20250801T120000Z",
		"DTSTART;TZID=Europe/London:20250909T180000\r\nDURATION:PT2H30M\r\nRRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=8\r\n",
		"SUMMARY:Mindfulness for stress: an eight-week course\r\n",
		"UID:mbsr-2025@example.org-extra-1\r\n",
		"DURATION:PT7H\r\n",
		"END:VCALENDAR\r\n",
	} {
		require.Contains(t, text, want)
	}
}

func TestICalendarRejects(t *testing.T) {
	c, err := curriculum.Schedule(tiny(), curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: time.UTC})
	require.NoError(t, err)
	stamp := time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		cal   curriculum.Calendar
		uid   string
		stamp time.Time
		path  string
	}{
		{"zero calendar", curriculum.Calendar{}, "u", stamp, "calendar"},
		{"empty uid", c, "", stamp, "uid"},
		{"zero stamp", c, "u", time.Time{}, "stamp"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.cal.ICalendar(tc.uid, tc.stamp)
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.Equal(t, []string{tc.path}, paths(t, err))
		})
	}
}

// TestICalendarEscapesAndFolds checks TEXT escaping and folding of a long
// title with multi-byte characters.
func TestICalendarEscapesAndFolds(t *testing.T) {
	p := tiny()
	p.Title = strings.Repeat("Café; groups, and \\ more — ", 5)
	c, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: time.UTC})
	require.NoError(t, err)
	data, err := c.ICalendar("u", time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	for _, line := range strings.Split(string(data), "\r\n") {
		require.LessOrEqual(t, len(line), 75)
		require.True(t, utf8.ValidString(line), "folding never splits a character: %q", line)
	}
	text := strings.ReplaceAll(string(data), "\r\n ", "")
	require.Contains(t, text, `SUMMARY:Café\; groups\, and \\ more — `)
}

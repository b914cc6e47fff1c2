package curriculum_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
)

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
		// 02:30 does not exist in New York on 9 March 2025: the series' own
		// reading (02:30) is written, and RFC 5545 reads it as 03:30 EDT.
		{"series in a spring-forward gap, the gap date skipped once", func(t *testing.T) curriculum.Calendar {
			return build(t, "America/New_York", tiny(), curriculum.Spec{
				First: slot(2025, time.March, 2, 2, 30), Skip: []curriculum.Date{date(2026, time.March, 8)},
			})
		}},
		{"first session in the gap", func(t *testing.T) curriculum.Calendar {
			return build(t, "America/New_York", tiny(), curriculum.Spec{First: slot(2025, time.March, 9, 2, 30)})
		}},
		{"half-hour daylight saving (Lord Howe)", func(t *testing.T) curriculum.Calendar {
			return build(t, "Australia/Lord_Howe", curriculum.GroupCBTDepression(), curriculum.Spec{First: slot(2025, time.September, 1, 1, 45)})
		}},
		// Samoa skipped Friday 30 December 2011.
		{"a skipped day (Samoa)", func(t *testing.T) curriculum.Calendar {
			return build(t, "Pacific/Apia", tiny(), curriculum.Spec{First: slot(2011, time.December, 16, 12, 0)})
		}},
		{"a make-up twelve years on", func(t *testing.T) curriculum.Calendar {
			c := build(t, "Europe/London", tiny(), curriculum.Spec{First: slot(2025, time.March, 4, 18, 0)})
			c, err := c.MakeUp(2, slot(2037, time.July, 7, 18, 0))
			require.NoError(t, err)
			return c
		}},
		{"a fixed zone named UTC+05:30", func(t *testing.T) curriculum.Calendar {
			spec := curriculum.Spec{First: slot(2025, time.June, 2, 9, 0), Location: time.FixedZone("UTC+05:30", 5*3600+30*60)}
			c, err := curriculum.Schedule(curriculum.MindfulnessStressReduction(), spec)
			require.NoError(t, err)
			return c
		}},
		{"year 1", func(t *testing.T) curriculum.Calendar {
			return build(t, "America/New_York", tiny(), curriculum.Spec{First: slot(1, time.January, 1, 0, 0)})
		}},
		{"year 9999", func(t *testing.T) curriculum.Calendar {
			return build(t, "Asia/Kathmandu", tiny(), curriculum.Spec{First: slot(9999, time.December, 1, 22, 0)})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.cal(t)
			data, err := c.ICalendar("uid-1@example.org", stamp)
			require.NoError(t, err)
			obj := readICS(t, data)
			events := obj.events
			require.NotEmpty(t, events)

			var sessions, extras []time.Time
			for _, o := range c.Occurrences {
				if o.Kind == curriculum.OccurrenceExtraDay {
					extras = append(extras, o.Start)
				} else {
					sessions = append(sessions, o.Start)
				}
			}
			got := obj.expand(t, events[0])
			if diff := cmp.Diff(sessions, got, cmp.Comparer(time.Time.Equal)); diff != "" {
				t.Errorf("expanded RRULE (-want +got):\n%s", diff)
			}
			var gotExtras []time.Time
			for _, e := range events[1:] {
				gotExtras = append(gotExtras, obj.expand(t, e)...)
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

// icsOf schedules tiny with title as its title in loc and renders it.
func icsOf(t *testing.T, title string, loc *time.Location) ([]byte, error) {
	t.Helper()
	p := tiny()
	p.Title = title
	c, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: loc})
	require.NoError(t, err)
	return c.ICalendar("u@example.org", time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC))
}

// TestICalendarText checks TEXT values (RFC 5545 section 3.3.11): escapes,
// line breaks, control characters dropped, invalid UTF-8 replaced, and
// folding of long multi-byte titles.
func TestICalendarText(t *testing.T) {
	tests := []struct {
		name, title, want string
	}{
		{"escapes", `Café; groups, and \ more`, `Café; groups, and \ more`},
		{"line breaks", "one\r\ntwo\nthree\rfour", "one\ntwo\nthree\nfour"},
		{"control characters dropped, the tab kept", "a\x00b\x07c\x1bd\x7fe\u0085f\tg", "abcdef\tg"},
		// The writer once never returned on this title.
		{"invalid UTF-8, one U+FFFD a run", "ok\x80\x80\x80 \xff then \xe2\x82", "ok\uFFFD \uFFFD then \uFFFD"},
		{"a long title of invalid bytes", strings.Repeat("\x80", 300), "\uFFFD"},
		{"four-byte characters across the fold", strings.Repeat("a🌱", 60), strings.Repeat("a🌱", 60)},
		{"three-byte characters across the fold", strings.Repeat("—", 90), strings.Repeat("—", 90)},
		{"an injected property stays text", "x\r\nATTACH:http://evil.example/\r\nEND:VEVENT", "x\nATTACH:http://evil.example/\nEND:VEVENT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := icsOf(t, tc.title, zone(t, "Europe/London"))
			require.NoError(t, err)
			obj := readICS(t, data)
			require.Len(t, obj.events, 1)
			require.Equal(t, tc.want, obj.events[0].summary)
		})
	}
}

// TestICalendarZoneNames: a TZID is a paramtext (RFC 5545 sections 3.1 and
// 3.2.19), so a zone's name cannot inject a parameter or a property, and a
// fixed zone that is no IANA name still gives a valid object whose
// VTIMEZONE reads the right instants.
func TestICalendarZoneNames(t *testing.T) {
	tests := []struct {
		name, zone, tzid string
		offset           int
	}{
		{"IANA name kept", "America/New_York", "America/New_York", 0},
		{"fixed offset with a colon", "UTC+05:30", "UTC+05_30", 5*3600 + 30*60},
		{"crafted name", "X;VALUE=DATE:19700101\r\nATTACH:http://evil.example/", "X_VALUE=DATE_19700101__ATTACH_http_//evil.example/", 3600},
		{"quotes and commas", `"A",B\C`, "_A__B_C", -3600},
		{"empty name", "", "unnamed-zone", 0},
		{"invalid UTF-8", "Zone\xff", "Zone\uFFFD", 7200},
		{"seconds in the offset", "LMT-like", "LMT-like", -(4*3600 + 56*60 + 2)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := time.FixedZone(tc.zone, tc.offset)
			if tc.zone == "America/New_York" {
				loc = zone(t, tc.zone)
			}
			data, err := icsOf(t, "Title", loc)
			require.NoError(t, err)
			obj := readICS(t, data)
			require.Contains(t, obj.zones, tc.tzid)
			require.Len(t, obj.zones, 1)
			require.Equal(t, tc.tzid, obj.events[0].tzid)
			p := tiny()
			c, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: loc})
			require.NoError(t, err)
			var want []time.Time
			for _, o := range c.Occurrences {
				want = append(want, o.Start)
			}
			if diff := cmp.Diff(want, obj.expand(t, obj.events[0]), cmp.Comparer(time.Time.Equal)); diff != "" {
				t.Errorf("instants read with the object's own VTIMEZONE (-want +got):\n%s", diff)
			}
		})
	}
}

// TestICalendarSparseTimezone: a make-up decades after the series costs an
// observance or two, not one for each change of the clocks in between.
func TestICalendarSparseTimezone(t *testing.T) {
	c, err := curriculum.Schedule(tiny(), curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: zone(t, "America/New_York")})
	require.NoError(t, err)
	c, err = c.MakeUp(4, slot(9999, time.July, 7, 18, 0))
	require.NoError(t, err)
	data, err := c.ICalendar("u", time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	obj := readICS(t, data)
	require.LessOrEqual(t, len(obj.zones["America/New_York"]), 4)
	require.Less(t, len(data), 2000)
	got := obj.expand(t, obj.events[0])
	require.Equal(t, "9999-07-07T18:00:00-04:00", got[len(got)-1].In(c.Location).Format(time.RFC3339))
}

func TestICalendarRejectsWhatItCannotWrite(t *testing.T) {
	stamp := time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)
	made := func(loc *time.Location) curriculum.Calendar {
		c, err := curriculum.Schedule(tiny(), curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: loc})
		require.NoError(t, err)
		return c
	}
	late := made(time.UTC)
	late.Occurrences[3].Start = time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		cal   curriculum.Calendar
		uid   string
		stamp time.Time
		path  string
		is    error
	}{
		{"uid of control characters only", made(time.UTC), "\x00\x01", stamp, "uid", curriculum.ErrInvalid},
		{"stamp in year 10000", made(time.UTC), "u", time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC), "stamp", curriculum.ErrOutOfRange},
		{"an occurrence in year 10000", late, "u", stamp, "occurrences[3].start", curriculum.ErrOutOfRange},
		{"an offset of a day", made(time.FixedZone("far", 24*3600)), "u", stamp, "location", curriculum.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.cal.ICalendar(tc.uid, tc.stamp)
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.ErrorIs(t, err, tc.is)
			require.Equal(t, []string{tc.path}, paths(t, err))
		})
	}
}

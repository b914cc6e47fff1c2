package curriculum_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want curriculum.Date
		ok   bool
	}{
		{"2025-03-04", date(2025, time.March, 4), true},
		{"2024-02-29", date(2024, time.February, 29), true},
		{"2025-02-29", curriculum.Date{}, false}, // not a leap year
		{"2025-3-4", curriculum.Date{}, false},
		{"2025-03-04T10:00", curriculum.Date{}, false},
		{"", curriculum.Date{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := curriculum.ParseDate(tc.in)
			if !tc.ok {
				require.ErrorIs(t, err, curriculum.ErrUnknownValue)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.in, got.String())
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := date(2025, time.December, 30)
	require.Equal(t, date(2026, time.January, 6), d.AddDays(7))
	require.Equal(t, date(2025, time.December, 23), d.AddDays(-7))
	require.Equal(t, 7, d.DaysUntil(date(2026, time.January, 6)))
	require.Equal(t, -1, d.DaysUntil(date(2025, time.December, 29)))
	require.Equal(t, time.Tuesday, d.Weekday())
	require.Equal(t, -1, d.Compare(d.AddDays(1)))
	require.Equal(t, 1, d.Compare(date(2025, time.November, 30)))
	require.Equal(t, -1, d.Compare(date(2026, time.January, 1)))
	require.Equal(t, 0, d.Compare(d))
	require.Equal(t, d, curriculum.DateOf(time.Date(2025, time.December, 30, 23, 59, 0, 0, time.UTC)))
	require.False(t, curriculum.Date{}.IsValid())
	require.False(t, date(10000, time.January, 1).IsValid())
	_, err := curriculum.Date{}.MarshalText()
	require.ErrorIs(t, err, curriculum.ErrUnknownValue)
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want curriculum.Clock
		ok   bool
	}{
		{"18:30", curriculum.Clock{Hour: 18, Minute: 30}, true},
		{"00:00", curriculum.Clock{}, true},
		{"23:59", curriculum.Clock{Hour: 23, Minute: 59}, true},
		{"24:00", curriculum.Clock{}, false},
		{"9:30", curriculum.Clock{}, false},
		{"09:30:00", curriculum.Clock{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := curriculum.ParseClock(tc.in)
			if !tc.ok {
				require.ErrorIs(t, err, curriculum.ErrUnknownValue)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.in, got.String())
		})
	}
	_, err := curriculum.Clock{Hour: -1}.MarshalText()
	require.ErrorIs(t, err, curriculum.ErrUnknownValue)
}

// TestSlotInAmbiguous: 01:30 happens twice in New York on 2025-11-02; the
// slot is the first (EDT) one.
func TestSlotInAmbiguous(t *testing.T) {
	loc := zone(t, "America/New_York")
	got := slot(2025, time.November, 2, 1, 30).In(loc)
	require.Equal(t, "2025-11-02T01:30:00-04:00", got.Format(time.RFC3339))
	require.Equal(t, "2025-03-04 18:00", slot(2025, time.March, 4, 18, 0).String())
}

// FuzzDateClockText: UnmarshalText of dates and clocks round-trips or fails
// with a *ParseError, never panicking, in a bounded number of allocations.
func FuzzDateClockText(f *testing.F) {
	for _, s := range []string{"2025-03-04", "0001-01-01", "9999-12-31", "18:30", "00:00", "24:00", "2025-02-30", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := []byte(s)
		bytes, objects := allocated(func() {
			var d curriculum.Date
			var c curriculum.Clock
			_, _ = d.UnmarshalText(text), c.UnmarshalText(text)
		})
		require.LessOrEqual(t, objects, uint64(32), "a bounded number of allocations, whatever the length")
		require.LessOrEqual(t, bytes, uint64(3*len(s)+512), "memory linear in the text (each reads it as a string, rounded up to a size class)")
		var d curriculum.Date
		if err := d.UnmarshalText([]byte(s)); err != nil {
			require.ErrorIs(t, err, curriculum.ErrUnknownValue)
		} else {
			b, err := d.MarshalText()
			require.NoError(t, err)
			require.Equal(t, s, string(b))
		}
		var c curriculum.Clock
		if err := c.UnmarshalText([]byte(s)); err != nil {
			require.ErrorIs(t, err, curriculum.ErrUnknownValue)
		} else {
			b, err := c.MarshalText()
			require.NoError(t, err)
			require.Equal(t, s, string(b))
		}
	})
}

// rfcInstant is the test's own reading of RFC 5545 section 3.3.5 for a
// local time, written from the zone's periods (time.Time.ZoneBounds) around
// it: the earliest instant whose wall clock reads the slot, or, when none
// does (a gap), the reading with the offset of the last period whose wall
// clock ends before it.
func rfcInstant(s curriculum.Slot, loc *time.Location) time.Time {
	naive := time.Date(s.Date.Year, s.Date.Month, s.Date.Day, s.At.Hour, s.At.Minute, 0, 0, time.UTC).Unix()
	type period struct{ start, end, off int64 }
	var ps []period
	for u := naive - 40*3600; u < naive+40*3600; {
		t := time.Unix(u, 0).In(loc)
		_, off := t.Zone()
		a, b := t.ZoneBounds()
		p := period{start: math.MinInt64, end: math.MaxInt64, off: int64(off)}
		if !a.IsZero() {
			p.start = a.Unix()
		}
		if !b.IsZero() {
			p.end = b.Unix()
		}
		ps = append(ps, p)
		if p.end == math.MaxInt64 {
			break
		}
		u = p.end
	}
	for _, p := range ps {
		if u := naive - p.off; u >= p.start && u < p.end {
			return time.Unix(u, 0).In(loc)
		}
	}
	off := ps[0].off
	for _, p := range ps {
		if p.end+p.off <= naive {
			off = p.off
		}
	}
	return time.Unix(naive-off, 0).In(loc)
}

// TestSlotInFollowsRFC5545 checks Slot.In against rfcInstant on every day
// from 1880 to 2040 at the hours around which clocks change, in zones with
// one-hour, half-hour and whole-day changes: Samoa skipped 30 December 2011
// and lived 4 July 1892 twice; Kiribati's Line Islands skipped
// 31 December 1994.
func TestSlotInFollowsRFC5545(t *testing.T) {
	zones := []string{"America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Apia",
		"Pacific/Kiritimati", "Asia/Kathmandu", "America/St_Johns", "Antarctica/Troll", "Africa/Casablanca"}
	clocks := []curriculum.Clock{{Hour: 0, Minute: 0}, {Hour: 0, Minute: 30}, {Hour: 1, Minute: 30}, {Hour: 2, Minute: 15}, {Hour: 3, Minute: 0}, {Hour: 12, Minute: 0}}
	for _, name := range zones {
		t.Run(name, func(t *testing.T) {
			loc := zone(t, name)
			bad := 0
			for d := date(1880, time.January, 1); d.Year < 2040; d = d.AddDays(1) {
				for _, c := range clocks {
					s := curriculum.Slot{Date: d, At: c}
					if want, got := rfcInstant(s, loc), s.In(loc); !want.Equal(got) && bad < 5 {
						bad++
						t.Errorf("%s: got %s, want %s", s, got.Format(time.RFC3339), want.Format(time.RFC3339))
					}
				}
			}
		})
	}
	// The examples RFC 5545 section 3.3.5 gives itself.
	ny := zone(t, "America/New_York")
	require.Equal(t, "2007-11-04T01:30:00-04:00", slot(2007, time.November, 4, 1, 30).In(ny).Format(time.RFC3339))
	require.Equal(t, "2007-03-11T03:30:00-04:00", slot(2007, time.March, 11, 2, 30).In(ny).Format(time.RFC3339))
	// Samoa's skipped day reads with the offset before it (-10:00), which
	// lands on the day after.
	require.Equal(t, "2011-12-31T12:00:00+14:00", slot(2011, time.December, 30, 12, 0).In(zone(t, "Pacific/Apia")).Format(time.RFC3339))
	require.Equal(t, "2025-03-04T18:00:00Z", slot(2025, time.March, 4, 18, 0).In(nil).Format(time.RFC3339), "nil reads as UTC")
}

// TestDateWholeRange checks the day arithmetic against the time package on
// every day from 0001-01-01 to 9999-12-31, and spans longer than a
// time.Duration holds (about 292 years).
func TestDateWholeRange(t *testing.T) {
	d := date(1, time.January, 1)
	ref := time.Date(1, time.January, 1, 12, 0, 0, 0, time.UTC)
	for n := 0; ; n++ {
		if curriculum.DateOf(ref) != d || !d.IsValid() {
			t.Fatalf("day %d: got %s, want %s", n, d, curriculum.DateOf(ref))
		}
		if n%997 == 0 {
			require.Equal(t, ref.Weekday(), d.Weekday(), "%s", d)
			require.Equal(t, -n, d.DaysUntil(date(1, time.January, 1)))
		}
		if d == date(9999, time.December, 31) {
			break
		}
		d, ref = d.AddDays(1), ref.AddDate(0, 0, 1)
	}
	first, last := date(1, time.January, 1), date(9999, time.December, 31)
	require.Equal(t, 3652058, first.DaysUntil(last))
	require.Equal(t, last, first.AddDays(3652058))
	require.Equal(t, time.Monday, first.Weekday())
	require.Equal(t, time.Friday, last.Weekday())
	require.False(t, last.AddDays(1).IsValid())
	require.False(t, first.AddDays(-1).IsValid())
	require.Equal(t, date(2025, time.March, 1), date(2025, time.February, 29).AddDays(0), "normalized like time.Date")
	require.Equal(t, date(2026, time.January, 31), curriculum.Date{Year: 2025, Month: 13, Day: 31}.AddDays(0))
	require.False(t, date(1900, time.February, 29).IsValid())
	require.True(t, date(2000, time.February, 29).IsValid())
}

// TestParseLongText: the parsers refuse text of the wrong length before
// reading it, and the error quotes at most its beginning.
func TestParseLongText(t *testing.T) {
	long := strings.Repeat("2025-03-04", 100_000)
	_, err := curriculum.ParseDate(long)
	var pe *curriculum.ParseError
	require.ErrorAs(t, err, &pe)
	require.Less(t, len(pe.Text), 100)
	_, err = curriculum.ParseClock(long)
	require.ErrorAs(t, err, &pe)
	require.Less(t, len(pe.Text), 100)
}

package curriculum_test

import (
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
// with a *ParseError, never panicking.
func FuzzDateClockText(f *testing.F) {
	for _, s := range []string{"2025-03-04", "0001-01-01", "9999-12-31", "18:30", "00:00", "24:00", "2025-02-30", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
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

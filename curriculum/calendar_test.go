package curriculum_test

import (
	"testing"
	"time"
	_ "time/tzdata" // zone data for the tests, independent of the machine

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func date(y int, m time.Month, d int) curriculum.Date {
	return curriculum.Date{Year: y, Month: m, Day: d}
}

func slot(y int, m time.Month, d, h, min int) curriculum.Slot {
	return curriculum.Slot{Date: date(y, m, d), At: curriculum.Clock{Hour: h, Minute: min}}
}

// sessionStarts returns the local "YYYY-MM-DD HH:MM" of every session
// (regular and make-up) in calendar order.
func sessionStarts(c curriculum.Calendar) []string {
	var out []string
	for _, o := range c.Occurrences {
		if o.Kind != curriculum.OccurrenceExtraDay {
			out = append(out, o.Start.Format("2006-01-02 15:04"))
		}
	}
	return out
}

func TestScheduleKeepsWallClockAcrossDST(t *testing.T) {
	tests := []struct {
		name      string
		zone      string
		first     curriculum.Slot
		wantLocal []string
		wantUTC   []string
	}{
		// US daylight saving began on 2025-03-09: 18:00 EST is 23:00 UTC,
		// 18:00 EDT is 22:00 UTC.
		{"new york spring forward", "America/New_York", slot(2025, time.March, 4, 18, 0),
			[]string{"2025-03-04 18:00", "2025-03-11 18:00", "2025-03-18 18:00", "2025-03-25 18:00"},
			[]string{"2025-03-04 23:00", "2025-03-11 22:00", "2025-03-18 22:00", "2025-03-25 22:00"}},
		// UK summer time ended on 2025-10-26: 19:00 BST is 18:00 UTC, 19:00 GMT
		// is 19:00 UTC.
		{"london fall back", "Europe/London", slot(2025, time.October, 14, 19, 0),
			[]string{"2025-10-14 19:00", "2025-10-21 19:00", "2025-10-28 19:00", "2025-11-04 19:00"},
			[]string{"2025-10-14 18:00", "2025-10-21 18:00", "2025-10-28 19:00", "2025-11-04 19:00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := zone(t, tc.zone)
			c, err := curriculum.Schedule(tiny(), curriculum.Spec{First: tc.first, Location: loc})
			require.NoError(t, err)
			if diff := cmp.Diff(tc.wantLocal, sessionStarts(c)); diff != "" {
				t.Errorf("local starts (-want +got):\n%s", diff)
			}
			var utc []string
			for _, o := range c.Occurrences {
				utc = append(utc, o.Start.UTC().Format("2006-01-02 15:04"))
				require.Equal(t, 90*time.Minute, o.End.Sub(o.Start))
				require.Equal(t, loc, o.Start.Location())
			}
			if diff := cmp.Diff(tc.wantUTC, utc); diff != "" {
				t.Errorf("UTC starts (-want +got):\n%s", diff)
			}
			require.Equal(t, 4, c.Count)
			require.Empty(t, c.Excluded)
		})
	}
}

func TestScheduleOccurrenceFields(t *testing.T) {
	loc := zone(t, "Europe/London")
	c, err := curriculum.Schedule(tiny(), curriculum.Spec{First: slot(2025, time.January, 7, 10, 0), Location: loc})
	require.NoError(t, err)
	start := time.Date(2025, time.January, 7, 10, 0, 0, 0, loc)
	want := []curriculum.Occurrence{
		{Kind: curriculum.OccurrenceSession, Session: 1, Cycle: 1, Plan: 1, Title: "One", Start: start, End: start.Add(90 * time.Minute), Entry: true},
		{Kind: curriculum.OccurrenceSession, Session: 2, Cycle: 1, Plan: 2, Title: "Two", Start: start.AddDate(0, 0, 7), End: start.AddDate(0, 0, 7).Add(90 * time.Minute)},
		{Kind: curriculum.OccurrenceSession, Session: 3, Cycle: 1, Plan: 3, Title: "Three", Start: start.AddDate(0, 0, 14), End: start.AddDate(0, 0, 14).Add(90 * time.Minute), Entry: true},
		{Kind: curriculum.OccurrenceSession, Session: 4, Cycle: 1, Plan: 4, Title: "Four", Start: start.AddDate(0, 0, 21), End: start.AddDate(0, 0, 21).Add(90 * time.Minute)},
	}
	if diff := cmp.Diff(want, c.Occurrences); diff != "" {
		t.Errorf("occurrences (-want +got):\n%s", diff)
	}
	require.Equal(t, "tiny", c.Program)
	require.Equal(t, start, c.SeriesStart)
	o, ok := c.Session(3)
	require.True(t, ok)
	require.Equal(t, 3, o.Plan)
	_, ok = c.Session(5)
	require.False(t, ok)
}

func TestScheduleSkipsHolidays(t *testing.T) {
	loc := zone(t, "America/New_York")
	tests := []struct {
		name    string
		cadence curriculum.Cadence
		skip    []curriculum.Date
		want    []string
		count   int
	}{
		{"skip moves the rest along", curriculum.CadenceWeekly, []curriculum.Date{date(2025, time.March, 18)},
			[]string{"2025-03-04 18:00", "2025-03-11 18:00", "2025-03-25 18:00", "2025-04-01 18:00"}, 5},
		// A holiday that is not a meeting day changes nothing.
		{"skip off the cadence is ignored", curriculum.CadenceWeekly, []curriculum.Date{date(2025, time.March, 17)},
			[]string{"2025-03-04 18:00", "2025-03-11 18:00", "2025-03-18 18:00", "2025-03-25 18:00"}, 4},
		{"two skips in a row", curriculum.CadenceWeekly, []curriculum.Date{date(2025, time.March, 4), date(2025, time.March, 11)},
			[]string{"2025-03-18 18:00", "2025-03-25 18:00", "2025-04-01 18:00", "2025-04-08 18:00"}, 6},
		{"fortnightly", curriculum.CadenceFortnightly, []curriculum.Date{date(2025, time.March, 18)},
			[]string{"2025-03-04 18:00", "2025-04-01 18:00", "2025-04-15 18:00", "2025-04-29 18:00"}, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := curriculum.Schedule(tiny(), curriculum.Spec{
				First: slot(2025, time.March, 4, 18, 0), Location: loc, Cadence: tc.cadence, Skip: tc.skip,
			})
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, sessionStarts(c)); diff != "" {
				t.Errorf("starts (-want +got):\n%s", diff)
			}
			require.Equal(t, tc.count, c.Count)
			require.Len(t, c.Excluded, tc.count-4)
			for _, x := range c.Excluded {
				require.False(t, x.Cancelled)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	loc := zone(t, "America/New_York")
	c, err := curriculum.Schedule(tiny(), curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: loc})
	require.NoError(t, err)

	t.Run("shift", func(t *testing.T) {
		got, err := c.Cancel(2)
		require.NoError(t, err)
		want := []string{"2025-03-04 18:00", "2025-03-18 18:00", "2025-03-25 18:00", "2025-04-01 18:00"}
		if diff := cmp.Diff(want, sessionStarts(got)); diff != "" {
			t.Errorf("starts (-want +got):\n%s", diff)
		}
		require.Equal(t, []curriculum.Exclusion{{Start: time.Date(2025, time.March, 11, 18, 0, 0, 0, loc), Cancelled: true}}, got.Excluded)
		o, _ := got.Session(2)
		require.Equal(t, 2, o.Plan, "plan 2 moves, it is not lost")
		require.Len(t, got.Spec().Cancelled, 1)
		// The original calendar is unchanged.
		require.Equal(t, "2025-03-11 18:00", sessionStarts(c)[1])
		require.Empty(t, c.Spec().Cancelled)
	})
	t.Run("make-up", func(t *testing.T) {
		got, err := c.MakeUp(2, slot(2025, time.March, 13, 17, 30))
		require.NoError(t, err)
		want := []string{"2025-03-04 18:00", "2025-03-13 17:30", "2025-03-18 18:00", "2025-03-25 18:00"}
		if diff := cmp.Diff(want, sessionStarts(got)); diff != "" {
			t.Errorf("starts (-want +got):\n%s", diff)
		}
		o, ok := got.Session(2)
		require.True(t, ok)
		require.Equal(t, curriculum.OccurrenceMakeUp, o.Kind)
		require.Equal(t, 4, got.Count)
	})
	t.Run("make-up on another session", func(t *testing.T) {
		_, err := c.MakeUp(2, slot(2025, time.March, 18, 18, 30))
		require.ErrorIs(t, err, curriculum.ErrSlotTaken)
	})
	t.Run("no such session", func(t *testing.T) {
		_, err := c.Cancel(9)
		require.ErrorIs(t, err, curriculum.ErrNotScheduled)
	})
	t.Run("a make-up cannot be cancelled again", func(t *testing.T) {
		m, err := c.MakeUp(2, slot(2025, time.March, 13, 18, 0))
		require.NoError(t, err)
		_, err = m.Cancel(2)
		require.ErrorIs(t, err, curriculum.ErrNotScheduled)
	})
	t.Run("zero calendar", func(t *testing.T) {
		_, err := curriculum.Calendar{}.Cancel(1)
		require.ErrorIs(t, err, curriculum.ErrNotScheduled)
	})
	t.Run("cancel twice shifts twice", func(t *testing.T) {
		a, err := c.Cancel(1)
		require.NoError(t, err)
		b, err := a.Cancel(1)
		require.NoError(t, err)
		require.Equal(t, "2025-03-18 18:00", sessionStarts(b)[0])
		require.Equal(t, 6, b.Count)
	})
}

func TestScheduleExtraDays(t *testing.T) {
	loc := zone(t, "Europe/London")
	p := curriculum.MindfulnessStressReduction()
	first := slot(2025, time.September, 9, 18, 0) // a Tuesday

	t.Run("default placement", func(t *testing.T) {
		c, err := curriculum.Schedule(p, curriculum.Spec{First: first, Location: loc})
		require.NoError(t, err)
		var extras []string
		for _, o := range c.Occurrences {
			if o.Kind == curriculum.OccurrenceExtraDay {
				extras = append(extras, o.Extra.String()+" "+o.Start.Format("Mon 2006-01-02 15:04")+" "+o.End.Format("15:04"))
			}
		}
		// Orientation one week before class 1; the day of practice on the
		// Saturday between class 6 (Oct 14) and class 7 (Oct 21), 09:30-16:30.
		want := []string{"orientation Tue 2025-09-02 18:00 20:00", "practice-day Sat 2025-10-18 09:30 16:30"}
		if diff := cmp.Diff(want, extras); diff != "" {
			t.Errorf("extra days (-want +got):\n%s", diff)
		}
		require.Equal(t, curriculum.OccurrenceExtraDay, c.Occurrences[0].Kind, "occurrences are sorted by start")
		require.Len(t, c.Occurrences, 10)
	})
	t.Run("explicit slots", func(t *testing.T) {
		c, err := curriculum.Schedule(p, curriculum.Spec{First: first, Location: loc, ExtraDays: []curriculum.Slot{
			slot(2025, time.September, 6, 10, 0), slot(2025, time.October, 19, 10, 0),
		}})
		require.NoError(t, err)
		require.Equal(t, "2025-10-19 10:00", c.Occurrences[7].Start.Format("2006-01-02 15:04"))
	})
	t.Run("explicit slot outside its gap", func(t *testing.T) {
		_, err := curriculum.Schedule(p, curriculum.Spec{First: first, Location: loc, ExtraDays: []curriculum.Slot{
			slot(2025, time.September, 6, 10, 0), slot(2025, time.October, 25, 10, 0),
		}})
		require.ErrorIs(t, err, curriculum.ErrExtraDayMisplaced)
	})
	t.Run("orientation after the first class", func(t *testing.T) {
		_, err := curriculum.Schedule(p, curriculum.Spec{First: first, Location: loc, ExtraDays: []curriculum.Slot{
			slot(2025, time.September, 10, 10, 0), slot(2025, time.October, 18, 10, 0),
		}})
		require.ErrorIs(t, err, curriculum.ErrExtraDayMisplaced)
	})
	t.Run("wrong number of slots", func(t *testing.T) {
		_, err := curriculum.Schedule(p, curriculum.Spec{First: first, Location: loc, ExtraDays: []curriculum.Slot{first}})
		require.ErrorIs(t, err, curriculum.ErrExtraDayMisplaced)
	})
	t.Run("slots for a program without extra days", func(t *testing.T) {
		_, err := curriculum.Schedule(tiny(), curriculum.Spec{First: first, Location: loc, ExtraDays: []curriculum.Slot{first}})
		require.ErrorIs(t, err, curriculum.ErrExtraDayMisplaced)
	})
	t.Run("cancelling class 7 keeps the day of practice between 6 and 7", func(t *testing.T) {
		c, err := curriculum.Schedule(p, curriculum.Spec{First: first, Location: loc})
		require.NoError(t, err)
		c, err = c.Cancel(7)
		require.NoError(t, err)
		day := c.Occurrences[7]
		require.Equal(t, curriculum.OccurrenceExtraDay, day.Kind)
		// Class 7 moves from Oct 21 to Oct 28; the day lands halfway, on the
		// Tuesday the cancelled class left free.
		require.Equal(t, "2025-10-21 09:30", day.Start.Format("2006-01-02 15:04"))
		require.Equal(t, 6, c.Occurrences[6].Plan)
		require.Equal(t, 7, c.Occurrences[8].Plan)
		require.Equal(t, "2025-10-28", c.Occurrences[8].Start.Format(time.DateOnly))
	})
}

func TestScheduleCyclesAndEntryPoints(t *testing.T) {
	loc := zone(t, "America/New_York")
	p := curriculum.DBTSkills()
	c, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.January, 6, 17, 0), Location: loc, Cycles: 2})
	require.NoError(t, err)
	require.Len(t, c.Occurrences, 48, "the 24-week cycle run twice")
	var entrySessions []int
	for _, o := range c.Occurrences {
		if o.Entry {
			entrySessions = append(entrySessions, o.Session)
		}
	}
	// Module starts 1, 9, 18 in each cycle (Linehan 2015, DBT Skills Training
	// Manual, 2nd ed.: each module opens with two weeks of mindfulness).
	require.Equal(t, []int{1, 9, 18, 25, 33, 42}, entrySessions)
	require.Len(t, c.EntryPoints(), 6)
	require.Equal(t, 2, c.Occurrences[47].Cycle)

	next, err := c.NextEntry(time.Date(2025, time.January, 7, 0, 0, 0, 0, loc))
	require.NoError(t, err)
	require.Equal(t, 9, next.Plan)
	require.Equal(t, "2025-03-03", next.Start.Format(time.DateOnly))
	same, err := c.NextEntry(next.Start)
	require.NoError(t, err)
	require.Equal(t, next, same, "an entry point at exactly t counts")
	_, err = c.NextEntry(time.Date(2026, time.January, 1, 0, 0, 0, 0, loc))
	require.ErrorIs(t, err, curriculum.ErrNoEntryPoint)
}

func TestScheduleOrientationPerCycle(t *testing.T) {
	loc := zone(t, "Europe/London")
	c, err := curriculum.Schedule(curriculum.MindfulnessRelapsePrevention(), curriculum.Spec{
		First: slot(2025, time.January, 8, 18, 0), Location: loc, Cycles: 2,
	})
	require.NoError(t, err)
	var extras []string
	for _, o := range c.Occurrences {
		if o.Kind == curriculum.OccurrenceExtraDay {
			extras = append(extras, o.Start.Format("2006-01-02"))
		}
	}
	// Wednesday classes: orientation a week before (Jan 1), the practice day
	// four days after class 6 (Feb 12 -> Feb 16); cycle 2's orientation
	// halfway between cycle 1's last session (Feb 26) and cycle 2's first
	// (Mar 5), and its practice day after class 6 on Apr 9.
	require.Equal(t, []string{"2025-01-01", "2025-02-16", "2025-03-02", "2025-04-13"}, extras)
}

func TestScheduleTopics(t *testing.T) {
	loc := zone(t, "Europe/London")
	p := curriculum.OpenSupportGroup()
	c, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.May, 1, 19, 0), Location: loc, Topics: []int{7, 2, 7}})
	require.NoError(t, err)
	var plans []int
	for _, o := range c.Occurrences {
		plans = append(plans, o.Plan)
		require.True(t, o.Entry, "a drop-in group admits at every meeting")
	}
	require.Equal(t, []int{7, 2, 7}, plans)

	all, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.May, 1, 19, 0), Location: loc})
	require.NoError(t, err)
	require.Len(t, all.Occurrences, 10, "default: the bank in number order")
}

func TestScheduleRejects(t *testing.T) {
	ny := zone(t, "America/New_York")
	first := slot(2025, time.March, 4, 18, 0)
	tests := []struct {
		name    string
		program func() curriculum.Program
		spec    curriculum.Spec
		want    error
		atPath  string
	}{
		{"nil location", tiny, curriculum.Spec{First: first}, curriculum.ErrNilLocation, "location"},
		{"time.Local", tiny, curriculum.Spec{First: first, Location: time.Local}, curriculum.ErrNilLocation, "location"},
		{"zero cadence", func() curriculum.Program {
			p := tiny()
			p.Cadence = curriculum.CadenceUnspecified
			return p
		}, curriculum.Spec{First: first, Location: ny}, curriculum.ErrZeroCadence, "cadence"},
		{"unknown cadence", tiny, curriculum.Spec{First: first, Location: ny, Cadence: curriculum.Cadence(8)}, curriculum.ErrUnknownValue, "cadence"},
		{"invalid first date", tiny, curriculum.Spec{First: slot(2025, time.February, 30, 18, 0), Location: ny}, curriculum.ErrInvalid, "first"},
		{"invalid first time", tiny, curriculum.Spec{First: slot(2025, time.March, 4, 24, 0), Location: ny}, curriculum.ErrInvalid, "first"},
		{"too many cycles", tiny, curriculum.Spec{First: first, Location: ny, Cycles: curriculum.MaxCycles + 1}, curriculum.ErrInvalid, "cycles"},
		{"negative cycles", tiny, curriculum.Spec{First: first, Location: ny, Cycles: -1}, curriculum.ErrInvalid, "cycles"},
		{"topics for a sequence", tiny, curriculum.Spec{First: first, Location: ny, Topics: []int{1}}, curriculum.ErrInvalid, "topics"},
		{"unknown topic", curriculum.OpenSupportGroup, curriculum.Spec{First: first, Location: ny, Topics: []int{11}}, curriculum.ErrUnknownPlan, "topics[0]"},
		{"topics with cycles", curriculum.OpenSupportGroup, curriculum.Spec{First: first, Location: ny, Topics: []int{1}, Cycles: 2}, curriculum.ErrInvalid, "cycles"},
		{"invalid skip date", tiny, curriculum.Spec{First: first, Location: ny, Skip: []curriculum.Date{{}}}, curriculum.ErrInvalid, "skip[0]"},
		{"cancelled date with no session", tiny, curriculum.Spec{First: first, Location: ny,
			Cancelled: []curriculum.Cancellation{{Date: date(2025, time.March, 5)}}}, curriculum.ErrNotScheduled, "cancelled[0].date"},
		{"invalid cancelled date", tiny, curriculum.Spec{First: first, Location: ny,
			Cancelled: []curriculum.Cancellation{{Date: date(2025, time.March, 32)}}}, curriculum.ErrInvalid, "cancelled[0].date"},
		{"invalid make-up slot", tiny, curriculum.Spec{First: first, Location: ny,
			Cancelled: []curriculum.Cancellation{{Date: date(2025, time.March, 11), MakeUp: &curriculum.Slot{}}}}, curriculum.ErrInvalid, "cancelled[0].makeUp"},
		{"same date cancelled twice", tiny, curriculum.Spec{First: first, Location: ny,
			Cancelled: []curriculum.Cancellation{{Date: date(2025, time.March, 11)}, {Date: date(2025, time.March, 11)}}}, curriculum.ErrInvalid, "cancelled[1].date"},
		{"invalid extra day slot", curriculum.MindfulnessStressReduction, curriculum.Spec{First: first, Location: ny,
			ExtraDays: []curriculum.Slot{{}, {}}}, curriculum.ErrInvalid, "extraDays[0]"},
		{"invalid program", func() curriculum.Program {
			p := tiny()
			p.Modules[0].Plans[1].Number = 1
			return p
		}, curriculum.Spec{First: first, Location: ny}, curriculum.ErrDuplicatePlan, "modules[0].plans[1].number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := curriculum.Schedule(tc.program(), tc.spec)
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.ErrorIs(t, err, tc.want)
			require.Contains(t, paths(t, err), tc.atPath)
			require.Empty(t, c.Occurrences)
		})
	}
}

// TestScheduleReportsAll gets a nil location and a bad cycle count together.
func TestScheduleReportsAll(t *testing.T) {
	_, err := curriculum.Schedule(tiny(), curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Cycles: -3})
	require.ErrorIs(t, err, curriculum.ErrNilLocation)
	require.ElementsMatch(t, []string{"location", "cycles"}, paths(t, err))
}

// TestScheduleSpringForwardGap documents what happens to a session whose
// wall-clock time does not exist on the day the clocks go forward: it moves
// forward by the gap, and the next week is back on time.
func TestScheduleSpringForwardGap(t *testing.T) {
	loc := zone(t, "America/New_York")
	c, err := curriculum.Schedule(tiny(), curriculum.Spec{First: slot(2025, time.March, 2, 2, 30), Location: loc})
	require.NoError(t, err)
	require.Equal(t, []string{"2025-03-02 02:30", "2025-03-09 03:30", "2025-03-16 02:30", "2025-03-23 02:30"}, sessionStarts(c))
}

// TestScheduleTopicsWithOrientation: the orientation precedes the first
// session held, whichever topic that is.
func TestScheduleTopicsWithOrientation(t *testing.T) {
	p := curriculum.OpenSupportGroup()
	p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraOrientation, Title: "Welcome evening", Length: time.Hour}}
	require.NoError(t, p.Validate())
	c, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.May, 1, 19, 0), Location: time.UTC, Topics: []int{5, 6}})
	require.NoError(t, err)
	require.Len(t, c.Occurrences, 3)
	require.Equal(t, curriculum.OccurrenceExtraDay, c.Occurrences[0].Kind)
	require.Equal(t, "2025-04-24 19:00", c.Occurrences[0].Start.Format("2006-01-02 15:04"))
	require.Equal(t, 5, c.Occurrences[1].Plan)
}

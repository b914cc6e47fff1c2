package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/group"
)

// TestGolden is the smoke test: the output matches testdata/dbt-skills.golden
// (regenerate with go test ./examples/dbt-skills -update) and is the same on
// every run.
func TestGolden(t *testing.T) {
	var out, again bytes.Buffer
	require.NoError(t, run(&out, nil))
	golden.Check(t, "dbt-skills.golden", out.Bytes())
	require.NoError(t, run(&again, nil))
	require.Equal(t, out.String(), again.String(), "deterministic")
}

func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"no cycles", []string{"-cycles", "0"}},
		{"too many cycles", []string{"-cycles", "21"}},
		{"unknown flag", []string{"-nope"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, run(io.Discard, tc.args))
		})
	}
	var one bytes.Buffer
	require.NoError(t, run(&one, []string{"-cycles", "1"}))
}

func told(t *testing.T) story {
	t.Helper()
	st, err := tell(demo.NewPrinter(io.Discard), 2)
	require.NoError(t, err)
	return st
}

// TestModules checks the 24-week cycle against Linehan (2015), DBT Skills
// Training Manual: three modules of 2 weeks of mindfulness plus 6, 7 and 5 weeks, with
// entry at each module's start.
func TestModules(t *testing.T) {
	p := curriculum.DBTSkills()
	var sizes []int
	for _, m := range p.Modules {
		sizes = append(sizes, len(m.Plans))
	}
	require.Equal(t, []int{2 + 6, 2 + 7, 2 + 5}, sizes)
	require.Equal(t, []int{1, 9, 18}, p.EntryPoints())
	require.Equal(t, 4, p.Attendance.MaxConsecutiveMisses)
	require.True(t, p.Attendance.ExcusedCounts)
}

// TestEntryPoints checks that the group admits at exactly the calendar's
// module starts: six over two cycles, each at 17:30 New York time on either
// side of the daylight-saving changes.
func TestEntryPoints(t *testing.T) {
	st := told(t)
	var want []time.Time
	for _, o := range st.calendar.Occurrences {
		if o.Plan == 1 || o.Plan == 9 || o.Plan == 18 {
			want = append(want, o.Start)
			require.Equal(t, "17:30", o.Start.Format("15:04"))
		}
	}
	require.Len(t, want, 6)
	if diff := cmp.Diff(want, st.calendar.EntryPoints()); diff != "" {
		t.Errorf("calendar entry points (-want +got):\n%s", diff)
	}
	spec := st.group.Spec()
	require.Equal(t, group.PolicyRolling, spec.Policy)
	if diff := cmp.Diff(want, spec.Admission.EntryPoints); diff != "" {
		t.Errorf("group entry points (-want +got):\n%s", diff)
	}
}

func TestNewcomerRefusedThenAdmitted(t *testing.T) {
	st := told(t)
	require.ErrorIs(t, st.refusal, group.ErrNotEntryPoint)
	var ce *group.CommandError
	require.ErrorAs(t, st.refusal, &ce)
	require.Equal(t, group.MemberID("tomas"), ce.Member)

	require.Equal(t, 9, st.next.Plan, "the next module start")
	require.True(t, st.next.Entry)
	require.Equal(t, time.Date(2026, time.March, 16, 17, 30, 0, 0, st.calendar.Location), st.next.Start)
	// Rosa joined the waitlist on 17 Feb, Tomas when he asked on 23 Feb.
	require.Equal(t, []group.MemberID{"rosa", "tomas"}, st.promoted, "first come first served")
	for _, id := range st.promoted {
		eps := st.group.Episodes(id)
		at, ok := eps[len(eps)-1].When(group.StatusActive)
		require.True(t, ok)
		require.True(t, at.Equal(st.next.Start), "%s admitted at the entry point", id)
	}
}

// TestScreening checks that DBT skills groups admit suicidal clients only
// with concurrent individual therapy (Linehan 2015), that acute risk is an
// urgent handoff whatever else is true, and that a PHQ-9 item 9 above 0
// calls for clinician review (Kroenke, Spitzer & Williams 2001).
func TestScreening(t *testing.T) {
	st := told(t)
	got := map[string]group.ScreeningOutcome{}
	for k, s := range st.screening {
		got[k] = s.Outcome
	}
	want := map[string]group.ScreeningOutcome{
		"alone":   group.OutcomeUrgentHandoff,
		"therapy": group.OutcomeNeedsClinicianReview,
		"item9":   group.OutcomeUrgentHandoff,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("screening outcomes (-want +got):\n%s", diff)
	}
}

func hasFinding(fs []group.Finding, code string, sev group.FindingSeverity) bool {
	for _, f := range fs {
		if f.Code == code && f.Severity == sev {
			return true
		}
	}
	return false
}

// TestFourMissRule checks the breach (Linehan 1993, 2015: four misses in a
// row, excused or not, end the contract) and what the group records.
func TestFourMissRule(t *testing.T) {
	st := told(t)
	require.Equal(t, 4, st.wes.ConsecutiveMisses)
	require.Equal(t, curriculum.StatusDroppedOut, st.wes.Status)
	require.True(t, hasFinding(st.wes.Findings, curriculum.CodeAttendanceRuleBreached, group.SeverityBlocking), "the breach is blocking")

	require.Equal(t, 3, st.lena.ConsecutiveMisses)
	require.Equal(t, curriculum.StatusInProgress, st.lena.Status)
	require.True(t, hasFinding(st.lena.Findings, curriculum.CodeAttendanceRuleAtRisk, group.SeverityWarning), "one short of the rule")
	require.False(t, hasFinding(st.lena.Findings, curriculum.CodeAttendanceRuleBreached, group.SeverityBlocking))

	require.Equal(t, group.StatusDroppedOut, st.group.Status("wes"))
	ts := st.group.Episodes("wes")[0].Transitions
	require.NotEmpty(t, ts[len(ts)-1].Reason, "the reason is recorded")
	require.ErrorIs(t, st.readmit, group.ErrInvalidTransition)
	var te *group.TransitionError
	require.ErrorAs(t, st.readmit, &te)
	require.Equal(t, group.StatusDroppedOut, te.From)
	require.Len(t, st.group.ActiveMembers(), 7, "the place is free")
}

// federalHolidays returns the legal public holidays of year y as the days
// they are observed on, by 5 U.S.C. 6103(a) (the dates and the Mondays the
// law names) and 6103(b) with Executive Order 11582 (a holiday on a
// Saturday is observed the Friday before, on a Sunday the Monday after).
func federalHolidays(y int) map[curriculum.Date]string {
	nth := func(m time.Month, wd time.Weekday, n int) curriculum.Date {
		d := curriculum.Date{Year: y, Month: m, Day: 1}
		for d.Weekday() != wd {
			d = d.AddDays(1)
		}
		return d.AddDays(7 * (n - 1))
	}
	last := func(m time.Month, wd time.Weekday) curriculum.Date {
		d := curriculum.Date{Year: y, Month: m + 1, Day: 1}.AddDays(-1)
		for d.Weekday() != wd {
			d = d.AddDays(-1)
		}
		return d
	}
	observed := func(m time.Month, day int) curriculum.Date {
		d := curriculum.Date{Year: y, Month: m, Day: day}
		switch d.Weekday() {
		case time.Saturday:
			return d.AddDays(-1)
		case time.Sunday:
			return d.AddDays(1)
		}
		return d
	}
	days := map[curriculum.Date]string{
		observed(time.January, 1):            "New Year's Day",
		nth(time.January, time.Monday, 3):    "Martin Luther King Jr. Day",
		nth(time.February, time.Monday, 3):   "Washington's Birthday",
		last(time.May, time.Monday):          "Memorial Day",
		observed(time.July, 4):               "Independence Day",
		nth(time.September, time.Monday, 1):  "Labor Day",
		nth(time.October, time.Monday, 2):    "Columbus Day",
		observed(time.November, 11):          "Veterans Day",
		nth(time.November, time.Thursday, 4): "Thanksgiving Day",
		observed(time.December, 25):          "Christmas Day",
	}
	if y >= 2021 { // Juneteenth National Independence Day Act, 2021
		days[observed(time.June, 19)] = "Juneteenth National Independence Day"
	}
	return days
}

// TestHolidays checks the calendar's claim against the law: no session
// falls on a federal holiday, and every date left out is one, printed
// under its own name.
func TestHolidays(t *testing.T) {
	// The rules against a published list: the Office of Personnel
	// Management's federal holidays for 2009, a year that like 2026 began
	// on a Thursday and was no leap year (so its Mondays fall on the same
	// dates), before Juneteenth became a holiday.
	want2009 := []string{"2009-01-01", "2009-01-19", "2009-02-16", "2009-05-25", "2009-07-03",
		"2009-09-07", "2009-10-12", "2009-11-11", "2009-11-26", "2009-12-25"}
	var got2009 []string
	for d := range federalHolidays(2009) {
		got2009 = append(got2009, d.String())
	}
	require.ElementsMatch(t, want2009, got2009)
	require.Equal(t, "Juneteenth National Independence Day", federalHolidays(2026)[curriculum.Date{Year: 2026, Month: time.June, Day: 19}])

	for _, cycles := range []int{1, 2} {
		var out bytes.Buffer
		st, err := tell(demo.NewPrinter(&out), cycles)
		require.NoError(t, err)
		cal := st.calendar
		off := map[curriculum.Date]string{}
		for y := cal.Occurrences[0].Start.Year(); y <= cal.Occurrences[len(cal.Occurrences)-1].Start.Year(); y++ {
			maps.Copy(off, federalHolidays(y))
		}
		for _, o := range cal.Occurrences {
			d := curriculum.DateOf(o.Start)
			require.Empty(t, off[d], "session %d meets on %s, %s", o.Session, d, off[d])
		}
		for _, x := range cal.Excluded {
			d := curriculum.DateOf(x.Start)
			require.NotEmpty(t, off[d], "%s is left out but is no federal holiday", d)
			require.Contains(t, out.String(), fmt.Sprintf("no session on %s: %s", x.Start.Format("Mon 2 Jan 2006"), off[d]))
		}
	}
}

package group_test

import (
	"testing"
	"time"
	_ "time/tzdata" // America/New_York on machines without a zone database

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

// newYork loads the zone the DST tests run in. In 2025 US daylight saving
// time began on Sunday 9 March and ended on Sunday 2 November (Energy
// Policy Act of 2005, s. 110; 15 U.S.C. 260a).
func newYork(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	return loc
}

// TestSessionStartKeepsLocalTime checks that sessions keep the clock time of
// the first session across daylight-saving changes: a weekly group meets at
// 18:00 local time every week, whatever the UTC offset.
func TestSessionStartKeepsLocalTime(t *testing.T) {
	ny := newYork(t)
	at := func(month time.Month, day, hour int) time.Time { return time.Date(2025, month, day, hour, 0, 0, 0, ny) }
	tests := []struct {
		name      string
		start     time.Time
		frequency time.Duration
		n         int
		want      time.Time
	}{
		{"first session is the start", at(time.March, 3, 18), 0, 1, at(time.March, 3, 18)},
		{"weekly across spring forward", at(time.March, 3, 18), 0, 2, at(time.March, 10, 18)},
		{"weekly, many weeks on", at(time.March, 3, 18), 0, 9, at(time.April, 28, 18)},
		{"weekly across fall back", at(time.October, 27, 18), 0, 2, at(time.November, 3, 18)},
		{"fortnightly across spring forward", at(time.March, 3, 18), 14 * 24 * time.Hour, 2, at(time.March, 17, 18)},
		{"fortnightly across fall back", at(time.October, 20, 18), 14 * 24 * time.Hour, 2, at(time.November, 3, 18)},
		// Three and a half days: three calendar days, then twelve hours of
		// elapsed time; two intervals make a whole calendar week.
		{"part-day remainder is elapsed time", at(time.March, 7, 6), 84 * time.Hour, 2, at(time.March, 10, 6).Add(12 * time.Hour)},
		{"part-days add up to calendar days", at(time.March, 7, 6), 84 * time.Hour, 3, at(time.March, 14, 6)},
		{"session before the first", at(time.March, 10, 18), 0, 0, at(time.March, 3, 18)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := fixture.CBTSpec()
			spec.Start, spec.Frequency = tc.start, tc.frequency
			g, err := group.New(spec)
			require.NoError(t, err)
			got := g.SessionStart(tc.n)
			require.True(t, tc.want.Equal(got), "SessionStart(%d) = %v, want %v", tc.n, got, tc.want)
		})
	}
}

// TestAdmissionWindowsAcrossDST checks that the admission rules counted in
// sessions (a closed group's join window, a slow-open group's intake) use
// the same calendar as SessionStart.
func TestAdmissionWindowsAcrossDST(t *testing.T) {
	ny := newYork(t)
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2025, month, day, hour, minute, 0, 0, ny)
	}
	closed := func(start time.Time) group.Spec {
		s := fixture.CBTSpec()
		s.Start, s.Admission.JoinWindow = start, 1 // join before the second session
		return s
	}
	slow := fixture.ProcessSpec()
	slow.Start = at(time.February, 3, 18, 0)
	tests := []struct {
		name     string
		spec     group.Spec
		founders int         // members enrolled before the start
		earlier  []time.Time // admissions of newcomers after the start
		at       time.Time   // when the candidate is admitted
		is       error       // nil: admitted
	}{
		// The second session is 10 March 18:00 EDT, 167 hours after the first.
		{name: "closed: before the second session after spring forward", spec: closed(at(time.March, 3, 18, 0)),
			at: at(time.March, 10, 17, 30)},
		{name: "closed: at the second session after spring forward", spec: closed(at(time.March, 3, 18, 0)),
			at: at(time.March, 10, 18, 30), is: group.ErrJoinWindowClosed},
		// The second session is 3 November 18:00 EST, 169 hours after the first.
		{name: "closed: before the second session after fall back", spec: closed(at(time.October, 27, 18, 0)),
			at: at(time.November, 3, 17, 30)},
		{name: "closed: at the second session after fall back", spec: closed(at(time.October, 27, 18, 0)),
			at: at(time.November, 3, 18, 0), is: group.ErrJoinWindowClosed},
		// Two newcomers joined at the 3 March session; the next session, a
		// calendar week later, starts a new intake.
		{name: "slow-open: next session after spring forward is a new intake", spec: slow, founders: 4,
			earlier: []time.Time{at(time.March, 3, 18, 0), at(time.March, 3, 18, 0)}, at: at(time.March, 10, 18, 0)},
		{name: "slow-open: same intake is full", spec: slow, founders: 4,
			earlier: []time.Time{at(time.March, 3, 18, 0), at(time.March, 3, 18, 0)}, at: at(time.March, 10, 17, 0),
			is: group.ErrNewcomerLimit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := group.New(tc.spec)
			require.NoError(t, err)
			before := tc.spec.Start.AddDate(0, 0, -7)
			for i := range tc.founders {
				require.NoError(t, fixture.Enrol(g, fixture.Member(i+1), before))
			}
			for i, w := range tc.earlier {
				require.NoError(t, fixture.Enrol(g, fixture.Member(50+i), w))
			}
			m := fixture.Member(99)
			require.NoError(t, g.Refer(m, before))
			require.NoError(t, fixture.Screen(g, m.ID, before))
			require.NoError(t, g.SignAgreement(m.ID, 1, before))
			err = g.Admit(m.ID, tc.at)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
				require.Equal(t, group.StatusScreening, g.Status(m.ID))
				return
			}
			require.NoError(t, err)
			require.Equal(t, group.StatusActive, g.Status(m.ID))
		})
	}
}

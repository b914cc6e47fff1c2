package group_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

func TestStatusText(t *testing.T) {
	for _, s := range []group.MembershipStatus{group.StatusDeclined, group.StatusCompleted, group.StatusDroppedOut} {
		require.True(t, s.IsTerminal(), s.String())
	}
	for _, s := range []group.MembershipStatus{group.StatusUnspecified, group.StatusReferred, group.StatusActive, group.StatusWaitlisted, group.MembershipStatus(99)} {
		require.False(t, s.IsTerminal(), s.String())
	}
}

// TestTransitions drives one member of a screened CBT group through every
// command from every status and checks which are permitted.
func TestTransitions(t *testing.T) {
	type cmd struct {
		name string
		to   group.MembershipStatus
		run  func(g *group.Group, id group.MemberID, at time.Time) error
	}
	cmds := []cmd{
		{"screen", group.StatusScreening, func(g *group.Group, id group.MemberID, at time.Time) error { return fixture.Screen(g, id, at) }},
		{"decline", group.StatusDeclined, func(g *group.Group, id group.MemberID, at time.Time) error { return g.Decline(id, at, "goals differ") }},
		{"waitlist", group.StatusWaitlisted, func(g *group.Group, id group.MemberID, at time.Time) error { return g.Waitlist(id, at, "") }},
		{"admit", group.StatusActive, func(g *group.Group, id group.MemberID, at time.Time) error { return g.Admit(id, at) }},
		{"complete", group.StatusCompleted, func(g *group.Group, id group.MemberID, at time.Time) error { return g.Complete(id, at, "finished") }},
		{"withdraw", group.StatusWithdrawn, func(g *group.Group, id group.MemberID, at time.Time) error { return g.Withdraw(id, at, "moved away") }},
		{"discharge", group.StatusDischarged, func(g *group.Group, id group.MemberID, at time.Time) error {
			return g.Discharge(id, at, "broke agreement")
		}},
		{"transfer", group.StatusTransferred, func(g *group.Group, id group.MemberID, at time.Time) error {
			return g.Transfer(id, at, "needs individual care")
		}},
		{"drop-out", group.StatusDroppedOut, func(g *group.Group, id group.MemberID, at time.Time) error {
			return g.DropOut(id, at, "stopped coming")
		}},
	}
	// paths to each starting status
	setups := map[group.MembershipStatus][]string{
		group.StatusReferred:   nil,
		group.StatusScreening:  {"screen"},
		group.StatusWaitlisted: {"screen", "waitlist"},
		group.StatusActive:     {"screen", "admit"},
		group.StatusDeclined:   {"screen", "decline"},
		group.StatusCompleted:  {"screen", "admit", "complete"},
	}
	allowed := map[group.MembershipStatus][]group.MembershipStatus{
		group.StatusReferred:   {group.StatusScreening, group.StatusWithdrawn},
		group.StatusScreening:  {group.StatusDeclined, group.StatusWaitlisted, group.StatusActive, group.StatusWithdrawn},
		group.StatusWaitlisted: {group.StatusActive, group.StatusWithdrawn},
		group.StatusActive:     {group.StatusCompleted, group.StatusWithdrawn, group.StatusDischarged, group.StatusTransferred, group.StatusDroppedOut},
		group.StatusDeclined:   nil,
		group.StatusCompleted:  nil,
	}
	byName := map[string]cmd{}
	for _, c := range cmds {
		byName[c.name] = c
	}
	m := fixture.Member(1)
	at := fixture.Week(-2)
	for from, path := range setups {
		for _, c := range cmds {
			t.Run(from.String()+"/"+c.name, func(t *testing.T) {
				g, err := group.New(fixture.CBTSpec())
				require.NoError(t, err)
				require.NoError(t, g.Refer(m, at))
				require.NoError(t, g.SignAgreement(m.ID, 1, at))
				for _, step := range path {
					require.NoError(t, byName[step].run(g, m.ID, at))
				}
				require.Equal(t, from, g.Status(m.ID))
				before := snapshot(t, g)
				err = c.run(g, m.ID, at)
				want := false
				for _, s := range allowed[from] {
					want = want || s == c.to
				}
				if !want {
					var te *group.TransitionError
					require.ErrorAs(t, err, &te)
					require.ErrorIs(t, err, group.ErrInvalidTransition)
					require.Equal(t, group.TransitionError{Member: m.ID, From: from, To: c.to}, *te)
					if diff := cmp.Diff(before, snapshot(t, g)); diff != "" {
						t.Errorf("rejected command changed the group (-before +after):\n%s", diff)
					}
					return
				}
				require.NoError(t, err)
				require.Equal(t, c.to, g.Status(m.ID))
			})
		}
	}
}

// TestRejectedCommandsLeaveGroupUnchanged runs bad commands against a group
// with history and compares a full snapshot before and after.
func TestRejectedCommandsLeaveGroupUnchanged(t *testing.T) {
	m1, m9 := fixture.Member(1), fixture.Member(9)
	tests := []struct {
		name string
		run  func(g *group.Group) error
		is   error
	}{
		{"admit unknown member", func(g *group.Group) error { return g.Admit("nobody", fixture.Week(0)) }, group.ErrUnknownMember},
		{"withdraw unknown member", func(g *group.Group) error { return g.Withdraw("nobody", fixture.Week(0), "x") }, group.ErrUnknownMember},
		{"sign for unknown member", func(g *group.Group) error { return g.SignAgreement("nobody", 1, fixture.Week(0)) }, group.ErrUnknownMember},
		{"refer with empty name", func(g *group.Group) error {
			return g.Refer(group.Member{ID: "m99", Name: " "}, fixture.Week(0))
		}, group.ErrInvalid},
		{"refer with empty id", func(g *group.Group) error { return g.Refer(group.Member{Name: "x"}, fixture.Week(0)) }, group.ErrInvalid},
		{"refer with empty attribute", func(g *group.Group) error {
			return g.Refer(group.Member{ID: "m99", Name: "x", Attributes: map[string]string{"gender": ""}}, fixture.Week(0))
		}, group.ErrInvalid},
		{"refer an active member again", func(g *group.Group) error { return g.Refer(m1, fixture.Week(0)) }, group.ErrInvalidTransition},
		{"command with zero time", func(g *group.Group) error { return g.Complete(m1.ID, time.Time{}, "done") }, group.ErrInvalid},
		{"leave before admission time", func(g *group.Group) error { return g.Withdraw(m1.ID, fixture.Week(-3), "x") }, group.ErrTimeOrder},
		{"leave without reason", func(g *group.Group) error { return g.Withdraw(m1.ID, fixture.Week(1), "  ") }, group.ErrInvalid},
		{"admit when full", func(g *group.Group) error {
			return g.Admit(m9.ID, fixture.Week(-1))
		}, group.ErrGroupFull},
		{"sign an old version", func(g *group.Group) error { return g.SignAgreement(m1.ID, 0, fixture.Week(0)) }, group.ErrAgreementVersion},
		{"sign a future version", func(g *group.Group) error { return g.SignAgreement(m1.ID, 2, fixture.Week(0)) }, group.ErrAgreementVersion},
		{"sign before referral", func(g *group.Group) error { return g.SignAgreement(m1.ID, 1, fixture.Week(-10)) }, group.ErrTimeOrder},
		{"revise to same version", func(g *group.Group) error {
			return g.ReviseAgreement(group.StandardAgreement(1), fixture.Week(1))
		}, group.ErrAgreementVersion},
		{"revise to invalid agreement", func(g *group.Group) error {
			return g.ReviseAgreement(group.Agreement{Version: 2, Rules: []group.GroundRule{{Kind: group.RuleCustom}}}, fixture.Week(1))
		}, group.ErrInvalid},
		{"recording consent out of order", func(g *group.Group) error { return g.GiveRecordingConsent(m1.ID, fixture.Week(-3)) }, group.ErrTimeOrder},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := fixture.CBTSpec()
			spec.Capacity = 8
			g := fixture.Group(t, spec, 8)
			require.NoError(t, g.Refer(m9, fixture.Week(-1)))
			require.NoError(t, fixture.Screen(g, m9.ID, fixture.Week(-1)))
			require.NoError(t, g.SignAgreement(m9.ID, 1, fixture.Week(-1)))
			require.NoError(t, g.GiveRecordingConsent(m1.ID, fixture.Week(-1)))
			before := snapshot(t, g)
			err := tc.run(g)
			require.ErrorIs(t, err, tc.is)
			var ce *group.CommandError
			require.ErrorAs(t, err, &ce)
			if diff := cmp.Diff(before, snapshot(t, g)); diff != "" {
				t.Errorf("rejected command changed the group (-before +after):\n%s", diff)
			}
		})
	}
}

func TestAdmissionPolicies(t *testing.T) {
	closed := fixture.CBTSpec()
	slow := fixture.ProcessSpec()
	rolling := fixture.SkillsSpec()
	open := fixture.SupportSpec()
	wide := fixture.CBTSpec()
	wide.Admission.JoinWindow = 4
	slow3 := fixture.ProcessSpec()
	slow3.Admission.MaxNewcomers = 3
	tests := []struct {
		name    string
		spec    group.Spec
		already int       // members enrolled before the group starts
		earlier []int     // weeks at which one newcomer each was admitted after the start
		at      time.Time // when the candidate is admitted
		is      error     // nil: admitted
	}{
		{name: "closed before start", spec: closed, at: fixture.Week(-1)},
		{name: "closed at first session", spec: closed, at: fixture.Week(0)},
		{name: "closed just before third session", spec: closed, at: fixture.Week(2).Add(-time.Minute)},
		{name: "closed at third session", spec: closed, at: fixture.Week(2), is: group.ErrJoinWindowClosed},
		{name: "closed with wider window", spec: wide, at: fixture.Week(3)},
		{name: "closed after wider window", spec: wide, at: fixture.Week(4), is: group.ErrJoinWindowClosed},
		{name: "slow-open first newcomer", spec: slow, already: 5, at: fixture.Week(10)},
		{name: "slow-open second newcomer", spec: slow, already: 5, earlier: []int{10}, at: fixture.Week(10)},
		{name: "slow-open third newcomer at once", spec: slow, already: 4, earlier: []int{10, 10}, at: fixture.Week(10), is: group.ErrNewcomerLimit},
		{name: "slow-open third newcomer a session later", spec: slow, already: 4, earlier: []int{10, 10}, at: fixture.Week(11)},
		{name: "slow-open limit raised", spec: slow3, already: 4, earlier: []int{10, 10}, at: fixture.Week(10)},
		{name: "slow-open only into vacancies", spec: slow, already: 8, at: fixture.Week(10), is: group.ErrGroupFull},
		{name: "rolling founding cohort", spec: rolling, at: fixture.Week(-1)},
		{name: "rolling at module start", spec: rolling, at: fixture.Week(8)},
		{name: "rolling mid-module", spec: rolling, at: fixture.Week(9), is: group.ErrNotEntryPoint},
		{name: "open any time", spec: open, already: 20, at: fixture.Week(30)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := fixture.Group(t, tc.spec, tc.already)
			for i, w := range tc.earlier {
				require.NoError(t, fixture.Enrol(g, fixture.Member(50+i), fixture.Week(w)))
			}
			m := fixture.Member(99)
			require.NoError(t, g.Refer(m, fixture.Week(-2)))
			if g.Profile().ScreeningRequired {
				require.NoError(t, fixture.Screen(g, m.ID, fixture.Week(-2)))
			}
			if v := g.Spec().Agreement.Version; v > 0 {
				require.NoError(t, g.SignAgreement(m.ID, v, fixture.Week(-2)))
			}
			err := g.Admit(m.ID, tc.at)
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

func TestAdmitRequiresConsent(t *testing.T) {
	tests := []struct {
		name string
		spec group.Spec
		sign func(g *group.Group, id group.MemberID) error
		is   error
	}{
		{"therapy group, unsigned", fixture.CBTSpec(), func(*group.Group, group.MemberID) error { return nil }, group.ErrNoConsent},
		{"therapy group, signed after admission time", fixture.CBTSpec(), func(g *group.Group, id group.MemberID) error {
			return g.SignAgreement(id, 1, fixture.Week(0))
		}, group.ErrNoConsent},
		{"therapy group, signed old version", fixture.CBTSpec(), func(g *group.Group, id group.MemberID) error {
			if err := g.SignAgreement(id, 1, fixture.Week(-3)); err != nil {
				return err
			}
			return g.ReviseAgreement(group.StandardAgreement(2), fixture.Week(-2))
		}, group.ErrNoConsent},
		{"therapy group, signed", fixture.CBTSpec(), func(g *group.Group, id group.MemberID) error {
			return g.SignAgreement(id, 1, fixture.Week(-2))
		}, nil},
		{"therapy group with no agreement", func() group.Spec { s := fixture.CBTSpec(); s.Agreement = group.Agreement{}; return s }(),
			func(*group.Group, group.MemberID) error { return nil }, group.ErrNoConsent},
		{"support group needs no agreement", fixture.SupportSpec(), func(*group.Group, group.MemberID) error { return nil }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := group.New(tc.spec)
			require.NoError(t, err)
			m := fixture.Member(1)
			require.NoError(t, g.Refer(m, fixture.Week(-4)))
			if g.Profile().ScreeningRequired {
				require.NoError(t, fixture.Screen(g, m.ID, fixture.Week(-4)))
			}
			require.NoError(t, tc.sign(g, m.ID))
			err = g.Admit(m.ID, fixture.Week(-1))
			if tc.is == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.is)
		})
	}
}

// TestScenarioClosedCBT follows a closed CBT group from referrals to its end:
// screening outcomes, a waitlist promoted first-come first-served when places
// free, a drop-out, a re-enrolment as a new episode, and completion.
func TestScenarioClosedCBT(t *testing.T) {
	spec := fixture.CBTSpec()
	spec.Capacity = 3
	g, err := group.New(spec)
	require.NoError(t, err)
	at := fixture.Week(-3)
	for i := 1; i <= 6; i++ {
		m := fixture.Member(i)
		require.NoError(t, g.Refer(m, at))
		require.NoError(t, fixture.Screen(g, m.ID, at.Add(time.Hour)))
		require.NoError(t, g.SignAgreement(m.ID, 1, at.Add(2*time.Hour)))
	}
	// m1-m3 admitted; m4 and m5 waitlisted (m5 first); m6 declined.
	for i := 1; i <= 3; i++ {
		require.NoError(t, g.Admit(fixture.MemberID(i), fixture.Week(-1)))
	}
	require.ErrorIs(t, g.Admit(fixture.MemberID(4), fixture.Week(-1)), group.ErrGroupFull)
	require.NoError(t, g.Waitlist(fixture.MemberID(5), fixture.Week(-1), "group full"))
	require.NoError(t, g.Waitlist(fixture.MemberID(4), fixture.Week(-1).Add(time.Minute), "group full"))
	require.NoError(t, g.Decline(fixture.MemberID(6), fixture.Week(-1), "needs trauma-focused care first"))
	require.Equal(t, []group.MemberID{"m05", "m04"}, g.Waiting())

	// m2 drops out after session 1: m5 (first on the list) takes the place.
	require.NoError(t, g.DropOut("m02", fixture.Week(1), "stopped coming"))
	require.Equal(t, []group.MemberID{"m01", "m03", "m05"}, ids(g.ActiveMembers()))
	require.Equal(t, []group.MemberID{"m04"}, g.Waiting())

	// m3 withdraws after the join window: m4 cannot be promoted and waits.
	require.NoError(t, g.Withdraw("m03", fixture.Week(3), "moved away"))
	require.Equal(t, []group.MemberID{"m01", "m05"}, ids(g.ActiveMembers()))
	require.Equal(t, []group.MemberID{"m04"}, g.Waiting())
	require.ErrorIs(t, g.Admit("m04", fixture.Week(3)), group.ErrJoinWindowClosed)

	// The group ends; m2 comes back to the next cohort as a new episode.
	require.NoError(t, g.Complete("m01", fixture.Week(12), "finished the program"))
	require.NoError(t, g.Complete("m05", fixture.Week(12), "finished the program"))
	require.NoError(t, g.Refer(fixture.Member(2), fixture.Week(13)))

	eps := g.Episodes("m02")
	require.Len(t, eps, 2)
	if diff := cmp.Diff([]group.MembershipStatus{group.StatusReferred, group.StatusScreening, group.StatusActive, group.StatusDroppedOut}, statuses(eps[0])); diff != "" {
		t.Errorf("first episode (-want +got):\n%s", diff)
	}
	require.Equal(t, 2, eps[1].Number)
	require.Equal(t, group.StatusReferred, eps[1].Status())
	require.True(t, eps[1].Open())
	require.False(t, eps[0].Open())

	m5 := g.Episodes("m05")[0]
	if diff := cmp.Diff([]group.Transition{
		{Status: group.StatusReferred, At: at, Reason: "referred"},
		{Status: group.StatusScreening, At: at.Add(time.Hour), Reason: "screening started"},
		{Status: group.StatusWaitlisted, At: fixture.Week(-1), Reason: "group full"},
		{Status: group.StatusActive, At: fixture.Week(1), Reason: "promoted from waitlist"},
		{Status: group.StatusCompleted, At: fixture.Week(12), Reason: "finished the program"},
	}, m5.Transitions); diff != "" {
		t.Errorf("m05 history (-want +got):\n%s", diff)
	}
	admitted, ok := m5.When(group.StatusActive)
	require.True(t, ok)
	require.Equal(t, fixture.Week(1), admitted)
	_, ok = m5.When(group.StatusDischarged)
	require.False(t, ok)
}

// TestScenarioRollingSkills admits a waitlist at the next module start.
func TestScenarioRollingSkills(t *testing.T) {
	spec := fixture.SkillsSpec()
	spec.Capacity = 5
	g := fixture.Group(t, spec, 5)
	for i := 6; i <= 8; i++ {
		m := fixture.Member(i)
		require.NoError(t, g.Refer(m, fixture.Week(2)))
		require.NoError(t, fixture.Screen(g, m.ID, fixture.Week(2)))
		require.NoError(t, g.Waitlist(m.ID, fixture.Week(2).Add(time.Duration(i)*time.Minute), "next module"))
	}
	require.NoError(t, g.SignAgreement("m06", 1, fixture.Week(3)))
	require.NoError(t, g.SignAgreement("m08", 1, fixture.Week(3)))

	// Two members leave mid-module: no promotion, since it is not an entry point.
	require.NoError(t, g.Complete("m01", fixture.Week(5), "reached goals"))
	require.NoError(t, g.Transfer("m02", fixture.Week(5), "moved to intensive program"))
	require.Equal(t, []group.MemberID{"m06", "m07", "m08"}, g.Waiting())

	promoted, err := g.PromoteWaitlist(fixture.Week(7))
	require.NoError(t, err)
	require.Empty(t, promoted, "week 7 is not an entry point")

	// At the module start m06 and m08 join; m07 has not signed and keeps its place.
	promoted, err = g.PromoteWaitlist(fixture.Week(8))
	require.NoError(t, err)
	require.Equal(t, []group.MemberID{"m06", "m08"}, promoted)
	require.Equal(t, []group.MemberID{"m07"}, g.Waiting())
	require.Len(t, g.ActiveMembers(), 5)

	_, err = g.PromoteWaitlist(time.Time{})
	require.ErrorIs(t, err, group.ErrInvalid)
}

// TestScenarioPeerSupport: a drop-in support group admits without screening
// and has no capacity limit.
func TestScenarioPeerSupport(t *testing.T) {
	g := fixture.Group(t, fixture.SupportSpec(), 25)
	require.Equal(t, 0, g.Capacity())
	require.Len(t, g.ActiveMembers(), 25)
	m := fixture.Member(30)
	require.NoError(t, g.Refer(m, fixture.Week(4)))
	require.NoError(t, g.Admit(m.ID, fixture.Week(4)), "no screening step needed")
	require.Equal(t, []group.MembershipStatus{group.StatusReferred, group.StatusActive}, statuses(g.Episodes(m.ID)[0]))
	require.NoError(t, g.Withdraw(m.ID, fixture.Week(5), "feels better"))
	// The same member may come back any time, as a new episode.
	require.NoError(t, g.Refer(m, fixture.Week(9)))
	require.NoError(t, g.Admit(m.ID, fixture.Week(9)))
	require.Len(t, g.Episodes(m.ID), 2)
	require.Equal(t, group.StatusUnspecified, g.Status("nobody"))
	require.Nil(t, g.Episodes("nobody"))
}

// TestWaitlistOrderIsByTime: first come, first served goes by the time each
// member joined the waitlist, not by the order the commands reached the
// group. B was waitlisted on 16 February by a command recorded after A's
// waitlisting on 17 February, so B comes first in Waiting and is promoted
// first, whether a place frees or an entry point opens.
func TestWaitlistOrderIsByTime(t *testing.T) {
	a, b := fixture.Member(10), fixture.Member(11)
	aAt := time.Date(2025, time.February, 17, 9, 0, 0, 0, time.UTC)
	bAt := time.Date(2025, time.February, 16, 9, 0, 0, 0, time.UTC)
	support := fixture.SupportSpec()
	support.Capacity = 3
	skills := fixture.SkillsSpec()
	skills.Capacity = 3
	tests := []struct {
		name string
		spec group.Spec
		// free frees one place after both are waitlisted and promotes,
		// returning who the group promoted.
		free func(t *testing.T, g *group.Group) []group.MemberID
	}{
		{"a leaving member frees a place", support, func(t *testing.T, g *group.Group) []group.MemberID {
			before := ids(g.ActiveMembers())
			require.NoError(t, g.Withdraw("m01", fixture.Week(7), "moved away"))
			var promoted []group.MemberID
			for _, id := range ids(g.ActiveMembers()) {
				if !slices.Contains(before, id) {
					promoted = append(promoted, id)
				}
			}
			return promoted
		}},
		{"an entry point opens", skills, func(t *testing.T, g *group.Group) []group.MemberID {
			require.NoError(t, g.Complete("m01", fixture.Week(7), "reached goals"))
			require.Equal(t, group.StatusWaitlisted, g.Status(b.ID), "week 7 is not an entry point")
			promoted, err := g.PromoteWaitlist(fixture.Week(8))
			require.NoError(t, err)
			return promoted
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := fixture.Group(t, tc.spec, 3)
			for _, m := range []group.Member{a, b} {
				require.NoError(t, g.Refer(m, fixture.Week(5)))
				if g.Profile().ScreeningRequired {
					require.NoError(t, fixture.Screen(g, m.ID, fixture.Week(5)))
				}
				if v := g.Spec().Agreement.Version; v > 0 {
					require.NoError(t, g.SignAgreement(m.ID, v, fixture.Week(5)))
				}
			}
			// A's command first, B's second, but B's is dated a day earlier.
			require.NoError(t, g.Waitlist(a.ID, aAt, "group full"))
			require.NoError(t, g.Waitlist(b.ID, bAt, "group full"))
			require.Equal(t, []group.MemberID{b.ID, a.ID}, g.Waiting())

			require.Equal(t, []group.MemberID{b.ID}, tc.free(t, g))
			require.Equal(t, []group.MemberID{a.ID}, g.Waiting())
		})
	}
}

package group_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
	"github.com/groupwork/groupwork/measure"
)

// TestScreeningBindsAdmission checks that Admit follows the screening
// recorded on the member's episode (ACA Code of Ethics 2014, A.9.a): a
// member who was never screened, or whose latest screening does not clear
// them, is refused with a typed error and the group is left as it was,
// unless a licensed clinician's decision is recorded; a peer support group
// that does not screen admits without a screening.
func TestScreeningBindsAdmission(t *testing.T) {
	at := fixture.Week(-2)
	screen := func(in group.ScreeningInput) func(*testing.T, *group.Group) {
		return func(t *testing.T, g *group.Group) {
			s, err := g.Screen(in)
			require.NoError(t, err)
			require.NoError(t, g.RecordScreening("m01", s, at))
		}
	}
	decide := func(by group.FacilitatorID) func(*testing.T, *group.Group) {
		return func(t *testing.T, g *group.Group) {
			require.NoError(t, g.RecordClinicianDecision("m01", by, at, "reviewed: no current risk; safety plan agreed"))
		}
	}
	urgent := screen(group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorAcuteSuicidality}})
	tests := []struct {
		name  string
		spec  group.Spec
		steps []func(*testing.T, *group.Group)
		is    error // nil: admitted
	}{
		{"never screened", fixture.CBTSpec(), nil, group.ErrNotScreened},
		{"suitable", fixture.CBTSpec(), []func(*testing.T, *group.Group){screen(known())}, nil},
		{"risk not asked needs review", fixture.CBTSpec(), []func(*testing.T, *group.Group){screen(group.ScreeningInput{})},
			group.ErrScreeningNotSuitable},
		{"item 9 answered 3", fixture.CBTSpec(), []func(*testing.T, *group.Group){screen(item9(3))}, group.ErrScreeningNotSuitable},
		{"urgent handoff", fixture.CBTSpec(), []func(*testing.T, *group.Group){urgent}, group.ErrScreeningNotSuitable},
		{"referred elsewhere", fixture.CBTSpec(), []func(*testing.T, *group.Group){screen(known(group.IndicatorSubstanceUse))},
			group.ErrScreeningNotSuitable},
		{"the latest screening counts", fixture.CBTSpec(), []func(*testing.T, *group.Group){urgent, screen(known())}, nil},
		{"a later screening that does not clear", fixture.CBTSpec(),
			[]func(*testing.T, *group.Group){screen(known()), screen(item9(1))}, group.ErrScreeningNotSuitable},
		{"clinician's decision", fixture.CBTSpec(), []func(*testing.T, *group.Group){screen(item9(1)), decide("f-colead")}, nil},
		{"decision without a screening", fixture.CBTSpec(), []func(*testing.T, *group.Group){decide("f-lead")}, nil},
		{"a decision covers only the screenings before it", fixture.CBTSpec(),
			[]func(*testing.T, *group.Group){screen(item9(1)), decide("f-lead"), urgent}, group.ErrScreeningNotSuitable},
		{"suitable with adaptations", func() group.Spec {
			s := fixture.CBTSpec()
			s.Modality, s.Focus = group.ModalityMindfulness, nil
			s.Facilitators[0].Credentials = append(s.Facilitators[0].Credentials, group.CredentialMindfulnessTeacher)
			return s
		}(), []func(*testing.T, *group.Group){screen(known(group.IndicatorDissociation))}, nil},
		{"peer group without screening", fixture.SupportSpec(), nil, nil},
		{"peer group with an urgent handoff recorded", fixture.SupportSpec(), []func(*testing.T, *group.Group){urgent},
			group.ErrScreeningNotSuitable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := group.New(tc.spec)
			require.NoError(t, err)
			require.NoError(t, g.Refer(fixture.Member(1), at))
			if g.Profile().ScreeningRequired {
				require.NoError(t, g.StartScreening("m01", at))
				require.NoError(t, g.SignAgreement("m01", 1, at))
			}
			for _, step := range tc.steps {
				step(t, g)
			}
			before := snapshot(t, g)
			err = g.Admit("m01", fixture.Week(-1))
			if tc.is == nil {
				require.NoError(t, err)
				require.Equal(t, group.StatusActive, g.Status("m01"))
				return
			}
			require.ErrorIs(t, err, tc.is)
			var ce *group.CommandError
			require.ErrorAs(t, err, &ce)
			require.Equal(t, "admit", ce.Op)
			if tc.is == group.ErrScreeningNotSuitable {
				var se *group.ScreeningError
				require.ErrorAs(t, err, &se)
				last, ok := g.Episodes("m01")[0].LatestScreening()
				require.True(t, ok)
				require.Equal(t, last.Screening.Outcome, se.Outcome)
			}
			if diff := cmp.Diff(before, snapshot(t, g)); diff != "" {
				t.Errorf("a refused admission changed the group (-before +after):\n%s", diff)
			}
		})
	}
}

// TestClearanceCommandsRejected checks the screening and decision commands'
// own errors; each leaves the group unchanged.
func TestClearanceCommandsRejected(t *testing.T) {
	at := fixture.Week(-2)
	suitable := group.Screening{Outcome: group.OutcomeSuitable}
	tests := []struct {
		name string
		run  func(g *group.Group) error
		is   error
	}{
		{"screening an unknown member", func(g *group.Group) error { return g.RecordScreening("nobody", suitable, at) }, group.ErrUnknownMember},
		{"screening before screening started", func(g *group.Group) error { return g.RecordScreening("m02", suitable, at) },
			group.ErrInvalidTransition},
		{"screening an active member", func(g *group.Group) error { return g.RecordScreening("m01", suitable, fixture.Week(0)) },
			group.ErrInvalidTransition},
		{"screening dated before the episode's last change", func(g *group.Group) error {
			return g.RecordScreening("m03", suitable, at.Add(-time.Hour))
		}, group.ErrTimeOrder},
		{"outcome below its reasons", func(g *group.Group) error {
			return g.RecordScreening("m03", group.Screening{Outcome: group.OutcomeSuitable, Reasons: []group.Reason{
				{Outcome: group.OutcomeUnsuitable, Code: "antisocial"}}}, at)
		}, group.ErrInvalid},
		{"reason without a code or outcome", func(g *group.Group) error {
			return g.RecordScreening("m03", group.Screening{Outcome: group.OutcomeSuitable, Reasons: []group.Reason{{}}}, at)
		}, group.ErrInvalid},
		{"no outcome", func(g *group.Group) error { return g.RecordScreening("m03", group.Screening{}, at) }, group.ErrInvalid},
		{"decision by a trainee", func(g *group.Group) error {
			return g.RecordClinicianDecision("m03", "f-trainee", at, "looks fine")
		}, group.ErrNoLicensedClinician},
		{"decision by someone the group does not list", func(g *group.Group) error {
			return g.RecordClinicianDecision("m03", "f-stranger", at, "looks fine")
		}, group.ErrUnknownFacilitator},
		{"decision without a reason", func(g *group.Group) error { return g.RecordClinicianDecision("m03", "f-lead", at, " ") },
			group.ErrInvalid},
		{"decision on an active member", func(g *group.Group) error {
			return g.RecordClinicianDecision("m01", "f-lead", fixture.Week(0), "late")
		}, group.ErrInvalidTransition},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := fixture.CBTSpec()
			spec.Facilitators = append(spec.Facilitators, fixture.Trainee())
			g := fixture.Group(t, spec, 1)
			require.NoError(t, g.Refer(fixture.Member(2), at))
			require.NoError(t, g.Refer(fixture.Member(3), at))
			require.NoError(t, g.StartScreening("m03", at))
			before := snapshot(t, g)
			err := tc.run(g)
			require.ErrorIs(t, err, tc.is)
			var ce *group.CommandError
			require.ErrorAs(t, err, &ce)
			if diff := cmp.Diff(before, snapshot(t, g)); diff != "" {
				t.Errorf("a rejected command changed the group (-before +after):\n%s", diff)
			}
		})
	}
}

// TestClearanceInHistory checks that screenings and decisions are part of
// the episode, survive JSON (the group replays its log), and start afresh
// with a new episode.
func TestClearanceInHistory(t *testing.T) {
	at := fixture.Week(-2)
	g, err := group.New(fixture.CBTSpec())
	require.NoError(t, err)
	require.NoError(t, g.Refer(fixture.Member(1), at))
	require.NoError(t, g.StartScreening("m01", at))
	s, err := g.Screen(item9(2))
	require.NoError(t, err)
	require.NoError(t, g.RecordScreening("m01", s, at.Add(time.Hour)))
	require.NoError(t, g.RecordClinicianDecision("m01", "f-lead", at.Add(3*time.Hour),
		"seen the same day: passive thoughts, no plan; safety plan; individual therapist informed"))
	require.NoError(t, g.SignAgreement("m01", 1, at.Add(3*time.Hour)))
	require.ErrorIs(t, g.Admit("m01", at.Add(2*time.Hour)), group.ErrTimeOrder, "no admission before the decision")
	require.NoError(t, g.Admit("m01", at.Add(4*time.Hour)))

	want := group.Episode{
		Number: 1,
		Transitions: []group.Transition{
			{Status: group.StatusReferred, At: at, Reason: "referred"},
			{Status: group.StatusScreening, At: at, Reason: "screening started"},
			{Status: group.StatusActive, At: at.Add(4 * time.Hour), Reason: "admitted"},
		},
		Screenings: []group.ScreeningRecord{{At: at.Add(time.Hour), Screening: s}},
		Decisions: []group.ClinicianDecision{{By: "f-lead", At: at.Add(3 * time.Hour),
			Reason: "seen the same day: passive thoughts, no plan; safety plan; individual therapist informed", Screenings: 1}},
	}
	if diff := cmp.Diff([]group.Episode{want}, g.Episodes("m01")); diff != "" {
		t.Errorf("episode (-want +got):\n%s", diff)
	}

	b, err := json.Marshal(g)
	require.NoError(t, err)
	require.Contains(t, string(b), `"op":"record-screening"`)
	require.Contains(t, string(b), `"op":"clinician-decision"`)
	var back group.Group
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(snapshot(t, g), snapshot(t, &back)); diff != "" {
		t.Errorf("restored group (-built +restored):\n%s", diff)
	}

	// Coming back opens a new episode, which needs its own screening.
	require.NoError(t, g.Complete("m01", fixture.Week(12), "finished"))
	require.NoError(t, g.Refer(fixture.Member(1), fixture.Week(13)))
	require.NoError(t, g.StartScreening("m01", fixture.Week(13)))
	require.ErrorIs(t, g.Admit("m01", fixture.Week(13)), group.ErrNotScreened)
	_, ok := g.Episodes("m01")[1].LatestScreening()
	require.False(t, ok)
}

// TestPromotionSkipsUncleared checks that promotion from the waitlist
// applies the screening like Admit: a waitlisted member whose latest
// screening does not clear them keeps their place and the next one is
// promoted.
func TestPromotionSkipsUncleared(t *testing.T) {
	spec := fixture.CBTSpec()
	spec.Capacity = 1
	g := fixture.Group(t, spec, 1)
	at := fixture.Week(-1)
	for i, in := range []group.ScreeningInput{known(), known()} {
		m := fixture.Member(i + 2)
		require.NoError(t, g.Refer(m, at))
		require.NoError(t, g.StartScreening(m.ID, at))
		require.NoError(t, g.SignAgreement(m.ID, 1, at))
		s, err := g.Screen(in)
		require.NoError(t, err)
		require.NoError(t, g.RecordScreening(m.ID, s, at))
		require.NoError(t, g.Waitlist(m.ID, at.Add(time.Duration(i)*time.Minute), "group full"))
	}
	// m02 is re-screened on the waitlist and now needs a clinician.
	s, err := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(2)})
	require.NoError(t, err)
	require.NoError(t, g.RecordScreening("m02", s, at.Add(time.Hour)))

	require.NoError(t, g.Withdraw("m01", fixture.Week(1), "moved"))
	require.Equal(t, []group.MemberID{"m03"}, ids(g.ActiveMembers()))
	require.Equal(t, []group.MemberID{"m02"}, g.Waiting())
}

package advice_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// TestScreeningCriteria checks, from outside the group package, the
// screening criteria a safety review asked to fix: acute suicidality is an
// urgent handoff even for a skills-group applicant in individual therapy;
// severe cognitive impairment does not exclude from art therapy; a PHQ-9
// item 9 that was not asked is unknown, and unknown risk needs review; acute
// risk at a peer group's intake is an urgent handoff that outranks every
// other outcome; a risk of violence is screened; a mindfulness group offers
// a member with trauma-related dissociation an adapted place.
func TestScreeningCriteria(t *testing.T) {
	profile := func(m group.Modality) group.Profile {
		p, ok := group.BuiltinProfile(m)
		require.True(t, ok, m)
		return p
	}
	known := measure.Answered(0)
	for _, tc := range []struct {
		name     string
		modality group.Modality
		in       group.ScreeningInput
		want     group.ScreeningOutcome
	}{
		{"skills group, acute suicidality, in individual therapy", group.ModalitySkills,
			group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorAcuteSuicidality}, PHQ9Item9: measure.Answered(3), ConcurrentIndividualTherapy: true},
			group.OutcomeUrgentHandoff},
		{"art therapy, severe cognitive impairment", group.ModalityArtTherapy,
			group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorCognitiveImpairment}, PHQ9Item9: known},
			group.OutcomeSuitableWithAdaptations},
		{"item 9 not asked", group.ModalityCBT, group.ScreeningInput{}, group.OutcomeNeedsClinicianReview},
		{"item 9 answered 1", group.ModalityCBT, group.ScreeningInput{PHQ9Item9: measure.Answered(1)}, group.OutcomeNeedsClinicianReview},
		{"peer group intake, acute risk with other exclusions", group.ModalitySupport,
			group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorAcuteSuicidality, group.IndicatorSubstanceUse, group.IndicatorAntisocial}},
			group.OutcomeUrgentHandoff},
		{"a current threat to harm someone", group.ModalityProcess,
			group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorAcuteViolenceRisk}, PHQ9Item9: known}, group.OutcomeUrgentHandoff},
		{"mindfulness, trauma-related dissociation", group.ModalityMindfulness,
			group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorDissociation}, PHQ9Item9: known}, group.OutcomeSuitableWithAdaptations},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := group.Screen(profile(tc.modality), nil, tc.in)
			require.NoError(t, err)
			require.Equal(t, tc.want, s.Outcome, "%+v", s.Reasons)
			require.NotEmpty(t, s.Reasons)
		})
	}
	s, err := group.Screen(profile(group.ModalityProcess), nil, group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorViolenceRisk}, PHQ9Item9: known})
	require.NoError(t, err)
	require.False(t, s.Outcome.ClearsAdmission(), "a risk of violence is screened: %v", s.Outcome)
}

// TestScreeningBindsAdmission checks the done-means from outside the group
// package: Admit refuses an unreviewed or unsuitable screening with a typed
// error and leaves the group as it was; a licensed clinician's recorded
// decision admits the member, the decision stays in the history, and the
// member reaches a room through the group with no retyping.
func TestScreeningBindsAdmission(t *testing.T) {
	g, err := group.New(fixture.CBTSpec())
	require.NoError(t, err)
	at := fixture.Week(-2)
	m := fixture.Member(1)
	require.NoError(t, g.Refer(m, at))
	require.NoError(t, g.StartScreening(m.ID, at))
	require.NoError(t, g.SignAgreement(m.ID, 1, at))
	state := func() string {
		b, err := json.Marshal(g)
		require.NoError(t, err)
		return string(b)
	}

	before := state()
	require.ErrorIs(t, g.Admit(m.ID, at.Add(time.Hour)), group.ErrNotScreened, "never screened")
	require.Equal(t, before, state(), "a refused admission changes nothing")

	s, err := g.Screen(group.ScreeningInput{}) // item 9 not asked: unknown risk
	require.NoError(t, err)
	require.Equal(t, group.OutcomeNeedsClinicianReview, s.Outcome)
	require.NoError(t, g.RecordScreening(m.ID, s, at.Add(time.Hour)))
	before = state()
	err = g.Admit(m.ID, at.Add(2*time.Hour))
	require.ErrorIs(t, err, group.ErrScreeningNotSuitable)
	var se *group.ScreeningError
	require.ErrorAs(t, err, &se)
	require.Equal(t, before, state())

	require.ErrorIs(t, g.RecordClinicianDecision(m.ID, "f-unknown", at.Add(2*time.Hour), "x"), group.ErrUnknownFacilitator)
	require.NoError(t, g.RecordClinicianDecision(m.ID, fixture.Lead().ID, at.Add(3*time.Hour), "asked item 9 in person: 0; safety plan agreed"))
	require.NoError(t, g.Admit(m.ID, at.Add(4*time.Hour)))
	ep := g.Episodes(m.ID)
	require.Len(t, ep, 1)
	require.Len(t, ep[0].Decisions, 1)
	require.Equal(t, fixture.Lead().ID, ep[0].Decisions[0].By)
	require.Contains(t, state(), "safety plan agreed", "the decision is in the group's history and its JSON")

	agenda, err := session.Template(g.Profile(), 90*time.Minute, 1)
	require.NoError(t, err)
	r, err := advice.NewRoom(advice.RoomSpec{Session: session.SpecFromGroup(g, agenda, fixture.Start(), 90*time.Minute, 5*time.Minute)})
	require.NoError(t, err)
	require.Equal(t, []session.Participant{{ID: m.ID, Name: m.Name}}, r.Session().Spec().Roster[:1])
}

package group_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

// TestScreen checks the screening rules of DOMAIN.md section 6 (ACA 2014
// A.9.a; Yalom & Leszcz 2005 ch. 9; Linehan 2015 for DBT skills; Kroenke et
// al. 2001 for PHQ-9 item 9).
func TestScreen(t *testing.T) {
	profile := func(m group.Modality) group.Profile { p, _ := group.BuiltinProfile(m); return p }
	ind := func(is ...group.Indicator) group.ScreeningInput { return group.ScreeningInput{Indicators: is} }
	tests := []struct {
		name    string
		m       group.Modality
		focus   []group.Concern
		in      group.ScreeningInput
		outcome group.ScreeningOutcome
		codes   []string
	}{
		{"no indicators", group.ModalityProcess, nil, group.ScreeningInput{}, group.OutcomeSuitable, nil},
		{"item 9 of 1 always needs review", group.ModalityCBT, nil, group.ScreeningInput{PHQ9Item9: 1},
			group.OutcomeNeedsClinicianReview, []string{"phq9-item9"}},
		{"item 9 outranks unsuitable", group.ModalityProcess, nil,
			group.ScreeningInput{PHQ9Item9: 3, Indicators: []group.Indicator{group.IndicatorRefusesParticipation}},
			group.OutcomeNeedsClinicianReview, []string{"phq9-item9", "refuses-participation"}},
		{"item 9 in a peer group too", group.ModalitySupport, nil, group.ScreeningInput{PHQ9Item9: 2},
			group.OutcomeNeedsClinicianReview, []string{"phq9-item9"}},
		{"peer group does not screen", group.ModalitySupport, nil,
			ind(group.IndicatorAntisocial, group.IndicatorSubstanceUse, group.IndicatorCannotKeepAgreement),
			group.OutcomeSuitable, nil},
		{"peer group refers a crisis to a professional", group.ModalitySupport, nil, ind(group.IndicatorAcuteSuicidality),
			group.OutcomeReferElsewhere, []string{"acute-suicidality"}},
		{"psychosis excludes from process group", group.ModalityProcess, nil, ind(group.IndicatorAcutePsychosis),
			group.OutcomeUnsuitable, []string{"acute-psychosis"}},
		{"antisocial patterns exclude from art therapy", group.ModalityArtTherapy, nil, ind(group.IndicatorAntisocial),
			group.OutcomeUnsuitable, []string{"antisocial"}},
		{"cognitive impairment: structured group reviews", group.ModalitySkills, nil, ind(group.IndicatorCognitiveImpairment),
			group.OutcomeNeedsClinicianReview, []string{"cognitive-impairment"}},
		{"suicidal in skills group with individual therapy",
			group.ModalitySkills, nil,
			group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorAcuteSuicidality}, ConcurrentIndividualTherapy: true},
			group.OutcomeSuitable, []string{"acute-suicidality"}},
		{"suicidal in skills group without individual therapy", group.ModalitySkills, nil, ind(group.IndicatorAcuteSuicidality),
			group.OutcomeNeedsClinicianReview, []string{"acute-suicidality"}},
		{"suicidal in cbt group", group.ModalityCBT, nil,
			group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorAcuteSuicidality}, ConcurrentIndividualTherapy: true},
			group.OutcomeNeedsClinicianReview, []string{"acute-suicidality"}},
		{"cannot keep agreement", group.ModalityPsychoeducational, nil, ind(group.IndicatorCannotKeepAgreement),
			group.OutcomeUnsuitable, []string{"cannot-keep-agreement"}},
		{"substance use referred from a depression group", group.ModalityCBT, []group.Concern{group.ConcernDepression},
			ind(group.IndicatorSubstanceUse), group.OutcomeReferElsewhere, []string{"substance-use"}},
		{"substance use fits an addiction group", group.ModalityCBT, []group.Concern{group.ConcernAddiction},
			ind(group.IndicatorSubstanceUse), group.OutcomeSuitable, nil},
		{"reasons ordered by precedence", group.ModalityProcess, nil,
			ind(group.IndicatorSubstanceUse, group.IndicatorAcutePsychosis),
			group.OutcomeUnsuitable, []string{"acute-psychosis", "substance-use"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := group.Screen(profile(tc.m), tc.focus, tc.in)
			require.NoError(t, err)
			require.Equal(t, tc.outcome, got.Outcome)
			var gotCodes []string
			for _, r := range got.Reasons {
				gotCodes = append(gotCodes, r.Code)
				require.NotEmpty(t, r.Source)
				require.NotEmpty(t, r.Message)
			}
			if diff := cmp.Diff(tc.codes, gotCodes); diff != "" {
				t.Errorf("reason codes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScreenInvalidInput(t *testing.T) {
	p, _ := group.BuiltinProfile(group.ModalityCBT)
	tests := []struct {
		name  string
		in    group.ScreeningInput
		extra []group.Criterion
		paths []string
	}{
		{"item 9 above 3", group.ScreeningInput{PHQ9Item9: 4}, nil, []string{"phq9Item9"}},
		{"item 9 negative and unknown indicator", group.ScreeningInput{PHQ9Item9: -1, Indicators: []group.Indicator{0, 99}}, nil,
			[]string{"phq9Item9", "indicators[0]", "indicators[1]"}},
		{"criterion without outcome", group.ScreeningInput{}, []group.Criterion{
			func(group.Profile, []group.Concern, group.ScreeningInput) []group.Reason {
				return []group.Reason{{Code: "x"}}
			},
		}, []string{"criteria[0][0].outcome"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := group.Screen(p, nil, tc.in, tc.extra...)
			require.Equal(t, tc.paths, fieldPaths(t, err))
		})
	}
}

func TestScreenWithAppCriteria(t *testing.T) {
	g, err := group.New(fixture.CBTSpec())
	require.NoError(t, err)
	// An app's rule: members under 18 go to the adolescent program.
	minors := func(_ group.Profile, _ []group.Concern, in group.ScreeningInput) []group.Reason {
		if in.Attributes["ageBand"] != "under-18" {
			return nil
		}
		return []group.Reason{{Outcome: group.OutcomeReferElsewhere, Code: "minor", Message: "refer to the adolescent program", Source: "clinic policy"}}
	}
	got, err := g.Screen(group.ScreeningInput{Attributes: map[string]string{"ageBand": "under-18"}}, minors, nil)
	require.NoError(t, err)
	require.Equal(t, group.OutcomeReferElsewhere, got.Outcome)
	require.Equal(t, "minor", got.Reasons[0].Code)

	got, err = g.Screen(group.ScreeningInput{}, minors)
	require.NoError(t, err)
	require.Equal(t, group.Screening{Outcome: group.OutcomeSuitable}, got)
}

package dynamics_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/session"
)

// TestFactorsCanonicalOrder pins Yalom's eleven therapeutic factors in his
// order (Yalom & Leszcz 2005, ch. 1; DOMAIN.md section 3).
func TestFactorsCanonicalOrder(t *testing.T) {
	want := []string{
		"instillation-of-hope", "universality", "imparting-information", "altruism",
		"corrective-recapitulation", "socializing-techniques", "imitative-behavior",
		"interpersonal-learning", "cohesiveness", "catharsis", "existential",
	}
	var got []string
	for i, f := range dynamics.Factors() {
		if int(f) != i+1 {
			t.Errorf("factor %v has number %d, want %d", f, f, i+1)
		}
		got = append(got, f.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("factors (-want +got):\n%s", diff)
	}
}

// TestBenefitMapping pins the seed benefits onto Yalom's factors as
// DOMAIN.md section 3 maps them.
func TestBenefitMapping(t *testing.T) {
	want := map[dynamics.Benefit][]dynamics.Factor{
		dynamics.BenefitPeerSupport:        {dynamics.FactorUniversality, dynamics.FactorCohesiveness},
		dynamics.BenefitBelonging:          {dynamics.FactorCohesiveness},
		dynamics.BenefitLearningFromOthers: {dynamics.FactorInterpersonalLearning, dynamics.FactorImitativeBehavior, dynamics.FactorInformation},
		dynamics.BenefitSkillDevelopment:   {dynamics.FactorSocializingTechniques, dynamics.FactorInformation},
		dynamics.BenefitNormalization:      {dynamics.FactorUniversality},
		dynamics.BenefitHopeFromProgress:   {dynamics.FactorHope},
		dynamics.BenefitHelpingOthers:      {dynamics.FactorAltruism},
	}
	require.Len(t, dynamics.Benefits(), len(want))
	for _, b := range dynamics.Benefits() {
		if diff := cmp.Diff(want[b], b.Factors()); diff != "" {
			t.Errorf("%v (-want +got):\n%s", b, diff)
		}
	}
	if dynamics.Benefit(0).Factors() != nil {
		t.Error("unspecified benefit maps to factors")
	}
}

// TestSkillsFosterFactors checks the skill-to-factor synthesis is total over
// the skills and consistent in both directions.
func TestSkillsFosterFactors(t *testing.T) {
	for _, s := range session.Skills() {
		fs := dynamics.FactorsFostered(s)
		if len(fs) == 0 {
			t.Errorf("%v fosters no factor", s)
		}
		for _, f := range fs {
			found := false
			for _, back := range dynamics.SkillsFostering(f) {
				found = found || back == s
			}
			if !found {
				t.Errorf("%v fosters %v but SkillsFostering(%v) omits it", s, f, f)
			}
		}
	}
	for _, f := range dynamics.Factors() {
		if len(dynamics.SkillsFostering(f)) == 0 {
			t.Errorf("no skill fosters %v", f)
		}
	}
	if dynamics.FactorsFostered(0) != nil {
		t.Error("unspecified skill fosters factors")
	}
}

// TestConflictModes pins the Thomas-Kilmann modes on their two dimensions
// (Thomas & Kilmann 1974; DOMAIN.md section 5).
func TestConflictModes(t *testing.T) {
	L, I, H := dynamics.LevelLow, dynamics.LevelIntermediate, dynamics.LevelHigh
	want := []struct {
		name        string
		assert, coo dynamics.Level
	}{
		{"competing", H, L}, {"collaborating", H, H}, {"compromising", I, I}, {"avoiding", L, L}, {"accommodating", L, H},
	}
	modes := dynamics.ConflictModes()
	require.Len(t, modes, len(want))
	for i, m := range modes {
		w := want[i]
		if m.String() != w.name || m.Assertiveness() != w.assert || m.Cooperativeness() != w.coo {
			t.Errorf("mode %d = %v (%v, %v), want %s (%v, %v)", i, m, m.Assertiveness(), m.Cooperativeness(), w.name, w.assert, w.coo)
		}
		if got := dynamics.ModeFor(w.assert, w.coo); got != m {
			t.Errorf("ModeFor(%v, %v) = %v, want %v", w.assert, w.coo, got, m)
		}
	}
	if got := dynamics.ModeFor(H, I); got != dynamics.ModeUnspecified {
		t.Errorf("ModeFor(high, intermediate) = %v, want unspecified", got)
	}
	if dynamics.ConflictMode(0).Assertiveness() != dynamics.LevelUnknown {
		t.Error("unspecified mode has a level")
	}
}

// TestSituationCatalogue pins the twelve problem behaviours of DOMAIN.md
// section 5 (Corey, Corey & Corey) and the group patterns, and checks every
// situation says what to do and on whose authority.
func TestSituationCatalogue(t *testing.T) {
	var behaviours, patterns, safety []string
	for _, s := range dynamics.Situations() {
		switch {
		case s.IsSafety():
			safety = append(safety, s.String())
		case s.IsGroupPattern():
			patterns = append(patterns, s.String())
		default:
			behaviours = append(behaviours, s.String())
		}
		if s.Signs() == "" || s.Advice() == "" || s.Source() == "" {
			t.Errorf("%v lacks signs, advice or source", s)
		}
		if len(s.Interventions()) == 0 && len(s.SafetySteps()) == 0 {
			t.Errorf("%v recommends nothing", s)
		}
	}
	wantBehaviours := []string{"silence", "monopolizing", "storytelling", "questioning", "advice-giving", "band-aiding",
		"hostility", "acting-superior", "socializing", "intellectualizing", "emotionality", "dependency", "confidentiality-breach", "intoxication"}
	if diff := cmp.Diff(wantBehaviours, behaviours); diff != "" {
		t.Errorf("behaviours (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"scapegoating", "subgrouping", "leader-challenge", "member-conflict"}, patterns); diff != "" {
		t.Errorf("patterns (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"risk-disclosure", "threat-or-aggression", "medical-emergency"}, safety); diff != "" {
		t.Errorf("safety (-want +got):\n%s", diff)
	}
	// Spot-check preference orders from DOMAIN.md section 5.
	if got := dynamics.SituationMonopolizing.Interventions()[0]; got != session.SkillCuttingOff {
		t.Errorf("monopolizing: first intervention %v, want cutting-off (Jacobs et al.)", got)
	}
	if got := dynamics.SituationSilence.Interventions()[0]; got != session.SkillDrawingOut {
		t.Errorf("silence: first intervention %v, want drawing-out", got)
	}
	sc := dynamics.SituationScapegoating.Interventions()
	if sc[0] != session.SkillBlocking || sc[1] != session.SkillProtecting {
		t.Errorf("scapegoating: %v, want blocking then protecting first (Clark 2002)", sc)
	}
	if dynamics.Situation(0).Interventions() != nil || dynamics.Situation(99).Source() != "" {
		t.Error("unknown situations return catalogue data")
	}
}

func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"silence", "cohesiveness", "peer-support", "avoiding", "immediate",
		"forming", "post-group", "tuckman", "facilitator", "", "unspecified", "Forming", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkText[dynamics.Stage](t, s, dynamics.ParseStage)
		checkText[dynamics.Model](t, s, dynamics.ParseModel)
		checkText[dynamics.SetBy](t, s, dynamics.ParseSetBy)
		checkText[dynamics.Situation](t, s, dynamics.ParseSituation)
		checkText[dynamics.Factor](t, s, dynamics.ParseFactor)
		checkText[dynamics.Benefit](t, s, dynamics.ParseBenefit)
		checkText[dynamics.ConflictMode](t, s, dynamics.ParseConflictMode)
		checkText[dynamics.Urgency](t, s, dynamics.ParseUrgency)
	})
}

type textEnum interface {
	~uint8
	MarshalText() ([]byte, error)
	String() string
}

// checkText parses s and, when it names a value, checks that the value's
// text form is s; otherwise that the error is a typed *ParseError.
func checkText[T textEnum](t *testing.T, s string, parse func(string) (T, error)) {
	v, err := parse(s)
	if err != nil {
		var pe *dynamics.ParseError
		require.ErrorAs(t, err, &pe)
		require.ErrorIs(t, err, dynamics.ErrUnknownValue)
		return
	}
	b, err := v.MarshalText()
	require.NoError(t, err)
	if string(b) != s || v.String() != s {
		t.Fatalf("%q parsed to %v, which marshals to %q", s, v, b)
	}
}

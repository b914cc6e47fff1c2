package factor_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/factor"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/session"
)

// TestFactorsCanonicalOrder pins Yalom's eleven therapeutic factors in his
// order (Yalom & Leszcz 2005, ch. 1).
func TestFactorsCanonicalOrder(t *testing.T) {
	want := []string{
		"instillation-of-hope", "universality", "imparting-information", "altruism",
		"corrective-recapitulation", "socializing-techniques", "imitative-behavior",
		"interpersonal-learning", "cohesiveness", "catharsis", "existential",
	}
	var got []string
	for i, f := range factor.Factors() {
		if int(f) != i+1 {
			t.Errorf("factor %v has number %d, want %d", f, f, i+1)
		}
		got = append(got, f.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("factors (-want +got):\n%s", diff)
	}
}

// TestBenefitMapping pins the benefits onto Yalom's factors as the library
// maps them (docs/reference/factors.md).
func TestBenefitMapping(t *testing.T) {
	want := map[factor.Benefit][]factor.Factor{
		factor.BenefitPeerSupport:        {factor.FactorUniversality, factor.FactorCohesiveness},
		factor.BenefitBelonging:          {factor.FactorCohesiveness},
		factor.BenefitLearningFromOthers: {factor.FactorInterpersonalLearning, factor.FactorImitativeBehavior, factor.FactorInformation},
		factor.BenefitSkillDevelopment:   {factor.FactorSocializingTechniques, factor.FactorInformation},
		factor.BenefitNormalization:      {factor.FactorUniversality},
		factor.BenefitHopeFromProgress:   {factor.FactorHope},
		factor.BenefitHelpingOthers:      {factor.FactorAltruism},
	}
	require.Len(t, factor.Benefits(), len(want))
	for _, b := range factor.Benefits() {
		if diff := cmp.Diff(want[b], b.Factors()); diff != "" {
			t.Errorf("%v (-want +got):\n%s", b, diff)
		}
	}
	if factor.Benefit(0).Factors() != nil {
		t.Error("unspecified benefit maps to factors")
	}
}

// TestSkillsFosterFactors checks the skill-to-factor synthesis is total over
// the skills and consistent in both directions.
func TestSkillsFosterFactors(t *testing.T) {
	for _, s := range session.Skills() {
		fs := factor.FactorsFostered(s)
		if len(fs) == 0 {
			t.Errorf("%v fosters no factor", s)
		}
		for _, f := range fs {
			found := false
			for _, back := range factor.SkillsFostering(f) {
				found = found || back == s
			}
			if !found {
				t.Errorf("%v fosters %v but SkillsFostering(%v) omits it", s, f, f)
			}
		}
	}
	for _, f := range factor.Factors() {
		if len(factor.SkillsFostering(f)) == 0 {
			t.Errorf("no skill fosters %v", f)
		}
	}
	if factor.FactorsFostered(0) != nil {
		t.Error("unspecified skill fosters factors")
	}
}

// FuzzFactorText: any text either names a factor or benefit whose text form
// it is, or is a *ParseError.
func FuzzFactorText(f *testing.F) {
	for _, s := range []string{"cohesiveness", "peer-support", "", "unspecified", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range []func(string) (interface{ String() string }, error){
			func(s string) (interface{ String() string }, error) { return factor.Parse(s) },
			func(s string) (interface{ String() string }, error) { return factor.ParseBenefit(s) },
		} {
			v, err := parse(s)
			if err != nil {
				var pe *fault.ParseError
				if !errors.As(err, &pe) || !errors.Is(err, fault.ErrUnknownValue) {
					t.Fatalf("%q: untyped error %v", s, err)
				}
				continue
			}
			require.Equal(t, s, v.String())
		}
	})
}

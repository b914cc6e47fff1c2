package measure_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

var approx = cmpopts.EquateApprox(0, 1e-9)

// TestReliableChangeWorkedByHand checks the Jacobson-Truax formulas (1991,
// J Consult Clin Psychol 59:12-19) against a case worked by hand:
//
//	SD = 5, r = 0.84
//	SE    = SD * sqrt(1 - r) = 5 * sqrt(0.16) = 5 * 0.4 = 2
//	Sdiff = sqrt(2) * SE     = 2.828427...
//	threshold in points = 1.96 * 2.828427 = 5.543717...
//
//	pre 18, post 9:  RC = (9 - 18) / 2.828427 = -3.181981  -> reliable (|RC| > 1.96)
//	pre 18, post 14: RC = -4 / 2.828427       = -1.414214  -> not reliable
//	pre 10, post 16: RC = 6 / 2.828427        =  2.121320  -> reliable, worse
//
// With norms dysfunctional M 15 SD 5, functional M 3 SD 3:
//
//	a = 15 - 2*5 = 5
//	b = 3 + 2*3  = 9
//	c = (3*15 + 5*3) / (3 + 5) = 60 / 8 = 7.5
//
// so 18 -> 9 is "improved" (9 is still above c = 7.5) while 18 -> 7 is
// "recovered" (RC = -11 / 2.828427 = -3.889087, and 7 is below c).
func TestReliableChangeWorkedByHand(t *testing.T) {
	r, err := measure.NewRCI(5, 0.84)
	require.NoError(t, err)
	if diff := cmp.Diff(
		[]float64{2, 2.8284271247461903, 5.543717164502533},
		[]float64{r.SE(), r.SDiff(), r.Points()}, approx); diff != "" {
		t.Errorf("SE, Sdiff, points (-want +got):\n%s", diff)
	}
	rc, err := r.Index(18, 9)
	require.NoError(t, err)
	require.InDelta(t, -3.181981, rc, 1e-6)

	cut, err := measure.Norms{DysfunctionalMean: 15, DysfunctionalSD: 5, FunctionalMean: 3, FunctionalSD: 3}.Cutoffs()
	require.NoError(t, err)
	if diff := cmp.Diff(measure.Cutoffs{A: 5, B: 9, C: 7.5}, cut, approx); diff != "" {
		t.Errorf("cut-offs (-want +got):\n%s", diff)
	}

	rule, err := measure.JacobsonTruax("phq-9 worked example", r, cut.C, true)
	require.NoError(t, err)
	tests := []struct {
		name      string
		pre, post float64
		rc        float64
		reliable  bool
		outcome   measure.ChangeCategory
	}{
		{"18 to 9 improved but still a case", 18, 9, -3.181981, true, measure.ChangeImproved},
		{"18 to 7 recovered", 18, 7, -3.889087, true, measure.ChangeRecovered},
		{"18 to 14 unchanged", 18, 14, -1.414214, false, measure.ChangeUnchanged},
		{"10 to 16 deteriorated", 10, 16, 2.121320, true, measure.ChangeDeteriorated},
		// 5.5 points is below the 5.54 threshold.
		{"just under the threshold", 12, 6.5, -1.944544, false, measure.ChangeUnchanged},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := rule.Classify(tc.pre, tc.post)
			require.NoError(t, err)
			require.InDelta(t, tc.rc, c.RC, 1e-6)
			if c.Reliable != tc.reliable || c.Category != tc.outcome {
				t.Errorf("reliable %v outcome %v, want %v %v", c.Reliable, c.Category, tc.reliable, tc.outcome)
			}
			// The parameters travel with every result.
			require.Equal(t, r, c.Rule.Threshold.RCI)
			require.Equal(t, tc.post-tc.pre, c.Delta)
		})
	}
}

// TestCutoffsLowerIsWorse checks that a, b and c turn round when the
// functional population scores higher, as on a well-being or alliance scale.
func TestCutoffsLowerIsWorse(t *testing.T) {
	n := measure.Norms{DysfunctionalMean: 30, DysfunctionalSD: 4, FunctionalMean: 38, FunctionalSD: 2}
	require.False(t, n.HigherIsWorse())
	cut, err := n.Cutoffs()
	require.NoError(t, err)
	// a = 30 + 2*4 = 38; b = 38 - 2*2 = 34; c = (2*30 + 4*38) / 6 = 212/6.
	if diff := cmp.Diff(measure.Cutoffs{A: 38, B: 34, C: 212.0 / 6}, cut, approx); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	rule := measure.ChangeRule{
		Name:      "alliance",
		Threshold: measure.Threshold{Kind: measure.ThresholdMCID, Points: 3, Inclusive: true},
		Cutoff:    cut.C,
	}
	c, err := rule.Classify(30, 36)
	require.NoError(t, err)
	if c.Category != measure.ChangeRecovered || c.RC != 0 {
		t.Errorf("outcome %v RC %v, want recovered with no RC (a points threshold)", c.Category, c.RC)
	}
	c, err = rule.Classify(36, 33)
	require.NoError(t, err)
	require.Equal(t, measure.ChangeDeteriorated, c.Category, "a drop is worse when lower is worse")
}

func TestThresholdInclusive(t *testing.T) {
	tests := []struct {
		name  string
		th    measure.Threshold
		delta float64
		met   bool
	}{
		{"inclusive counts the exact size", measure.Threshold{Kind: measure.ThresholdRCI, Points: 6, Inclusive: true}, -6, true},
		{"exclusive does not", measure.Threshold{Kind: measure.ThresholdRCI, Points: 6}, -6, false},
		{"exclusive counts beyond it", measure.Threshold{Kind: measure.ThresholdRCI, Points: 6}, 6.01, true},
		{"inclusive below", measure.Threshold{Kind: measure.ThresholdMCID, Points: 6, Inclusive: true}, 5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.met, tc.th.Met(tc.delta))
		})
	}
}

// TestChangeBadInput checks that bad parameters are typed errors, never
// panics or silent NaNs.
func TestChangeBadInput(t *testing.T) {
	nan := math.NaN()
	rciTests := []struct {
		name      string
		sd, r     float64
		want      error
		wantParam string
	}{
		{"negative SD", -5, 0.8, measure.ErrInvalidParameter, "sd"},
		{"zero SD", 0, 0.8, measure.ErrInvalidParameter, "sd"},
		{"NaN SD", nan, 0.8, measure.ErrNotFinite, "sd"},
		{"reliability above 1", 5, 1.2, measure.ErrInvalidParameter, "reliability"},
		{"reliability below 0", 5, -0.1, measure.ErrInvalidParameter, "reliability"},
		{"reliability exactly 1 divides by zero", 5, 1, measure.ErrInvalidParameter, "reliability"},
		{"NaN reliability", 5, nan, measure.ErrNotFinite, "reliability"},
	}
	for _, tc := range rciTests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := measure.NewRCI(tc.sd, tc.r)
			require.ErrorIs(t, err, tc.want)
			var pe *measure.ParamError
			require.ErrorAs(t, err, &pe)
			require.Equal(t, tc.wantParam, pe.Name)
		})
	}
	t.Run("every problem at once", func(t *testing.T) {
		err := measure.RCI{SD: -1, Reliability: 2, Z: 0}.Validate()
		require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3)
	})
	r, err := measure.NewRCI(5, 0.84)
	require.NoError(t, err)
	t.Run("NaN score", func(t *testing.T) {
		_, err := r.Index(nan, 3)
		require.ErrorIs(t, err, measure.ErrNotFinite)
		rule, err := measure.JacobsonTruax("x", r, 10, true)
		require.NoError(t, err)
		_, err = rule.Classify(10, math.Inf(-1))
		require.ErrorIs(t, err, measure.ErrNotFinite)
	})
	t.Run("bad rules", func(t *testing.T) {
		_, err := measure.JacobsonTruax("x", measure.RCI{SD: 5, Reliability: 0.8}, 10, true)
		require.ErrorIs(t, err, measure.ErrInvalidParameter, "z of 0")
		_, err = measure.JacobsonTruax("x", r, nan, true)
		require.ErrorIs(t, err, measure.ErrNotFinite)
		_, err = measure.ChangeRule{Threshold: measure.Threshold{Points: 6}}.Classify(10, 4)
		require.ErrorIs(t, err, measure.ErrInvalid, "unspecified kind")
		_, err = measure.ChangeRule{Threshold: measure.Threshold{Kind: measure.ThresholdMCID, Points: -1}}.Classify(10, 4)
		require.ErrorIs(t, err, measure.ErrInvalidParameter)
		_, err = measure.RCIThreshold(measure.RCI{})
		require.ErrorIs(t, err, measure.ErrInvalidParameter)
		bad := measure.Threshold{Kind: measure.ThresholdRCI, Points: 5, RCI: measure.RCI{SD: 5, Reliability: 3, Z: 1.96}}
		require.ErrorIs(t, bad.Validate(), measure.ErrInvalidParameter)
	})
	t.Run("bad norms", func(t *testing.T) {
		_, err := measure.Norms{DysfunctionalMean: 10, DysfunctionalSD: -1, FunctionalMean: 10, FunctionalSD: nan}.Cutoffs()
		require.ErrorIs(t, err, measure.ErrInvalidParameter)
		require.ErrorIs(t, err, measure.ErrNotFinite)
		require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3)
	})
}

// TestChangeRuleJSON checks that a change rule, with its RCI parameters,
// survives a JSON round trip.
func TestChangeRuleJSON(t *testing.T) {
	r, err := measure.NewRCI(5.7, 0.84)
	require.NoError(t, err)
	rule, err := measure.JacobsonTruax("phq-9", r, 9.5, true)
	require.NoError(t, err)
	b, err := json.Marshal(rule)
	require.NoError(t, err)
	var got measure.ChangeRule
	require.NoError(t, json.Unmarshal(b, &got))
	if diff := cmp.Diff(rule, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNotFiniteIsAlsoTheBroaderError checks that NaN errors match both the
// specific sentinel and the general one callers are likelier to test for.
func TestNotFiniteIsAlsoTheBroaderError(t *testing.T) {
	_, err := measure.NewRCI(math.NaN(), 0.8)
	require.ErrorIs(t, err, measure.ErrNotFinite)
	require.ErrorIs(t, err, measure.ErrInvalidParameter)
	_, err = measure.ScoreGSRS([4]float64{math.NaN(), 9, 9, 9})
	require.ErrorIs(t, err, measure.ErrNotFinite)
	require.ErrorIs(t, err, measure.ErrOutOfRange)
}

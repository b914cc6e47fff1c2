package measure_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// rciRule returns a Jacobson-Truax rule built on r without validating it,
// as an app that fills the fields itself (or loads them from a file) does:
// higher is worse, with a clinical cut-off of 10.
func rciRule(r measure.RCI) measure.ChangeRule {
	return measure.ChangeRule{
		Name:          "app rule",
		Threshold:     measure.Threshold{Kind: measure.ThresholdRCI, Points: r.Points(), RCI: r},
		Cutoff:        10,
		HigherIsWorse: true,
	}
}

// TestDegenerateReliableChangeIsNeverRecovered: reliable-change parameters
// the Jacobson-Truax formulas cannot honestly use, and changes they cannot
// compute, are *ParamErrors naming the parameter, never a "recovered"
// member. RC = (post - pre) / Sdiff, Sdiff = sqrt(2) * SE and
// SE = SD * sqrt(1 - r) (Jacobson & Truax 1991, J Consult Clin Psychol
// 59:12-19), so a vanishing SE makes every change reliable; each row
// improves from a case (20, or an extreme score) to below the cut-off of
// 10, which every such rule classed "recovered".
func TestDegenerateReliableChangeIsNeverRecovered(t *testing.T) {
	tests := []struct {
		name      string
		rule      measure.ChangeRule
		pre, post float64
		param     string
		rciAlone  bool // the RCI's own Validate refuses it too
	}{
		{
			// A subnormal SD gives a positive threshold of 1.2e-310 points
			// but an Sdiff that any change divided by is infinite.
			name: "a subnormal SD", rule: rciRule(measure.RCI{SD: 1e-310, Reliability: 0.8, Z: 1.96}),
			pre: 20, post: 9, param: "sd", rciAlone: true,
		},
		{
			// The largest reliability below 1 leaves an SE of 5 * 1.05e-8
			// points, far below the rounding error of a whole-number total
			// (1/sqrt(12) = 0.29): one point would be a reliable change.
			name: "a reliability a hair below 1 on a whole-number scale",
			rule: withStep(rciRule(measure.RCI{SD: 5, Reliability: math.Nextafter(1, 0), Z: 1.96}), 1),
			pre:  20, post: 9, param: "sd",
		},
		{
			// An SD of 0.001 points on a 0-27 total (a slip for 5.7?):
			// SE 0.0004 against a rounding error of 0.29.
			name: "a tiny SD on a whole-number scale", rule: withStep(rciRule(measure.RCI{SD: 0.001, Reliability: 0.84, Z: 1.96}), 1),
			pre: 20, post: 9, param: "sd",
		},
		{
			// No distribution of totals within 0-27 has an SD above 13.5
			// (Popoviciu 1935): 57 is the SD of another scale.
			name: "an SD larger than the range allows",
			rule: withRange(rciRule(measure.RCI{SD: 57, Reliability: 0.84, Z: 1.96}), 0, 27),
			pre:  20, post: 9, param: "sd",
		},
		{
			name: "points that overflow", rule: rciRule(measure.RCI{SD: 1e300, Reliability: 0.5, Z: 1e10}),
			pre: 20, post: 9, param: "sd", rciAlone: true,
		},
		{
			// The threshold says 0.001 points, its own RCI 5.54: RC and
			// Reliable would disagree.
			name: "points that are not the RCI's",
			rule: func() measure.ChangeRule {
				r := rciRule(measure.RCI{SD: 5, Reliability: 0.84, Z: 1.96})
				r.Threshold.Points = 0.001
				return r
			}(),
			pre: 20, post: 9, param: "points",
		},
		{
			name: "a change too large to compute", rule: rciRule(measure.RCI{SD: 5, Reliability: 0.84, Z: 1.96}),
			pre: math.MaxFloat64, post: -math.MaxFloat64, param: "change",
		},
		{
			// Sdiff of about 1e-300 is a normal number, but a change of 15
			// divided by it is not.
			name: "an index too large to compute", rule: rciRule(measure.RCI{SD: 1e-300, Reliability: 0.5, Z: 1.96}),
			pre: 20, post: -1e10, param: "rc",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tc.rule.Classify(tc.pre, tc.post)
			require.NotEqual(t, measure.ChangeRecovered, c.Category)
			require.ErrorIs(t, err, measure.ErrInvalidParameter)
			require.Contains(t, paramNames(err), tc.param)
			if tc.rciAlone {
				require.Contains(t, paramNames(tc.rule.Threshold.RCI.Validate()), "sd", "the RCI alone is refused")
			}
			if tc.param == "change" || tc.param == "rc" {
				_, err = tc.rule.Threshold.RCI.Index(tc.pre, tc.post)
				require.Contains(t, paramNames(err), tc.param, "Index refuses the same change")
			}
		})
	}
}

// paramNames returns the names of the *ParamErrors in err, joined or
// wrapped as validation reports them.
func paramNames(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *measure.ParamError:
			out = append(out, e.Name)
		case interface{ Unwrap() []error }:
			for _, x := range e.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
	return out
}

func withStep(r measure.ChangeRule, step float64) measure.ChangeRule {
	r.Step = step
	return r
}

func withRange(r measure.ChangeRule, lo, hi float64) measure.ChangeRule {
	r.MinTotal, r.MaxTotal = lo, hi
	return r
}

// TestReliableChangeAtTheLimits: parameters just inside the limits are
// accepted, so the checks refuse only what cannot be honest. An SE of
// exactly 1/sqrt(12) points is the rounding error of a whole-number total;
// an SD of half the range is the two-point distribution at its ends.
func TestReliableChangeAtTheLimits(t *testing.T) {
	se := 1 / math.Sqrt(12)
	atRounding := withStep(rciRule(measure.RCI{SD: se / math.Sqrt(1-0.75) * (1 + 1e-12), Reliability: 0.75, Z: 1.96}), 1)
	require.NoError(t, atRounding.Validate())
	halfRange := withRange(rciRule(measure.RCI{SD: 13.5, Reliability: 0.84, Z: 1.96}), 0, 27)
	require.NoError(t, halfRange.Validate())
	c, err := halfRange.Classify(20, 2)
	require.NoError(t, err)
	require.Equal(t, measure.ChangeRecovered, c.Category)
}

// TestDefinitionChangeRuleKnowsItsScale: an instrument's own rule carries
// the step of its total, so an implausible RCI in an app's definition is
// refused by Validate (and so by a Catalog) and by ChangeRule, where a
// free-standing rule could not tell. Built-ins pass.
func TestDefinitionChangeRuleKnowsItsScale(t *testing.T) {
	for _, d := range measure.Builtins() {
		if d.ReliableChange == (measure.Threshold{}) || d.Caseness.IsZero() {
			continue
		}
		rule, err := d.ChangeRule()
		require.NoError(t, err, d.Instrument)
		require.Positive(t, rule.Step, "%s: every built-in total has a step", d.Instrument)
	}
	tests := []struct {
		name string
		sd   float64
		step float64
	}{
		// PHQ-9: a sum of nine items answered 0-3, so the total moves in
		// steps of 1.
		{"a tiny SD on a sum", 0.01, 1},
		{"an SD beyond half of 0-27", 20, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := builtin(t, measure.InstrumentPHQ9)
			th, err := measure.RCIThreshold(measure.RCI{SD: tc.sd, Reliability: 0.84, Z: measure.DefaultZ})
			require.NoError(t, err, "the RCI alone cannot tell")
			d.ReliableChange = th
			err = d.Validate()
			require.ErrorIs(t, err, measure.ErrInvalidParameter)
			require.Equal(t, []string{"reliable_change"}, fieldPaths(t, err))
			require.Error(t, measure.BuiltinCatalog().Set(d))
			_, err = d.ChangeRule()
			require.ErrorIs(t, err, measure.ErrInvalidParameter)
		})
	}
	t.Run("a mean total's step is the item step over the items", func(t *testing.T) {
		d := builtin(t, measure.InstrumentPHQ9)
		d.Total = measure.TotalMean
		d.Bands, d.Screens, d.Missing.MaxProrated = nil, nil, 0
		d.Caseness = measure.Cutoff{Name: "case", Value: 1}
		// A mean of nine whole-number answers moves in steps of 1/9; an SE
		// of 0.1 is above its rounding error of 0.032, an SE of 0.01 below.
		d.ReliableChange, _ = measure.RCIThreshold(measure.RCI{SD: 0.25, Reliability: 0.84, Z: measure.DefaultZ})
		require.NoError(t, d.Validate())
		rule, err := d.ChangeRule()
		require.NoError(t, err)
		require.InDelta(t, 1.0/9, rule.Step, 1e-12)
		d.ReliableChange, _ = measure.RCIThreshold(measure.RCI{SD: 0.025, Reliability: 0.84, Z: measure.DefaultZ})
		require.ErrorIs(t, d.Validate(), measure.ErrInvalidParameter)
	})
}

// TestProrationCap: whatever the definition or the options allow, no more
// than half of the items asked are prorated; beyond that a summed total
// stays incomplete (the sum of the answers, a lower bound, with no band),
// and a definition that allows more is invalid.
func TestProrationCap(t *testing.T) {
	a, m := measure.Answered, measure.Missing()
	d := builtin(t, measure.InstrumentPHQ9)
	tests := []struct {
		name     string
		answers  []measure.Answer
		opts     measure.Options
		prorated int
		total    float64
	}{
		// 5 answered items of 9 sum to 10; 10/5*9 = 18.
		{"four of nine missing, within the cap", []measure.Answer{a(2), a(2), a(2), a(2), a(2), m, m, m, m},
			measure.Options{Prorate: true, MaxProrated: 4}, 4, 18},
		// 4 answered items of 9 would give 8/4*9 = 18 from four answers.
		{"five of nine missing, beyond the cap", []measure.Answer{a(2), a(2), a(2), a(2), m, m, m, m, m},
			measure.Options{Prorate: true, MaxProrated: 5}, 0, 8},
		{"one answer of nine, the options asking for all", []measure.Answer{a(3), m, m, m, m, m, m, m, m},
			measure.Options{Prorate: true, MaxProrated: 9}, 0, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := d.Score(tc.answers, tc.opts)
			require.NoError(t, err)
			require.Equal(t, tc.prorated, s.Prorated)
			require.Equal(t, tc.prorated > 0, s.Complete)
			require.Equal(t, tc.total, s.Total)
			if tc.prorated == 0 {
				require.Equal(t, measure.Band{}, s.Band, "an incomplete total has no band")
			}
		})
	}
	t.Run("a definition allowing more than half", func(t *testing.T) {
		d := builtin(t, measure.InstrumentPHQ9)
		d.Missing.MaxProrated = 5
		err := d.Validate()
		require.ErrorIs(t, err, measure.ErrInvalid)
		require.Equal(t, []string{"missing.max_prorated"}, fieldPaths(t, err))
		d.Missing.MaxProrated = 4
		require.NoError(t, d.Validate(), "four of nine is within the cap")
	})
}

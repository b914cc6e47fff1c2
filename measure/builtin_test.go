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

// TestBuiltinsAreValidAndFresh checks that every built-in definition passes
// the checks an app's own must pass, names its publication and licence,
// round-trips through JSON, and comes fresh from each call.
func TestBuiltinsAreValidAndFresh(t *testing.T) {
	defs := measure.Builtins()
	var insts []measure.Instrument
	for _, d := range defs {
		insts = append(insts, d.Instrument)
		t.Run(d.Instrument.String(), func(t *testing.T) {
			require.NoError(t, d.Validate())
			require.NotEmpty(t, d.Citation)
			require.NotEmpty(t, d.Licence)
			b, err := json.Marshal(d)
			require.NoError(t, err)
			var back measure.Definition
			require.NoError(t, json.Unmarshal(b, &back))
			if diff := cmp.Diff(d, back, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("JSON round trip (-want +got):\n%s", diff)
			}
		})
	}
	require.Equal(t, measure.Instruments(), insts, "catalogue order")
	defs[0].Items[8].Label = "changed"
	defs[0].Bands[0].Label = "changed"
	require.Equal(t, "self-harm thoughts", measure.Builtins()[0].Items[8].Label)
	require.Equal(t, "minimal", builtin(t, measure.InstrumentPHQ9).Bands[0].Label)
}

// score scores answers (NaN marks a missing answer) with built-in inst.
func score(t *testing.T, inst measure.Instrument, opts measure.Options, answers ...float64) measure.Score {
	t.Helper()
	d := builtin(t, inst)
	s, err := d.Score(answersOf(answers...), opts)
	require.NoError(t, err)
	return s
}

// answersOf makes answers from values, NaN marking a missing one.
func answersOf(vs ...float64) []measure.Answer {
	out := make([]measure.Answer, len(vs))
	for k, v := range vs {
		if !math.IsNaN(v) {
			out[k] = measure.Answered(v)
		}
	}
	return out
}

var m = math.NaN() // a missing answer in answersOf

// TestCORE10 checks the CORE-10 against Barkham et al. 2013 and the CORE-10
// User Manual (Connell & Barkham 2007): items 0-4, items 2 and 3 reverse
// scored, total 0-40, clinical cut-off 11, item 6 the risk item; proration
// when one item is missing (the mean of the rest times 10, CORE System
// Trust); bands healthy 0-5, low 6-10, mild 11-14, moderate 15-19,
// moderately severe 20-24, severe 25-40 (CORE System Trust clinical-score
// bands); reliable change from SD 7.7 and alpha .90.
func TestCORE10(t *testing.T) {
	all0 := score(t, measure.InstrumentCORE10, measure.Options{}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	require.Equal(t, 8.0, all0.Total, "items 2 and 3 answered 0 score 4 each, reversed")
	require.Equal(t, "low", all0.Band.Label)

	bands := []struct {
		total float64
		label string
		case_ bool
	}{
		{0, "healthy", false}, {5, "healthy", false}, {6, "low", false}, {10, "low", false},
		{11, "mild", true}, {14, "mild", true}, {15, "moderate", true}, {19, "moderate", true},
		{20, "moderately-severe", true}, {24, "moderately-severe", true}, {25, "severe", true}, {40, "severe", true},
	}
	for _, tc := range bands {
		// Items 2 and 3 at 4 (reversed: 0); the rest spread the total.
		a := []float64{0, 4, 4, 0, 0, 0, 0, 0, 0, 0}
		left := tc.total
		for _, k := range []int{0, 3, 4, 6, 7, 8, 9, 5} {
			a[k] = math.Min(left, 4)
			left -= a[k]
		}
		if left > 0 { // the severe end needs the reversed items too
			a[1], a[2] = 4-math.Min(left, 4), 4-math.Max(left-4, 0)
		}
		s := score(t, measure.InstrumentCORE10, measure.Options{}, a...)
		require.Equal(t, tc.total, s.Total, "%v", a)
		require.Equal(t, tc.label, s.Band.Label, "total %v", tc.total)
		require.Equal(t, tc.case_, s.Case, "total %v", tc.total)
	}

	t.Run("proration", func(t *testing.T) {
		one := score(t, measure.InstrumentCORE10, measure.Options{Prorate: true}, 2, 2, 2, 1, 1, 0, 1, 2, 2, m)
		// Answered (reversed) 2, 2, 2, 1, 1, 0, 1, 2, 2 = 13 over 9 items; 13/9*10.
		require.True(t, one.Complete)
		require.Equal(t, 1, one.Prorated)
		require.InDelta(t, 130.0/9, one.Total, 1e-9, "not rounded")
		two := score(t, measure.InstrumentCORE10, measure.Options{Prorate: true}, 2, 2, 2, 1, 1, 0, 1, 2, m, m)
		require.False(t, two.Complete, "two missing items are not prorated")
		require.Equal(t, measure.Band{}, two.Band)
	})
	t.Run("risk item 6", func(t *testing.T) {
		s := score(t, measure.InstrumentCORE10, measure.Options{}, 0, 4, 4, 0, 0, 1, 0, 0, 0, 0)
		require.Equal(t, 1.0, s.Total)
		require.Equal(t, measure.RiskRaised, s.Risk.Status, "a low total does not hide it")
		require.Equal(t, 6, s.Risk.Item)
		require.Equal(t, "only occasionally", s.Risk.AnswerLabel)
		require.Equal(t, measure.RiskToSelf, s.Risk.Kind)
	})
	t.Run("reliable change", func(t *testing.T) {
		d := builtin(t, measure.InstrumentCORE10)
		// 1.96 * sqrt(2) * 7.7 * sqrt(1 - .90) = 6.749...
		require.InDelta(t, 6.749, d.ReliableChange.Points, 1e-3)
		require.Equal(t, 7.7, d.ReliableChange.RCI.SD)
	})
}

// TestK10 checks the K10 (Kessler et al. 2002) as the ABS scores it
// (Information Paper 4817.0.55.001, table E): items 1-5, total 10-50; low
// 10-15, moderate 16-21, high 22-29, very high 30-50.
func TestK10(t *testing.T) {
	d := builtin(t, measure.InstrumentK10)
	lo, hi := d.TotalRange()
	require.Equal(t, []float64{10, 50}, []float64{lo, hi})
	for _, tc := range []struct {
		total float64
		label string
	}{{10, "low"}, {15, "low"}, {16, "moderate"}, {21, "moderate"}, {22, "high"}, {29, "high"}, {30, "very-high"}, {50, "very-high"}} {
		a := make([]float64, 10)
		left := tc.total - 10
		for k := range a {
			a[k] = 1 + math.Min(left, 4)
			left -= a[k] - 1
		}
		s := score(t, measure.InstrumentK10, measure.Options{}, a...)
		require.Equal(t, tc.total, s.Total)
		require.Equal(t, tc.label, s.Band.Label, "total %v", tc.total)
		require.Equal(t, tc.total >= 30, s.Screen.Positive, "total %v", tc.total)
	}
	_, err := d.Score(answersOf(0, 1, 1, 1, 1, 1, 1, 1, 1, 1), measure.Options{})
	require.ErrorIs(t, err, measure.ErrOutOfRange, "0 is below the 1-5 scale")
}

// TestWHO5 checks the WHO-5 (WHO 1998; Topp et al. 2015): items 0-5, raw
// 0-25 times 4 as a percentage; 50 or below poor well-being (raw below 13),
// 28 or below likely depression; higher is better.
func TestWHO5(t *testing.T) {
	for _, tc := range []struct {
		raw    float64
		screen string
		case_  bool
		pos    bool
	}{
		{25, "poor well-being", false, false},
		{13, "poor well-being", false, false}, // 52%
		{12, "poor well-being", true, true},   // 48%
		{8, "poor well-being", true, true},    // 32%
		{7, "likely depression", true, true},  // 28%
		{0, "likely depression", true, true},
	} {
		a := make([]float64, 5)
		left := tc.raw
		for k := range a {
			a[k] = math.Min(left, 5)
			left -= a[k]
		}
		s := score(t, measure.InstrumentWHO5, measure.Options{}, a...)
		require.Equal(t, tc.raw, s.Raw)
		require.Equal(t, 4*tc.raw, s.Total, "the percentage")
		require.Equal(t, tc.screen, s.Screen.Name, "raw %v", tc.raw)
		require.Equal(t, tc.pos, s.Screen.Positive, "raw %v", tc.raw)
		require.Equal(t, tc.case_, s.Case, "raw %v", tc.raw)
	}
	d := builtin(t, measure.InstrumentWHO5)
	require.False(t, d.HigherIsWorse)
	require.Equal(t, 10.0, d.ReliableChange.Points, "10 percentage points (Topp et al. 2015)")
	rule, err := d.ChangeRule()
	require.NoError(t, err)
	c, err := rule.Classify(40, 60)
	require.NoError(t, err)
	require.Equal(t, measure.ChangeRecovered, c.Category, "a rise of 20 from poor well-being to above 50")
}

// TestPCL5 checks the PCL-5 (Weathers et al. 2013): twenty items 0-4, total
// 0-80, the DSM-5 clusters B (items 1-5), C (6-7), D (8-14), E (15-20) as
// summed subscales; provisional PTSD at 33 by default, within the published
// range 31-33 (Bovin et al. 2016), and configurable.
func TestPCL5(t *testing.T) {
	d := builtin(t, measure.InstrumentPCL5)
	a := make([]float64, 20)
	for k := range a {
		a[k] = float64(k % 5)
	}
	subs, err := d.ScoreSubscales(answersOf(a...), measure.Options{})
	require.NoError(t, err)
	sum := func(items ...int) float64 {
		t := 0.0
		for _, n := range items {
			t += a[n-1]
		}
		return t
	}
	want := []measure.SubscaleScore{
		{Subscale: measure.SubscaleIntrusion, Score: sum(1, 2, 3, 4, 5), Complete: true, Answered: 5},
		{Subscale: measure.SubscaleAvoidance, Score: sum(6, 7), Complete: true, Answered: 2},
		{Subscale: measure.SubscaleCognitionMood, Score: sum(8, 9, 10, 11, 12, 13, 14), Complete: true, Answered: 7},
		{Subscale: measure.SubscaleArousalReactivity, Score: sum(15, 16, 17, 18, 19, 20), Complete: true, Answered: 6},
	}
	if diff := cmp.Diff(want, subs); diff != "" {
		t.Errorf("clusters (-want +got):\n%s", diff)
	}

	at := func(def measure.Definition, total float64) measure.Score {
		a := make([]float64, 20)
		left := total
		for k := range a {
			a[k] = math.Min(left, 4)
			left -= a[k]
		}
		s, err := def.Score(answersOf(a...), measure.Options{})
		require.NoError(t, err)
		return s
	}
	require.False(t, at(d, 32).Screen.Positive)
	require.True(t, at(d, 33).Screen.Positive)
	require.True(t, at(d, 33).Case)

	// A service that uses 31, the lower end of the published range, sets
	// its own value in its catalogue.
	cat := measure.BuiltinCatalog()
	own := d.Clone()
	own.Screens[0].Value, own.Caseness.Value = 31, 31
	require.NoError(t, cat.Set(own))
	got, err := cat.Lookup(measure.InstrumentPCL5)
	require.NoError(t, err)
	require.True(t, at(got, 31).Screen.Positive)
	require.Equal(t, 33.0, d.Screens[0].Value, "the built-in is unchanged")
}

// TestAUDITC checks the AUDIT-C (Bush et al. 1998; Bradley et al. 2007):
// three items 0-4 with their own response options, total 0-12, positive at
// 4 or more for men and 3 or more for women; the sex-neutral cut-off is the
// more sensitive 3.
func TestAUDITC(t *testing.T) {
	for _, tc := range []struct {
		sex   measure.Sex
		total float64
		pos   bool
	}{
		{measure.SexMale, 3, false}, {measure.SexMale, 4, true},
		{measure.SexFemale, 2, false}, {measure.SexFemale, 3, true},
		{measure.SexUnspecified, 2, false}, {measure.SexUnspecified, 3, true},
	} {
		a := []float64{math.Min(tc.total, 4), math.Max(tc.total-4, 0), 0}
		s := score(t, measure.InstrumentAUDITC, measure.Options{Sex: tc.sex}, a...)
		require.Equal(t, tc.pos, s.Screen.Positive, "%v %v", tc.sex, tc.total)
		require.Equal(t, tc.pos, s.Case, "%v %v", tc.sex, tc.total)
	}
	d := builtin(t, measure.InstrumentAUDITC)
	require.Equal(t, "2-3 times a week", d.ItemScale(1).Label(3))
	require.Equal(t, "10 or more", d.ItemScale(2).Label(4))
	require.Equal(t, "weekly", d.ItemScale(3).Label(3))

	// The Administration's sex decides the cut-off.
	cat := measure.BuiltinCatalog()
	a := measure.Administration{Instrument: measure.InstrumentAUDITC, Member: "m", At: t0, Sex: measure.SexMale, Answers: measure.Answers(2, 1, 0)}
	r, err := cat.Score(a, measure.Options{Sex: measure.SexFemale})
	require.NoError(t, err)
	require.Equal(t, measure.ScreenResult{Name: "unhealthy alcohol use", Cutoff: 4, Positive: false}, r.Screen)
}

// TestCSSRS checks the C-SSRS screener (Posner et al. 2011) and its triage
// (Columbia Lighthouse Project, screener with triage points): items 3-5 are
// asked only after a yes to item 2, item 7 (behaviour within 3 months) only
// after a yes to item 6; yes to 1 or 2 is low risk, to 3 or to 6 alone
// moderate, to 4, 5 or 7 high.
func TestCSSRS(t *testing.T) {
	tests := []struct {
		name    string
		answers []float64
		status  measure.RiskStatus
		level   string
		item    int
		within  measure.FollowUpWindow
		asked   int
	}{
		{"all no: items 3-5 and 7 not asked", []float64{0, 0, m, m, m, 0, m}, measure.RiskClear, "", 0, 0, 3},
		{"wish to be dead only", []float64{1, 0, m, m, m, 0, m}, measure.RiskRaised, "low", 1, measure.WindowBeforeNextSession, 3},
		{"thoughts, no method", []float64{1, 1, 0, 0, 0, 0, m}, measure.RiskRaised, "low", 1, measure.WindowBeforeNextSession, 6},
		{"thought about how", []float64{1, 1, 1, 0, 0, 0, m}, measure.RiskRaised, "moderate", 3, measure.WindowSameDay, 6},
		{"intent", []float64{1, 1, 1, 1, 0, 0, m}, measure.RiskRaised, "high", 4, measure.WindowImmediate, 6},
		{"plan with intent", []float64{0, 1, 0, 0, 1, 0, m}, measure.RiskRaised, "high", 5, measure.WindowImmediate, 6},
		{"behaviour longer ago than 3 months", []float64{0, 0, m, m, m, 1, 0}, measure.RiskRaised, "moderate", 6, measure.WindowSameDay, 4},
		{"behaviour within 3 months", []float64{0, 0, m, m, m, 1, 1}, measure.RiskRaised, "high", 7, measure.WindowImmediate, 4},
		// Item 2 unanswered: items 3-5 cannot be known, so nor can the risk.
		{"item 2 unanswered", []float64{0, m, m, m, m, 0, m}, measure.RiskUnknown, "", 2, measure.WindowImmediate, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := score(t, measure.InstrumentCSSRS, measure.Options{}, tc.answers...)
			require.Equal(t, tc.status, s.Risk.Status)
			require.Equal(t, tc.level, s.Risk.Level)
			require.Equal(t, tc.item, s.Risk.Item)
			require.Equal(t, tc.within, s.Risk.FollowUp.Within)
			require.Equal(t, tc.asked, s.Asked)
			if tc.status == measure.RiskRaised {
				require.Equal(t, "yes", s.Risk.AnswerLabel)
				require.NotEmpty(t, s.Risk.Source)
			}
		})
	}
	t.Run("an answer to an item not asked", func(t *testing.T) {
		d := builtin(t, measure.InstrumentCSSRS)
		_, err := d.Score(answersOf(0, 0, 1, m, m, 0, m), measure.Options{})
		require.ErrorIs(t, err, measure.ErrNotAsked)
		var ie *measure.ItemError
		require.ErrorAs(t, err, &ie)
		require.Equal(t, 3, ie.Item)
		err = measure.BuiltinCatalog().Validate(measure.Administration{Instrument: measure.InstrumentCSSRS, Member: "m", At: t0,
			Answers: answersOf(0, 0, 1, m, m, 0, 1)})
		require.ErrorIs(t, err, measure.ErrNotAsked)
	})
}

// TestPHQ9RiskFlag checks the generic risk flag on the PHQ-9 (Kroenke,
// Spitzer & Williams 2001): item 9 above 0 raises it whatever the total,
// with the item, the answer and its label, the kind and the source; an
// unanswered item 9 is unknown risk, never "no risk".
func TestPHQ9RiskFlag(t *testing.T) {
	raised := score(t, measure.InstrumentPHQ9, measure.Options{}, 0, 0, 0, 0, 0, 0, 0, 0, 2)
	want := measure.RiskFlag{
		Instrument: measure.InstrumentPHQ9, Status: measure.RiskRaised, Kind: measure.RiskToSelf, Item: 9,
		Answer: measure.Answered(2), AnswerLabel: "more than half the days",
		FollowUp: measure.FollowUp{Action: measure.ActionRiskAssessment, Actor: measure.ActorClinician, Within: measure.WindowSameDay},
		Source:   builtin(t, measure.InstrumentPHQ9).Risk[0].Source,
	}
	if diff := cmp.Diff(want, raised.Risk); diff != "" {
		t.Errorf("raised (-want +got):\n%s", diff)
	}
	clear := score(t, measure.InstrumentPHQ9, measure.Options{}, 3, 3, 3, 3, 3, 3, 3, 3, 0)
	require.Equal(t, measure.RiskClear, clear.Risk.Status)
	require.True(t, clear.Risk.Known())

	unknown := score(t, measure.InstrumentPHQ9, measure.Options{Prorate: true}, 1, 1, 1, 1, 1, 1, 1, 1, m)
	require.True(t, unknown.Complete, "the total is prorated")
	require.Equal(t, measure.RiskUnknown, unknown.Risk.Status, "the flag is not")
	require.Equal(t, 9, unknown.Risk.Item)
	require.True(t, unknown.Risk.Answer.IsMissing())
	require.Equal(t, 1, unknown.Risk.Unanswered)
	require.Equal(t, measure.ActionAskRiskItem, unknown.Risk.FollowUp.Action)

	none := score(t, measure.InstrumentGAD7, measure.Options{}, 1, 1, 1, 1, 1, 1, 1)
	require.Equal(t, measure.RiskFlag{}, none.Risk, "the GAD-7 has no risk items")
}

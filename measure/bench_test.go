package measure_test

import (
	"errors"
	"testing"

	"github.com/groupwork/groupwork/measure"
)

var (
	sinkPHQ9   measure.PHQ9Score
	sinkScore  measure.Score
	sinkLegacy legacyPHQ9
)

// BenchmarkScorePHQ9 scores a complete PHQ-9 from a fixed-size array with
// the convenience entry point, which reads the built-in definition.
func BenchmarkScorePHQ9(b *testing.B) {
	answers := [9]int{2, 1, 3, 0, 2, 1, 1, 0, 1}
	b.ReportAllocs()
	for b.Loop() {
		s, err := measure.ScorePHQ9(answers)
		if err != nil {
			b.Fatal(err)
		}
		sinkPHQ9 = s
	}
}

// BenchmarkDefinitionScorePHQ9 scores the same form through the generic,
// definition-driven scorer: total, band, screen, caseness and the item-9
// risk flag, with no instrument-specific code.
func BenchmarkDefinitionScorePHQ9(b *testing.B) {
	def := builtin(b, measure.InstrumentPHQ9)
	answers := measure.Answers(2, 1, 3, 0, 2, 1, 1, 0, 1)
	b.ReportAllocs()
	for b.Loop() {
		s, err := def.Score(answers, measure.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sinkScore = s
	}
}

// BenchmarkLegacyScorePHQ9 is the baseline: the PHQ-9 scorer as it was
// before instruments became definitions, code written for the PHQ-9 alone.
// The definition-driven scorer is held to at most 1.5 times its cost.
func BenchmarkLegacyScorePHQ9(b *testing.B) {
	answers := [9]int{2, 1, 3, 0, 2, 1, 1, 0, 1}
	b.ReportAllocs()
	for b.Loop() {
		s, ok := scoreLegacyPHQ9(answers)
		if !ok {
			b.Fatal("bad answers")
		}
		sinkLegacy = s
	}
}

func BenchmarkScorePHQ9Answers(b *testing.B) {
	answers := measure.Answers(2, 1, 3, 0, 2, 1, 1, 0, 1)
	answers[4] = measure.Missing()
	opts := measure.Options{Prorate: true}
	b.ReportAllocs()
	for b.Loop() {
		s, err := measure.ScorePHQ9Answers(answers, opts)
		if err != nil {
			b.Fatal(err)
		}
		sinkPHQ9 = s
	}
}

// BenchmarkCatalogScore scores a whole Administration through a catalogue:
// validation, the instrument's lookup, the score and its subscales.
func BenchmarkCatalogScore(b *testing.B) {
	cat := measure.BuiltinCatalog()
	a := phq9Admin("m", 3, t0, 2, 1, 3, 0, 2, 1, 1, 0, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cat.Score(a, measure.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScoreGCQS(b *testing.B) {
	var answers [12]measure.Answer
	for k := range answers {
		answers[k] = measure.Answered(float64(k % 7))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := measure.ScoreGCQS(answers); err != nil {
			b.Fatal(err)
		}
	}
}

// TestScoringAllocatesNothing pins the zero-allocation property of the
// PHQ-9 entry points and of the definition-driven scorer for every
// built-in, so that a regression fails the ordinary test run, not only the
// benchmark.
func TestScoringAllocatesNothing(t *testing.T) {
	answers := [9]int{2, 1, 3, 0, 2, 1, 1, 0, 1}
	if allocs := testing.AllocsPerRun(100, func() { sinkPHQ9, _ = measure.ScorePHQ9(answers) }); allocs != 0 {
		t.Errorf("ScorePHQ9 allocates %v times per call, want 0", allocs)
	}
	for _, d := range measure.Builtins() {
		form := make([]measure.Answer, d.NumItems())
		for k := range form {
			if d.Items[k].AskedIf == (measure.Condition{}) {
				form[k] = measure.Answered(d.ItemScale(k + 1).Max)
			}
		}
		if allocs := testing.AllocsPerRun(100, func() { sinkScore, _ = d.Score(form, measure.Options{}) }); allocs != 0 {
			t.Errorf("%v: Definition.Score allocates %v times per call, want 0", d.Instrument, allocs)
		}
	}
}

// legacyPHQ9 and scoreLegacyPHQ9 restate, line for line, the PHQ-9 scorer
// of the code before definitions (a tally of ints, a band switch, constant
// cut-offs, the same result shape), as the benchmark baseline and as a
// cross-check: the definition-driven scorer must agree with it on every
// complete form.
type legacyPHQ9 struct {
	Total              int
	Band               uint8
	ScreenPositive     bool
	PHQ2               int
	PHQ2Positive       bool
	Item9              int
	Item9Missing       bool
	SelfHarmRisk       bool
	Answered, Prorated int
	Complete           bool
}

type legacyTally struct {
	n                  int
	vals               [9]int
	missing            [9]bool
	sum                int
	answered, prorated int
	total              int
	complete           bool
}

func scoreLegacyPHQ9(answers [9]int) (legacyPHQ9, bool) {
	t, err := legacyTallyInts(measure.InstrumentPHQ9, answers[:])
	if err != nil {
		return legacyPHQ9{}, false
	}
	return t.phq9(), true
}

func legacyTallyInts(inst measure.Instrument, answers []int) (legacyTally, error) {
	t := legacyTally{n: len(answers)}
	var errs []error
	for k, v := range answers {
		if v < 0 || v > 3 {
			errs = append(errs, &measure.AnswerError{Instrument: inst, Item: k + 1, Value: float64(v), Min: 0, Max: 3})
			continue
		}
		t.vals[k] = v
		t.sum += v
	}
	if len(errs) > 0 {
		return legacyTally{}, errors.Join(errs...)
	}
	t.answered, t.total, t.complete = t.n, t.sum, true
	return t, nil
}

func (t legacyTally) phq9() legacyPHQ9 {
	s := legacyPHQ9{
		Total: t.total, PHQ2: t.vals[0] + t.vals[1], Item9: t.vals[8], Item9Missing: t.missing[8],
		Answered: t.answered, Prorated: t.prorated, Complete: t.complete,
	}
	s.SelfHarmRisk = !s.Item9Missing && s.Item9 > 0
	s.PHQ2Positive = s.PHQ2 >= 3
	s.ScreenPositive = s.Total >= 10
	if s.Complete {
		s.Band = legacyPHQ9Band(s.Total)
	}
	return s
}

func legacyPHQ9Band(total int) uint8 {
	switch {
	case total < 0 || total > 27:
		return 0
	case total <= 4:
		return 1
	case total <= 9:
		return 2
	case total <= 14:
		return 3
	case total <= 19:
		return 4
	}
	return 5
}

// TestDefinitionAgreesWithLegacyPHQ9 checks every complete PHQ-9 with items
// 1, 2 and 9 varied over their whole scale and the rest over a spread of
// totals: the definition-driven scorer and the old code agree.
func TestDefinitionAgreesWithLegacyPHQ9(t *testing.T) {
	for i1 := range 4 {
		for i2 := range 4 {
			for i9 := range 4 {
				for rest := range 19 {
					a := [9]int{i1, i2}
					left := rest
					for k := 2; k < 8; k++ {
						a[k] = min(left, 3)
						left -= a[k]
					}
					a[8] = i9
					want, _ := scoreLegacyPHQ9(a)
					got, err := measure.ScorePHQ9(a)
					if err != nil {
						t.Fatal(err)
					}
					g := legacyPHQ9{Total: got.Total, Band: uint8(got.Band.Ordinal), ScreenPositive: got.ScreenPositive,
						PHQ2: got.PHQ2, PHQ2Positive: got.PHQ2Positive, Item9: got.Item9, Item9Missing: got.Item9Missing,
						SelfHarmRisk: got.SelfHarmRisk, Answered: got.Answered, Prorated: got.Prorated, Complete: got.Complete}
					if g != want {
						t.Fatalf("%v: definition %+v, legacy %+v", a, g, want)
					}
				}
			}
		}
	}
}

// TestAllocationsLinear checks that the whole-series readings allocate in
// proportion to their input: doubling the forms at most doubles the
// allocations (plus a constant).
func TestAllocationsLinear(t *testing.T) {
	cat := measure.BuiltinCatalog()
	seriesOf := func(n int) measure.Series {
		s := measure.Series{Member: "ana"}
		for k := 1; k <= n; k++ {
			s.Administrations = append(s.Administrations, phq9At("ana", k, 10+k%5), gsrsAt("ana", k, 38))
			s.Attendance = append(s.Attendance, measure.SessionAttendance{Session: k, Attended: k%4 != 0})
		}
		return s
	}
	groupOf := func(n int) []measure.Administration {
		var out []measure.Administration
		for m := range n {
			member := "m" + itoa(m)
			out = append(out, phq9At(member, 1, 14), gad7At(member, 1, 10), phq9At(member, 12, 6), gad7At(member, 12, 5))
		}
		return out
	}
	rules, tt := measure.DefaultAlertRules(), measure.NHSTalkingTherapies()
	tests := []struct {
		name string
		run  func(n int) func()
	}{
		{"alerts", func(n int) func() {
			s := seriesOf(n)
			return func() { _, _ = rules.Alerts(cat, measure.Options{}, s) }
		}},
		{"group outcomes", func(n int) func() {
			g := groupOf(n)
			return func() { _, _ = tt.GroupOutcomes(cat, measure.Options{}, g) }
		}},
		{"trajectories", func(n int) func() {
			g := groupOf(n)
			return func() { _, _ = measure.Trajectories(cat, measure.Options{}, g) }
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			small := testing.AllocsPerRun(20, tc.run(50))
			large := testing.AllocsPerRun(20, tc.run(100))
			if large > 2.1*small+20 { // append and map growth make doubling a little more than double

				t.Errorf("%v allocations for 100, %v for 50: not linear", large, small)
			}
		})
	}
}

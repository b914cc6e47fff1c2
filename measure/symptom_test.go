package measure_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// phq9WithTotal returns a PHQ-9 whose items sum to total, filling items 1..8
// before item 9 so that item 9 stays 0 unless total > 24.
func phq9WithTotal(total int) [9]int {
	var a [9]int
	for k := range a {
		v := min(total, 3)
		a[k] = v
		total -= v
	}
	return a
}

// TestPHQ9Bands checks every band boundary on both sides against Kroenke,
// Spitzer & Williams 2001 (J Gen Intern Med 16:606-613): minimal 0-4, mild
// 5-9, moderate 10-14, moderately severe 15-19, severe 20-27.
func TestPHQ9Bands(t *testing.T) {
	def := builtin(t, measure.InstrumentPHQ9)
	tests := []struct {
		total int
		want  string
	}{
		{0, "minimal"},
		{4, "minimal"},
		{5, "mild"},
		{9, "mild"},
		{10, "moderate"},
		{14, "moderate"},
		{15, "moderately-severe"},
		{19, "moderately-severe"},
		{20, "severe"},
		{27, "severe"},
	}
	for _, tc := range tests {
		t.Run(tc.want+"/"+itoa(tc.total), func(t *testing.T) {
			s, err := measure.ScorePHQ9(phq9WithTotal(tc.total))
			require.NoError(t, err)
			require.Equal(t, tc.total, s.Total)
			if s.Band.Label != tc.want {
				t.Errorf("Band = %v, want %v", s.Band, tc.want)
			}
			if got, _ := def.BandOf(float64(tc.total)); got.Label != tc.want {
				t.Errorf("BandOf(%d) = %v, want %v", tc.total, got, tc.want)
			}
			if got, want := s.ScreenPositive, tc.total >= 10; got != want {
				t.Errorf("ScreenPositive = %v, want %v (cut-off 10)", got, want)
			}
		})
	}
	for _, total := range []int{-1, 28} {
		if got, ok := def.BandOf(float64(total)); ok {
			t.Errorf("BandOf(%d) = %v, want none", total, got)
		}
	}
}

// TestGAD7Bands checks every band boundary on both sides against Spitzer et
// al. 2006 (Arch Intern Med 166:1092-1097): minimal 0-4, mild 5-9, moderate
// 10-14, severe 15-21.
func TestGAD7Bands(t *testing.T) {
	def := builtin(t, measure.InstrumentGAD7)
	tests := []struct {
		total int
		want  string
	}{
		{0, "minimal"},
		{4, "minimal"},
		{5, "mild"},
		{9, "mild"},
		{10, "moderate"},
		{14, "moderate"},
		{15, "severe"},
		{21, "severe"},
	}
	for _, tc := range tests {
		t.Run(tc.want+"/"+itoa(tc.total), func(t *testing.T) {
			var a [7]int
			rest := tc.total
			for k := range a {
				a[k] = min(rest, 3)
				rest -= a[k]
			}
			s, err := measure.ScoreGAD7(a)
			require.NoError(t, err)
			require.Equal(t, tc.total, s.Total)
			if s.Band.Label != tc.want {
				t.Errorf("Band = %v, want %v", s.Band, tc.want)
			}
			if got, want := s.ScreenPositive, tc.total >= 10; got != want {
				t.Errorf("ScreenPositive = %v, want %v (cut-off 10)", got, want)
			}
		})
	}
	for _, total := range []int{-1, 22} {
		if got, ok := def.BandOf(float64(total)); ok {
			t.Errorf("BandOf(%d) = %v, want none", total, got)
		}
	}
}

// TestBandTablesMatchFunctions checks that the published tables in the
// PHQ-9 and GAD-7 definitions agree with BandOf at every total, and that
// the bands tile the range with no gap or overlap.
func TestBandTablesMatchFunctions(t *testing.T) {
	tests := []struct {
		name string
		def  measure.Definition
		max  float64
	}{
		{"phq-9", builtin(t, measure.InstrumentPHQ9), 27},
		{"gad-7", builtin(t, measure.InstrumentGAD7), 21},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bands := tc.def.Bands
			require.Equal(t, 0.0, bands[0].Min)
			require.Equal(t, tc.max, bands[len(bands)-1].Max)
			for k, b := range bands {
				if k > 0 && b.Min != bands[k-1].Max+1 {
					t.Errorf("band %v starts at %v, want %v", b, b.Min, bands[k-1].Max+1)
				}
				for total := b.Min; total <= b.Max; total++ {
					if got, _ := tc.def.BandOf(total); got.Label != b.Label || got.Ordinal != k+1 {
						t.Errorf("total %v: BandOf says %v (%d), table says %v (%d)", total, got, got.Ordinal, b, k+1)
					}
				}
			}
		})
	}
}

// TestPHQ9SelfHarmFlag checks that item 9 above 0 raises the flag whatever
// the total, and that the flag is never raised from item 9 = 0 (Kroenke,
// Spitzer & Williams 2001: item 9 is read on its own, never folded into
// the band).
func TestPHQ9SelfHarmFlag(t *testing.T) {
	tests := []struct {
		name      string
		answers   [9]int
		wantTotal int
		wantRisk  bool
		wantSev   string
	}{
		{"total 0, no flag", [9]int{}, 0, false, "minimal"},
		{"total 27, flag", [9]int{3, 3, 3, 3, 3, 3, 3, 3, 3}, 27, true, "severe"},
		// The flag cannot hide behind a minimal total.
		{"only item 9 answered above 0", [9]int{0, 0, 0, 0, 0, 0, 0, 0, 1}, 1, true, "minimal"},
		{"total 24 with item 9 at 0", [9]int{3, 3, 3, 3, 3, 3, 3, 3, 0}, 24, false, "severe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := measure.ScorePHQ9(tc.answers)
			require.NoError(t, err)
			if s.Total != tc.wantTotal || s.SelfHarmRisk != tc.wantRisk || s.Band.Label != tc.wantSev {
				t.Errorf("got total %d risk %v band %v, want %d %v %v",
					s.Total, s.SelfHarmRisk, s.Band, tc.wantTotal, tc.wantRisk, tc.wantSev)
			}
			if s.Item9 != tc.answers[8] {
				t.Errorf("Item9 = %d, want %d", s.Item9, tc.answers[8])
			}
		})
	}
}

// TestPHQ2GAD2 checks the ultra-brief sub-scores and their cut-off of 3
// (PHQ-2: Kroenke, Spitzer & Williams 2003; GAD-2: Kroenke et al. 2007).
func TestPHQ2GAD2(t *testing.T) {
	tests := []struct {
		name     string
		item1    int
		item2    int
		positive bool
	}{
		{"2 is below the cut-off", 1, 1, false},
		{"3 is at the cut-off", 2, 1, true},
		{"6 is the maximum", 3, 3, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := measure.ScorePHQ9([9]int{tc.item1, tc.item2})
			require.NoError(t, err)
			g, err := measure.ScoreGAD7([7]int{tc.item1, tc.item2})
			require.NoError(t, err)
			want := tc.item1 + tc.item2
			if p.PHQ2 != want || p.PHQ2Positive != tc.positive {
				t.Errorf("PHQ-2 = %d positive %v, want %d %v", p.PHQ2, p.PHQ2Positive, want, tc.positive)
			}
			if g.GAD2 != want || g.GAD2Positive != tc.positive {
				t.Errorf("GAD-2 = %d positive %v, want %d %v", g.GAD2, g.GAD2Positive, want, tc.positive)
			}
		})
	}
}

func TestScorePHQ9RejectsOutOfRange(t *testing.T) {
	_, err := measure.ScorePHQ9([9]int{0, 4, 0, 0, -1, 0, 0, 0, 0})
	require.ErrorIs(t, err, measure.ErrOutOfRange)
	// Both bad items are reported, not only the first.
	var items []int
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ae *measure.AnswerError
		require.ErrorAs(t, e, &ae)
		items = append(items, ae.Item)
	}
	if diff := cmp.Diff([]int{2, 5}, items); diff != "" {
		t.Errorf("bad items (-want +got):\n%s", diff)
	}
	_, err = measure.ScoreGAD7([7]int{0, 0, 0, 0, 0, 0, 9})
	require.ErrorIs(t, err, measure.ErrOutOfRange)
}

func TestScoreAnswersErrors(t *testing.T) {
	full := measure.Answers(1, 1, 1, 1, 1, 1, 1, 1, 1)
	tests := []struct {
		name    string
		answers []measure.Answer
		opts    measure.Options
		want    error
	}{
		{"8 answers", full[:8], measure.Options{}, measure.ErrWrongCount},
		{"10 answers", append(measure.Answers(0), full...), measure.Options{}, measure.ErrWrongCount},
		{"NaN", replace(full, 3, measure.Answered(math.NaN())), measure.Options{}, measure.ErrNotFinite},
		{"infinity", replace(full, 3, measure.Answered(math.Inf(1))), measure.Options{}, measure.ErrNotFinite},
		{"4 is above the scale", replace(full, 0, measure.Answered(4)), measure.Options{}, measure.ErrOutOfRange},
		{"1.5 is not a step", replace(full, 0, measure.Answered(1.5)), measure.Options{}, measure.ErrOutOfRange},
		{"negative proration limit", full, measure.Options{Prorate: true, MaxProrated: -1}, measure.ErrInvalidParameter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := measure.ScorePHQ9Answers(tc.answers, tc.opts)
			require.ErrorIs(t, err, tc.want)
		})
	}
	t.Run("count error fields", func(t *testing.T) {
		_, err := measure.ScoreGAD7Answers(full, measure.Options{})
		var ce *measure.CountError
		require.ErrorAs(t, err, &ce)
		if diff := cmp.Diff(measure.CountError{Instrument: measure.InstrumentGAD7, Got: 9, Want: 7}, *ce); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("answer error fields", func(t *testing.T) {
		_, err := measure.ScorePHQ9Answers(replace(full, 6, measure.Answered(1.5)), measure.Options{})
		var ae *measure.AnswerError
		require.ErrorAs(t, err, &ae)
		want := measure.AnswerError{Instrument: measure.InstrumentPHQ9, Item: 7, Value: 1.5, Min: 0, Max: 3, NotStep: true}
		if diff := cmp.Diff(want, *ae); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

// TestMissingAndProration covers incomplete forms and the NHS Data
// Dictionary's PHQ-9 proration rule: one or two missing items may be
// replaced by the mean of the answered items; more than two may not.
func TestMissingAndProration(t *testing.T) {
	m := measure.Missing()
	a := measure.Answered
	tests := []struct {
		name    string
		answers []measure.Answer
		opts    measure.Options
		want    measure.PHQ9Score
	}{
		{
			name:    "missing item without proration is incomplete, total is a lower bound",
			answers: []measure.Answer{a(2), a(2), a(2), a(2), a(2), m, a(0), a(0), a(1)},
			want: measure.PHQ9Score{Total: 11, ScreenPositive: true, PHQ2: 4, PHQ2Positive: true,
				Item9: 1, SelfHarmRisk: true, Answered: 8},
		},
		{
			// 8 answered items sum to 11; 11/8*9 = 12.375, rounded 12.
			name:    "one missing item prorated",
			answers: []measure.Answer{a(2), a(2), a(2), a(2), a(2), m, a(0), a(0), a(1)},
			opts:    measure.Options{Prorate: true},
			want: measure.PHQ9Score{Total: 12, Band: phq9Band("moderate"), ScreenPositive: true,
				PHQ2: 4, PHQ2Positive: true, Item9: 1, SelfHarmRisk: true, Answered: 8, Prorated: 1, Complete: true},
		},
		{
			// 7 answered items sum to 7; 7/7*9 = 9. Item 9 is missing, so the
			// risk is unknown, not absent.
			name:    "two missing items prorated, item 9 among them",
			answers: []measure.Answer{a(1), a(1), a(1), a(1), a(1), a(1), a(1), m, m},
			opts:    measure.Options{Prorate: true},
			want: measure.PHQ9Score{Total: 9, Band: phq9Band("mild"), PHQ2: 2, Item9Missing: true,
				Answered: 7, Prorated: 2, Complete: true},
		},
		{
			// 6 answered items sum to 3; 3/6*9 = 4.5, which rounds half up to
			// 5 and so crosses from minimal into mild.
			name:    "halves round up",
			answers: []measure.Answer{a(1), a(1), a(1), a(0), a(0), a(0), m, m, m},
			opts:    measure.Options{Prorate: true, MaxProrated: 3},
			want: measure.PHQ9Score{Total: 5, Band: phq9Band("mild"), PHQ2: 2, Item9Missing: true,
				Answered: 6, Prorated: 3, Complete: true},
		},
		{
			name:    "three missing items exceed the default limit of two",
			answers: []measure.Answer{a(1), a(1), a(1), a(1), a(1), a(1), m, m, m},
			opts:    measure.Options{Prorate: true},
			want:    measure.PHQ9Score{Total: 6, PHQ2: 2, Item9Missing: true, Answered: 6},
		},
		{
			name:    "an explicit limit of three allows three",
			answers: []measure.Answer{a(1), a(1), a(1), a(1), a(1), a(1), m, m, m},
			opts:    measure.Options{Prorate: true, MaxProrated: 3},
			want: measure.PHQ9Score{Total: 9, Band: phq9Band("mild"), PHQ2: 2, Item9Missing: true,
				Answered: 6, Prorated: 3, Complete: true},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := measure.ScorePHQ9Answers(tc.answers, tc.opts)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestGAD7Proration checks the GAD-7 default limit of one prorated item.
func TestGAD7Proration(t *testing.T) {
	a, m := measure.Answered, measure.Missing()
	one := []measure.Answer{a(2), a(2), a(2), a(2), a(2), a(2), m}
	got, err := measure.ScoreGAD7Answers(one, measure.Options{Prorate: true})
	require.NoError(t, err)
	want := measure.GAD7Score{Total: 14, Band: gad7Band("moderate"), ScreenPositive: true,
		GAD2: 4, GAD2Positive: true, Answered: 6, Prorated: 1, Complete: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("one missing (-want +got):\n%s", diff)
	}
	two := replace(one, 5, m)
	got, err = measure.ScoreGAD7Answers(two, measure.Options{Prorate: true})
	require.NoError(t, err)
	if got.Complete || got.Band != (measure.Band{}) {
		t.Errorf("two missing: Complete %v Band %v, want incomplete with no band", got.Complete, got.Band)
	}
}

// TestAllMissing checks that a blank form is incomplete even with proration
// on, since there is no mean to prorate from.
func TestAllMissing(t *testing.T) {
	got, err := measure.ScorePHQ9Answers(make([]measure.Answer, 9), measure.Options{Prorate: true, MaxProrated: 9})
	require.NoError(t, err)
	want := measure.PHQ9Score{Item9Missing: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func replace(as []measure.Answer, i int, a measure.Answer) []measure.Answer {
	out := append([]measure.Answer(nil), as...)
	out[i] = a
	return out
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

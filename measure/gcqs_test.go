package measure_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// TestGCQSItemMap checks the subscale item map and labels against MacKenzie
// 1983: engagement 1, 2, 4, 8, 11; avoidance 3, 5, 9;
// conflict 6, 7, 10, 12; labels cared ... anxious.
func TestGCQSItemMap(t *testing.T) {
	want := map[measure.Subscale][]int{
		measure.SubscaleEngagement: {1, 2, 4, 8, 11},
		measure.SubscaleAvoidance:  {3, 5, 9},
		measure.SubscaleConflict:   {6, 7, 10, 12},
	}
	seen := map[int]bool{}
	for _, s := range measure.GCQSSubscales() {
		got := measure.GCQSItems(s)
		if diff := cmp.Diff(want[s], got); diff != "" {
			t.Errorf("%v items (-want +got):\n%s", s, diff)
		}
		for _, it := range got {
			require.False(t, seen[it], "item %d in two subscales", it)
			seen[it] = true
		}
	}
	require.Len(t, seen, 12, "every item belongs to exactly one subscale")
	require.Nil(t, measure.GCQSItems(measure.SubscaleUnspecified))

	var labels []string
	for _, it := range builtin(t, measure.InstrumentGCQS).Items {
		labels = append(labels, it.Label)
	}
	wantLabels := []string{"cared", "reasoned", "avoided", "participated", "depended", "angry",
		"distanced", "confronted", "conformed", "rejected", "revealed", "anxious"}
	if diff := cmp.Diff(wantLabels, labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
}

// TestScoreGCQSUsesTheItemMap gives each item a distinct answer so that any
// item assigned to the wrong subscale changes a mean. No item is reverse
// scored.
func TestScoreGCQSUsesTheItemMap(t *testing.T) {
	// Items 1..12 answered 1,2,3,4,5,6,0,1,2,3,4,5.
	var a [12]measure.Answer
	for k := range a {
		a[k] = measure.Answered(float64((k + 1) % 7))
	}
	got, err := measure.ScoreGCQS(a)
	require.NoError(t, err)
	want := measure.GCQSScore{
		Engagement: (1 + 2 + 4 + 1 + 4) / 5.0, // items 1, 2, 4, 8, 11
		Avoidance:  (3 + 5 + 2) / 3.0,         // items 3, 5, 9
		Conflict:   (6 + 0 + 3 + 5) / 4.0,     // items 6, 7, 10, 12
		Answered:   12,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for k, s := range measure.GCQSSubscales() {
		require.Equal(t, []float64{want.Engagement, want.Avoidance, want.Conflict}[k], got.Subscale(s))
	}
	require.Zero(t, got.Subscale(measure.SubscaleUnspecified))
}

// TestGCQSMissing checks the rule that a form with more than 4 missing items
// is invalid (MacKenzie 1983), and that means use the
// answered items only.
func TestGCQSMissing(t *testing.T) {
	all := func(v float64) [12]measure.Answer {
		var a [12]measure.Answer
		for k := range a {
			a[k] = measure.Answered(v)
		}
		return a
	}
	drop := func(a [12]measure.Answer, items ...int) [12]measure.Answer {
		for _, it := range items {
			a[it-1] = measure.Missing()
		}
		return a
	}
	t.Run("4 missing is valid and means skip the gaps", func(t *testing.T) {
		a := all(2)
		a[0] = measure.Answered(6) // engagement item 1 stays; 2, 4, 8 go missing
		got, err := measure.ScoreGCQS(drop(a, 2, 4, 8, 6))
		require.NoError(t, err)
		want := measure.GCQSScore{Engagement: (6 + 2) / 2.0, Avoidance: 2, Conflict: 2, Answered: 8}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("5 missing is invalid", func(t *testing.T) {
		_, err := measure.ScoreGCQS(drop(all(3), 1, 2, 6, 7, 12))
		require.ErrorIs(t, err, measure.ErrTooManyMissing)
		var me *measure.MissingError
		require.ErrorAs(t, err, &me)
		if diff := cmp.Diff(measure.MissingError{Instrument: measure.InstrumentGCQS, Missing: 5, Max: 4}, *me); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("an emptied subscale is invalid", func(t *testing.T) {
		// Items 3, 5 and 9 are the whole avoidance subscale: 3 missing is
		// within the limit, but the subscale has no mean.
		_, err := measure.ScoreGCQS(drop(all(3), 3, 5, 9))
		var me *measure.MissingError
		require.ErrorAs(t, err, &me)
		require.Equal(t, measure.SubscaleAvoidance, me.Subscale)
	})
}

func TestGCQSBadAnswers(t *testing.T) {
	var a [12]measure.Answer
	for k := range a {
		a[k] = measure.Answered(1)
	}
	tests := []struct {
		name string
		v    float64
		want error
	}{
		{"7 is above the scale", 7, measure.ErrOutOfRange},
		{"-1 is below it", -1, measure.ErrOutOfRange},
		{"2.5 is not a step", 2.5, measure.ErrOutOfRange},
		{"NaN", math.NaN(), measure.ErrNotFinite},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := a
			b[4] = measure.Answered(tc.v)
			_, err := measure.ScoreGCQS(b)
			require.ErrorIs(t, err, tc.want)
		})
	}
	t.Run("slice of 11", func(t *testing.T) {
		_, err := measure.ScoreGCQSAnswers(a[:11])
		require.ErrorIs(t, err, measure.ErrWrongCount)
	})
}

// TestMeanGCQS checks the group mean: each member's form counts once, each
// subscale is averaged on its own (MacKenzie 1983: the group's climate is
// the mean across members), and Answered is the fewest items any form
// answered.
func TestMeanGCQS(t *testing.T) {
	score := func(eng, avoid, conflict float64, answered int) measure.GCQSScore {
		return measure.GCQSScore{Engagement: eng, Avoidance: avoid, Conflict: conflict, Answered: answered}
	}
	tests := []struct {
		name   string
		scores []measure.GCQSScore
		want   measure.GCQSScore
	}{
		{"one member is the group", []measure.GCQSScore{score(3.6, 1.5, 0.75, 12)}, score(3.6, 1.5, 0.75, 12)},
		{"three complete forms", []measure.GCQSScore{score(4, 1, 0, 12), score(5, 2, 1.5, 12), score(3, 3, 3, 12)},
			score(4, 2, 1.5, 12)},
		// The form with 8 answers counts as much as the complete ones.
		{"an incomplete form counts once and sets Answered", []measure.GCQSScore{score(6, 0, 0, 12), score(2, 4, 6, 8), score(4, 2, 3, 10)},
			score(4, 2, 3, 8)},
		{"the scale's ends are valid", []measure.GCQSScore{score(0, 6, 0, 12), score(6, 0, 6, 12)}, score(3, 3, 3, 12)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := measure.MeanGCQS(tc.scores)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}

	t.Run("the mean of scored forms", func(t *testing.T) {
		a, err := measure.ScoreGCQS([12]measure.Answer(measure.Answers(4, 3, 1, 4, 2, 1, 0, 3, 1, 0, 4, 2)))
		require.NoError(t, err)
		b, err := measure.ScoreGCQS([12]measure.Answer(measure.Answers(6, 5, 0, 6, 1, 0, 0, 4, 2, 0, 5, 1)))
		require.NoError(t, err)
		got, err := measure.MeanGCQS([]measure.GCQSScore{a, b})
		require.NoError(t, err)
		want := score((a.Engagement+b.Engagement)/2, (a.Avoidance+b.Avoidance)/2, (a.Conflict+b.Conflict)/2, 12)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

func TestMeanGCQSInvalid(t *testing.T) {
	ok := measure.GCQSScore{Engagement: 3, Avoidance: 2, Conflict: 1, Answered: 12}
	with := func(f func(*measure.GCQSScore)) measure.GCQSScore { s := ok; f(&s); return s }
	tests := []struct {
		name   string
		scores []measure.GCQSScore
		paths  []string // the *FieldError paths, in order
		is     []error  // sentinels the error wraps besides ErrInvalid
	}{
		{"nil", nil, []string{"scores"}, nil},
		{"empty", []measure.GCQSScore{}, []string{"scores"}, nil},
		{"NaN mean", []measure.GCQSScore{ok, with(func(s *measure.GCQSScore) { s.Conflict = math.NaN() })},
			[]string{"scores[1].conflict"}, []error{measure.ErrNotFinite}},
		{"infinite mean", []measure.GCQSScore{with(func(s *measure.GCQSScore) { s.Engagement = math.Inf(1) })},
			[]string{"scores[0].engagement"}, []error{measure.ErrNotFinite}},
		{"mean above the scale", []measure.GCQSScore{with(func(s *measure.GCQSScore) { s.Avoidance = 6.5 })},
			[]string{"scores[0].avoidance"}, []error{measure.ErrOutOfRange}},
		{"mean below the scale", []measure.GCQSScore{with(func(s *measure.GCQSScore) { s.Engagement = -0.1 })},
			[]string{"scores[0].engagement"}, []error{measure.ErrOutOfRange}},
		{"more than four items missing", []measure.GCQSScore{with(func(s *measure.GCQSScore) { s.Answered = 7 })},
			[]string{"scores[0].answered"}, []error{measure.ErrTooManyMissing}},
		{"more items than the form has", []measure.GCQSScore{with(func(s *measure.GCQSScore) { s.Answered = 13 })},
			[]string{"scores[0].answered"}, nil},
		// The zero score is what a failed ScoreGCQS returns.
		{"zero score", []measure.GCQSScore{ok, {}}, []string{"scores[1].answered"}, []error{measure.ErrTooManyMissing}},
		{"every problem at once", []measure.GCQSScore{
			with(func(s *measure.GCQSScore) { s.Engagement, s.Conflict = 7, math.NaN() }), ok,
			with(func(s *measure.GCQSScore) { s.Answered = -1 }),
		}, []string{"scores[0].engagement", "scores[0].conflict", "scores[2].answered"}, []error{measure.ErrOutOfRange, measure.ErrNotFinite}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := measure.MeanGCQS(tc.scores)
			require.ErrorIs(t, err, measure.ErrInvalid)
			for _, is := range tc.is {
				require.ErrorIs(t, err, is)
			}
			require.Equal(t, measure.GCQSScore{}, got)
			list := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok && !errorsAsField(err) {
				list = j.Unwrap()
			}
			var paths []string
			for _, e := range list {
				var fe *measure.FieldError
				require.ErrorAs(t, e, &fe)
				paths = append(paths, fe.Path)
			}
			if diff := cmp.Diff(tc.paths, paths); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
}

// errorsAsField reports whether err is itself a *FieldError (which unwraps
// to its sentinels, not to a list of problems).
func errorsAsField(err error) bool {
	_, ok := err.(*measure.FieldError)
	return ok
}

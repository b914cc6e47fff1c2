package measure_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// TestNHSTalkingTherapiesThresholds checks the published numbers (NHS
// Talking Therapies for anxiety and depression manual): caseness PHQ-9 >= 10,
// GAD-7 >= 8; reliable change 6 and 4 points, RCI-style.
func TestNHSTalkingTherapiesThresholds(t *testing.T) {
	tt := measure.NHSTalkingTherapies()
	require.NoError(t, tt.Validate())
	got := []any{tt.Depression.Cutoff, tt.Depression.Threshold.Points, tt.Anxiety.Cutoff, tt.Anxiety.Threshold.Points,
		tt.Depression.Threshold.Kind, tt.Anxiety.Threshold.Kind, tt.Depression.Threshold.Inclusive, tt.Anxiety.Threshold.Inclusive}
	want := []any{10.0, 6.0, 8.0, 4.0, measure.ThresholdRCI, measure.ThresholdRCI, true, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Caseness boundaries on both sides.
	require.False(t, tt.Depression.IsCase(9))
	require.True(t, tt.Depression.IsCase(10))
	require.False(t, tt.Anxiety.IsCase(7))
	require.True(t, tt.Anxiety.IsCase(8))
}

func TestNHSTalkingTherapiesAssess(t *testing.T) {
	tt := measure.NHSTalkingTherapies()
	type flags struct {
		CaseAtStart, CaseAtEnd, Improvement, Deterioration, Recovery, ReliableRecovery bool
	}
	tests := []struct {
		name        string
		first, last measure.Pair
		want        flags
	}{
		{"reliable recovery: both drop past thresholds and below caseness",
			measure.Pair{Depression: 16, Anxiety: 12}, measure.Pair{Depression: 6, Anxiety: 5},
			flags{CaseAtStart: true, Improvement: true, Recovery: true, ReliableRecovery: true}},
		// A drop of 5 on the PHQ-9 is one short of reliable; 10 -> 5 still leaves caseness.
		{"recovery without reliable improvement",
			measure.Pair{Depression: 10, Anxiety: 7}, measure.Pair{Depression: 5, Anxiety: 6},
			flags{CaseAtStart: true, Recovery: true}},
		{"PHQ-9 drop of exactly 6 is reliable",
			measure.Pair{Depression: 20, Anxiety: 15}, measure.Pair{Depression: 14, Anxiety: 15},
			flags{CaseAtStart: true, CaseAtEnd: true, Improvement: true}},
		{"GAD-7 rise of exactly 4 is reliable deterioration",
			measure.Pair{Depression: 5, Anxiety: 4}, measure.Pair{Depression: 5, Anxiety: 8},
			flags{CaseAtEnd: true, Deterioration: true}},
		{"GAD-7 rise of 3 is not",
			measure.Pair{Depression: 5, Anxiety: 4}, measure.Pair{Depression: 5, Anxiety: 7},
			flags{}},
		{"mixed reliable changes cancel",
			measure.Pair{Depression: 20, Anxiety: 4}, measure.Pair{Depression: 12, Anxiety: 10},
			flags{CaseAtStart: true, CaseAtEnd: true}},
		// Not a case at the start, so recovery does not apply even though
		// the end is below both cut-offs.
		{"no recovery without caseness at the start",
			measure.Pair{Depression: 9, Anxiety: 7}, measure.Pair{Depression: 2, Anxiety: 2},
			flags{Improvement: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, err := tt.Assess(tc.first, tc.last)
			require.NoError(t, err)
			got := flags{o.CaseAtStart, o.CaseAtEnd, o.ReliableImprovement, o.ReliableDeterioration, o.Recovery, o.ReliableRecovery}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			require.Equal(t, tt.Depression, o.Depression.Rule, "the rule travels with the result")
		})
	}
}

func TestNHSTalkingTherapiesErrors(t *testing.T) {
	tt := measure.NHSTalkingTherapies()
	_, err := tt.Assess(measure.Pair{Depression: 28, Anxiety: -1}, measure.Pair{Depression: 3, Anxiety: 22})
	require.ErrorIs(t, err, measure.ErrInvalidParameter)
	require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3, "every bad total reported")

	bad := tt
	bad.Anxiety.HigherIsWorse = false
	bad.Depression.Threshold.Points = 0
	err = bad.Validate()
	require.ErrorIs(t, err, measure.ErrInvalid)
	require.ErrorIs(t, err, measure.ErrInvalidParameter)
	_, err = bad.Assess(measure.Pair{}, measure.Pair{})
	require.Error(t, err)
}

// TestTalkingTherapiesJSON checks the rule set round-trips, so services can
// load their own thresholds.
func TestTalkingTherapiesJSON(t *testing.T) {
	want := measure.NHSTalkingTherapies()
	want.Anxiety.Threshold.Points = 5
	b, err := json.Marshal(want)
	require.NoError(t, err)
	var got measure.TalkingTherapies
	require.NoError(t, json.Unmarshal(b, &got))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

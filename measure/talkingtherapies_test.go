package measure_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// TestNHSTalkingTherapiesThresholds checks the published numbers (NHS
// Talking Therapies manual; DOMAIN.md section 7): caseness PHQ-9 >= 10,
// GAD-7 >= 8; reliable change 6 and 4 points, RCI-style.
func TestNHSTalkingTherapiesThresholds(t *testing.T) {
	tt := measure.NHSTalkingTherapies()
	require.NoError(t, tt.Validate())
	got := []any{tt.PHQ9.Cutoff, tt.PHQ9.Threshold.Points, tt.GAD7.Cutoff, tt.GAD7.Threshold.Points,
		tt.PHQ9.Threshold.Kind, tt.GAD7.Threshold.Kind, tt.PHQ9.Threshold.Inclusive, tt.GAD7.Threshold.Inclusive}
	want := []any{10.0, 6.0, 8.0, 4.0, measure.ThresholdRCI, measure.ThresholdRCI, true, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Caseness boundaries on both sides.
	require.False(t, tt.PHQ9.IsCase(9))
	require.True(t, tt.PHQ9.IsCase(10))
	require.False(t, tt.GAD7.IsCase(7))
	require.True(t, tt.GAD7.IsCase(8))
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
			measure.Pair{PHQ9: 16, GAD7: 12}, measure.Pair{PHQ9: 6, GAD7: 5},
			flags{CaseAtStart: true, Improvement: true, Recovery: true, ReliableRecovery: true}},
		// A drop of 5 on the PHQ-9 is one short of reliable; 10 -> 5 still leaves caseness.
		{"recovery without reliable improvement",
			measure.Pair{PHQ9: 10, GAD7: 7}, measure.Pair{PHQ9: 5, GAD7: 6},
			flags{CaseAtStart: true, Recovery: true}},
		{"PHQ-9 drop of exactly 6 is reliable",
			measure.Pair{PHQ9: 20, GAD7: 15}, measure.Pair{PHQ9: 14, GAD7: 15},
			flags{CaseAtStart: true, CaseAtEnd: true, Improvement: true}},
		{"GAD-7 rise of exactly 4 is reliable deterioration",
			measure.Pair{PHQ9: 5, GAD7: 4}, measure.Pair{PHQ9: 5, GAD7: 8},
			flags{CaseAtEnd: true, Deterioration: true}},
		{"GAD-7 rise of 3 is not",
			measure.Pair{PHQ9: 5, GAD7: 4}, measure.Pair{PHQ9: 5, GAD7: 7},
			flags{}},
		{"mixed reliable changes cancel",
			measure.Pair{PHQ9: 20, GAD7: 4}, measure.Pair{PHQ9: 12, GAD7: 10},
			flags{CaseAtStart: true, CaseAtEnd: true}},
		// Not a case at the start, so recovery does not apply even though
		// the end is below both cut-offs.
		{"no recovery without caseness at the start",
			measure.Pair{PHQ9: 9, GAD7: 7}, measure.Pair{PHQ9: 2, GAD7: 2},
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
			require.Equal(t, tt.PHQ9, o.PHQ9.Rule, "the rule travels with the result")
		})
	}
}

func TestNHSTalkingTherapiesErrors(t *testing.T) {
	tt := measure.NHSTalkingTherapies()
	_, err := tt.Assess(measure.Pair{PHQ9: 28, GAD7: -1}, measure.Pair{PHQ9: 3, GAD7: 22})
	require.ErrorIs(t, err, measure.ErrInvalidParameter)
	require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3, "every bad total reported")

	bad := tt
	bad.GAD7.HigherIsWorse = false
	bad.PHQ9.Threshold.Points = 0
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
	want.GAD7.Threshold.Points = 5
	b, err := json.Marshal(want)
	require.NoError(t, err)
	var got measure.TalkingTherapies
	require.NoError(t, json.Unmarshal(b, &got))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

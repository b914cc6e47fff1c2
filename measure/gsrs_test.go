package measure_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// TestGSRSAllianceAlert checks the default alliance alert at or below 36
// and its strict variant (Duncan et al. 2003; sources differ on "at or
// below" vs "below", so the rule is configurable).
func TestGSRSAllianceAlert(t *testing.T) {
	strict := measure.DefaultGSRSRule()
	strict.AllianceAtOrBelow = false
	tests := []struct {
		name    string
		rule    measure.GSRSRule
		answers [4]float64
		total   float64
		alert   bool
	}{
		{"36 alerts by default", measure.DefaultGSRSRule(), [4]float64{9, 9, 9, 9}, 36, true},
		{"36.1 does not", measure.DefaultGSRSRule(), [4]float64{9.1, 9, 9, 9}, 36.1, false},
		{"36 does not alert under the strict rule", strict, [4]float64{9, 9, 9, 9}, 36, false},
		{"35.9 alerts under the strict rule", strict, [4]float64{8.9, 9, 9, 9}, 35.9, true},
		// 0.1 + 0.2 is not exactly 0.3 in floating point; the total is rounded.
		{"decimals sum exactly", measure.DefaultGSRSRule(), [4]float64{9.1, 9.2, 9.3, 9.4}, 37, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tc.rule.Score(tc.answers)
			require.NoError(t, err)
			if s.Total != tc.total || s.AllianceAlert != tc.alert {
				t.Errorf("total %v alert %v, want %v %v", s.Total, s.AllianceAlert, tc.total, tc.alert)
			}
		})
	}
}

// TestGSRSLowItems checks the low-item alert: any item below 9 by default.
func TestGSRSLowItems(t *testing.T) {
	got, err := measure.ScoreGSRS([4]float64{10, 8.9, 9, 4})
	require.NoError(t, err)
	want := measure.GSRSScore{
		Items: [4]float64{10, 8.9, 9, 4}, Total: 31.9, AllianceAlert: true,
		LowItems: []int{2, 4}, LowItemAlert: true, Rule: measure.DefaultGSRSRule(),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	custom := measure.GSRSRule{AllianceCutoff: 30, AllianceAtOrBelow: true, ItemCutoff: 5}
	got, err = custom.Score([4]float64{10, 8.9, 9, 4})
	require.NoError(t, err)
	if got.AllianceAlert || !got.LowItemAlert || !cmp.Equal([]int{4}, got.LowItems) {
		t.Errorf("custom rule: alert %v low %v %v", got.AllianceAlert, got.LowItemAlert, got.LowItems)
	}
}

func TestGSRSErrors(t *testing.T) {
	tests := []struct {
		name    string
		rule    measure.GSRSRule
		answers [4]float64
		want    error
	}{
		{"item above 10", measure.DefaultGSRSRule(), [4]float64{10.1, 9, 9, 9}, measure.ErrOutOfRange},
		{"two decimals", measure.DefaultGSRSRule(), [4]float64{9.25, 9, 9, 9}, measure.ErrOutOfRange},
		{"NaN item", measure.DefaultGSRSRule(), [4]float64{math.NaN(), 9, 9, 9}, measure.ErrNotFinite},
		{"cut-off above 40", measure.GSRSRule{AllianceCutoff: 41, ItemCutoff: 9}, [4]float64{9, 9, 9, 9}, measure.ErrInvalidParameter},
		{"NaN item cut-off", measure.GSRSRule{AllianceCutoff: 36, ItemCutoff: math.NaN()}, [4]float64{9, 9, 9, 9}, measure.ErrNotFinite},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.rule.Score(tc.answers)
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestGSRSScoreAnswers(t *testing.T) {
	r := measure.DefaultGSRSRule()
	_, err := r.ScoreAnswers(measure.Answers(9, 9, 9))
	require.ErrorIs(t, err, measure.ErrWrongCount)
	_, err = r.ScoreAnswers([]measure.Answer{measure.Answered(9), measure.Missing(), measure.Answered(9), measure.Answered(9)})
	require.ErrorIs(t, err, measure.ErrTooManyMissing)
	s, err := r.ScoreAnswers(measure.Answers(9, 9, 9, 9.5))
	require.NoError(t, err)
	require.Equal(t, 36.5, s.Total)
}

package measure_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

func day(n int) time.Time { return t0.AddDate(0, 0, 7*n) }

// groupAdmins is a small closed group's PHQ-9s, given out of order.
//
//	ana:  18 (s1) -> 12 (s2) -> 7 (s3)        recovered under NHS rules (drop 11, 18 case -> 7 not);
//	                                          item 9 = 2 at s1, 0 after: flag closed
//	ben:  14 (s1) -> 12 (s3)                  unchanged (drop 2); item 9 = 1 at s1, 0 at s3: flag closed
//	cal:  8 (s1)  -> 15 (s3)                  deteriorated (rise 7); item 9 = 1 at s3: flag open
//	dee:  20 (s1) only, plus an incomplete s2 form: not eligible
func groupAdmins() []measure.Administration {
	incomplete := phq9Admin("dee", 2, day(1), 3, 3, 3, 3, 3, 3, 0, 0, 0)
	incomplete.Answers[6], incomplete.Answers[7], incomplete.Answers[8] = measure.Missing(), measure.Missing(), measure.Missing()
	return []measure.Administration{
		phq9Admin("cal", 3, day(2), 3, 3, 3, 2, 2, 1, 0, 0, 1),
		phq9Admin("ana", 2, day(1), 2, 2, 2, 2, 2, 2, 0, 0, 0),
		phq9Admin("ana", 1, day(0), 2, 2, 2, 2, 2, 2, 2, 2, 2),
		phq9Admin("ben", 1, day(0), 2, 2, 2, 2, 2, 2, 1, 0, 1),
		phq9Admin("ana", 3, day(2), 1, 1, 1, 1, 1, 1, 1, 0, 0),
		phq9Admin("ben", 3, day(2), 2, 2, 2, 2, 2, 2, 0, 0, 0),
		phq9Admin("cal", 1, day(0), 1, 1, 1, 1, 1, 1, 1, 1, 0),
		incomplete,
		phq9Admin("dee", 1, day(0), 3, 3, 3, 3, 3, 3, 2, 0, 0),
	}
}

func TestTrajectories(t *testing.T) {
	trs, err := measure.Trajectories(measure.BuiltinCatalog(), measure.Options{}, groupAdmins())
	require.NoError(t, err)
	var members []string
	for _, tr := range trs {
		members = append(members, tr.Member)
	}
	require.Equal(t, []string{"ana", "ben", "cal", "dee"}, members, "sorted by member")

	ana := trs[0]
	var totals []float64
	for _, p := range ana.Points {
		totals = append(totals, p.Total)
	}
	require.Equal(t, []float64{18, 12, 7}, totals, "points sorted by time")
	b, ok := ana.Baseline()
	require.True(t, ok)
	l, ok := ana.Latest()
	require.True(t, ok)
	require.Equal(t, []float64{18, 7}, []float64{b.Total, l.Total})
	// ana answered item 9 with 2 at intake and 0 since.
	fr, flagged := ana.FirstRisk()
	require.True(t, flagged)
	require.Equal(t, 1, fr.Session)
	require.False(t, ana.OpenRisk())

	ben := trs[1]
	fr, ok = ben.FirstRisk()
	require.True(t, ok)
	require.Equal(t, day(0), fr.At)
	require.False(t, ben.OpenRisk(), "the latest answered item 9 was 0")
	require.True(t, trs[2].OpenRisk())

	dee := trs[3]
	require.Len(t, dee.Points, 2)
	require.Equal(t, 1, dee.CompletePoints())
	_, err = dee.Change(measure.NHSTalkingTherapies().Depression)
	require.ErrorIs(t, err, measure.ErrTooFewPoints)
	// An incomplete form with item 9 missing neither opens nor closes the flag.
	require.False(t, dee.OpenRisk())

	c, err := ana.Change(measure.NHSTalkingTherapies().Depression)
	require.NoError(t, err)
	require.Equal(t, measure.ChangeRecovered, c.Category)

	var empty measure.Trajectory
	_, ok = empty.Baseline()
	require.False(t, ok)
	_, ok = empty.Latest()
	require.False(t, ok)
}

func TestTrajectoriesErrors(t *testing.T) {
	admins := groupAdmins()
	admins = append(admins,
		measure.Administration{Instrument: measure.InstrumentGCQS, Member: "ana", At: t0, Answers: measure.Answers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)},
		measure.Administration{Instrument: measure.InstrumentPHQ9, Member: "", At: t0},
	)
	_, err := measure.Trajectories(measure.BuiltinCatalog(), measure.Options{}, admins)
	require.ErrorIs(t, err, measure.ErrNoTotal)
	require.ErrorIs(t, err, measure.ErrInvalid)
	var paths []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *measure.FieldError
		require.ErrorAs(t, e, &fe)
		paths = append(paths, fe.Path)
	}
	require.Equal(t, []string{"admins[9]", "admins[10]"}, paths)
}

// TestSummarizeGroup checks the group view of groupAdmins under the NHS
// Talking Therapies PHQ-9 rule (reliable change 6, caseness 10).
func TestSummarizeGroup(t *testing.T) {
	trs, err := measure.Trajectories(measure.BuiltinCatalog(), measure.Options{}, groupAdmins())
	require.NoError(t, err)
	rule := measure.NHSTalkingTherapies().Depression
	got, err := measure.SummarizeGroup(trs, rule)
	require.NoError(t, err)
	want := measure.GroupSummary{
		Instrument: measure.InstrumentPHQ9,
		Members:    4,
		Sessions: []measure.SessionMean{
			{Session: 1, Mean: (18 + 14 + 8 + 20) / 4.0, N: 4},
			{Session: 2, Mean: 12, N: 1}, // dee's s2 form is incomplete
			{Session: 3, Mean: (7 + 12 + 15) / 3.0, N: 3},
		},
		Eligible:          3,
		Improved:          1,
		Deteriorated:      1,
		Recovered:         1,
		ImprovedShare:     1.0 / 3,
		DeterioratedShare: 1.0 / 3,
		RecoveredShare:    1.0 / 3,
		OpenRisk:          []string{"cal"},
		Rule:              rule,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	t.Run("empty group", func(t *testing.T) {
		got, err := measure.SummarizeGroup(nil, rule)
		require.NoError(t, err)
		want := measure.GroupSummary{Sessions: []measure.SessionMean{}, OpenRisk: []string{}, Rule: rule}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("mixed instruments", func(t *testing.T) {
		mixed := append([]measure.Trajectory{}, trs...)
		mixed = append(mixed, measure.Trajectory{Member: "x", Instrument: measure.InstrumentGAD7})
		_, err := measure.SummarizeGroup(mixed, rule)
		require.ErrorIs(t, err, measure.ErrWrongInstrument)
	})
	t.Run("bad rule", func(t *testing.T) {
		_, err := measure.SummarizeGroup(trs, measure.ChangeRule{})
		require.ErrorIs(t, err, measure.ErrInvalid)
	})
}

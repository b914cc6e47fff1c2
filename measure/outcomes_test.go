package measure_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// gad7At is a GAD-7 totalling total at session n.
func gad7At(member string, n, total int) measure.Administration {
	a := make([]float64, 7)
	left := float64(total)
	for k := range a {
		a[k] = min(left, 3)
		left -= a[k]
	}
	return measure.Administration{Instrument: measure.InstrumentGAD7, Member: member, At: day(n), Session: n, Answers: measure.Answers(a...)}
}

// outcomeGroup is a scripted group, PHQ-9 and GAD-7 at each occasion:
//
//	ana: 16/12 (s1) -> 6/5 (s12)   a case; recovery, reliable improvement, reliable recovery
//	ben: 10/7  (s1) -> 5/6 (s12)   a case; recovery without reliable improvement
//	cal: 8/4   (s1) -> 15/8 (s12)  not a case; reliable deterioration on both
//	dee: 20/15 (s1) only            insufficient data
//	eve: 14/9  (s5) -> 12/6 (s12)  joined late; a case, no reliable change
//	fay: 13/9  (s1) -> 13 and an incomplete GAD-7 (s12): one paired occasion, insufficient
//	     (a GSRS in the log is ignored)
func outcomeGroup() []measure.Administration {
	incomplete := gad7At("fay", 12, 9)
	incomplete.Answers[6] = measure.Missing()
	return []measure.Administration{
		phq9At("ana", 1, 16), gad7At("ana", 1, 12), phq9At("ana", 12, 6), gad7At("ana", 12, 5),
		phq9At("ben", 1, 10), gad7At("ben", 1, 7), gad7At("ben", 12, 6), phq9At("ben", 12, 5),
		phq9At("cal", 12, 15), gad7At("cal", 12, 8), phq9At("cal", 1, 8), gad7At("cal", 1, 4),
		phq9At("dee", 1, 20), gad7At("dee", 1, 15),
		phq9At("eve", 5, 14), gad7At("eve", 5, 9), phq9At("eve", 12, 12), gad7At("eve", 12, 6),
		phq9At("fay", 1, 13), gad7At("fay", 1, 9), phq9At("fay", 12, 13), incomplete,
		gsrsAt("fay", 12, 30),
	}
}

// TestGroupOutcomes checks the NHS Talking Therapies figures (caseness PHQ-9
// >= 10 or GAD-7 >= 8, reliable change 6 and 4; recovery a case at the
// start and below both at the end; reliable recovery both) and the
// Jacobson-Truax categories on the scripted group.
func TestGroupOutcomes(t *testing.T) {
	tt := measure.NHSTalkingTherapies()
	g, err := tt.GroupOutcomes(measure.BuiltinCatalog(), measure.Options{}, outcomeGroup())
	require.NoError(t, err)
	type figures struct {
		Members, Insufficient, Assessed                                        int
		CaseAtStart, Recovery, ReliableImprovement, ReliableDeterioration, Rel measure.Rate
	}
	got := figures{g.Members, g.InsufficientData, g.Assessed, g.CaseAtStart, g.Recovery, g.ReliableImprovement,
		g.ReliableDeterioration, g.ReliableRecovery}
	want := figures{
		Members: 6, Insufficient: 2, Assessed: 4,
		CaseAtStart:           measure.Rate{Count: 3, Of: 4, Share: 0.75},
		Recovery:              measure.Rate{Count: 2, Of: 3, Share: 2.0 / 3},
		ReliableImprovement:   measure.Rate{Count: 1, Of: 4, Share: 0.25},
		ReliableDeterioration: measure.Rate{Count: 1, Of: 4, Share: 0.25},
		Rel:                   measure.Rate{Count: 1, Of: 3, Share: 1.0 / 3},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NHS figures (-want +got):\n%s", diff)
	}

	rate := func(n, of int) measure.Rate { return measure.Rate{Count: n, Of: of, Share: float64(n) / float64(of)} }
	wantJT := []measure.CategoryCounts{
		{Instrument: measure.InstrumentPHQ9, Assessed: 5, InsufficientData: 1,
			Recovered: rate(1, 5), Improved: rate(0, 5), Unchanged: rate(3, 5), Deteriorated: rate(1, 5)},
		{Instrument: measure.InstrumentGAD7, Assessed: 4, InsufficientData: 2,
			Recovered: rate(1, 4), Improved: rate(0, 4), Unchanged: rate(2, 4), Deteriorated: rate(1, 4)},
	}
	if diff := cmp.Diff(wantJT, g.JacobsonTruax); diff != "" {
		t.Errorf("Jacobson-Truax (-want +got):\n%s", diff)
	}

	var members []string
	for _, m := range g.ByMember {
		members = append(members, m.Member)
	}
	require.Equal(t, []string{"ana", "ben", "cal", "dee", "eve", "fay"}, members)
	eve := g.ByMember[4]
	require.Equal(t, []int{5, 12}, []int{eve.FirstSession, eve.LastSession}, "measured from when she joined")
	require.Equal(t, measure.Pair{Depression: 14, Anxiety: 9}, eve.First)
	require.True(t, g.ByMember[3].InsufficientData)
	require.True(t, g.ByMember[5].InsufficientData)
	ben := g.ByMember[1].Outcome
	require.True(t, ben.Recovery, "NHS recovery: a case at the start, below both at the end")
	require.False(t, ben.ReliableRecovery)
	require.NotEqual(t, measure.ChangeRecovered, ben.Depression.Category, "not a Jacobson-Truax recovery: the drop of 5 is not reliable")
}

func TestGroupOutcomesEdges(t *testing.T) {
	tt := measure.NHSTalkingTherapies()
	cat := measure.BuiltinCatalog()
	t.Run("no forms", func(t *testing.T) {
		g, err := tt.GroupOutcomes(cat, measure.Options{}, nil)
		require.NoError(t, err)
		require.Zero(t, g.Members)
		require.Equal(t, measure.Rate{}, g.Recovery, "no base, no share")
		require.Len(t, g.JacobsonTruax, 2)
	})
	t.Run("one score each", func(t *testing.T) {
		g, err := tt.GroupOutcomes(cat, measure.Options{}, []measure.Administration{phq9At("ana", 1, 12), gad7At("ana", 1, 9)})
		require.NoError(t, err)
		require.Equal(t, 1, g.InsufficientData)
		require.Zero(t, g.Assessed)
	})
	t.Run("errors", func(t *testing.T) {
		bad := []measure.Administration{phq9At("ana", 1, 12), {Instrument: measure.InstrumentGAD7, Member: "ana", At: t0}}
		_, err := tt.GroupOutcomes(cat, measure.Options{}, bad)
		require.ErrorIs(t, err, measure.ErrWrongCount)
		var fe *measure.FieldError
		require.ErrorAs(t, err, &fe)
		require.Equal(t, "admins[1]", fe.Path)
		_, err = measure.TalkingTherapies{}.GroupOutcomes(cat, measure.Options{}, nil)
		require.ErrorIs(t, err, measure.ErrInvalid)
	})
	t.Run("another anxiety measure", func(t *testing.T) {
		phq9, pcl5 := builtin(t, measure.InstrumentPHQ9), builtin(t, measure.InstrumentPCL5)
		ptsd, err := measure.TalkingTherapiesFor(&phq9, &pcl5)
		require.NoError(t, err)
		require.Equal(t, 33.0, ptsd.Anxiety.Cutoff)
		k10 := builtin(t, measure.InstrumentK10)
		_, err = measure.TalkingTherapiesFor(&phq9, &k10)
		require.ErrorIs(t, err, measure.ErrInvalid, "the K10 here has no caseness or reliable change")
	})
}

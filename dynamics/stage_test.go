package dynamics_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
)

// TestModelStages checks each model's stages and order against DOMAIN.md
// section 2: Tuckman (1965; adjourning added by Tuckman & Jensen 1977),
// Corey, Corey & Corey's six stages, and Yalom & Leszcz (2005).
func TestModelStages(t *testing.T) {
	tests := []struct {
		model dynamics.Model
		want  []string
	}{
		{dynamics.ModelTuckman, []string{"forming", "storming", "norming", "performing", "adjourning"}},
		{dynamics.ModelCorey, []string{"pre-group", "initial", "transition", "working", "final", "post-group"}},
		{dynamics.ModelYalom, []string{"orientation", "conflict", "cohesiveness", "termination"}},
	}
	for _, tc := range tests {
		t.Run(tc.model.String(), func(t *testing.T) {
			var got []string
			for i, s := range tc.model.Stages() {
				got = append(got, s.String())
				require.Equal(t, tc.model, s.Model())
				require.Equal(t, i+1, s.Order())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			sm, ok := dynamics.BuiltinModel(tc.model)
			require.True(t, ok)
			require.Len(t, sm.Stages, len(tc.want))
			for i, info := range sm.Stages {
				require.Equal(t, tc.model.Stages()[i], info.Stage)
				require.NotEmpty(t, info.Behaviour, info.Name)
				require.NotEmpty(t, info.LeaderTasks, info.Name)
				require.NotEmpty(t, info.Indicators, info.Name)
				require.NotEmpty(t, info.Source, info.Name)
			}
		})
	}
	_, ok := dynamics.BuiltinModel(dynamics.ModelUnspecified)
	require.False(t, ok)
	require.Nil(t, dynamics.ModelUnspecified.Stages())
	require.Len(t, dynamics.BuiltinModels(), 3)
	require.Equal(t, dynamics.ModelUnspecified, dynamics.StageUnspecified.Model())
	require.Equal(t, 0, dynamics.Stage(200).Order())
	require.Len(t, dynamics.Stages(), 15)

	// Built-ins are fresh values: changing one does not change the next.
	a, _ := dynamics.BuiltinModel(dynamics.ModelTuckman)
	a.Stages[0].LeaderTasks[0] = "changed"
	b, _ := dynamics.BuiltinModel(dynamics.ModelTuckman)
	require.Equal(t, "give structure", b.Stages[0].LeaderTasks[0])
}

// TestCrosswalk checks the alignment of DOMAIN.md section 2's table.
func TestCrosswalk(t *testing.T) {
	S := func(s ...dynamics.Stage) []dynamics.Stage { return s }
	tests := []struct {
		name  string
		stage dynamics.Stage
		model dynamics.Model
		want  []dynamics.Stage
	}{
		{"forming in Corey", dynamics.StageForming, dynamics.ModelCorey, S(dynamics.StageInitial)},
		{"forming in Yalom", dynamics.StageForming, dynamics.ModelYalom, S(dynamics.StageOrientation)},
		{"storming in Corey", dynamics.StageStorming, dynamics.ModelCorey, S(dynamics.StageTransition)},
		{"storming in Yalom", dynamics.StageStorming, dynamics.ModelYalom, S(dynamics.StageConflict)},
		// norming: late transition into working
		{"norming in Corey", dynamics.StageNorming, dynamics.ModelCorey, S(dynamics.StageTransition, dynamics.StageWorking)},
		{"performing in Yalom", dynamics.StagePerforming, dynamics.ModelYalom, S(dynamics.StageCohesiveness)},
		{"adjourning in Corey", dynamics.StageAdjourning, dynamics.ModelCorey, S(dynamics.StageFinal, dynamics.StagePostGroup)},
		{"transition in Tuckman", dynamics.StageTransition, dynamics.ModelTuckman, S(dynamics.StageStorming, dynamics.StageNorming)},
		{"working in Tuckman", dynamics.StageWorking, dynamics.ModelTuckman, S(dynamics.StageNorming, dynamics.StagePerforming)},
		{"cohesiveness in Corey", dynamics.StageCohesiveness, dynamics.ModelCorey, S(dynamics.StageTransition, dynamics.StageWorking)},
		{"termination in Tuckman", dynamics.StageTermination, dynamics.ModelTuckman, S(dynamics.StageAdjourning)},
		{"pre-group has no Tuckman stage", dynamics.StagePreGroup, dynamics.ModelTuckman, nil},
		{"pre-group has no Yalom stage", dynamics.StagePreGroup, dynamics.ModelYalom, nil},
		{"same model", dynamics.StageInitial, dynamics.ModelCorey, S(dynamics.StageInitial)},
		{"invalid stage", dynamics.StageUnspecified, dynamics.ModelCorey, nil},
		{"invalid model", dynamics.StageForming, dynamics.ModelUnspecified, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, dynamics.Equivalent(tc.stage, tc.model)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// Every stage of every model appears in the crosswalk.
	seen := map[dynamics.Stage]bool{}
	for _, row := range dynamics.Crosswalk() {
		for _, list := range [][]dynamics.Stage{row.Tuckman, row.Corey, row.Yalom} {
			for _, s := range list {
				seen[s] = true
			}
		}
	}
	for _, s := range dynamics.Stages() {
		require.True(t, seen[s], s.String())
	}
}

func TestEnumText(t *testing.T) {
	for _, s := range dynamics.Stages() {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back dynamics.Stage
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, s, back)
		p, err := dynamics.ParseStage(string(b))
		require.NoError(t, err)
		require.Equal(t, s, p)
		require.True(t, s.IsValid())
	}
	for _, m := range dynamics.Models() {
		b, err := m.MarshalText()
		require.NoError(t, err)
		p, err := dynamics.ParseModel(string(b))
		require.NoError(t, err)
		require.Equal(t, m, p)
		var back dynamics.Model
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, m, back)
	}
	for _, v := range []dynamics.SetBy{dynamics.SetByEstimate, dynamics.SetByFacilitator} {
		b, err := v.MarshalText()
		require.NoError(t, err)
		p, err := dynamics.ParseSetBy(string(b))
		require.NoError(t, err)
		require.Equal(t, v, p)
		var back dynamics.SetBy
		require.NoError(t, back.UnmarshalText(b))
		require.True(t, back.IsValid())
	}
	_, err := dynamics.Stage(99).MarshalText()
	var pe *dynamics.ParseError
	require.ErrorAs(t, err, &pe)
	require.ErrorIs(t, err, dynamics.ErrUnknownValue)
	require.Equal(t, "Stage(99)", dynamics.Stage(99).String())
	_, err = dynamics.ParseModel("lewin")
	require.ErrorIs(t, err, dynamics.ErrUnknownValue)
	_, err = dynamics.ParseSetBy("guess")
	require.ErrorIs(t, err, dynamics.ErrUnknownValue)
	_, err = dynamics.Model(9).MarshalText()
	require.ErrorIs(t, err, dynamics.ErrUnknownValue)
	_, err = dynamics.SetBy(9).MarshalText()
	require.ErrorIs(t, err, dynamics.ErrUnknownValue)
	s := dynamics.StageForming
	require.Error(t, s.UnmarshalText([]byte("stormy")))
	require.Equal(t, dynamics.StageForming, s, "unchanged on error")
}

func TestStageHistory(t *testing.T) {
	day := func(n int) time.Time { return t0.AddDate(0, 0, 7*n) }
	est := func(s dynamics.Stage, c float64) dynamics.Estimate {
		return dynamics.Estimate{Stage: s, Confidence: c}
	}
	h, err := dynamics.NewStageHistory(dynamics.ModelCorey)
	require.NoError(t, err)
	require.Equal(t, dynamics.ModelCorey, h.Model())
	_, ok := h.Current()
	require.False(t, ok)

	require.NoError(t, h.Estimated(1, day(1), est(dynamics.StageForming, 0.8)))
	// the facilitator sets session 2 first; a later estimate does not win
	require.NoError(t, h.Set(2, day(2), dynamics.StageTransition, "lee", "first open challenge to me"))
	require.NoError(t, h.Estimated(2, day(2), est(dynamics.StageForming, 0.6)))
	// session 4 recorded before session 3: entries stay in session order
	require.NoError(t, h.Estimated(4, day(4), est(dynamics.StageStorming, 0.7)))
	require.NoError(t, h.Estimated(3, day(3), est(dynamics.StagePerforming, 0.5)))
	// the facilitator overrides an existing estimate, then changes their mind
	require.NoError(t, h.Set(3, day(3), dynamics.StageInitial, "lee", "members guarded again"))
	require.NoError(t, h.Set(3, day(3).Add(time.Hour), dynamics.StageWorking, "kim", "on review, real feedback"))

	want := []dynamics.StageEntry{
		{Session: 1, At: day(1), Stage: dynamics.StageInitial, SetBy: dynamics.SetByEstimate, Confidence: 0.8},
		{Session: 2, At: day(2), Stage: dynamics.StageTransition, SetBy: dynamics.SetByFacilitator, Facilitator: "lee",
			Reason: "first open challenge to me", Confidence: 1, Overrides: dynamics.StageInitial},
		{Session: 3, At: day(3).Add(time.Hour), Stage: dynamics.StageWorking, SetBy: dynamics.SetByFacilitator, Facilitator: "kim",
			Reason: "on review, real feedback", Confidence: 1},
		// working (4) then transition (3): a regression, recorded
		{Session: 4, At: day(4), Stage: dynamics.StageTransition, SetBy: dynamics.SetByEstimate, Confidence: 0.7,
			Regression: true, From: dynamics.StageWorking},
	}
	if diff := cmp.Diff(want, h.Entries()); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want[3:], h.Regressions()); diff != "" {
		t.Errorf("regressions (-want +got):\n%s", diff)
	}
	cur, ok := h.Current()
	require.True(t, ok)
	require.Equal(t, 4, cur.Session)
	e, ok := h.At(2)
	require.True(t, ok)
	require.Equal(t, dynamics.SetByFacilitator, e.SetBy)
	_, ok = h.At(9)
	require.False(t, ok)
}

func TestStageHistoryRejects(t *testing.T) {
	_, err := dynamics.NewStageHistory(dynamics.ModelUnspecified)
	require.ErrorIs(t, err, dynamics.ErrInvalid)

	h, err := dynamics.NewStageHistory(dynamics.ModelTuckman)
	require.NoError(t, err)
	tests := []struct {
		name     string
		apply    func() error
		problems int
	}{
		{"estimate for session 0", func() error {
			return h.Estimated(0, t0, dynamics.Estimate{Stage: dynamics.StageForming, Confidence: 0.5})
		}, 1},
		{"estimate without a stage, confidence out of range", func() error {
			return h.Estimated(1, t0, dynamics.Estimate{Confidence: 1.5})
		}, 2},
		{"stage of another model, no facilitator, no reason", func() error {
			return h.Set(1, t0, dynamics.StageWorking, "", "")
		}, 3},
		{"session 0", func() error { return h.Set(0, t0, dynamics.StageNorming, "lee", "why") }, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.apply()
			require.ErrorIs(t, err, dynamics.ErrInvalid)
			joined, ok := err.(interface{ Unwrap() []error })
			require.True(t, ok)
			require.Len(t, joined.Unwrap(), tc.problems)
			require.Empty(t, h.Entries(), "a rejected command changes nothing")
		})
	}
}

// TestStageIn pins the translation between the three models (DOMAIN.md
// section 2) and checks each answer is one of the crosswalk's equivalents.
func TestStageIn(t *testing.T) {
	T, C, Y := dynamics.ModelTuckman, dynamics.ModelCorey, dynamics.ModelYalom
	want := map[dynamics.Stage][3]dynamics.Stage{ // in Tuckman, Corey, Yalom
		dynamics.StageForming:      {dynamics.StageForming, dynamics.StageInitial, dynamics.StageOrientation},
		dynamics.StageStorming:     {dynamics.StageStorming, dynamics.StageTransition, dynamics.StageConflict},
		dynamics.StageNorming:      {dynamics.StageNorming, dynamics.StageWorking, dynamics.StageCohesiveness},
		dynamics.StagePerforming:   {dynamics.StagePerforming, dynamics.StageWorking, dynamics.StageCohesiveness},
		dynamics.StageAdjourning:   {dynamics.StageAdjourning, dynamics.StageFinal, dynamics.StageTermination},
		dynamics.StagePreGroup:     {0, dynamics.StagePreGroup, 0},
		dynamics.StageInitial:      {dynamics.StageForming, dynamics.StageInitial, dynamics.StageOrientation},
		dynamics.StageTransition:   {dynamics.StageStorming, dynamics.StageTransition, dynamics.StageConflict},
		dynamics.StageWorking:      {dynamics.StagePerforming, dynamics.StageWorking, dynamics.StageCohesiveness},
		dynamics.StageFinal:        {dynamics.StageAdjourning, dynamics.StageFinal, dynamics.StageTermination},
		dynamics.StagePostGroup:    {dynamics.StageAdjourning, dynamics.StagePostGroup, dynamics.StageTermination},
		dynamics.StageOrientation:  {dynamics.StageForming, dynamics.StageInitial, dynamics.StageOrientation},
		dynamics.StageConflict:     {dynamics.StageStorming, dynamics.StageTransition, dynamics.StageConflict},
		dynamics.StageCohesiveness: {dynamics.StageNorming, dynamics.StageWorking, dynamics.StageCohesiveness},
		dynamics.StageTermination:  {dynamics.StageAdjourning, dynamics.StageFinal, dynamics.StageTermination},
	}
	require.Len(t, want, len(dynamics.Stages()))
	for s, w := range want {
		for i, m := range []dynamics.Model{T, C, Y} {
			got := s.In(m)
			require.Equal(t, w[i], got, "%v in %v", s, m)
			if got.IsValid() && got.Model() != s.Model() {
				require.Contains(t, dynamics.Equivalent(s, m), got, "%v in %v must be a crosswalk equivalent", s, m)
			}
		}
	}
	require.Equal(t, dynamics.StageUnspecified, dynamics.Stage(99).In(T))
	require.Equal(t, dynamics.StageUnspecified, dynamics.StageForming.In(9))
}

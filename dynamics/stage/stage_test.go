package stage_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/stage"
)

// TestModelStages checks each model's stages and order against its source:
// Tuckman (1965; adjourning added by Tuckman & Jensen 1977), Corey's six
// stages (Corey 2012, chs. 4-5), and Yalom & Leszcz (2005), ch. 11.
func TestModelStages(t *testing.T) {
	tests := []struct {
		model stage.Model
		want  []string
	}{
		{stage.Tuckman, []string{"forming", "storming", "norming", "performing", "adjourning"}},
		{stage.Corey, []string{"pre-group", "initial", "transition", "working", "final", "post-group"}},
		{stage.Yalom, []string{"orientation", "conflict", "cohesiveness", "termination"}},
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
			sm, ok := stage.BuiltinModel(tc.model)
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
	_, ok := stage.BuiltinModel(stage.ModelUnspecified)
	require.False(t, ok)
	require.Nil(t, stage.ModelUnspecified.Stages())
	require.Len(t, stage.BuiltinModels(), 3)
	require.Equal(t, stage.ModelUnspecified, stage.Unspecified.Model())
	require.Equal(t, 0, stage.Stage(200).Order())
	require.Len(t, stage.All(), 15)

	// Built-ins are fresh values: changing one does not change the next.
	a, _ := stage.BuiltinModel(stage.Tuckman)
	a.Stages[0].LeaderTasks[0] = "changed"
	b, _ := stage.BuiltinModel(stage.Tuckman)
	require.Equal(t, "give structure", b.Stages[0].LeaderTasks[0])
}

// TestCrosswalk checks the alignment of docs/reference/stages.md#the-crosswalk.
func TestCrosswalk(t *testing.T) {
	S := func(s ...stage.Stage) []stage.Stage { return s }
	tests := []struct {
		name  string
		stage stage.Stage
		model stage.Model
		want  []stage.Stage
	}{
		{"forming in Corey", stage.Forming, stage.Corey, S(stage.Initial)},
		{"forming in Yalom", stage.Forming, stage.Yalom, S(stage.Orientation)},
		{"storming in Corey", stage.Storming, stage.Corey, S(stage.Transition)},
		{"storming in Yalom", stage.Storming, stage.Yalom, S(stage.Conflict)},
		// norming: late transition into working
		{"norming in Corey", stage.Norming, stage.Corey, S(stage.Transition, stage.Working)},
		{"performing in Yalom", stage.Performing, stage.Yalom, S(stage.Cohesiveness)},
		{"adjourning in Corey", stage.Adjourning, stage.Corey, S(stage.Final, stage.PostGroup)},
		{"transition in Tuckman", stage.Transition, stage.Tuckman, S(stage.Storming, stage.Norming)},
		{"working in Tuckman", stage.Working, stage.Tuckman, S(stage.Norming, stage.Performing)},
		{"cohesiveness in Corey", stage.Cohesiveness, stage.Corey, S(stage.Transition, stage.Working)},
		{"termination in Tuckman", stage.Termination, stage.Tuckman, S(stage.Adjourning)},
		{"pre-group has no Tuckman stage", stage.PreGroup, stage.Tuckman, nil},
		{"pre-group has no Yalom stage", stage.PreGroup, stage.Yalom, nil},
		{"same model", stage.Initial, stage.Corey, S(stage.Initial)},
		{"invalid stage", stage.Unspecified, stage.Corey, nil},
		{"invalid model", stage.Forming, stage.ModelUnspecified, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, stage.Equivalent(tc.stage, tc.model)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// Every stage of every model appears in the crosswalk.
	seen := map[stage.Stage]bool{}
	for _, row := range stage.Crosswalk() {
		for _, list := range [][]stage.Stage{row.Tuckman, row.Corey, row.Yalom} {
			for _, s := range list {
				seen[s] = true
			}
		}
	}
	for _, s := range stage.All() {
		require.True(t, seen[s], s.String())
	}
}

func TestEnumText(t *testing.T) {
	for _, s := range stage.All() {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back stage.Stage
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, s, back)
		p, err := stage.Parse(string(b))
		require.NoError(t, err)
		require.Equal(t, s, p)
		require.True(t, s.IsValid())
	}
	for _, m := range stage.Models() {
		b, err := m.MarshalText()
		require.NoError(t, err)
		p, err := stage.ParseModel(string(b))
		require.NoError(t, err)
		require.Equal(t, m, p)
		var back stage.Model
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, m, back)
	}
	for _, v := range []stage.SetBy{stage.SetByEstimate, stage.SetByFacilitator} {
		b, err := v.MarshalText()
		require.NoError(t, err)
		p, err := stage.ParseSetBy(string(b))
		require.NoError(t, err)
		require.Equal(t, v, p)
		var back stage.SetBy
		require.NoError(t, back.UnmarshalText(b))
		require.True(t, back.IsValid())
	}
	_, err := stage.Stage(99).MarshalText()
	var pe *stage.ParseError
	require.ErrorAs(t, err, &pe)
	require.ErrorIs(t, err, stage.ErrUnknownValue)
	require.Equal(t, "Stage(99)", stage.Stage(99).String())
	_, err = stage.ParseModel("lewin")
	require.ErrorIs(t, err, stage.ErrUnknownValue)
	_, err = stage.ParseSetBy("guess")
	require.ErrorIs(t, err, stage.ErrUnknownValue)
	_, err = stage.Model(9).MarshalText()
	require.ErrorIs(t, err, stage.ErrUnknownValue)
	_, err = stage.SetBy(9).MarshalText()
	require.ErrorIs(t, err, stage.ErrUnknownValue)
	s := stage.Forming
	require.Error(t, s.UnmarshalText([]byte("stormy")))
	require.Equal(t, stage.Forming, s, "unchanged on error")
}

func TestStageHistory(t *testing.T) {
	day := func(n int) time.Time { return t0.AddDate(0, 0, 7*n) }
	est := func(s stage.Stage, c float64) stage.Estimate {
		return stage.Estimate{Stage: s, Confidence: c}
	}
	h, err := stage.NewHistory(stage.Corey)
	require.NoError(t, err)
	require.Equal(t, stage.Corey, h.Model())
	_, ok := h.Current()
	require.False(t, ok)

	require.NoError(t, h.Estimated(1, day(1), est(stage.Forming, 0.8)))
	// the facilitator sets session 2 first; a later estimate does not win
	require.NoError(t, h.Set(2, day(2), stage.Transition, "lee", "first open challenge to me"))
	require.NoError(t, h.Estimated(2, day(2), est(stage.Forming, 0.6)))
	// session 4 recorded before session 3: entries stay in session order
	require.NoError(t, h.Estimated(4, day(4), est(stage.Storming, 0.7)))
	require.NoError(t, h.Estimated(3, day(3), est(stage.Performing, 0.5)))
	// the facilitator overrides an existing estimate, then changes their mind
	require.NoError(t, h.Set(3, day(3), stage.Initial, "lee", "members guarded again"))
	require.NoError(t, h.Set(3, day(3).Add(time.Hour), stage.Working, "kim", "on review, real feedback"))

	want := []stage.Entry{
		{Session: 1, At: day(1), Stage: stage.Initial, SetBy: stage.SetByEstimate, Confidence: 0.8},
		{Session: 2, At: day(2), Stage: stage.Transition, SetBy: stage.SetByFacilitator, Facilitator: "lee",
			Reason: "first open challenge to me", Confidence: 1, Overrides: stage.Initial},
		{Session: 3, At: day(3).Add(time.Hour), Stage: stage.Working, SetBy: stage.SetByFacilitator, Facilitator: "kim",
			Reason: "on review, real feedback", Confidence: 1},
		// working (4) then transition (3): a regression, recorded
		{Session: 4, At: day(4), Stage: stage.Transition, SetBy: stage.SetByEstimate, Confidence: 0.7,
			Regression: true, From: stage.Working},
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
	require.Equal(t, stage.SetByFacilitator, e.SetBy)
	_, ok = h.At(9)
	require.False(t, ok)
}

func TestStageHistoryRejects(t *testing.T) {
	_, err := stage.NewHistory(stage.ModelUnspecified)
	require.ErrorIs(t, err, stage.ErrInvalid)

	h, err := stage.NewHistory(stage.Tuckman)
	require.NoError(t, err)
	tests := []struct {
		name     string
		apply    func() error
		problems int
	}{
		{"estimate for session 0", func() error {
			return h.Estimated(0, t0, stage.Estimate{Stage: stage.Forming, Confidence: 0.5})
		}, 1},
		{"estimate without a stage, confidence out of range", func() error {
			return h.Estimated(1, t0, stage.Estimate{Confidence: 1.5})
		}, 2},
		{"estimate that names no stage", func() error {
			return h.Estimated(1, t0, stage.Estimate{Confidence: 0.31})
		}, 1},
		{"stage of another model, no facilitator, no reason", func() error {
			return h.Set(1, t0, stage.Working, "", "")
		}, 3},
		{"session 0", func() error { return h.Set(0, t0, stage.Norming, "lee", "why") }, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.apply()
			require.ErrorIs(t, err, stage.ErrInvalid)
			joined, ok := err.(interface{ Unwrap() []error })
			require.True(t, ok)
			require.Len(t, joined.Unwrap(), tc.problems)
			require.Empty(t, h.Entries(), "a rejected command changes nothing")
		})
	}
}

// TestStageIn pins the translation between the three models (see
// docs/reference/stages.md#the-crosswalk) and checks each answer is one of the crosswalk's equivalents.
func TestStageIn(t *testing.T) {
	T, C, Y := stage.Tuckman, stage.Corey, stage.Yalom
	want := map[stage.Stage][3]stage.Stage{ // in Tuckman, Corey, Yalom
		stage.Forming:      {stage.Forming, stage.Initial, stage.Orientation},
		stage.Storming:     {stage.Storming, stage.Transition, stage.Conflict},
		stage.Norming:      {stage.Norming, stage.Working, stage.Cohesiveness},
		stage.Performing:   {stage.Performing, stage.Working, stage.Cohesiveness},
		stage.Adjourning:   {stage.Adjourning, stage.Final, stage.Termination},
		stage.PreGroup:     {0, stage.PreGroup, 0},
		stage.Initial:      {stage.Forming, stage.Initial, stage.Orientation},
		stage.Transition:   {stage.Storming, stage.Transition, stage.Conflict},
		stage.Working:      {stage.Performing, stage.Working, stage.Cohesiveness},
		stage.Final:        {stage.Adjourning, stage.Final, stage.Termination},
		stage.PostGroup:    {stage.Adjourning, stage.PostGroup, stage.Termination},
		stage.Orientation:  {stage.Forming, stage.Initial, stage.Orientation},
		stage.Conflict:     {stage.Storming, stage.Transition, stage.Conflict},
		stage.Cohesiveness: {stage.Norming, stage.Working, stage.Cohesiveness},
		stage.Termination:  {stage.Adjourning, stage.Final, stage.Termination},
	}
	require.Len(t, want, len(stage.All()))
	for s, w := range want {
		for i, m := range []stage.Model{T, C, Y} {
			got := s.In(m)
			require.Equal(t, w[i], got, "%v in %v", s, m)
			if got.IsValid() && got.Model() != s.Model() {
				require.Contains(t, stage.Equivalent(s, m), got, "%v in %v must be a crosswalk equivalent", s, m)
			}
		}
	}
	require.Equal(t, stage.Unspecified, stage.Stage(99).In(T))
	require.Equal(t, stage.Unspecified, stage.Forming.In(9))
}

// t0 is the first session of the histories these tests build.
var t0 = time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)

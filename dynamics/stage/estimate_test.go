package stage_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/measure"
)

func climate(eng, avoid, conflict float64) measure.GCQSScore {
	return measure.GCQSScore{Engagement: eng, Avoidance: avoid, Conflict: conflict, Answered: 12}
}

func full(n int) stage.AttendanceEvidence {
	return stage.AttendanceEvidence{Expected: n, Present: n}
}

// TestEstimateStage checks the heuristic on synthetic histories built from
// the signs the stage descriptions give for each stage (Tuckman 1965; Corey
// 2012, chs. 4-5; Yalom & Leszcz 2005, ch. 11).
func TestEstimateStage(t *testing.T) {
	tests := []struct {
		name       string
		history    []stage.SessionEvidence
		stage      stage.Stage
		confidence float64
		codes      []string
	}{
		{
			// forming: first session, talk aimed at the leader, many questions
			// (forming 2 + 1 + 0.75 = 3.75; confidence 1 * 3.75/4)
			name: "first session",
			history: []stage.SessionEvidence{{Session: 1, Planned: 12,
				Interaction: stage.InteractionEvidence{MemberTurns: 20, MemberToFacilitator: 0.7, MemberToMember: 0.2, Questions: 0.3}}},
			stage: stage.Forming, confidence: 0.94,
			codes: []string{"position-early", "member-to-leader", "questions"},
		},
		{
			// storming: conflict peaks, challenges to the leader, lateness spike
			// (storming 0.5 + 1.5 + 1.5 + 1.5 + 1 = 6 against norming 0.25)
			name: "conflict peak with challenges to the leader",
			history: []stage.SessionEvidence{
				{Session: 1, Planned: 12, Climate: climate(3, 2, 1), Attendance: full(8)},
				{Session: 2, Planned: 12, Climate: climate(3, 2, 1.5), Attendance: full(8)},
				{Session: 3, Planned: 12, Climate: climate(3, 2, 2), Attendance: full(8)},
				{Session: 4, Planned: 12, Climate: climate(3, 2, 2.5), Attendance: full(8)},
				{Session: 5, Planned: 12, Climate: climate(3, 2, 3.5),
					Attendance:  stage.AttendanceEvidence{Expected: 8, Present: 6, Late: 1},
					Interaction: stage.InteractionEvidence{MemberTurns: 60, MemberToMember: 0.4, MemberToFacilitator: 0.4, Negative: 0.25, LeaderChallenges: 3}},
			},
			stage: stage.Storming, confidence: 0.96,
			codes: []string{"position-middle", "position-middle", "negative-acts", "leader-challenges", "climate-conflict-high", "attendance-spike"},
		},
		{
			// performing: engagement high and rising, member-to-member feedback
			// (performing 0.5 + 2 + 1.5 + 0.5 = 4.5 against norming 0.75)
			name: "high engagement with member-to-member feedback",
			history: []stage.SessionEvidence{
				{Session: 6, Planned: 12, Climate: climate(3.5, 1.5, 1.5)},
				{Session: 7, Planned: 12, Climate: climate(3.8, 1.5, 1.5)},
				{Session: 8, Planned: 12, Climate: climate(4.5, 1, 1.5),
					Interaction: stage.InteractionEvidence{MemberTurns: 80, MemberToMember: 0.7, MemberToFacilitator: 0.2, Negative: 0.05, DisclosureFeedback: 0.35}},
			},
			stage: stage.Performing, confidence: 0.83,
			codes: []string{"position-late", "position-late", "member-feedback", "climate-engagement-high", "climate-engagement-rising", "climate-engagement-rising"},
		},
		{
			// adjourning: the last session of the program (3, confidence 3/4)
			name:    "last session",
			history: []stage.SessionEvidence{{Session: 12, Planned: 12}},
			stage:   stage.Adjourning, confidence: 0.75,
			codes: []string{"position-last"},
		},
		{
			name:    "near the end",
			history: []stage.SessionEvidence{{Session: 11, Planned: 12}},
			stage:   stage.Adjourning, confidence: 0.5,
			codes: []string{"position-ending"},
		},
		{
			// ambiguous: storming 0.5 + 1.5 + 1.5 = 3.5 ties performing 2 + 1.5
			// = 3.5; a tie names no stage and gives no confidence (see
			// TestEstimateStageTie for the scores)
			name: "ambiguous evidence",
			history: []stage.SessionEvidence{{Session: 6, Planned: 12, Climate: climate(4.2, 1, 2),
				Interaction: stage.InteractionEvidence{MemberTurns: 50, MemberToMember: 0.6, Negative: 0.25, LeaderChallenges: 2, DisclosureFeedback: 0.3}}},
			stage: stage.Unspecified, confidence: 0,
			codes: []string{"position-middle", "position-middle", "negative-acts", "leader-challenges", "member-feedback", "climate-engagement-high"},
		},
		{
			// storming 1.5 + 0.5 = 2 ties performing 2 for second place, below
			// forming 2 + 1 = 3: only a tie at the top is ambiguous;
			// (1/3) * (3/4) = 0.25, below the floor: not enough evidence yet
			name: "tie below the top",
			history: []stage.SessionEvidence{{Session: 1, Planned: 12, Climate: climate(2, 4, 1),
				Interaction: stage.InteractionEvidence{MemberTurns: 30, MemberToMember: 0.6, Negative: 0.25, LeaderChallenges: 1, DisclosureFeedback: 0.3}}},
			stage: stage.Unspecified, confidence: 0.25,
			codes: []string{"position-early", "negative-acts", "leader-challenges", "member-feedback", "climate-guarded"},
		},
		{
			name:    "no signal at all",
			history: []stage.SessionEvidence{{Session: 5}},
			stage:   stage.Unspecified, confidence: 0,
		},
		{
			// open-ended group, second session, guarded climate, absences:
			// forming 1.5 + 1 = 2.5, storming 0.5; (2/2.5) * (2.5/4) = 0.5
			name: "open-ended start",
			history: []stage.SessionEvidence{{Session: 2, Climate: climate(2, 4, 1),
				Attendance: stage.AttendanceEvidence{Expected: 10, Present: 6}}},
			stage: stage.Forming, confidence: 0.5,
			codes: []string{"position-early", "climate-guarded", "attendance-spike"},
		},
		{
			// conflict falls from its peak while engagement holds; little
			// negativity; member-to-member talk without feedback:
			// norming 0.25 + 1 + 1.5 = 2.75, storming 0.5 + 0.5 = 1;
			// (1.75/2.75) * (2.75/4) = 0.4375
			name: "conflict falling",
			history: []stage.SessionEvidence{
				{Session: 4, Planned: 10, Climate: climate(3, 2, 3.2)},
				{Session: 5, Planned: 10, Climate: climate(3.2, 2, 2.2),
					Interaction: stage.InteractionEvidence{MemberTurns: 40, MemberToMember: 0.6, Negative: 0.08, LeaderChallenges: 1}},
			},
			stage: stage.Norming, confidence: 0.44,
			codes: []string{"position-middle", "position-middle", "leader-challenges", "member-to-member", "climate-conflict-falling"},
		},
		{
			// storming 0.5 + 1 = 1.5 narrowly over norming 0.25 + 1 = 1.25:
			// (0.25/1.5) * (1.5/4) = 0.0625, below the floor: no stage named
			name: "conflict rising below the high mark",
			history: []stage.SessionEvidence{
				{Session: 2, Planned: 10, Climate: climate(3, 2, 1)},
				{Session: 3, Planned: 10, Climate: climate(3, 2, 2),
					Interaction: stage.InteractionEvidence{MemberTurns: 40, MemberToMember: 0.6, Negative: 0.02}},
			},
			stage: stage.Unspecified, confidence: 0.06,
			codes: []string{"position-middle", "position-middle", "member-to-member", "climate-conflict-rising"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := stage.Infer(tc.history)
			require.NoError(t, err)
			var codes []string
			for _, s := range e.Evidence {
				codes = append(codes, s.Code)
				require.NotEmpty(t, s.Detail)
			}
			if diff := cmp.Diff(tc.codes, codes); diff != "" {
				t.Errorf("evidence (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.stage, e.Stage); diff != "" {
				t.Errorf("stage (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.confidence, e.Confidence); diff != "" {
				t.Errorf("confidence (-want +got):\n%s", diff)
			}
			require.Equal(t, stage.HeuristicNote, e.Note, "every estimate is labelled a heuristic")
			require.Equal(t, stage.Tuckman, e.Model)
			require.Equal(t, e.Confidence >= stage.MinConfidence && tc.stage.IsValid(), e.Named(), "named only from the floor up")
			if !e.Named() {
				require.Equal(t, stage.NotEnoughEvidence, e.Name())
			}
			require.Len(t, e.Scores, 5)
			require.Equal(t, tc.history[len(tc.history)-1].Session, e.Session)
		})
	}
}

// TestEstimateStageTie: when stages tie for the top score the estimate names
// no stage, has no confidence, and keeps the scores and evidence so that a
// facilitator sees what tied; a stage history will not record it.
func TestEstimateStageTie(t *testing.T) {
	history := []stage.SessionEvidence{{Session: 6, Planned: 12, Climate: climate(4.2, 1, 2),
		Interaction: stage.InteractionEvidence{MemberTurns: 50, MemberToMember: 0.6, Negative: 0.25, LeaderChallenges: 2, DisclosureFeedback: 0.3}}}
	e, err := stage.Infer(history)
	require.NoError(t, err)
	require.Equal(t, stage.Unspecified, e.Stage)
	require.Zero(t, e.Confidence)
	want := []stage.Score{
		{Stage: stage.Forming, Score: 0},
		{Stage: stage.Storming, Score: 3.5},   // position 0.5, negative acts 1.5, leader challenges 1.5
		{Stage: stage.Norming, Score: 0.25},   // position 0.25
		{Stage: stage.Performing, Score: 3.5}, // member feedback 2, engagement high 1.5
		{Stage: stage.Adjourning, Score: 0},
	}
	if diff := cmp.Diff(want, e.Scores); diff != "" {
		t.Errorf("scores (-want +got):\n%s", diff)
	}
	require.Len(t, e.Evidence, 6)
	for _, m := range []stage.Model{stage.Tuckman, stage.Corey, stage.Yalom} {
		require.Equal(t, stage.Unspecified, e.In(m), m.String())
	}
	h, err := stage.NewHistory(stage.Corey)
	require.NoError(t, err)
	require.ErrorIs(t, h.Estimated(6, time.Date(2025, 2, 10, 19, 0, 0, 0, time.UTC), e), stage.ErrInvalid)
}

func TestEstimateStageRejects(t *testing.T) {
	_, err := stage.Infer(nil)
	require.ErrorIs(t, err, stage.ErrNoEvidence)

	bad := []stage.SessionEvidence{
		{Session: 0, Planned: -1}, // 2 problems
		{Session: 3, Planned: 2, Climate: measure.GCQSScore{Engagement: 7, Conflict: -1, Answered: 13}},                       // 4
		{Session: 2, Interaction: stage.InteractionEvidence{MemberTurns: -1, Negative: 1.5}},                                  // 3, out of order included
		{Session: 4, Attendance: stage.AttendanceEvidence{Expected: 3, Present: 4}, Climate: measure.GCQSScore{Answered: -1}}, // 2
	}
	_, err = stage.Infer(bad)
	require.ErrorIs(t, err, stage.ErrInvalid)
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok)
	var paths []string
	for _, e := range joined.Unwrap() {
		var fe *stage.FieldError
		require.ErrorAs(t, e, &fe)
		paths = append(paths, fe.Path)
	}
	want := []string{
		"history[0].session", "history[0].planned",
		"history[1].session", "history[1].climate.answered", "history[1].climate.engagement", "history[1].climate.conflict",
		"history[2].session", "history[2].interaction", "history[2].interaction.negative",
		"history[3].climate.answered", "history[3].attendance",
	}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestEstimateIn(t *testing.T) {
	tests := []struct {
		stage stage.Stage
		model stage.Model
		want  stage.Stage
	}{
		{stage.Forming, stage.Corey, stage.Initial},
		{stage.Storming, stage.Yalom, stage.Conflict},
		// norming is late transition into working (docs/reference/stages.md)
		{stage.Norming, stage.Corey, stage.Working},
		{stage.Norming, stage.Yalom, stage.Cohesiveness},
		{stage.Adjourning, stage.Corey, stage.Final},
		{stage.Performing, stage.Tuckman, stage.Performing},
		{stage.Unspecified, stage.Corey, stage.Unspecified},
		{stage.Forming, stage.ModelUnspecified, stage.Unspecified},
	}
	for _, tc := range tests {
		t.Run(tc.stage.String()+" in "+tc.model.String(), func(t *testing.T) {
			require.Equal(t, tc.want, stage.Estimate{Stage: tc.stage}.In(tc.model))
		})
	}
}

// TestEstimateTranslate: one output speaks of one model. Translating a
// Tuckman estimate into Corey's model translates its stage and every
// signal's, and sums the scores by the stage they translate to (norming and
// performing are both Corey's working stage).
func TestEstimateTranslate(t *testing.T) {
	e, err := stage.Infer([]stage.SessionEvidence{
		{Session: 6, Planned: 12, Climate: climate(3.5, 1.5, 1.5)},
		{Session: 7, Planned: 12, Climate: climate(3.8, 1.5, 1.5)},
		{Session: 8, Planned: 12, Climate: climate(4.5, 1, 1.5),
			Interaction: stage.InteractionEvidence{MemberTurns: 80, MemberToMember: 0.7, MemberToFacilitator: 0.2, Negative: 0.05, DisclosureFeedback: 0.35}},
	})
	require.NoError(t, err)
	c := e.Translate(stage.Corey)
	require.Equal(t, stage.Corey, c.Model)
	require.Equal(t, stage.Working, c.Stage)
	require.Equal(t, "working", c.Name())
	require.Equal(t, e.Confidence, c.Confidence)
	var codes []string
	for _, sg := range c.Evidence {
		require.Equal(t, stage.Corey, sg.Stage.Model(), "signal %s", sg.Code)
		codes = append(codes, sg.Code)
	}
	// Engagement rising pointed to norming and performing, both Corey's
	// working stage: one signal here.
	if diff := cmp.Diff([]string{"position-late", "member-feedback", "climate-engagement-high", "climate-engagement-rising"}, codes); diff != "" {
		t.Errorf("signals (-want +got):\n%s", diff)
	}
	want := []stage.Score{{Stage: stage.PreGroup}, {Stage: stage.Initial}, {Stage: stage.Transition},
		{Stage: stage.Working, Score: 5.25}, {Stage: stage.Final}, {Stage: stage.PostGroup}}
	if diff := cmp.Diff(want, c.Scores); diff != "" {
		t.Errorf("scores (-want +got):\n%s", diff)
	}
	require.Equal(t, e, e.Translate(stage.Tuckman))
	require.Equal(t, e, e.Translate(stage.ModelUnspecified))

	none := stage.Estimate{Model: stage.Tuckman, Confidence: 0.25}.Translate(stage.Yalom)
	require.False(t, none.Named())
	require.Equal(t, stage.NotEnoughEvidence, none.Name())
}

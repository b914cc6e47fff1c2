package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/group"
)

// TestProcessGroupGolden is the program's smoke test: its output matches
// the golden file (regenerate with go test ./examples/process-group
// -update), is the same on every run, and stays within the length an
// example should have.
func TestProcessGroupGolden(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(&first, nil))
	golden.Check(t, "process-group.golden", first.Bytes())
	require.NoError(t, run(&second, nil))
	require.Equal(t, first.String(), second.String(), "deterministic")
	lines := strings.Count(first.String(), "\n")
	require.True(t, lines >= 80 && lines <= 200, "output has %d lines, want 80-200", lines)
}

// TestProcessGroupFacts checks the story's key facts on the values the
// library returned, not only on the printed text.
func TestProcessGroupFacts(t *testing.T) {
	out, err := story(io.Discard, stage.Corey)
	require.NoError(t, err)
	g := out.group

	t.Run("a slow-open process group co-led by two licensed clinicians", func(t *testing.T) {
		require.Equal(t, group.ModalityProcess, g.Spec().Modality)
		require.Equal(t, group.PolicySlowOpen, g.Spec().Policy)
		fs := g.Facilitators()
		require.Len(t, fs, 2)
		for _, f := range fs {
			require.True(t, f.Has(group.CredentialLicensedClinician), "%s is licensed", f.ID)
		}
	})

	t.Run("a member leaves and a newcomer joins into the vacancy", func(t *testing.T) {
		require.Equal(t, group.StatusCompleted, g.Status(dana))
		require.Equal(t, group.StatusActive, g.Status(theo))
		theoIn, ok := g.Episodes(theo)[0].When(group.StatusActive)
		require.True(t, ok)
		danaOut, ok := g.Episodes(dana)[0].When(group.StatusCompleted)
		require.True(t, ok)
		require.True(t, theoIn.After(danaOut), "Theo joins after Dana left")
	})

	t.Run("a second newcomer is refused by the newcomer limit, not by capacity", func(t *testing.T) {
		require.ErrorIs(t, out.irisRefuse, group.ErrNewcomerLimit)
		require.NotErrorIs(t, out.irisRefuse, group.ErrGroupFull, "there was a vacancy")
		var ce *group.CommandError
		require.ErrorAs(t, out.irisRefuse, &ce)
		require.Equal(t, iris, ce.Member)
		require.Equal(t, []group.MemberID{iris}, out.promoted, "admitted at the next intake")
	})

	t.Run("scapegoating and a challenge to the leader, with the process rule", func(t *testing.T) {
		var scape, challenge *advice.Recommendation
		for i := range out.advice {
			switch out.advice[i].Situation {
			case advice.SituationScapegoating:
				scape = &out.advice[i]
			case advice.SituationLeaderChallenge:
				challenge = &out.advice[i]
			}
		}
		require.NotNil(t, scape)
		require.Equal(t, []group.MemberID{theo}, scape.Members)
		require.NotNil(t, challenge)
		require.Equal(t, []group.FacilitatorID{naomi}, challenge.Facilitators)
		require.Equal(t, []group.MemberID{grace, marcus}, challenge.Members)
		var process advice.Rule
		for _, r := range advice.BuiltinRules() {
			if r.Situation == advice.SituationLeaderChallenge && cmp.Equal(r.Modalities, []group.Modality{group.ModalityProcess}) {
				process = r
			}
		}
		require.NotEmpty(t, process.ID, "the built-in rules have a process variant")
		require.Equal(t, process.ID, challenge.RuleID, "the process-group variant wins")
		if diff := cmp.Diff(process.Interventions, challenge.Interventions); diff != "" {
			t.Errorf("interventions (-want +got):\n%s", diff)
		}
	})

	t.Run("the leaders' regression overrides the estimate", func(t *testing.T) {
		require.False(t, out.estimate.Named(), "the heuristic names no stage: not enough evidence yet")
		corey := out.estimate.Translate(stage.Corey)
		require.Equal(t, stage.Working, corey.Scores[3].Stage)
		for _, sc := range corey.Scores {
			require.LessOrEqual(t, sc.Score, corey.Scores[3].Score, "it leans to working")
		}
		e, ok := out.history.At(8)
		require.True(t, ok)
		want := stage.Entry{Session: 8, At: e.At, Stage: stage.Transition, SetBy: stage.SetByFacilitator,
			Facilitator: naomi, Reason: e.Reason, Confidence: 1, Regression: true, From: stage.Working}
		if diff := cmp.Diff(want, e); diff != "" {
			t.Errorf("session 8 (-want +got):\n%s", diff)
		}
		require.NotEmpty(t, e.Reason)
		regs := out.history.Regressions()
		require.Len(t, regs, 1)
		require.Equal(t, 8, regs[0].Session)
		require.Len(t, out.history.Entries(), 6, "sessions 1-8 but 4 and 5, where the evidence named no stage")
	})
}

// TestProcessGroupModels runs the story in each stage model: the regression
// is recorded in the model's own stage for the storming period.
func TestProcessGroupModels(t *testing.T) {
	tests := []struct {
		model stage.Model
		back  stage.Stage
	}{
		{stage.Tuckman, stage.Storming},
		{stage.Corey, stage.Transition},
		{stage.Yalom, stage.Conflict},
	}
	for _, tt := range tests {
		t.Run(tt.model.String(), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, run(&buf, []string{"-model", tt.model.String()}))
			out, err := story(io.Discard, tt.model)
			require.NoError(t, err)
			regs := out.history.Regressions()
			require.Len(t, regs, 1)
			require.Equal(t, tt.back, regs[0].Stage)
		})
	}
	require.Error(t, run(io.Discard, []string{"-model", "piaget"}))
	require.Error(t, run(io.Discard, []string{"stray"}))
}

package main

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// TestSafetyGolden is the program's smoke test: its output matches the
// golden file (regenerate with go test ./examples/safety -update), is the
// same on every run, and stays within the length an example should have.
func TestSafetyGolden(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(&first))
	golden.Check(t, "safety.golden", first.Bytes())
	require.NoError(t, run(&second))
	require.Equal(t, first.String(), second.String(), "deterministic")
	lines := strings.Count(first.String(), "\n")
	require.True(t, lines >= 60 && lines <= 200, "output has %d lines, want 60-200", lines)
}

// TestSafetyFacts checks the story's facts on the values the library
// returned: each disclosure runs its own protocol, in the variant for who
// leads, with the jurisdiction's agencies, duties and deadlines.
func TestSafetyFacts(t *testing.T) {
	out, err := story(io.Discard)
	require.NoError(t, err)
	for _, tc := range []struct {
		ev          evening
		leadership  group.Leadership
		warn        string
		agency      string
		written     time.Duration
		localStep   bool
		disclosedAt time.Duration
	}{
		{out.california, group.LeadershipCoLed, "requires action", "county welfare department", 36 * time.Hour, true, 35 * time.Minute},
		{out.england, group.LeadershipSolo, "permits disclosure", "children's social care", 0, false, 35 * time.Minute},
	} {
		t.Run(tc.ev.place, func(t *testing.T) {
			recs := tc.ev.advice
			require.Len(t, recs, 2)
			threat, abuse := recs[0], recs[1]
			require.Equal(t, advice.SituationRiskToOthers, threat.Situation, "the more urgent protocol first")
			require.Equal(t, advice.SituationAbuseDisclosed, abuse.Situation)
			for _, r := range recs {
				require.Equal(t, tc.leadership, r.Safety.Leadership, "derived from the facilitators' credentials")
			}
			for _, s := range []session.SafetyStep{session.StepPrivateAssessment, session.StepSafetyPlan, session.StepMeansSafety} {
				require.NotContains(t, abuse.Steps, s, "an abuse disclosure is not a suicide risk")
			}
			report := abuse.Safety.Steps[slices.Index(abuse.Steps, session.StepReport)]
			require.Contains(t, report.Text, tc.agency)
			warn := threat.Safety.Steps[slices.Index(threat.Steps, session.StepWarnOrProtect)]
			require.Contains(t, warn.Text, tc.warn)
			require.Equal(t, tc.localStep, slices.ContainsFunc(threat.Safety.Steps, func(s safety.Step) bool { return s.Local }))

			start := tc.ev.room.Session().StartedAt()
			byKind := map[safety.TaskKind]safety.Task{}
			for _, task := range tc.ev.tasks {
				if task.Member == nora {
					byKind[task.Kind] = task
				}
			}
			require.Equal(t, start.Add(tc.disclosedAt), byKind[safety.TaskOralReport].Due, "the report is due at once")
			require.Equal(t, safety.VictimChild, byKind[safety.TaskOralReport].Victim)
			_, written := byKind[safety.TaskWrittenReport]
			require.Equal(t, tc.written != 0, written, "a written report only where the law asks one")
			if written {
				require.Equal(t, start.Add(tc.disclosedAt+tc.written), byKind[safety.TaskWrittenReport].Due)
			}
			require.Equal(t, start.AddDate(0, 0, 7), byKind[safety.TaskCheckIn].Due, "due at the next session")
			require.NotEmpty(t, tc.ev.late)
			for _, task := range tc.ev.late {
				require.NotEqual(t, safety.TaskCheckIn, task.Kind, "the check-in is not due yet")
			}
		})
	}
}

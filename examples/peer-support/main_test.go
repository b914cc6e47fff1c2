package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// TestPeerSupportGolden is the program's smoke test: its output matches the
// golden file (regenerate with go test ./examples/peer-support -update),
// is the same on every run, and stays within the length an example should
// have.
func TestPeerSupportGolden(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(&first, nil))
	golden.Check(t, "peer-support.golden", first.Bytes())
	require.NoError(t, run(&second, nil))
	require.Equal(t, first.String(), second.String(), "deterministic")
	lines := strings.Count(first.String(), "\n")
	require.True(t, lines >= 80 && lines <= 200, "output has %d lines, want 80-200", lines)
}

// TestPeerSupportFacts checks the story's key facts on the values the
// library returned, not only on the printed text.
func TestPeerSupportFacts(t *testing.T) {
	out, err := story(io.Discard, "Samaritans 116 123")
	require.NoError(t, err)

	t.Run("an open, peer-led support group with closed meetings", func(t *testing.T) {
		spec := out.group.Spec()
		require.Equal(t, group.ModalitySupport, spec.Modality)
		require.Equal(t, group.PolicyOpen, spec.Policy)
		require.Equal(t, group.MeetingAccessClosed, spec.MeetingAccess, "meeting access is a separate field from the policy")
		fs := out.group.Facilitators()
		require.Len(t, fs, 1)
		require.Equal(t, group.RolePeerFacilitator, fs[0].Role)
		require.True(t, fs[0].Has(group.CredentialPeerSupportWorker))
	})

	t.Run("no screening: the walk-in is admitted straight from referral", func(t *testing.T) {
		require.False(t, out.group.Profile().ScreeningRequired)
		eps := out.group.Episodes(elise)
		require.Len(t, eps, 1)
		var seen []group.MembershipStatus
		for _, tr := range eps[0].Transitions {
			seen = append(seen, tr.Status)
		}
		require.Equal(t, []group.MembershipStatus{group.StatusReferred, group.StatusActive}, seen)
	})

	t.Run("members drop in at different times", func(t *testing.T) {
		arrived := map[string]bool{}
		for _, a := range out.room.Session().Attendance() {
			require.True(t, a.Status.Attended(), "%s attended", a.Member)
			arrived[a.Arrived.Format("15:04")] = true
		}
		require.GreaterOrEqual(t, len(arrived), 3, "at least three different arrival times")
		eps := out.group.Episodes(elise)
		require.Len(t, eps, 1)
		a, _ := out.room.Session().AttendanceOf(elise)
		admitted := eps[0].Transitions[len(eps[0].Transitions)-1]
		require.Equal(t, group.StatusActive, admitted.Status)
		require.True(t, admitted.At.Equal(a.Arrived), "the walk-in is admitted when she walks in, not before")
	})

	t.Run("the peer variant of the safety protocol comes first", func(t *testing.T) {
		require.NotEmpty(t, out.advice)
		r := out.advice[0]
		require.Equal(t, advice.SituationRiskToSelf, r.Situation)
		require.Equal(t, advice.UrgencyImmediate, r.Urgency)
		require.Equal(t, group.LeadershipPeerLed, r.Safety.Leadership, "derived from Rosa's credentials, no flag set")
		require.Contains(t, r.Safety.Steps[2].Text, "988", "the jurisdiction's crisis line")
		require.Equal(t, []group.MemberID{carmen}, r.Members)
		require.Contains(t, r.Steps, session.StepReferProfessional, "give crisis numbers and hand over")
		require.NotContains(t, r.Steps, session.StepPrivateAssessment, "a peer does not assess risk")
		require.ErrorIs(t, out.endRefused, session.ErrUnresolvedRisk)
	})

	t.Run("the incident is resolved with a documented action", func(t *testing.T) {
		incs := out.room.Session().Incidents()
		require.Len(t, incs, 1)
		require.Equal(t, session.IncidentRiskToSelf, incs[0].Kind)
		require.True(t, incs[0].Resolved)
		require.Contains(t, incs[0].Action, "Samaritans 116 123", "the flag's crisis line is documented")
		referred := false
		for _, e := range out.room.Session().Events() {
			if e.Type == session.EventIntervention && e.Intervention.Step == session.StepReferProfessional {
				referred = e.Intervention.Target == session.MemberParty(carmen)
			}
		}
		require.True(t, referred, "the peer facilitator referred Carmen to a professional")
		require.Empty(t, out.room.Session().OpenIncidents())
		require.Empty(t, out.afterwards, "nothing left to act on once resolved")
		require.Equal(t, session.PhaseEnded, out.room.Session().Phase())
	})

	t.Run("no clinical notes", func(t *testing.T) {
		require.False(t, out.room.Session().Spec().Profile.ClinicalRecords)
		require.Empty(t, out.room.Session().ProgressNotes())
		require.Empty(t, out.room.Session().Notes(), "the story writes no notes")
		require.Empty(t, out.room.Session().Findings(), "and the session asks for none")
	})
}

// TestPeerSupportFlags checks the flag handling.
func TestPeerSupportFlags(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf, []string{"-crisis-line", "Samaritans 116 123"}))
	require.Contains(t, buf.String(), "Samaritans 116 123")
	require.Error(t, run(io.Discard, []string{"-no-such-flag"}))
	require.Error(t, run(io.Discard, []string{"stray"}))
}

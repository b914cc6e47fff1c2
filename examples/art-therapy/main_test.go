package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// TestArtTherapyGolden is the program's smoke test: its output matches the
// golden file (regenerate with go test ./examples/art-therapy -update), is
// the same on every run, and stays within the length an example should
// have.
func TestArtTherapyGolden(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(&first, nil))
	golden.Check(t, "art-therapy.golden", first.Bytes())
	require.NoError(t, run(&second, nil))
	require.Equal(t, first.String(), second.String(), "deterministic")
	lines := strings.Count(first.String(), "\n")
	require.True(t, lines >= 80 && lines <= 200, "output has %d lines, want 80-200", lines)
}

// TestArtTherapyFacts checks the story's key facts on the values the
// library returned, not only on the printed text.
func TestArtTherapyFacts(t *testing.T) {
	out, err := story(io.Discard, 3)
	require.NoError(t, err)

	t.Run("no art therapist, no group", func(t *testing.T) {
		require.ErrorIs(t, out.refused, group.ErrMissingCredential)
		var fe *group.FieldError
		require.ErrorAs(t, out.refused, &fe)
		require.NotEmpty(t, fieldErrors(out.refused))
		fs := out.group.Facilitators()
		require.Len(t, fs, 1)
		require.True(t, fs[0].Has(group.CredentialArtTherapist))
		require.Equal(t, group.ModalityArtTherapy, out.group.Spec().Modality)
	})

	t.Run("a directive theme from the built-in series", func(t *testing.T) {
		want, ok := curriculum.ArtTherapySeries().Plan(3)
		require.True(t, ok)
		if diff := cmp.Diff(want, out.plan); diff != "" {
			t.Errorf("plan (-want +got):\n%s", diff)
		}
	})

	t.Run("check-in, art-making, sharing and processing, closing", func(t *testing.T) {
		var kinds []session.SegmentKind
		for _, u := range out.room.Session().Segments() {
			kinds = append(kinds, u.Kind)
		}
		want := []session.SegmentKind{session.SegmentCheckIn, session.SegmentArtMaking, session.SegmentProcessing, session.SegmentCheckOut}
		if diff := cmp.Diff(want, kinds); diff != "" {
			t.Errorf("segments as run (-want +got):\n%s", diff)
		}
		for _, u := range out.room.Session().Segments() {
			require.GreaterOrEqual(t, u.AgendaIndex, 0, "%s was planned", u.Kind)
			require.Zero(t, u.Overrun(), "%s kept to time", u.Kind)
		}
	})

	t.Run("the monitor sees the silence and advises drawing out", func(t *testing.T) {
		require.True(t, silent(out.before, mara))
		require.Len(t, out.advice, 1)
		r := out.advice[0]
		require.Equal(t, advice.SituationSilence, r.Situation)
		require.Equal(t, []group.MemberID{mara}, r.Members)
		require.Equal(t, session.SkillDrawingOut, r.Interventions[0], "drawing out comes first")
		require.Empty(t, r.Steps, "silence is no safety matter")
		// The 36 minutes of art-making expect no talk: the silence counts
		// the check-in and the processing only.
		require.Equal(t, "minutes-without-a-turn", r.Evidence[0].Metric)
		require.InDelta(t, 23, r.Evidence[0].Value, 1e-9, "8 minutes of check-in and 15 of processing")
	})

	t.Run("drawn out through the image, the silence clears", func(t *testing.T) {
		var iv *session.Event
		var after []session.Event
		events := out.room.Session().Events()
		for i, e := range events {
			if e.Type == session.EventIntervention && e.Intervention.Skill == session.SkillDrawingOut {
				iv, after = &events[i], events[i+1:]
			}
		}
		require.NotNil(t, iv, "a drawing-out intervention")
		require.Equal(t, session.MemberParty(mara), iv.Intervention.Target)
		spoke := false
		for _, e := range after {
			if e.Type == session.EventTurn && e.Turn.Speaker == session.MemberParty(mara) {
				spoke = true
				require.LessOrEqual(t, e.Turn.Duration.Minutes(), 3.0, "a short turn")
				break
			}
		}
		require.True(t, spoke, "Mara speaks after the invitation")
		require.False(t, silent(out.after, mara))
		part, ok := out.room.Session().Participation(mara)
		require.True(t, ok)
		require.Equal(t, 1, part.Interventions)
	})

	t.Run("no other member in Mara's note", func(t *testing.T) {
		n := out.marasNote
		require.Equal(t, mara, n.Member)
		require.True(t, n.Signed)
		text := strings.ToLower(strings.Join([]string{n.Narrative, n.GoalProgress, n.Group.Theme, n.Group.Process, n.Group.Content}, " "))
		require.Contains(t, text, session.Redacted, "others were redacted, not dropped")
		for _, m := range out.group.Members() {
			if m.ID == mara {
				continue
			}
			require.NotContains(t, text, strings.ToLower(m.Name))
			require.NotContains(t, text, string(m.ID))
		}
	})
}

// TestArtTherapyFlags runs other plans of the series and rejects bad input.
func TestArtTherapyFlags(t *testing.T) {
	for _, n := range []string{"1", "5", "8"} {
		t.Run("plan "+n, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, run(&buf, []string{"-plan", n}))
		})
	}
	require.Error(t, run(io.Discard, []string{"-plan", "9"}), "the series has eight plans")
	require.Error(t, run(io.Discard, []string{"-plan", "x"}))
	require.Error(t, run(io.Discard, []string{"stray"}))
}

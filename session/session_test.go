package session_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// runWhole plays a whole session through the template agenda: m1..m(n-2)
// present at the start, m(n-1) arrives 12 minutes late, mn is absent (excused);
// m2 leaves 20 minutes before the end. Each segment gets one turn per present
// member and one facilitator intervention. It returns the ended session.
func runWhole(t *testing.T, spec session.Spec) *session.Session {
	t.Helper()
	n := len(spec.Roster)
	spec.Roster[n-1].Excused = true
	s := newSession(t, spec)
	all := ids(spec.Roster)
	require.NoError(t, s.Start(at(1), []group.FacilitatorID{"f1", "f2"}, all[:n-2], false))
	clock := 1.0
	end := float64(spec.Agenda.Total()/time.Minute) + 1
	lateDone, leftDone := false, false
	for _, seg := range spec.Agenda.Segments {
		require.NoError(t, s.BeginSegment(at(clock), seg.Kind))
		segEnd := clock + float64(seg.Planned/time.Minute)
		step := (segEnd - clock) / float64(n+2)
		tm := clock
		for _, id := range s.Present() {
			if !lateDone && tm >= 12 {
				require.NoError(t, s.Arrive(at(tm), all[n-2]))
				lateDone = true
			}
			if !leftDone && tm >= end-20 {
				require.NoError(t, s.Depart(at(tm), "m2"))
				leftDone = true
			}
			if leftDone && id == "m2" {
				continue
			}
			require.NoError(t, s.Speak(at(tm), session.Turn{
				Speaker: member(string(id)), Addressee: session.WholeGroup(),
				Duration: time.Duration(step * float64(time.Minute) * 0.8), Act: session.ActGivesOpinion,
			}))
			tm += step
		}
		require.NoError(t, s.Intervene(at(tm), session.Intervention{Facilitator: "f1", Skill: session.SkillLinking, Target: session.WholeGroup()}))
		clock = segEnd
	}
	require.True(t, lateDone && leftDone, "script must exercise a late arrival and an early departure")
	require.NoError(t, s.End(at(end)))
	return s
}

// TestWholeSessions runs a whole session for every modality from its
// template and checks the state a clinician asks for at the end.
func TestWholeSessions(t *testing.T) {
	tests := []struct {
		modality group.Modality
		length   time.Duration
		members  int
	}{
		{group.ModalitySupport, 90 * time.Minute, 8},
		{group.ModalityPsychoeducational, 60 * time.Minute, 10},
		{group.ModalityCBT, 120 * time.Minute, 8},
		{group.ModalityMindfulness, 150 * time.Minute, 12},
		{group.ModalityArtTherapy, 90 * time.Minute, 7},
		{group.ModalityProcess, 90 * time.Minute, 8},
		{group.ModalitySkills, 150 * time.Minute, 8},
	}
	for _, tc := range tests {
		t.Run(tc.modality.String(), func(t *testing.T) {
			spec := specFor(t, tc.modality, tc.length, tc.members)
			s := runWhole(t, spec)
			n := tc.members
			require.Equal(t, session.PhaseEnded, s.Phase())

			want := map[session.AttendanceStatus]int{
				session.AttendancePresent: n - 3, session.AttendanceLate: 1,
				session.AttendanceLeftEarly: 1, session.AttendanceAbsentExcused: 1,
			}
			got := map[session.AttendanceStatus]int{}
			for _, a := range s.Attendance() {
				got[a.Status]++
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("attendance (-want +got):\n%s", diff)
			}
			require.Equal(t, n-1, s.ParticipantCount(), "everyone but the absent member is billable")

			segs := s.Segments()
			require.Len(t, segs, len(spec.Agenda.Segments))
			for i, u := range segs {
				require.Equal(t, i, u.AgendaIndex)
				require.Equal(t, spec.Agenda.Segments[i].Planned, u.Used, "segment %d ran to plan", i)
				require.Zero(t, u.Overrun())
			}
			_, running := s.CurrentSegment()
			require.False(t, running)

			codes := map[string]int{}
			for _, f := range s.Findings() {
				codes[f.Code]++
			}
			if !spec.Profile.ClinicalRecords {
				// A support group keeps no clinical records: nothing is
				// missing, and a progress note is refused.
				require.Zero(t, codes[session.CodeProgressNoteMissing]+codes[session.CodeGroupNoteMissing])
				_, err := s.WriteNote(at(201), session.Note{Kind: session.NoteProgress, Member: ids(spec.Roster)[0], Author: "f1", Text: "x"})
				require.ErrorIs(t, err, session.ErrNoClinicalRecords)
				require.Empty(t, s.ProgressNotes())
				return
			}
			// Before notes: every attending member lacks a progress note.
			require.Equal(t, n-1, codes[session.CodeProgressNoteMissing])
			require.Equal(t, 1, codes[session.CodeGroupNoteMissing])

			_, err := s.WriteNote(at(200), session.Note{Kind: session.NoteGroup, Author: "f1", Theme: "coping", Text: "the group worked on coping"})
			require.NoError(t, err)
			for i, id := range ids(spec.Roster)[:n-1] {
				_, err := s.WriteNote(at(201), session.Note{Kind: session.NoteProgress, Member: id, Author: "f1",
					Text: fmt.Sprintf("narrative %d", i), GoalProgress: fmt.Sprintf("goal %d", i)})
				require.NoError(t, err)
			}
			for _, r := range s.Notes() {
				require.NoError(t, s.SignNote(at(210), r.Note.ID, "f1"))
			}
			require.Empty(t, notesFindings(s.Findings()))
			require.Len(t, s.ProgressNotes(), n-1, "absent members get no progress note")
		})
	}
}

func notesFindings(fs []group.Finding) []group.Finding {
	var out []group.Finding
	for _, f := range fs {
		switch f.Code {
		case session.CodeGroupNoteMissing, session.CodeProgressNoteMissing, session.CodeNoteUnsigned, session.CodeIdenticalNotes:
			out = append(out, f)
		}
	}
	return out
}

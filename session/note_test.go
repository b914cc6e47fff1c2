package session_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// noteSession is an ended CBT session: m1 on time, m2 late (arrived 9 min
// after the scheduled start with 5 min grace), m3 left early, m4 absent
// unexcused, m5 absent excused. Free text everywhere names other members.
func noteSession(t *testing.T) *session.Session {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 5)
	spec.Roster[4].Excused = true
	s := newSession(t, spec)
	require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1", "f2"}, []group.MemberID{"m1", "m3"}, false))
	require.NoError(t, s.BeginSegment(at(0), session.SegmentOpening))
	require.NoError(t, s.Arrive(at(9), "m2"))
	require.NoError(t, s.Speak(at(10), session.Turn{Speaker: member("m1"), Addressee: member("m2"), Duration: 2 * time.Minute, Act: session.ActGivesSuggestion}))
	require.NoError(t, s.Speak(at(12), session.Turn{Speaker: member("m2"), Addressee: session.WholeGroup(), Duration: time.Minute, Act: session.ActAgrees, Tags: session.Tags(session.TagFeeling)}))
	require.NoError(t, s.Intervene(at(13), session.Intervention{Facilitator: "f1", Skill: session.SkillDrawingOut, Target: member("m3")}))
	_, err := s.RaiseIncident(at(14), session.IncidentConfidentialityBreach, "m3", "Chiara repeated what Alice Moreau (m1) said last week")
	require.NoError(t, err)
	require.NoError(t, s.ResolveIncident(at(15), 1, "agreement reviewed with chiara and BRUNO"))
	require.NoError(t, s.Depart(at(60), "m3"))
	require.NoError(t, s.End(at(90)))
	_, err = s.WriteNote(at(100), session.Note{Kind: session.NoteGroup, Author: "f1", Theme: "Alice's thought record",
		Process: "Bruno Tanaka and Chiara formed a pair; m1 linked them", Text: "The group (m1, m2, m3) practised thought records; alice moreau led."})
	require.NoError(t, err)
	return s
}

func TestAttendanceStatuses(t *testing.T) {
	s := noteSession(t)
	want := []session.Attendance{
		{Member: "m1", Status: session.AttendancePresent, Arrived: at(0), Present: 90 * time.Minute},
		{Member: "m2", Status: session.AttendanceLate, Late: true, Arrived: at(9), Present: 81 * time.Minute},
		{Member: "m3", Status: session.AttendanceLeftEarly, LeftEarly: true, Arrived: at(0), Departed: at(60), Present: 60 * time.Minute},
		{Member: "m4", Status: session.AttendanceAbsentUnexcused},
		{Member: "m5", Status: session.AttendanceAbsentExcused},
	}
	require.Equal(t, want, s.Attendance())
	require.Equal(t, 3, s.ParticipantCount())
	_, ok := s.AttendanceOf("nobody")
	require.False(t, ok)

	// Attended statuses are billable and need a note (docs/reference/records.md);
	// absences, cancellations and unrecorded attendance are neither.
	for _, st := range []session.AttendanceStatus{session.AttendancePresent, session.AttendanceLate, session.AttendanceLeftEarly} {
		require.True(t, st.Billable() && st.NeedsNote(), st.String())
	}
	for _, st := range []session.AttendanceStatus{session.AttendanceAbsentExcused, session.AttendanceAbsentUnexcused, session.AttendanceCancelled, session.AttendanceNotRecorded, 0} {
		require.False(t, st.Billable() || st.NeedsNote(), st.String())
	}
}

func TestAttendanceWhileRunning(t *testing.T) {
	spec := specFor(t, group.ModalitySupport, 60*time.Minute, 3)
	spec.ScheduledStart = time.Time{} // lateness counts from the actual start
	spec.LateGrace = 0
	s := newSession(t, spec)
	for _, a := range s.Attendance() {
		require.Equal(t, session.AttendanceNotRecorded, a.Status)
	}
	require.NoError(t, s.Start(at(3), []group.FacilitatorID{"f1"}, []group.MemberID{"m1"}, false))
	require.NoError(t, s.Arrive(at(3), "m2"))
	require.NoError(t, s.Arrive(at(4), "m3"))
	require.NoError(t, s.Depart(at(10), "m3"))
	require.NoError(t, s.Arrive(at(12), "m3"))
	require.NoError(t, s.Speak(at(20), session.Turn{Speaker: member("m1"), Addressee: session.WholeGroup(), Duration: time.Minute}))
	a, _ := s.AttendanceOf("m1")
	require.Equal(t, 17*time.Minute, a.Present, "a running session counts to the last event")
	a, _ = s.AttendanceOf("m2")
	require.Equal(t, session.AttendancePresent, a.Status, "arriving at the start is on time")
	a, _ = s.AttendanceOf("m3")
	require.Equal(t, session.AttendanceLate, a.Status, "came back, so not left early")
	require.Equal(t, 14*time.Minute, a.Present)
	require.Equal(t, []group.MemberID{"m1", "m2", "m3"}, s.Present())
}

func TestProgressNotes(t *testing.T) {
	s := noteSession(t)
	id2, err := s.WriteNote(at(101), session.Note{Kind: session.NoteProgress, Member: "m2", Author: "f1", Text: "Bruno engaged; supported m1.", GoalProgress: "first thought record"})
	require.NoError(t, err)
	require.NoError(t, s.SignNote(at(102), id2, "f1"))
	require.NoError(t, s.AmendNote(at(103), id2, "f2", "Correction: Alice Moreau was not involved."))

	notes := s.ProgressNotes()
	require.Len(t, notes, 3, "one per attending member; absent members get none")
	var m2 session.ProgressNote
	for _, n := range notes {
		if n.Member == "m2" {
			m2 = n
		}
	}
	require.Equal(t, "Bruno Tanaka", m2.Name)
	require.Equal(t, "Bruno engaged; supported ***.", m2.Narrative)
	require.Equal(t, "Correction: *** was not involved.", m2.Addenda[0].Text)
	require.True(t, m2.Signed)
	require.Equal(t, session.AttendanceLate, m2.Attendance.Status)
	require.Equal(t, 1, m2.Participation.Turns)
	require.Equal(t, 1, m2.Participation.Addressed)
	require.Equal(t, 1, m2.Participation.Acts[session.ActAgrees])
	require.Equal(t, "***'s thought record", m2.Group.Theme)
	require.Equal(t, "The group (***, m2, ***) practised thought records; *** led.", m2.Group.Content)
	require.Equal(t, "Bruno Tanaka and *** formed a pair; *** linked them", m2.Group.Process, "a member's own name stays in their note")
	require.Equal(t, session.SkillsOf(session.SkillDrawingOut), m2.Group.Interventions, "without listed interventions the events supply them")
	require.Empty(t, m2.Incidents)

	var m3 session.ProgressNote
	for _, n := range notes {
		if n.Member == "m3" {
			m3 = n
		}
	}
	require.Len(t, m3.Incidents, 1)
	require.Equal(t, "Chiara repeated what *** (***) said last week", m3.Incidents[0].Text)
	require.Equal(t, "agreement reviewed with chiara and ***", m3.Incidents[0].Action)
	require.Equal(t, 1, m3.Participation.Interventions)
	require.Zero(t, m3.NoteID)
}

func TestNoteFindings(t *testing.T) {
	s := noteSession(t)
	for _, id := range []group.MemberID{"m1", "m2"} {
		_, err := s.WriteNote(at(101), session.Note{Kind: session.NoteProgress, Member: id, Author: "f1", Text: "Participated  well.", GoalProgress: "ok"})
		require.NoError(t, err)
	}
	got := map[string][]string{}
	for _, f := range notesFindings(s.Findings()) {
		got[f.Code] = append(got[f.Code], f.Path)
	}
	require.Equal(t, map[string][]string{
		session.CodeIdenticalNotes:      {"notes"},
		session.CodeProgressNoteMissing: {"roster[2]"},
		session.CodeNoteUnsigned:        {"notes[1]", "notes[2]", "notes[3]"},
	}, got)
	// Revising a draft individualizes it.
	_, err := s.WriteNote(at(102), session.Note{ID: 3, Kind: session.NoteProgress, Member: "m2", Author: "f1", Text: "Quiet at first, then offered support."})
	require.NoError(t, err)
	for _, f := range s.Findings() {
		require.NotEqual(t, session.CodeIdenticalNotes, f.Code)
	}
	_, err = s.WriteNote(at(103), session.Note{ID: 3, Kind: session.NoteProgress, Member: "m1", Author: "f1"})
	require.ErrorIs(t, err, session.ErrInvalid, "a revision keeps its member")
}

// TestMemberExportIsPrivate: a member-facing export contains nothing about
// any other member: no other member's name, name part or ID anywhere in the
// output (45 CFR 164.524: the member may read their record).
func TestMemberExportIsPrivate(t *testing.T) {
	s := noteSession(t)
	for _, id := range []group.MemberID{"m1", "m2"} {
		_, err := s.WriteNote(at(101), session.Note{Kind: session.NoteProgress, Member: id, Author: "f1",
			Text: fmt.Sprintf("%s worked with Alice Moreau, Bruno Tanaka, Chiara Okafor and m3.", id)})
		require.NoError(t, err)
	}
	roster := s.Spec().Roster
	for _, self := range roster {
		t.Run(string(self.ID), func(t *testing.T) {
			x, err := s.MemberExport(self.ID)
			require.NoError(t, err)
			b, err := json.Marshal(x)
			require.NoError(t, err)
			out := strings.ToLower(string(b) + fmt.Sprintf("%+v", x))
			for _, other := range roster {
				if other.ID == self.ID {
					continue
				}
				require.NotContains(t, out, strings.ToLower(string(other.ID)))
				for _, part := range strings.Fields(other.Name) {
					require.NotContains(t, out, strings.ToLower(part))
				}
			}
			require.Equal(t, self.ID, x.Member)
		})
	}
	x, err := s.MemberExport("m4")
	require.NoError(t, err)
	require.Equal(t, session.AttendanceAbsentUnexcused, x.Attendance.Status)
	require.Empty(t, x.Group, "an absent member gets no group content")
	_, err = s.MemberExport("zz")
	require.ErrorIs(t, err, group.ErrUnknownMember)
}

func TestRedactionUnicode(t *testing.T) {
	spec := specFor(t, group.ModalitySupport, 60*time.Minute, 2)
	spec.Roster[0].Name = "Zoë Ångström"
	s := newSession(t, spec)
	require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1"}, []group.MemberID{"m1", "m2"}, false))
	require.NoError(t, s.End(at(60)))
	_, err := s.WriteNote(at(61), session.Note{Kind: session.NoteGroup, Author: "f1", Text: "ZOË and ångström and Zoe"})
	require.NoError(t, err)
	x, err := s.MemberExport("m2")
	require.NoError(t, err)
	require.Equal(t, "*** and *** and ***", x.Group.Content, "accents dropped still name her")
}

// TestIdenticalNotesOrder: with two sets of identical notes, the findings
// name them in roster order, the same on every call: output derived from a
// map is sorted.
func TestIdenticalNotesOrder(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 6)
	s := runWhole(t, spec)
	roster := ids(spec.Roster)
	for i, id := range roster[:4] {
		text := []string{"Quiet today.", "Spoke about work."}[i%2]
		_, err := s.WriteNote(at(300), session.Note{Kind: session.NoteProgress, Member: id, Author: "f1", Text: text})
		require.NoError(t, err)
	}
	var first []string
	for range 20 {
		var msgs []string
		for _, f := range s.Findings() {
			if f.Code == session.CodeIdenticalNotes {
				msgs = append(msgs, f.Message)
			}
		}
		require.Len(t, msgs, 2)
		require.Contains(t, msgs[0], string(roster[0]), "the set holding the first member comes first")
		if first == nil {
			first = msgs
		}
		require.Equal(t, first, msgs)
	}
}

// TestRedactionWholeWords: other members' names are redacted as whole words
// only, so a short name inside another word ("Tom" in "symptoms", "Ana" in
// "analysis") stays readable, and a possessive is still caught.
func TestRedactionWholeWords(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 4)
	spec.Roster[0].Name, spec.Roster[1].Name = "Tom Reed", "Ana Silva"
	s := runWhole(t, spec)
	_, err := s.WriteNote(at(300), session.Note{Kind: session.NoteGroup, Author: "f1",
		Text: "Symptoms and their analysis: Tom's worry met ANA's calm; tomorrow's homework stays."})
	require.NoError(t, err)
	self := spec.Roster[2].ID
	for _, n := range s.ProgressNotes() {
		if n.Member != self {
			continue
		}
		require.Equal(t, "Symptoms and their analysis: ***'s worry met ***'s calm; tomorrow's homework stays.", n.Group.Content)
		return
	}
	t.Fatalf("no progress note for %s", self)
}

package session_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// running returns a CBT session with m1-m3 present and f1 in the room;
// m4 has not consented to recording and is not there yet.
func running(t *testing.T, recording bool) *session.Session {
	t.Helper()
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 5)
	spec.Roster[3].RecordingConsent = false
	s := newSession(t, spec)
	require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1"}, []group.MemberID{"m1", "m2", "m3"}, recording))
	require.NoError(t, s.BeginSegment(at(1), session.SegmentOpening))
	return s
}

// snapshot is everything a caller can observe of a session.
type snapshot struct {
	Events     []session.Event
	Phase      session.Phase
	Present    []group.MemberID
	Attendance []session.Attendance
	Segments   []session.SegmentUsage
	Incidents  []session.IncidentRecord
	Notes      []session.NoteRecord
	Findings   []group.Finding
}

func snap(s *session.Session) snapshot {
	return snapshot{s.Events(), s.Phase(), s.Present(), s.Attendance(), s.Segments(), s.Incidents(), s.Notes(), s.Findings()}
}

func TestApplyRejects(t *testing.T) {
	turn := func(m float64, from, to session.Party) session.Event {
		return session.Event{Type: session.EventTurn, At: at(m), Turn: session.Turn{Speaker: from, Addressee: to, Duration: time.Second}}
	}
	ended := func(t *testing.T) *session.Session {
		s := running(t, false)
		require.NoError(t, s.End(at(90)))
		return s
	}
	tests := []struct {
		name  string
		setup func(t *testing.T) *session.Session
		event session.Event
		want  error
	}{
		{"time goes backwards", func(t *testing.T) *session.Session { return running(t, false) },
			turn(0.5, member("m1"), session.WholeGroup()), group.ErrTimeOrder},
		{"turn by an absent member", func(t *testing.T) *session.Session { return running(t, false) },
			turn(2, member("m4"), session.WholeGroup()), session.ErrNotPresent},
		{"turn by an unknown member", func(t *testing.T) *session.Session { return running(t, false) },
			turn(2, member("stranger"), session.WholeGroup()), group.ErrUnknownMember},
		{"turn to an unknown facilitator", func(t *testing.T) *session.Session { return running(t, false) },
			turn(2, member("m1"), facilitator("nobody")), group.ErrUnknownFacilitator},
		{"turn to a facilitator not in the room", func(t *testing.T) *session.Session { return running(t, false) },
			turn(2, member("m1"), facilitator("f2")), session.ErrNotPresent},
		{"turn without a speaker", func(t *testing.T) *session.Session { return running(t, false) },
			turn(2, session.Party{}, session.WholeGroup()), session.ErrMissingField},
		{"the whole group does not speak", func(t *testing.T) *session.Session { return running(t, false) },
			turn(2, session.WholeGroup(), member("m1")), session.ErrInvalid},
		{"speaker addresses themselves", func(t *testing.T) *session.Session { return running(t, false) },
			turn(2, member("m1"), member("m1")), session.ErrInvalid},
		{"negative turn", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventTurn, At: at(2), Turn: session.Turn{Speaker: member("m1"), Addressee: session.WholeGroup(), Duration: -time.Second}}, session.ErrInvalid},
		{"act out of range", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventTurn, At: at(2), Turn: session.Turn{Speaker: member("m1"), Addressee: session.WholeGroup(), Act: 13}}, session.ErrUnknownValue},
		{"undefined tag bits", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventTurn, At: at(2), Turn: session.Turn{Speaker: member("m1"), Addressee: session.WholeGroup(), Tags: 1 << 15}}, session.ErrUnknownValue},
		{"duplicate arrival", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventArrived, At: at(2), Member: "m1"}, session.ErrAlreadyPresent},
		{"departure of an absent member", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventDeparted, At: at(2), Member: "m4"}, session.ErrNotPresent},
		{"arrival without recording consent", func(t *testing.T) *session.Session { return running(t, true) },
			session.Event{Type: session.EventArrived, At: at(2), Member: "m4"}, session.ErrNoRecordingConsent},
		{"second start", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventStarted, At: at(2), Start: &session.Start{Facilitators: []group.FacilitatorID{"f1"}}}, session.ErrAlreadyStarted},
		{"payload of another type", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventArrived, At: at(2), Member: "m4", Segment: session.SegmentBreak}, session.ErrUnknownField},
		{"unknown type", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: 99, At: at(2)}, session.ErrUnknownValue},
		{"no time", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventArrived, Member: "m4"}, session.ErrInvalid},
		{"unknown segment kind", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventSegmentBegan, At: at(2), Segment: 77}, session.ErrUnknownValue},
		{"intervention with skill and step", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIntervention, At: at(2), Intervention: &session.Intervention{Facilitator: "f1", Skill: session.SkillLinking, Step: session.StepPause}}, session.ErrInvalid},
		{"intervention with neither", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIntervention, At: at(2), Intervention: &session.Intervention{Facilitator: "f1"}}, session.ErrMissingField},
		{"intervention by a facilitator not in the room", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIntervention, At: at(2), Intervention: &session.Intervention{Facilitator: "f2", Skill: session.SkillLinking}}, session.ErrNotPresent},
		{"intervention aimed at an absent member", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIntervention, At: at(2), Intervention: &session.Intervention{Facilitator: "f1", Skill: session.SkillDrawingOut, Target: member("m4")}}, session.ErrNotPresent},
		{"incident out of sequence", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIncidentRaised, At: at(2), Incident: &session.Incident{ID: 5, Kind: session.IncidentMedical}}, session.ErrInvalid},
		{"incident about an unknown member", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIncidentRaised, At: at(2), Incident: &session.Incident{ID: 1, Kind: session.IncidentMedical, Member: "zz"}}, group.ErrUnknownMember},
		{"resolving an unknown incident", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIncidentResolved, At: at(2), Incident: &session.Incident{ID: 1, Action: "x"}}, session.ErrUnknownIncident},
		{"resolution without a documented action", func(t *testing.T) *session.Session {
			s := running(t, false)
			_, err := s.RaiseIncident(at(2), session.IncidentIntoxication, "m1", "smelled of alcohol")
			require.NoError(t, err)
			return s
		}, session.Event{Type: session.EventIncidentResolved, At: at(3), Incident: &session.Incident{ID: 1, Action: "  "}}, session.ErrMissingField},
		{"resolving twice", func(t *testing.T) *session.Session {
			s := running(t, false)
			_, err := s.RaiseIncident(at(2), session.IncidentIntoxication, "m1", "")
			require.NoError(t, err)
			require.NoError(t, s.ResolveIncident(at(3), 1, "asked to leave, agreement reviewed"))
			return s
		}, session.Event{Type: session.EventIncidentResolved, At: at(4), Incident: &session.Incident{ID: 1, Action: "again"}}, session.ErrIncidentResolved},
		{"end with an unresolved risk incident", func(t *testing.T) *session.Session {
			s := running(t, false)
			_, err := s.RaiseIncident(at(2), session.IncidentRiskToSelf, "m1", "")
			require.NoError(t, err)
			return s
		}, session.Event{Type: session.EventEnded, At: at(90)}, session.ErrUnresolvedRisk},
		{"turn after the end", ended, turn(91, member("m1"), session.WholeGroup()), session.ErrEnded},
		{"note before the end", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventNoteWritten, At: at(2), Note: &session.Note{ID: 1, Kind: session.NoteGroup, Author: "f1"}}, session.ErrNotEnded},
		{"turn before the start", func(t *testing.T) *session.Session {
			return newSession(t, specFor(t, group.ModalityCBT, 90*time.Minute, 5))
		},
			turn(2, member("m1"), session.WholeGroup()), session.ErrNotStarted},
		{"progress note for an absent member", ended,
			session.Event{Type: session.EventNoteWritten, At: at(91), Note: &session.Note{ID: 1, Kind: session.NoteProgress, Member: "m4", Author: "f1"}}, session.ErrAbsentMember},
		{"note by an unknown author", ended,
			session.Event{Type: session.EventNoteWritten, At: at(91), Note: &session.Note{ID: 1, Kind: session.NoteGroup, Author: "x"}}, group.ErrUnknownFacilitator},
		{"second group note", func(t *testing.T) *session.Session {
			s := ended(t)
			_, err := s.WriteNote(at(91), session.Note{Kind: session.NoteGroup, Author: "f1"})
			require.NoError(t, err)
			return s
		}, session.Event{Type: session.EventNoteWritten, At: at(92), Note: &session.Note{ID: 2, Kind: session.NoteGroup, Author: "f1"}}, session.ErrDuplicateNote},
		{"rewriting a signed note", func(t *testing.T) *session.Session {
			s := ended(t)
			_, err := s.WriteNote(at(91), session.Note{Kind: session.NoteGroup, Author: "f1", Text: "a"})
			require.NoError(t, err)
			require.NoError(t, s.SignNote(at(92), 1, "f1"))
			return s
		}, session.Event{Type: session.EventNoteWritten, At: at(93), Note: &session.Note{ID: 1, Kind: session.NoteGroup, Author: "f1", Text: "b"}}, session.ErrNoteSigned},
		{"signing twice", func(t *testing.T) *session.Session {
			s := ended(t)
			_, err := s.WriteNote(at(91), session.Note{Kind: session.NoteGroup, Author: "f1", Text: "a"})
			require.NoError(t, err)
			require.NoError(t, s.SignNote(at(92), 1, "f1"))
			return s
		}, session.Event{Type: session.EventNoteSigned, At: at(93), Note: &session.Note{ID: 1, Author: "f1"}}, session.ErrNoteSigned},
		{"amending a draft", func(t *testing.T) *session.Session {
			s := ended(t)
			_, err := s.WriteNote(at(91), session.Note{Kind: session.NoteGroup, Author: "f1", Text: "a"})
			require.NoError(t, err)
			return s
		}, session.Event{Type: session.EventNoteAmended, At: at(93), Note: &session.Note{ID: 1, Author: "f1", Text: "more"}}, session.ErrNoteNotSigned},
		// Nothing a session accepts may be something its log cannot hold.
		{"text that is not UTF-8", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIntervention, At: at(2), Intervention: &session.Intervention{Facilitator: "f1", Skill: session.SkillLinking, Text: "caf\xe9"}}, session.ErrInvalid},
		{"an incident whose text is not UTF-8", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventIncidentRaised, At: at(2), Incident: &session.Incident{ID: 1, Kind: session.IncidentMedical, Text: "\xff\xfe"}}, session.ErrInvalid},
		{"a year the log cannot write", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventArrived, At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Member: "m4"}, session.ErrInvalid},
		{"a turn longer than a day", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Type: session.EventTurn, At: at(2), Turn: session.Turn{Speaker: member("m1"), Addressee: session.WholeGroup(), Duration: 25 * time.Hour}}, session.ErrInvalid},
		{"an event out of its place", func(t *testing.T) *session.Session { return running(t, false) },
			session.Event{Seq: 9, Type: session.EventArrived, At: at(2), Member: "m4"}, session.ErrSequence},
		{"signing an unknown note", ended,
			session.Event{Type: session.EventNoteSigned, At: at(93), Note: &session.Note{ID: 4, Author: "f1"}}, session.ErrUnknownNote},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.setup(t)
			before := snap(s)
			err := s.Apply(tc.event)
			require.ErrorIs(t, err, tc.want)
			var ee *session.EventError
			require.ErrorAs(t, err, &ee)
			require.Equal(t, len(before.Events), ee.Index, "the error names the index the event would have had")
			if diff := cmp.Diff(before, snap(s)); diff != "" {
				t.Errorf("a rejected event changed the state (-before +after):\n%s", diff)
			}
		})
	}
}

// TestCheckThenApply: an event Check accepted is applied without a second
// check only while nothing has been applied since; after another event it
// is checked again, against the new state.
func TestCheckThenApply(t *testing.T) {
	spec := specFor(t, group.ModalityProcess, 90*time.Minute, 3)
	s := newSession(t, spec)
	require.NoError(t, s.Apply(session.Event{Type: session.EventStarted, At: at(0), Start: &session.Start{Facilitators: []group.FacilitatorID{"f1"}, Members: []group.MemberID{"m1", "m2"}}}))
	turn := session.Event{Type: session.EventTurn, At: at(1), Turn: session.Turn{Speaker: member("m2"), Addressee: session.WholeGroup(), Duration: time.Minute}}
	require.NoError(t, s.Check(turn))
	require.NoError(t, s.Apply(session.Event{Type: session.EventDeparted, At: at(1), Member: "m2"}))
	require.ErrorIs(t, s.Apply(turn), session.ErrNotPresent, "checked before m2 left")

	later := turn
	later.At, later.Turn.Speaker = at(2), member("m1")
	require.NoError(t, s.Check(later))
	require.NoError(t, s.Apply(later))
	require.Equal(t, 3, s.Len())
	last, _ := s.Last()
	later.Seq = 3
	require.Equal(t, later, last)
}

func TestStartRules(t *testing.T) {
	spec := specFor(t, group.ModalityProcess, 90*time.Minute, 4)
	spec.Roster[1].RecordingConsent = false
	spec.Roster[2].RecordingConsent = false
	s := newSession(t, spec)
	err := s.Start(at(0), []group.FacilitatorID{"f1", "f1", "ghost"}, []group.MemberID{"m1", "m2", "m3", "m1", "nobody"}, true)
	require.ErrorIs(t, err, session.ErrNoRecordingConsent)
	require.ErrorIs(t, err, group.ErrUnknownFacilitator)
	require.ErrorIs(t, err, group.ErrUnknownMember)
	require.ErrorIs(t, err, session.ErrAlreadyPresent)
	// Every problem is reported, not only the first.
	var count int
	for _, e := range err.(interface{ Unwrap() error }).Unwrap().(interface{ Unwrap() []error }).Unwrap() {
		var fe *session.FieldError
		require.ErrorAs(t, e, &fe)
		count++
	}
	require.Equal(t, 6, count, "duplicate f1, unknown ghost, m2 and m3 without consent, duplicate m1, unknown nobody")

	require.ErrorIs(t, s.Start(at(0), nil, nil, false), session.ErrMissingField)
	require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1"}, []group.MemberID{"m1", "m4"}, true))
	require.True(t, s.Recording())
	require.Equal(t, []group.FacilitatorID{"f1"}, s.PresentFacilitators())
}

func TestEndAndCancel(t *testing.T) {
	t.Run("cancel before start", func(t *testing.T) {
		s := newSession(t, specFor(t, group.ModalitySupport, 90*time.Minute, 3))
		require.ErrorIs(t, s.End(at(0)), session.ErrNotStarted, "End on a scheduled session is not a cancellation")
		require.NoError(t, s.Cancel(at(0)))
		require.Equal(t, session.PhaseCancelled, s.Phase())
		for _, a := range s.Attendance() {
			require.Equal(t, session.AttendanceCancelled, a.Status)
			require.False(t, a.Status.Billable())
		}
		require.Zero(t, s.ParticipantCount())
		require.ErrorIs(t, s.Cancel(at(1)), session.ErrAlreadyStarted)
	})
	t.Run("resolved risk lets the session end", func(t *testing.T) {
		s := running(t, false)
		id, err := s.RaiseIncident(at(10), session.IncidentRiskToSelf, "m2", "said she has a plan")
		require.NoError(t, err)
		_, err = s.RaiseIncident(at(11), session.IncidentConfidentialityBreach, "m3", "")
		require.NoError(t, err)
		_, err = s.RaiseIncident(at(12), session.IncidentMedical, "", "")
		require.NoError(t, err)
		open := s.OpenIncidents()
		require.Equal(t, []int{1, 3, 2}, []int{open[0].ID, open[1].ID, open[2].ID}, "risk incidents first, then by ID")
		require.ErrorIs(t, s.End(at(60)), session.ErrUnresolvedRisk)
		require.NoError(t, s.ResolveIncident(at(20), id, "private assessment by f1; safety plan; same-day follow-up"))
		require.NoError(t, s.ResolveIncident(at(21), 3, "first aid"))
		require.NoError(t, s.End(at(60)), "a non-risk incident may stay open")
		require.Len(t, s.OpenIncidents(), 1)
		require.Equal(t, at(60), s.EndedAt())
	})
}

func TestSegmentsAndOverrun(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 4)
	s := newSession(t, spec)
	require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1"}, ids(spec.Roster), false))
	_, ok := s.CurrentSegment()
	require.False(t, ok, "no segment before the first segment event")
	require.NoError(t, s.BeginSegment(at(0), session.SegmentOpening))
	require.NoError(t, s.BeginSegment(at(15), session.SegmentHomeworkReview)) // skips check-in
	require.NoError(t, s.Speak(at(20), session.Turn{Speaker: member("m1"), Addressee: facilitator("f1"), Duration: time.Minute}))
	cur, ok := s.CurrentSegment()
	require.True(t, ok)
	require.Equal(t, 5*time.Minute, cur.Used, "the running segment counts to the last event")
	require.NoError(t, s.BeginSegment(at(21), session.SegmentMeditation))
	segs := s.Segments()
	want := []session.SegmentUsage{
		{Kind: session.SegmentOpening, Title: spec.Agenda.Segments[0].Title, AgendaIndex: 0, Began: at(0), Planned: 5 * time.Minute, Used: 15 * time.Minute},
		{Kind: session.SegmentHomeworkReview, AgendaIndex: 2, Began: at(15), Planned: spec.Agenda.Segments[2].Planned, Used: 6 * time.Minute},
		{Kind: session.SegmentMeditation, AgendaIndex: -1, Began: at(21)},
	}
	if diff := cmp.Diff(want, segs); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
	require.Equal(t, 10*time.Minute, segs[0].Overrun())
	var overruns []string
	for _, f := range s.Findings() {
		if f.Code == session.CodeSegmentOverrun {
			overruns = append(overruns, f.Path)
		}
	}
	require.Equal(t, []string{"segments[0]"}, overruns)
}

func TestReplayNamesTheOffendingEvent(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 4)
	s := runWhole(t, spec)
	log := s.Log()
	replayed, err := session.Replay(s.Spec(), log)
	require.NoError(t, err)
	if diff := cmp.Diff(snap(s), snap(replayed)); diff != "" {
		t.Fatalf("replay differs (-live +replay):\n%s", diff)
	}
	bad := session.Log{Events: append([]session.Event(nil), log.Events...)}
	bad.Events[7].At = bad.Events[6].At.Add(-time.Hour)
	_, err = session.Replay(s.Spec(), bad)
	var ee *session.EventError
	require.ErrorAs(t, err, &ee)
	require.Equal(t, 7, ee.Index)
	require.ErrorIs(t, err, group.ErrTimeOrder)

	_, err = session.Replay(session.Spec{}, log)
	require.ErrorIs(t, err, session.ErrInvalid)
}

func TestSpecValidate(t *testing.T) {
	good := specFor(t, group.ModalityCBT, 90*time.Minute, 3)
	require.NoError(t, good.Validate())
	bad := good
	bad.Roster = []session.Participant{{ID: "m1", Name: "A"}, {ID: "m1", Name: " "}, {ID: ""}}
	bad.Facilitators = []group.Facilitator{{ID: "f"}, {ID: "f"}, {}}
	bad.LateGrace = -time.Minute
	bad.Length = -time.Minute
	bad.Agenda = session.Agenda{Segments: []session.Segment{{Kind: 99, Planned: -time.Minute}}}
	err := bad.Validate()
	var paths []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *session.FieldError
		require.ErrorAs(t, e, &fe)
		paths = append(paths, fe.Path)
	}
	want := []string{"agenda.segments[0].kind", "agenda.segments[0].planned",
		"roster[1].id", "roster[1].name", "roster[2].id", "roster[2].name",
		"facilitators[1].id", "facilitators[2].id", "lateGrace", "length"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	_, err = session.New(session.Spec{})
	require.ErrorIs(t, err, session.ErrInvalid)
	require.False(t, errors.Is(err, session.ErrLength))
}

// TestEventsAreWhatWasApplied: the log gives back every applied event,
// turns included, with times in their own locations and to the
// nanosecond, whether or not they fall on whole milliseconds.
func TestEventsAreWhatWasApplied(t *testing.T) {
	spec := specFor(t, group.ModalityProcess, 90*time.Minute, 3)
	s := newSession(t, spec)
	ny := time.FixedZone("EST", -5*3600)
	want := []session.Event{
		{Type: session.EventStarted, At: at(0), Start: &session.Start{Facilitators: []group.FacilitatorID{"f1", "f2"}, Members: []group.MemberID{"m1", "m2"}}},
		{Type: session.EventTurn, At: at(1).In(ny), Turn: session.Turn{Speaker: facilitator("f2"), Addressee: member("m2"), Duration: 1500 * time.Millisecond, Act: session.ActAsksOpinion, Tags: session.Tags(session.TagQuestion)}},
		{Type: session.EventTurn, At: at(2), Turn: session.Turn{Speaker: member("m2"), Addressee: facilitator("f1"), Duration: time.Minute}},
		{Type: session.EventArrived, At: at(3), Member: "m3"},
		{Type: session.EventTurn, At: at(4), Turn: session.Turn{Speaker: member("m3"), Addressee: session.WholeGroup()}},
		{Type: session.EventTurn, At: at(5).Add(123), Turn: session.Turn{Speaker: member("m1"), Addressee: member("m3"), Duration: 1500*time.Microsecond + 7, Act: session.ActAgrees}},
		{Type: session.EventSegmentBegan, At: at(6).Add(time.Microsecond), Segment: session.SegmentProcessing},
		{Type: session.EventIntervention, At: at(7), Intervention: &session.Intervention{Facilitator: "f1", Target: member("m2"), Skill: session.SkillLinking}},
		{Type: session.EventIntervention, At: at(8), Intervention: &session.Intervention{Facilitator: "f2", Target: session.WholeGroup(), Step: session.StepPause}},
		{Type: session.EventTurn, At: at(9), Turn: session.Turn{Speaker: member("m2"), Addressee: facilitator("f2"), Duration: 24 * time.Hour / 2}},
		{Type: session.EventDeparted, At: at(10), Member: "m3"},
		{Type: session.EventEnded, At: at(90)},
	}
	for i, e := range want {
		require.NoError(t, s.Apply(e))
		want[i].Seq = i + 1
	}
	got := s.Events()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-applied +logged):\n%s", diff)
	}
	require.Equal(t, ny, got[1].At.Location())
	require.Equal(t, len(want), s.Len())
}

// TestEventsOfALargeRoster: a roster too large for the log's compact
// records (more than 255 people) still logs every event as applied.
func TestEventsOfALargeRoster(t *testing.T) {
	spec := specFor(t, group.ModalityProcess, 90*time.Minute, 3)
	for i := 4; i <= 300; i++ {
		spec.Roster = append(spec.Roster, session.Participant{ID: group.MemberID(fmt.Sprintf("m%d", i)), Name: fmt.Sprintf("Member %d", i), RecordingConsent: true})
	}
	s := newSession(t, spec)
	want := []session.Event{
		{Type: session.EventStarted, At: at(0), Start: &session.Start{Facilitators: []group.FacilitatorID{"f1"}, Members: []group.MemberID{"m1", "m299"}}},
		{Type: session.EventTurn, At: at(1), Turn: session.Turn{Speaker: member("m299"), Addressee: member("m1"), Duration: time.Minute, Act: session.ActAgrees}},
		{Type: session.EventArrived, At: at(2), Member: "m300"},
		{Type: session.EventTurn, At: at(3), Turn: session.Turn{Speaker: member("m300"), Addressee: session.WholeGroup(), Duration: time.Second}},
	}
	for i, e := range want {
		require.NoError(t, s.Apply(e))
		want[i].Seq = i + 1
	}
	if diff := cmp.Diff(want, s.Events()); diff != "" {
		t.Errorf("events (-applied +logged):\n%s", diff)
	}
}

// TestSessionOwnsItsSpec: a session copies its spec, so neither the spec
// given to New nor the one Spec returns is a way to change the session
// behind Apply's back (here: recording consent, which Start checks).
func TestSessionOwnsItsSpec(t *testing.T) {
	spec := specFor(t, group.ModalityProcess, 90*time.Minute, 4)
	spec.Roster[1].RecordingConsent = false
	s := newSession(t, spec)
	spec.Roster[1].RecordingConsent = true // the app's copy, changed after New
	spec.Roster[0].ID = "renamed"
	spec.Facilitators[0].Credentials[0] = group.CredentialPeerSupportWorker
	got := s.Spec()
	got.Roster[1].RecordingConsent = true // the returned copy, changed
	got.Agenda.Segments[0].Planned = time.Hour
	got.Profile.Policies = nil

	again := s.Spec()
	require.False(t, again.Roster[1].RecordingConsent)
	require.Equal(t, group.MemberID("m1"), again.Roster[0].ID)
	require.Equal(t, group.CredentialLicensedClinician, again.Facilitators[0].Credentials[0])
	require.NotEqual(t, time.Hour, again.Agenda.Segments[0].Planned)
	require.NotEmpty(t, again.Profile.Policies)

	err := s.Start(at(0), []group.FacilitatorID{"f1"}, []group.MemberID{"m1", "m2"}, true)
	require.ErrorIs(t, err, session.ErrNoRecordingConsent, "m2 gave no consent in the spec the session was made with")
	require.Equal(t, session.PhaseScheduled, s.Phase())
}

// TestMonotonicReadingDropped: times carrying a monotonic clock reading,
// as time.Now gives them, are kept by their wall clock alone, so that the
// session replayed from its log is the one recorded.
func TestMonotonicReadingDropped(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 8)
	now := time.Now() // carries a monotonic reading
	require.Contains(t, now.String(), "m=", "time.Now should carry a monotonic reading")
	s := newSession(t, spec)
	require.NoError(t, s.Start(now, []group.FacilitatorID{"f1"}, ids(spec.Roster), false))
	require.NoError(t, s.Speak(now.Add(time.Second), session.Turn{Speaker: member("m1"), Addressee: member("m2"), Duration: time.Second}))
	e := session.Event{Type: session.EventTurn, At: now.Add(3 * time.Second), Turn: session.Turn{Speaker: member("m2"), Addressee: session.WholeGroup(), Duration: time.Second}}
	require.NoError(t, s.Apply(e))
	require.Contains(t, e.At.String(), "m=", "Apply must not change the caller's event")
	require.NoError(t, s.Depart(now.Add(4*time.Second), "m3"))
	require.NotContains(t, s.StartedAt().String(), "m=")
	require.True(t, s.StartedAt().Equal(now))
	att, _ := s.AttendanceOf("m3")
	replayed, err := session.Replay(spec, s.Log())
	require.NoError(t, err)
	again, _ := replayed.AttendanceOf("m3")
	require.Equal(t, again, att)
	require.Equal(t, replayed.Events(), s.Events())
	for _, e := range s.Events() {
		require.NotContains(t, e.At.String(), "m=")
	}
}

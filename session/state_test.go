package session_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// TestLast checks that Last returns the event each command just built, with
// what the command filled in, and that it matches the log.
func TestLast(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 3)
	s := newSession(t, spec)
	_, ok := s.Last()
	require.False(t, ok, "no event before the start")

	turn := session.Turn{Speaker: member("m1"), Addressee: member("m2"), Duration: 20 * time.Second,
		Act: session.ActGivesOpinion, Tags: session.Tags(session.TagFeeling)}
	tests := []struct {
		name string
		run  func(t *testing.T)
		want session.Event
	}{
		{"start", func(t *testing.T) {
			require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1"}, ids(spec.Roster), false))
		}, session.Event{Type: session.EventStarted, At: at(0),
			Start: &session.Start{Facilitators: []group.FacilitatorID{"f1"}, Members: ids(spec.Roster)}}},
		{"turn", func(t *testing.T) { require.NoError(t, s.Speak(at(2), turn)) },
			session.Event{Type: session.EventTurn, At: at(2), Turn: turn}},
		// The incident's ID is chosen by RaiseIncident; Last carries it.
		{"incident raised", func(t *testing.T) {
			id, err := s.RaiseIncident(at(3), session.IncidentIntoxication, "m3", "slurred speech")
			require.NoError(t, err)
			require.Equal(t, 1, id)
		}, session.Event{Type: session.EventIncidentRaised, At: at(3),
			Incident: &session.Incident{ID: 1, Kind: session.IncidentIntoxication, Member: "m3", Text: "slurred speech"}}},
		{"incident resolved", func(t *testing.T) {
			require.NoError(t, s.ResolveIncident(at(4), 1, "asked to leave; agreement reviewed"))
		}, session.Event{Type: session.EventIncidentResolved, At: at(4), Incident: &session.Incident{ID: 1, Action: "asked to leave; agreement reviewed"}}},
		{"end", func(t *testing.T) { require.NoError(t, s.End(at(90))) }, session.Event{Type: session.EventEnded, At: at(90)}},
		// A new note's ID is chosen by WriteNote; Last carries it.
		{"note", func(t *testing.T) {
			id, err := s.WriteNote(at(95), session.Note{Kind: session.NoteGroup, Author: "f1", Theme: "thought records"})
			require.NoError(t, err)
			require.Equal(t, 1, id)
		}, session.Event{Type: session.EventNoteWritten, At: at(95),
			Note: &session.Note{ID: 1, Kind: session.NoteGroup, Author: "f1", Theme: "thought records"}}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t)
			got, ok := s.Last()
			require.True(t, ok)
			tc.want.Seq = i + 1 // Apply numbers every event
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Last (-want +got):\n%s", diff)
			}
			log := s.Events()
			if diff := cmp.Diff(log[len(log)-1], got); diff != "" {
				t.Errorf("Last differs from the end of Events (-events +last):\n%s", diff)
			}
		})
	}

	// A rejected command leaves Last as it was.
	before, _ := s.Last()
	require.Error(t, s.Speak(at(96), turn), "no turns after the end")
	after, _ := s.Last()
	require.Equal(t, before, after)
}

// TestLastTurnDoesNotAllocate: turns are stored compactly and rebuilt; Last
// rebuilds one without allocating, so an app may call it after every turn.
func TestLastTurnDoesNotAllocate(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 3)
	s := newSession(t, spec)
	require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1"}, ids(spec.Roster), false))
	require.NoError(t, s.Speak(at(1), session.Turn{Speaker: facilitator("f1"), Addressee: session.WholeGroup(), Duration: time.Minute}))
	var e session.Event
	allocs := testing.AllocsPerRun(100, func() { e, _ = s.Last() })
	require.Zero(t, allocs)
	require.Equal(t, session.EventTurn, e.Type)
}

// TestIncidentRecordFields pins where each event's payload lands in the
// record, as IncidentRecord documents: the raised event's Text stays in
// Incident.Text, the resolution's Action in Incident.Action, and the
// resolution's own Text in Resolution.
func TestIncidentRecordFields(t *testing.T) {
	s := running(t, false)
	_, err := s.RaiseIncident(at(2), session.IncidentMedical, "m2", "m2 felt faint")
	require.NoError(t, err)
	open := s.Incidents()
	require.Len(t, open, 1)
	require.Empty(t, open[0].Action, "a raised incident has no action yet")

	require.NoError(t, s.Apply(session.Event{Type: session.EventIncidentResolved, At: at(5),
		Incident: &session.Incident{ID: 1, Action: "water, sat out; nurse called", Text: "recovered within ten minutes"}}))
	want := []session.IncidentRecord{{
		Incident: session.Incident{ID: 1, Kind: session.IncidentMedical, Member: "m2", Text: "m2 felt faint",
			Action: "water, sat out; nurse called"},
		RaisedAt: at(2), Resolved: true, ResolvedAt: at(5), Resolution: "recovered within ten minutes",
	}}
	if diff := cmp.Diff(want, s.Incidents()); diff != "" {
		t.Errorf("Incidents (-want +got):\n%s", diff)
	}
}

// TestMessageArticles checks the grammar of messages that put data in
// front of a noun (a profile's name, a number of minutes): "a" must not
// stand before a vowel sound ("a art-therapy group", "a 80 min slot"). It
// inspects the prose of a Problem or a finding's Message, never an error's
// identity.
func TestMessageArticles(t *testing.T) {
	bad := regexp.MustCompile(`(^|[^\pL])a ([aeioAEIO]|8|11 |18 )`)

	t.Run("agenda under its slot", func(t *testing.T) {
		// 40 planned minutes of an 80-minute slot.
		a := agenda(session.SegmentCheckIn, session.SegmentNewMaterial, session.SegmentSkillPractice, session.SegmentCheckOut)
		fs, err := a.Validate(profile(t, group.ModalityPsychoeducational), 80*time.Minute)
		require.NoError(t, err)
		require.Contains(t, codes(fs), session.CodeAgendaUnderSlot)
		for _, f := range fs {
			require.NotRegexp(t, bad, f.Message, f.Code)
		}
	})
	t.Run("progress note where the profile keeps no records", func(t *testing.T) {
		spec := specFor(t, group.ModalitySupport, 90*time.Minute, 3)
		spec.Profile.Name = "open-circle"
		s := newSession(t, spec)
		require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1"}, ids(spec.Roster), false))
		require.NoError(t, s.End(at(90)))
		_, err := s.WriteNote(at(95), session.Note{Kind: session.NoteProgress, Member: "m1", Author: "f1", Text: "x"})
		require.ErrorIs(t, err, session.ErrNoClinicalRecords)
		var fe *session.FieldError
		require.ErrorAs(t, err, &fe)
		require.NotRegexp(t, bad, fe.Problem)
	})
}

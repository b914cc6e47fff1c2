package session

import (
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
)

// The commands below build one event each and pass it to Apply, so they
// follow Apply's rules and return its *EventError; a rejected command leaves
// the session untouched.

// Start begins the session at the given time with the facilitators and
// members in the room. Recording requires every present member's recording
// consent (ACA Code of Ethics 2014, B.6.c-d).
func (s *Session) Start(at time.Time, facilitators []group.FacilitatorID, members []group.MemberID, recording bool) error {
	return s.Apply(&Event{Type: EventStarted, At: at, Start: Start{
		Facilitators: slices.Clone(facilitators), Members: slices.Clone(members), Recording: recording,
	}})
}

// Cancel records that the session will not take place. It is the end of a
// session that never started: every member's attendance becomes
// AttendanceCancelled.
func (s *Session) Cancel(at time.Time) error {
	if s.phase != PhaseScheduled {
		return &EventError{Index: s.nEvents, Type: EventEnded, Err: ErrAlreadyStarted}
	}
	return s.Apply(&Event{Type: EventEnded, At: at})
}

// BeginSegment starts the next segment of the given kind.
func (s *Session) BeginSegment(at time.Time, kind SegmentKind) error {
	return s.Apply(&Event{Type: EventSegmentBegan, At: at, Segment: kind})
}

// Arrive records a member's arrival (a late arrival, or a return after
// leaving the room).
func (s *Session) Arrive(at time.Time, id group.MemberID) error {
	return s.Apply(&Event{Type: EventArrived, At: at, Member: id})
}

// Depart records a member leaving the room.
func (s *Session) Depart(at time.Time, id group.MemberID) error {
	return s.Apply(&Event{Type: EventDeparted, At: at, Member: id})
}

// RecordTurn records one turn that began at the given time. It is the
// cheapest way to record a turn: it skips building a whole Event unless
// the turn is rejected or needs the general path.
func (s *Session) RecordTurn(at time.Time, t Turn) error {
	if s.turn(at, &t) {
		return nil
	}
	return s.Apply(&Event{Type: EventTurn, At: at, Turn: t})
}

// Intervene records a facilitator's intervention.
func (s *Session) Intervene(at time.Time, iv Intervention) error {
	return s.Apply(&Event{Type: EventIntervention, At: at, Intervention: iv})
}

// RaiseIncident records a safety or conduct incident, optionally concerning
// one member, and returns its ID.
func (s *Session) RaiseIncident(at time.Time, kind IncidentKind, member group.MemberID, text string) (int, error) {
	id := len(s.incidents) + 1
	err := s.Apply(&Event{Type: EventIncidentRaised, At: at, Incident: Incident{ID: id, Kind: kind, Member: member, Text: text}})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// ResolveIncident records how an incident was dealt with. The action must
// be documented (DOMAIN.md section 6: document what was done).
func (s *Session) ResolveIncident(at time.Time, id int, action string) error {
	return s.Apply(&Event{Type: EventIncidentResolved, At: at, Incident: Incident{ID: id, Action: action}})
}

// End ends the session. It fails with ErrUnresolvedRisk while a risk
// incident has no documented resolution.
func (s *Session) End(at time.Time) error {
	if s.phase == PhaseScheduled {
		return &EventError{Index: s.nEvents, Type: EventEnded, Err: ErrNotStarted}
	}
	return s.Apply(&Event{Type: EventEnded, At: at})
}

// WriteNote writes a note after the session ended and returns its ID. A
// note with ID 0 is new and gets the next ID; a note naming the ID of an
// unsigned draft revises it.
func (s *Session) WriteNote(at time.Time, n Note) (int, error) {
	if n.ID == 0 {
		n.ID = len(s.notes) + 1
	}
	n.Interventions = slices.Clone(n.Interventions)
	if err := s.Apply(&Event{Type: EventNoteWritten, At: at, Note: n}); err != nil {
		return 0, err
	}
	return n.ID, nil
}

// SignNote signs a note, which makes it immutable.
func (s *Session) SignNote(at time.Time, id int, author group.FacilitatorID) error {
	return s.Apply(&Event{Type: EventNoteSigned, At: at, Note: Note{ID: id, Author: author}})
}

// AmendNote adds an addendum to a signed note.
func (s *Session) AmendNote(at time.Time, id int, author group.FacilitatorID, text string) error {
	return s.Apply(&Event{Type: EventNoteAmended, At: at, Note: Note{ID: id, Author: author, Text: text}})
}

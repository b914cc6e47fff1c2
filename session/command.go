package session

import (
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
)

// Commands builds one event for each common thing that happens in a
// session and records it through one Apply, so a command follows Apply's
// rules, returns its *EventError, and leaves the session untouched when it
// is rejected. Session embeds the commands, applied to itself; a value that
// holds a session together with something else that must see every event
// (the dynamics/advice package's Room) embeds Commands built with
// NewCommands and its own Apply, so that its commands reach both.
//
// The zero value is not usable.
type Commands struct {
	s     *Session
	apply func(Event) error
}

// NewCommands returns the commands of session s, each recorded through
// apply, which must apply the event to s (and may do more, such as passing
// it on).
func NewCommands(s *Session, apply func(Event) error) Commands {
	return Commands{s: s, apply: apply}
}

// Start begins the session at the given time with the facilitators and
// members in the room. Recording requires every present member's recording
// consent (ACA Code of Ethics 2014, B.6.c-d).
func (c Commands) Start(at time.Time, facilitators []group.FacilitatorID, members []group.MemberID, recording bool) error {
	return c.apply(Event{Type: EventStarted, At: at, Start: &Start{
		Facilitators: slices.Clone(facilitators), Members: slices.Clone(members), Recording: recording,
	}})
}

// Cancel records that the session will not take place. It is the end of a
// session that never started: every member's attendance becomes
// AttendanceCancelled.
func (c Commands) Cancel(at time.Time) error {
	if c.s.phase != PhaseScheduled {
		return &EventError{Index: c.s.Len(), Type: EventEnded, Err: ErrAlreadyStarted}
	}
	return c.apply(Event{Type: EventEnded, At: at})
}

// BeginSegment starts the next segment of the given kind.
func (c Commands) BeginSegment(at time.Time, kind SegmentKind) error {
	return c.apply(Event{Type: EventSegmentBegan, At: at, Segment: kind})
}

// Arrive records a member's arrival (a late arrival, or a return after
// leaving the room).
func (c Commands) Arrive(at time.Time, id group.MemberID) error {
	return c.apply(Event{Type: EventArrived, At: at, Member: id})
}

// Depart records a member leaving the room.
func (c Commands) Depart(at time.Time, id group.MemberID) error {
	return c.apply(Event{Type: EventDeparted, At: at, Member: id})
}

// Speak records one turn that began at the given time.
func (c Commands) Speak(at time.Time, t Turn) error {
	return c.apply(Event{Type: EventTurn, At: at, Turn: t})
}

// Intervene records a facilitator's intervention.
func (c Commands) Intervene(at time.Time, iv Intervention) error {
	return c.apply(Event{Type: EventIntervention, At: at, Intervention: &iv})
}

// RaiseIncident records a safety or conduct incident, optionally concerning
// one member, and returns its ID.
func (c Commands) RaiseIncident(at time.Time, kind IncidentKind, member group.MemberID, text string) (int, error) {
	id := len(c.s.incidents) + 1
	err := c.apply(Event{Type: EventIncidentRaised, At: at, Incident: &Incident{ID: id, Kind: kind, Member: member, Text: text}})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// ResolveIncident records how an incident was dealt with. The action must
// be documented: every safety protocol ends with documentation of what was
// done (SAMHSA TIP 50, 2009: GATE; the protocols of dynamics/safety).
func (c Commands) ResolveIncident(at time.Time, id int, action string) error {
	return c.apply(Event{Type: EventIncidentResolved, At: at, Incident: &Incident{ID: id, Action: action}})
}

// End ends the session. It fails with ErrUnresolvedRisk while a risk
// incident has no documented resolution.
func (c Commands) End(at time.Time) error {
	if c.s.phase == PhaseScheduled {
		return &EventError{Index: c.s.Len(), Type: EventEnded, Err: ErrNotStarted}
	}
	return c.apply(Event{Type: EventEnded, At: at})
}

// WriteNote writes a note after the session ended and returns its ID. A
// note with ID 0 is new and gets the next ID; a note naming the ID of an
// unsigned draft revises it.
func (c Commands) WriteNote(at time.Time, n Note) (int, error) {
	if n.ID == 0 {
		n.ID = len(c.s.notes) + 1
	}
	if err := c.apply(Event{Type: EventNoteWritten, At: at, Note: &n}); err != nil {
		return 0, err
	}
	return n.ID, nil
}

// SignNote signs a note, which makes it immutable.
func (c Commands) SignNote(at time.Time, id int, author group.FacilitatorID) error {
	return c.apply(Event{Type: EventNoteSigned, At: at, Note: &Note{ID: id, Author: author}})
}

// AmendNote adds an addendum to a signed note.
func (c Commands) AmendNote(at time.Time, id int, author group.FacilitatorID, text string) error {
	return c.apply(Event{Type: EventNoteAmended, At: at, Note: &Note{ID: id, Author: author, Text: text}})
}

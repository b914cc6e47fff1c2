package session

import (
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// EventType says which of the sealed set of session events an Event is. The
// zero value is rejected by validation.
type EventType uint8

// The event types. Their text forms are the log's "type" values.
const (
	EventUnspecified      EventType = iota
	EventStarted                    // (started) the session began; Start is set
	EventSegmentBegan               // (segment-began) an agenda segment began; Segment is set
	EventArrived                    // (arrived) a member arrived; Member is set
	EventDeparted                   // (departed) a member left; Member is set
	EventTurn                       // (turn) someone spoke; Turn is set
	EventIntervention               // (intervention) a facilitator intervened; Intervention is set
	EventIncidentRaised             // (incident-raised) a safety or conduct incident; Incident is set
	EventIncidentResolved           // (incident-resolved) an incident was dealt with; Incident.ID and Incident.Action are set
	EventNoteWritten                // (note-written) a note was written; Note is set
	EventNoteSigned                 // (note-signed) a note was signed and became immutable; Note.ID is set
	EventNoteAmended                // (note-amended) an addendum to a signed note; Note is set
	EventEnded                      // (ended) the session ended; before a start it means the session was cancelled
)

var eventNames = [...]string{
	"unspecified", "started", "segment-began", "arrived", "departed", "turn", "intervention",
	"incident-raised", "incident-resolved", "note-written", "note-signed", "note-amended", "ended",
}

var eventText = enum.Table[EventType]{Pkg: "session", Type: "EventType", Names: eventNames[:]}

// String returns the type's text form.
func (t EventType) String() string { return eventText.String(t) }

// IsValid reports whether t is a specified event type.
func (t EventType) IsValid() bool { return eventText.Valid(t) }

// MarshalText implements encoding.TextMarshaler.
func (t EventType) MarshalText() ([]byte, error) { return eventText.Marshal(t) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *EventType) UnmarshalText(b []byte) error { return eventText.Unmarshal(t, b) }

// ParseEventType returns the type whose text form is s.
func ParseEventType(s string) (EventType, error) { return eventText.Parse(s) }

// Event is one thing that happened in a session. The set of events is
// sealed: Type says which one it is, and only the payload field that Type
// names is set; the others are zero. Every event carries its time, and,
// once a session has applied it, its sequence number in the session's log.
//
// Event is a small plain value (152 bytes): the payloads of the frequent
// events (a turn, a member arriving or leaving, a segment) are held in it,
// and those of the rare ones (the start, interventions, incidents, notes)
// by pointer. Session.Apply and dynamics.Tracker.Observe take it by value,
// and neither ever keeps or changes what the caller's event points to: a
// session keeps its own copies. The same events feed the Session (which
// folds them into its state) and a dynamics.Tracker.
type Event struct {
	// Seq is the event's 1-based position in its session's log. An app
	// leaves it 0 and Apply numbers the event; a non-zero Seq must be the
	// next number (a log replayed with a line missing, repeated or moved is
	// refused, see ErrSequence).
	Seq  int       `json:"seq,omitempty"`
	Type EventType `json:"type"`
	At   time.Time `json:"at"`

	Segment      SegmentKind    `json:"segment,omitzero"`      // EventSegmentBegan
	Member       group.MemberID `json:"member,omitzero"`       // EventArrived, EventDeparted
	Turn         Turn           `json:"turn,omitzero"`         // EventTurn
	Start        *Start         `json:"start,omitzero"`        // EventStarted
	Intervention *Intervention  `json:"intervention,omitzero"` // EventIntervention
	Incident     *Incident      `json:"incident,omitzero"`     // EventIncidentRaised, EventIncidentResolved
	Note         *Note          `json:"note,omitzero"`         // EventNoteWritten, EventNoteSigned, EventNoteAmended
}

// payloads returns one bit per payload e carries, bit i for the i-th row
// of the payload table (codec_fields.go): a pointer payload is carried when
// it is set, a payload held in the event when it is not its zero value.
// TestPayloadBits checks it against the table, so that a payload added to
// the table and left out here fails.
func (e *Event) payloads() uint8 {
	var b uint8
	if e.Start != nil {
		b |= 1 << 0
	}
	if e.Segment != 0 {
		b |= 1 << 1
	}
	if e.Member != "" {
		b |= 1 << 2
	}
	if e.Turn != (Turn{}) {
		b |= 1 << 3
	}
	if e.Intervention != nil {
		b |= 1 << 4
	}
	if e.Incident != nil {
		b |= 1 << 5
	}
	if e.Note != nil {
		b |= 1 << 6
	}
	return b
}

// Start is the payload of EventStarted: who is present when the session
// begins and whether it is recorded. Recording requires the recording
// consent of every member present (ACA Code of Ethics 2014, B.6.c-d).
type Start struct {
	Facilitators []group.FacilitatorID `json:"facilitators,omitempty"`
	Members      []group.MemberID      `json:"members,omitempty"`
	Recording    bool                  `json:"recording,omitempty"`
}

// Turn is the payload of EventTurn: one contribution by one speaker,
// beginning at the event's time. Act is its Bales IPA category (ActUncoded
// when not coded); Tags are further observations.
type Turn struct {
	Speaker   Party         `json:"speaker"`
	Addressee Party         `json:"addressee"`
	Duration  time.Duration `json:"duration"`
	Act       Act           `json:"act,omitzero"`
	Tags      Tags          `json:"tags,omitzero"`
}

// End returns the time the turn ended, given the time it began.
func (t Turn) End(began time.Time) time.Time { return began.Add(t.Duration) }

// Intervention is the payload of EventIntervention: a facilitator used a
// leader skill or took a safety step, aimed at a member, a facilitator or the
// whole group. Exactly one of Skill and Step is set.
type Intervention struct {
	Facilitator group.FacilitatorID `json:"facilitator"`
	Skill       Skill               `json:"skill,omitzero"`
	Step        SafetyStep          `json:"step,omitzero"`
	Target      Party               `json:"target,omitzero"`
	Text        string              `json:"text,omitempty"` // optional free text
}

// Incident is the payload of EventIncidentRaised and EventIncidentResolved.
// ID numbers incidents within a session from 1; a resolution names the ID it
// resolves and documents the Action taken.
type Incident struct {
	ID     int            `json:"id"`
	Kind   IncidentKind   `json:"kind,omitzero"`
	Member group.MemberID `json:"member,omitempty"` // whom it concerns, if a member
	Text   string         `json:"text,omitempty"`   // what was observed or said
	Action string         `json:"action,omitempty"` // what was done (resolution)
}

// NoteKind says whether a note is the group note or one member's progress note.
type NoteKind uint8

// The note kinds.
const (
	NoteUnspecified NoteKind = iota
	NoteGroup                // (group) the note about the session as a whole
	NoteProgress             // (progress) one attending member's progress note
)

var noteKindText = enum.Table[NoteKind]{Pkg: "session", Type: "NoteKind", Names: []string{"unspecified", "group", "progress"}}

// String returns the kind's text form.
func (k NoteKind) String() string { return noteKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k NoteKind) IsValid() bool { return noteKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k NoteKind) MarshalText() ([]byte, error) { return noteKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *NoteKind) UnmarshalText(b []byte) error {
	return noteKindText.Unmarshal(k, b)
}

// ParseNoteKind returns the kind whose text form is s.
func ParseNoteKind(s string) (NoteKind, error) { return noteKindText.Parse(s) }

// Note is the payload of the note events. ID numbers notes within a session
// from 1; signing and amending name the ID. A signed note never changes:
// later changes are addenda (EventNoteAmended) that keep the original.
// Before it is signed a note is a draft: writing it again under the same ID
// revises it.
//
// What the text fields hold depends on the note:
//   - a group note: Theme, Interventions (the leader skills used; when
//     empty, notes list the skills recorded as intervention events), Process
//     (how the group worked together) and Text (the shared group content);
//   - a progress note: Text (the member-specific narrative) and
//     GoalProgress (progress on the member's treatment goals);
//   - an addendum (EventNoteAmended): Text, the addendum itself.
//
// Shared group content is copied into every attending member's progress
// note with every other member's name and ID redacted.
type Note struct {
	ID            int                 `json:"id"`
	Kind          NoteKind            `json:"kind,omitzero"`
	Member        group.MemberID      `json:"member,omitempty"` // progress notes: whose
	Author        group.FacilitatorID `json:"author,omitempty"`
	Text          string              `json:"text,omitempty"`
	Theme         string              `json:"theme,omitempty"`        // group notes
	Interventions SkillSet            `json:"interventions,omitzero"` // group notes
	Process       string              `json:"process,omitempty"`      // group notes
	GoalProgress  string              `json:"goalProgress,omitempty"` // progress notes
}

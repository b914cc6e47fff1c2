package session

import (
	"errors"
	"strconv"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// The shared vocabulary, the same in every package of the library (see
// group.FieldError): bad input is a *FieldError wrapping ErrInvalid, or a
// *ParseError wrapping ErrUnknownValue.
type (
	// FieldError reports one broken invariant in structured input; Path
	// names the field in JSON spelling with indexes ("segments[2].planned",
	// "turn.speaker"). It is group.FieldError.
	FieldError = fault.FieldError
	// ParseError reports enum text that names no value. It is
	// group.ParseError.
	ParseError = fault.ParseError
)

var (
	// ErrInvalid is wrapped by every *FieldError: a spec, agenda, event
	// payload or log line breaks a hard invariant. It is group.ErrInvalid.
	ErrInvalid = fault.ErrInvalid
	// ErrUnknownValue is wrapped by every *ParseError. It is
	// group.ErrUnknownValue.
	ErrUnknownValue = fault.ErrUnknownValue
)

// Sentinel errors. Callers branch on them with errors.Is; the typed errors
// (*FieldError, *EventError, *DecodeError) carry the details. Events naming
// someone off the roster wrap group.ErrUnknownMember or
// group.ErrUnknownFacilitator, and events out of time order wrap
// group.ErrTimeOrder: those sentinels are defined once, in group.
var (
	// ErrLength marks a session length a template cannot fill: not whole
	// minutes, outside the profile's session length, or too short for the
	// modality's segments.
	ErrLength = errors.New("session: session length not allowed")

	// ErrNotStarted marks an event other than the end before the session started.
	ErrNotStarted = errors.New("session: session not started")
	// ErrAlreadyStarted marks a second start.
	ErrAlreadyStarted = errors.New("session: session already started")
	// ErrEnded marks an event other than a note after the session ended.
	ErrEnded = errors.New("session: session has ended")
	// ErrNotEnded marks a note event before the session ended: notes
	// document a finished session.
	ErrNotEnded = errors.New("session: session has not ended")
	// ErrNotPresent marks a turn, departure or intervention by, or aimed at,
	// someone who is not in the room.
	ErrNotPresent = errors.New("session: not present")
	// ErrAlreadyPresent marks the arrival of a member who is already present.
	ErrAlreadyPresent = errors.New("session: already present")
	// ErrNoRecordingConsent marks a recorded session joined by a member
	// without recording consent (ACA Code of Ethics 2014, B.6.c-d).
	ErrNoRecordingConsent = errors.New("session: recording without every member's consent")
	// ErrUnknownIncident marks a resolution naming no raised incident.
	ErrUnknownIncident = errors.New("session: unknown incident")
	// ErrIncidentResolved marks a second resolution of one incident.
	ErrIncidentResolved = errors.New("session: incident already resolved")
	// ErrUnresolvedRisk marks the end of a session with a risk incident
	// that has no resolution with a documented action: act by the level of
	// risk, then document what was assessed and done (Stanley & Brown 2012;
	// see docs/reference/safety.md).
	ErrUnresolvedRisk = errors.New("session: unresolved risk incident")
	// ErrUnknownNote marks a sign or amend naming no written note.
	ErrUnknownNote = errors.New("session: unknown note")
	// ErrNoteSigned marks a change to a signed note; changes to signed
	// notes are addenda.
	ErrNoteSigned = errors.New("session: note is signed")
	// ErrNoClinicalRecords marks a progress note in a group whose profile
	// keeps no clinical records: support groups are not treatment and keep
	// none (SAMHSA TIP 41, 2005, ch. 2; see
	// docs/reference/modalities.md#therapy-group-or-support-group). A group
	// note, kept as a meeting log, is still allowed.
	ErrNoClinicalRecords = errors.New("session: the group keeps no clinical records")
	// ErrNoteNotSigned marks an addendum to a note that is not signed yet;
	// a draft is revised by writing it again.
	ErrNoteNotSigned = errors.New("session: note is not signed")
	// ErrDuplicateNote marks a second group note, or a second progress note
	// for one member, under a new ID.
	ErrDuplicateNote = errors.New("session: duplicate note")
	// ErrAbsentMember marks a progress note for a member who did not attend:
	// absent members received no service and get no progress note.
	ErrAbsentMember = errors.New("session: member did not attend")

	// ErrSchemaVersion marks a log line with a schema version this package
	// does not read.
	ErrSchemaVersion = errors.New("session: unsupported schema version")
	// ErrSequence marks an event out of its place in a session's log: a
	// sequence number other than the next, a log line missing, repeated or
	// moved, or a line or a log of another session. It is how a log that
	// was tampered with is caught.
	ErrSequence = errors.New("session: event out of sequence")
	// ErrSyntax marks a log line that is not the expected JSON.
	ErrSyntax = errors.New("session: malformed log line")
	// ErrMissingField marks a log line without a required field.
	ErrMissingField = errors.New("session: missing field")
	// ErrUnknownField marks a log line with a field the schema does not
	// define, or a payload the event's type does not carry.
	ErrUnknownField = errors.New("session: unknown field")
)

// EventError reports an event a session rejected. Index is the position the
// event has, or would have had, in the session's log (0-based), so Replay
// names the offending event; Err is a sentinel such as ErrTimeOrder or a
// *FieldError, so errors.Is and errors.As see through it.
type EventError struct {
	Index int
	Type  EventType
	Err   error
}

// Error implements error.
func (e *EventError) Error() string {
	return "session: event " + strconv.Itoa(e.Index) + " (" + e.Type.String() + "): " +
		fault.Trim(e.Err)
}

// Unwrap returns Err.
func (e *EventError) Unwrap() error { return e.Err }

// DecodeError reports a log line that could not be decoded. Line counts from
// 1; Err is ErrSyntax, ErrSchemaVersion, ErrMissingField, ErrUnknownField or
// a *ParseError (unknown type or enum value).
type DecodeError struct {
	Line int
	Err  error
}

// Error implements error.
func (e *DecodeError) Error() string {
	return "session: line " + strconv.Itoa(e.Line) + ": " + fault.Trim(e.Err)
}

// Unwrap returns Err.
func (e *DecodeError) Unwrap() error { return e.Err }

// problems returns a collector of the package's field errors.
func problems() fault.List { return fault.List{Pkg: "session"} }

// newParseError returns the package's *ParseError for text that names no
// value of typ.
func newParseError(typ, text string) error { return &ParseError{Pkg: "session", Type: typ, Text: text} }

// idx returns path[i].
func idx(path string, i int) string { return fault.Index(path, i) }

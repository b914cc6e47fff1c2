package dynamics

import (
	"errors"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/session"
)

// The shared vocabulary, the same in every package of the library (see
// group.FieldError): bad input is a *FieldError wrapping ErrInvalid, or a
// *ParseError wrapping ErrUnknownValue.
type (
	// FieldError reports one broken invariant in structured input. It is
	// group.FieldError.
	FieldError = fault.FieldError
	// ParseError reports enum text that names no value. It is
	// group.ParseError.
	ParseError = fault.ParseError
)

var (
	// ErrInvalid is wrapped by every *FieldError. It is group.ErrInvalid.
	ErrInvalid = fault.ErrInvalid
	// ErrUnknownValue is wrapped by every *ParseError. It is
	// group.ErrUnknownValue.
	ErrUnknownValue = fault.ErrUnknownValue
)

// problems returns a collector of the package's field errors.
func problems() fault.List { return fault.List{Pkg: "dynamics"} }

// Sentinel errors. Callers branch on them with errors.Is; the typed errors
// (*EventError, *FieldError) carry the details.
var (
	// ErrDuplicateID marks a member or facilitator listed twice.
	ErrDuplicateID = errors.New("dynamics: duplicate identifier")
	// ErrTooMany marks a tracker asked to follow more people than
	// MaxMembers or MaxFacilitators.
	ErrTooMany = errors.New("dynamics: too many people")

	// ErrUnknownPerson marks an event naming a member or facilitator the
	// tracker was not told about.
	ErrUnknownPerson = errors.New("dynamics: unknown person")
	// ErrTimeOrder marks an event dated before the last event the tracker
	// accepted.
	ErrTimeOrder = errors.New("dynamics: time going backwards")
	// ErrInvalidAct marks a turn whose IPA category is not 0 (uncoded) to
	// 12, or whose tags hold undefined bits.
	ErrInvalidAct = errors.New("dynamics: invalid act")
	// ErrInvalidEvent marks an event whose payload is malformed: an
	// unspecified type, a speaker that is not a person, a negative
	// duration, an incident or intervention without its required fields.
	ErrInvalidEvent = errors.New("dynamics: invalid event")
	// ErrSequence marks an event that cannot happen in the tracker's
	// current state: a second start, or anything after the session ended.
	ErrSequence = errors.New("dynamics: event out of sequence")

	// ErrNoEvidence marks a stage estimate asked for without any session evidence.
	ErrNoEvidence = errors.New("dynamics: no evidence")
)

// EventError reports an event the Tracker rejected. The tracker is left
// exactly as it was before the event. Err is one of ErrUnknownPerson,
// ErrTimeOrder, ErrInvalidAct, ErrInvalidEvent or ErrSequence, so that
// errors.Is sees through it.
type EventError struct {
	Type  session.EventType // the rejected event's type
	At    time.Time         // the rejected event's time
	Party session.Party     // the person at fault, when there is one
	Err   error             // the sentinel
}

// Error implements error.
func (e *EventError) Error() string {
	s := "dynamics: " + e.Type.String() + " event at " + e.At.Format(time.RFC3339Nano)
	if !e.Party.IsZero() {
		s += " (" + e.Party.String() + ")"
	}
	return s + ": " + fault.Trim(e.Err)
}

// Unwrap returns Err.
func (e *EventError) Unwrap() error { return e.Err }

func idx(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

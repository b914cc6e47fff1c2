package dynamics

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/groupwork/groupwork/session"
)

// ErrUnknownValue is wrapped by every *ParseError: the text names no value
// of the enum.
var ErrUnknownValue = errors.New("dynamics: unknown value")

// Sentinel errors. Callers branch on them with errors.Is; the typed errors
// (*EventError, *FieldError) carry the details.
var (
	// ErrInvalid is wrapped by every *FieldError: a tracker's people, a
	// stage history entry or the evidence for a stage estimate breaks a
	// hard invariant.
	ErrInvalid = errors.New("dynamics: invalid input")
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

// ParseError reports text that names no value of one of the package's enums,
// or a value that has no text form.
type ParseError struct {
	Type string // the enum's Go name, such as "Stage"
	Text string // the offending text
}

// Error implements error.
func (e *ParseError) Error() string {
	return "dynamics: unknown " + e.Type + " " + strconv.Quote(e.Text)
}

// Unwrap returns ErrUnknownValue.
func (e *ParseError) Unwrap() error { return ErrUnknownValue }

func newParseError(typ, text string) error { return &ParseError{Type: typ, Text: text} }

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
	return s + ": " + strings.TrimPrefix(e.Err.Error(), "dynamics: ")
}

// Unwrap returns Err.
func (e *EventError) Unwrap() error { return e.Err }

// FieldError reports one broken invariant in structured input. Path names
// the field ("members[2]", "evidence[0].climate.conflict"). Every FieldError
// wraps ErrInvalid, and Err when it is set. Validation joins one FieldError
// per problem with errors.Join.
type FieldError struct {
	Path    string // the offending field
	Problem string // what is wrong, in lower case
	Err     error  // a more specific sentinel, or nil
}

// Error implements error.
func (e *FieldError) Error() string {
	if e.Path == "" {
		return "dynamics: " + e.Problem
	}
	return "dynamics: " + e.Path + ": " + e.Problem
}

// Unwrap returns ErrInvalid and, when set, Err.
func (e *FieldError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalid}
	}
	return []error{ErrInvalid, e.Err}
}

// fieldErrs collects FieldErrors.
type fieldErrs struct{ errs []error }

func (f *fieldErrs) add(path, problem string, sentinel error) {
	f.errs = append(f.errs, &FieldError{Path: path, Problem: problem, Err: sentinel})
}

func (f *fieldErrs) err() error { return errors.Join(f.errs...) }

func idx(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

package dynamics

import (
	"errors"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/session"
)

// The shared vocabulary, the same in every package of the library (see
// group.FieldError): bad input is a *FieldError wrapping ErrInvalid, or a
// *ParseError wrapping ErrUnknownValue. An event a Tracker refuses is a
// *session.EventError, as Session.Apply reports it, wrapping the same
// sentinels: group.ErrUnknownMember or group.ErrUnknownFacilitator for
// someone the tracker does not follow, group.ErrTimeOrder for an event
// dated before the last, session.ErrAlreadyStarted and session.ErrEnded for
// an event out of the session's life, and a *FieldError for a malformed
// payload.
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

// ErrTooMany marks a tracker asked to follow more people than MaxMembers
// or MaxFacilitators.
var ErrTooMany = errors.New("dynamics: too many people")

// problems returns a collector of the package's field errors.
func problems() fault.List { return fault.List{Pkg: "dynamics"} }

func idx(path string, i int) string { return fault.Index(path, i) }

// reject returns the error for an event the tracker refuses: a
// *session.EventError naming the index the event would have had among
// those the tracker accepted.
func (t *Tracker) reject(e *session.Event, err error) error {
	return &session.EventError{Index: t.events, Type: e.Type, Err: err}
}

// malformed is the *FieldError of a payload field the tracker cannot use.
func malformed(path, problem string) error {
	return &FieldError{Pkg: "dynamics", Path: path, Problem: problem}
}

// unknown is the error for a party the tracker does not follow.
func unknown(path string, p session.Party) error {
	sentinel := group.ErrUnknownMember
	if p.Kind == session.PartyFacilitator {
		sentinel = group.ErrUnknownFacilitator
	}
	if p.ID == "" {
		return &FieldError{Pkg: "dynamics", Path: path, Problem: "must be set", Err: session.ErrMissingField}
	}
	return &FieldError{Pkg: "dynamics", Path: path, Problem: p.String() + " is not followed by this tracker", Err: sentinel}
}

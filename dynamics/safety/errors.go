package safety

import (
	"errors"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// The shared vocabulary, the same in every package of the library (see
// group.FieldError): bad input is a *FieldError wrapping ErrInvalid and one
// of the sentinels below, or a *ParseError wrapping ErrUnknownValue.
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

// Sentinel errors of the safety protocols. Each is wrapped by a *FieldError
// that names the offending field.
var (
	// ErrInvalidProtocol marks a malformed protocol, step, task rule or
	// local step: a missing text or source, an unknown step or role, a
	// placeholder no jurisdiction fills.
	ErrInvalidProtocol = errors.New("safety: invalid protocol")
	// ErrCoreStep marks an app's version of a built-in protocol that
	// removes, changes or reorders a core step, or drops a core follow-up
	// task. Safety may be extended with local steps, never suppressed.
	ErrCoreStep = errors.New("safety: core steps cannot be removed or reordered")
	// ErrUnknownProtocol marks a protocol no book holds: a missing row is
	// an error, never a silent empty result.
	ErrUnknownProtocol = errors.New("safety: unknown protocol")
	// ErrInvalidJurisdiction marks a malformed jurisdiction: no emergency
	// number, a reporting duty without an agency, a negative deadline, no
	// sources or no note to verify locally.
	ErrInvalidJurisdiction = errors.New("safety: invalid jurisdiction")
)

// problems returns a collector of the package's field errors.
func problems() fault.List { return fault.List{Pkg: "safety"} }

func idx(path string, i int) string { return fault.Index(path, i) }

// problemList collects the problems of one input.
type problemList = fault.List

func joinPath(prefix, path string) string { return fault.Join(prefix, path) }

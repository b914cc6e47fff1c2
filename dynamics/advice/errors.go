package advice

import (
	"errors"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// The shared vocabulary, the same in every package of the library (see
// group.FieldError): bad input is a *FieldError wrapping ErrInvalid, or a
// *ParseError wrapping ErrUnknownValue. An event refused by a Monitor or a
// Room is a *session.EventError, as Session.Apply reports it.
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

// Sentinel errors of the advice: each problem with a configuration, a
// rule or a situation's definition is a *FieldError wrapping one of them.
var (
	// ErrInvalidConfig marks a detector threshold out of range.
	ErrInvalidConfig = errors.New("advice: invalid detector config")
	// ErrInvalidRule marks a malformed rule.
	ErrInvalidRule = errors.New("advice: invalid rule")
	// ErrSafetyRule marks an app's rule for a safety situation. Safety
	// situations always follow their protocol; no rule may replace,
	// suppress or outrank it (an app may add local steps, see the safety
	// protocols). Conduct situations, intoxication among them, may be
	// re-ruled: programs differ (a harm-reduction group may let a member
	// who is not disruptive stay).
	ErrSafetyRule = errors.New("advice: safety situations take no custom rules")
	// ErrInvalidSituation marks a malformed situation definition, or one
	// defined twice.
	ErrInvalidSituation = errors.New("advice: invalid situation")
	// ErrUnknownSituation marks a situation no definition describes: a
	// missing row is an error, never a silent empty result.
	ErrUnknownSituation = errors.New("advice: unknown situation")
)

// problems returns a collector of the package's field errors.
func problems() fault.List { return fault.List{Pkg: "advice"} }

func idx(path string, i int) string { return fault.Index(path, i) }

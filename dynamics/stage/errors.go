package stage

import (
	"errors"
	"math"
	"strconv"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// The shared vocabulary, the same in every package of the library (see
// group.FieldError): bad input is a *FieldError wrapping ErrInvalid, or a
// *ParseError wrapping ErrUnknownValue.
type (
	// FieldError reports one broken invariant in structured input; Path
	// names the field ("history[2].climate.conflict"). It is
	// group.FieldError.
	FieldError = fault.FieldError
	// ParseError reports enum text that names no value. It is
	// group.ParseError.
	ParseError = fault.ParseError
)

var (
	// ErrInvalid is wrapped by every *FieldError: a stage history entry or
	// the evidence for a stage estimate breaks a hard invariant. It is
	// group.ErrInvalid.
	ErrInvalid = fault.ErrInvalid
	// ErrUnknownValue is wrapped by every *ParseError. It is
	// group.ErrUnknownValue.
	ErrUnknownValue = fault.ErrUnknownValue
)

// ErrNoEvidence marks a stage estimate asked for without any session evidence.
var ErrNoEvidence = errors.New("stage: no evidence")

// problems returns a collector of the package's field errors.
func problems() fault.List { return fault.List{Pkg: "stage"} }

func idx(path string, i int) string { return fault.Index(path, i) }

// f2 prints v with two decimals, for the details of a signal.
func f2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// round2 rounds to two decimals, so that reported figures are stable.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

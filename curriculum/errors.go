package curriculum

import (
	"errors"
	"strconv"
	"strings"

	"github.com/groupwork/groupwork/internal/vocab/fault"
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
func problems() fault.List { return fault.List{Pkg: "curriculum"} }

// newParseError returns the package's *ParseError.
func newParseError(typ, text string) error {
	return &ParseError{Pkg: "curriculum", Type: typ, Text: text}
}

// Sentinel errors. Callers branch on them with errors.Is; *FieldError carries
// the details (which field, what is wrong).
var (
	// ErrDecode marks JSON that could not be decoded into a program.
	ErrDecode = errors.New("curriculum: malformed program json")
	// ErrEmptyProgram marks a program, or a module, without session plans.
	ErrEmptyProgram = errors.New("curriculum: no session plans")
	// ErrDuplicatePlan marks a plan number used twice.
	ErrDuplicatePlan = errors.New("curriculum: plan number repeated")
	// ErrPlanNumbering marks plan numbers that do not run 1, 2, 3, ... in
	// module order.
	ErrPlanNumbering = errors.New("curriculum: plans not numbered in order")
	// ErrUnknownPlan marks a reference (an entry point, a completion rule, an
	// extra day, a progress record) to a plan number the program lacks.
	ErrUnknownPlan = errors.New("curriculum: no such plan")
	// ErrMissingPrerequisite marks a plan requiring a plan that does not
	// exist, that is itself, or that comes later in a fixed sequence.
	ErrMissingPrerequisite = errors.New("curriculum: missing prerequisite")
	// ErrAgendaTooLong marks an agenda whose planned segments add up to more
	// than the session length.
	ErrAgendaTooLong = errors.New("curriculum: agenda longer than the session")
	// ErrInvalidAgenda marks an agenda the session package rejects for the
	// program's modality, or a plan whose template cannot be built.
	ErrInvalidAgenda = errors.New("curriculum: invalid agenda")
	// ErrZeroCadence marks a program or calendar without a cadence.
	ErrZeroCadence = errors.New("curriculum: cadence not set")
	// ErrExtraDayMisplaced marks an extra day (orientation, day of practice)
	// placed where it cannot go: an orientation after a session, a practice
	// day after the last session or after a plan that does not exist, or a
	// dated extra day outside the gap between its sessions.
	ErrExtraDayMisplaced = errors.New("curriculum: extra day misplaced")
	// ErrNoSuchEntryPoint marks an entry point that names no plan, or one
	// the entry policy does not allow.
	ErrNoSuchEntryPoint = errors.New("curriculum: entry point does not exist")
	// ErrNilLocation marks a calendar spec without a *time.Location, or with
	// time.Local, which has no portable name.
	ErrNilLocation = errors.New("curriculum: no time zone location")
	// ErrNotScheduled marks a cancellation of a date on which the calendar
	// holds no regular session.
	ErrNotScheduled = errors.New("curriculum: no session on that date")
	// ErrSlotTaken marks a make-up slot that collides with another occurrence.
	ErrSlotTaken = errors.New("curriculum: slot already taken")
	// ErrNoEntryPoint is returned when a calendar has no entry point at or
	// after the time asked about.
	ErrNoEntryPoint = errors.New("curriculum: no entry point left")
)

// path joins a prefix and a field name with a dot.
func path(prefix string, parts ...string) string {
	all := make([]string, 0, len(parts)+1)
	if prefix != "" {
		all = append(all, prefix)
	}
	all = append(all, parts...)
	return strings.Join(all, ".")
}

// index returns name[i].
func index(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

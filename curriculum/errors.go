package curriculum

import (
	"errors"
	"strconv"
	"strings"
)

// ErrUnknownValue is wrapped by every *ParseError: the text names no value
// of the enum.
var ErrUnknownValue = errors.New("curriculum: unknown value")

// ParseError reports text that names no value of one of the package's enums,
// or a value that has no text form.
type ParseError struct {
	Type string // the enum's Go name, such as "Cadence"
	Text string // the offending text
}

// Error implements error.
func (e *ParseError) Error() string {
	return "curriculum: unknown " + e.Type + " " + strconv.Quote(e.Text)
}

// Unwrap returns ErrUnknownValue.
func (e *ParseError) Unwrap() error { return ErrUnknownValue }

func newParseError(typ, text string) error { return &ParseError{Type: typ, Text: text} }

// Sentinel errors. Callers branch on them with errors.Is; *FieldError carries
// the details (which field, what is wrong).
var (
	// ErrInvalid is wrapped by every *FieldError: a program, calendar spec or
	// progress record breaks a hard invariant.
	ErrInvalid = errors.New("curriculum: invalid input")
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

// FieldError reports one broken invariant in structured input. Path names
// the field in JSON spelling with indexes ("modules[1].plans[0].number").
// Every FieldError wraps ErrInvalid, and Err when it is set, so that both
// errors.Is(err, ErrInvalid) and errors.Is(err, ErrDuplicatePlan) work.
// Validation joins one FieldError per problem with errors.Join.
type FieldError struct {
	Path    string // the offending field
	Problem string // what is wrong, in lower case
	Err     error  // a more specific sentinel (or an error from another package), or nil
}

// Error implements error.
func (e *FieldError) Error() string {
	if e.Path == "" {
		return "curriculum: " + e.Problem
	}
	return "curriculum: " + e.Path + ": " + e.Problem
}

// Unwrap returns ErrInvalid and, when set, Err.
func (e *FieldError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalid}
	}
	return []error{ErrInvalid, e.Err}
}

// problems collects FieldErrors; err joins them (nil when there are none).
type problems struct{ errs []error }

// add records a problem at path, wrapping sentinel when it is not nil.
func (p *problems) add(path, problem string, sentinel error) {
	p.errs = append(p.errs, &FieldError{Path: path, Problem: problem, Err: sentinel})
}

// err returns the joined problems, or nil.
func (p *problems) err() error { return errors.Join(p.errs...) }

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

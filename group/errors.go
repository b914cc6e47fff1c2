package group

import (
	"errors"
	"strconv"
	"strings"
)

// ErrUnknownValue is wrapped by every *ParseError: the text names no value
// of the enum.
var ErrUnknownValue = errors.New("group: unknown value")

// ParseError reports text that names no value of one of the package's enums,
// or a value that has no text form.
type ParseError struct {
	Type string // the enum's Go name, such as "Modality"
	Text string // the offending text
}

// Error implements error.
func (e *ParseError) Error() string {
	return "group: unknown " + e.Type + " " + strconv.Quote(e.Text)
}

// Unwrap returns ErrUnknownValue.
func (e *ParseError) Unwrap() error { return ErrUnknownValue }

// Sentinel errors. Callers branch on them with errors.Is; the typed errors
// below carry the details.
var (
	// ErrInvalid is wrapped by every *FieldError: a spec, profile, member,
	// agreement or other input breaks a hard invariant.
	ErrInvalid = errors.New("group: invalid input")
	// ErrDuplicateID marks two members, facilitators or profiles sharing an identifier.
	ErrDuplicateID = errors.New("group: duplicate identifier")
	// ErrNoLicensedClinician marks a group whose profile requires a licensed
	// clinician among its facilitators (CBT, process) but has none.
	ErrNoLicensedClinician = errors.New("group: no licensed clinician")
	// ErrMissingCredential marks a group that lacks a credential its profile
	// requires (art therapy without a credentialed art therapist).
	ErrMissingCredential = errors.New("group: required credential missing")
	// ErrLeadNotQualified marks a lead facilitator holding none of the
	// profile's lead credentials.
	ErrLeadNotQualified = errors.New("group: lead not qualified")
	// ErrNoLead marks a group with no facilitator who may run it.
	ErrNoLead = errors.New("group: no lead facilitator")
	// ErrTraineeAlone marks a group whose only facilitators in the room are trainees.
	ErrTraineeAlone = errors.New("group: trainee cannot lead alone")

	// ErrUnknownMember is returned by commands naming a member the group has
	// never had referred to it.
	ErrUnknownMember = errors.New("group: unknown member")
	// ErrInvalidTransition is wrapped by every *TransitionError.
	ErrInvalidTransition = errors.New("group: invalid membership transition")
	// ErrTimeOrder marks a command dated before the last recorded change of
	// the same member (or before the agreement revision it depends on).
	ErrTimeOrder = errors.New("group: time out of order")
	// ErrGroupFull marks an admission that would exceed the group's capacity.
	ErrGroupFull = errors.New("group: group is full")
	// ErrJoinWindowClosed marks an admission to a closed group after its join window.
	ErrJoinWindowClosed = errors.New("group: join window closed")
	// ErrNewcomerLimit marks an admission to a slow-open group that already
	// has its maximum number of newcomers.
	ErrNewcomerLimit = errors.New("group: newcomer limit reached")
	// ErrNotEntryPoint marks an admission to a rolling-entry group at a time
	// that is not one of its entry points.
	ErrNotEntryPoint = errors.New("group: not an entry point")
	// ErrNoConsent marks an admission to a therapy group by a member who has
	// not signed the current agreement.
	ErrNoConsent = errors.New("group: agreement not signed")
	// ErrAgreementVersion marks a signature or revision naming the wrong
	// agreement version.
	ErrAgreementVersion = errors.New("group: wrong agreement version")
)

// FieldError reports one broken invariant in structured input. Path names
// the field in JSON spelling with indexes ("facilitators[1].role"). Every
// FieldError wraps ErrInvalid, and Err when it is set, so that both
// errors.Is(err, ErrInvalid) and errors.Is(err, ErrNoLicensedClinician) work.
// Validation joins one FieldError per problem with errors.Join.
type FieldError struct {
	Path    string // the offending field
	Problem string // what is wrong, in lower case
	Err     error  // a more specific sentinel, or nil
}

// Error implements error.
func (e *FieldError) Error() string {
	if e.Path == "" {
		return "group: " + e.Problem
	}
	return "group: " + e.Path + ": " + e.Problem
}

// Unwrap returns ErrInvalid and, when set, Err.
func (e *FieldError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalid}
	}
	return []error{ErrInvalid, e.Err}
}

// TransitionError reports a membership change the member's current status
// does not permit. It wraps ErrInvalidTransition.
type TransitionError struct {
	Member MemberID
	From   Status // the current status; StatusUnspecified when the member has no episode
	To     Status // the status the command would have entered
}

// Error implements error.
func (e *TransitionError) Error() string {
	return "group: member " + strconv.Quote(string(e.Member)) + " cannot go from " + e.From.String() + " to " + e.To.String()
}

// Unwrap returns ErrInvalidTransition.
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// CommandError reports a rejected command on a group: which command, for
// which member, and why. Err is one of the package's sentinels (ErrGroupFull,
// ErrNoConsent, ErrTimeOrder, ...) or a *TransitionError, so errors.Is and
// errors.As see through it.
type CommandError struct {
	Op     string   // the command, such as "admit"
	Member MemberID // the member concerned, if any
	Err    error
}

// Error implements error.
func (e *CommandError) Error() string {
	s := "group: " + e.Op
	if e.Member != "" {
		s += " " + strconv.Quote(string(e.Member))
	}
	return s + ": " + strings.TrimPrefix(e.Err.Error(), "group: ")
}

// Unwrap returns Err.
func (e *CommandError) Unwrap() error { return e.Err }

// fieldErrs collects FieldErrors under a path prefix.
type fieldErrs struct{ errs []error }

// add records a problem at path, wrapping sentinel when it is not nil.
func (f *fieldErrs) add(path, problem string, sentinel error) {
	f.errs = append(f.errs, &FieldError{Path: path, Problem: problem, Err: sentinel})
}

// addAll records the FieldErrors inside err (as joined by validation) under
// the path prefix.
func (f *fieldErrs) addAll(prefix string, err error) {
	if err == nil {
		return
	}
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok && !isField(err) {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	for _, e := range list {
		if fe, ok := e.(*FieldError); ok {
			p := prefix
			if fe.Path != "" {
				p = joinPath(prefix, fe.Path)
			}
			f.errs = append(f.errs, &FieldError{Path: p, Problem: fe.Problem, Err: fe.Err})
			continue
		}
		f.errs = append(f.errs, &FieldError{Path: prefix, Problem: e.Error(), Err: e})
	}
}

func isField(err error) bool { _, ok := err.(*FieldError); return ok }

// joinPath joins a prefix and a path with a dot, unless the path is an index.
func joinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case strings.HasPrefix(path, "["):
		return prefix + path
	default:
		return prefix + "." + path
	}
}

// err returns the joined errors, or nil.
func (f *fieldErrs) err() error { return errors.Join(f.errs...) }

package group

import (
	"errors"
	"strconv"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// The shared vocabulary: every package of the library reports bad input
// with the same two error types and sentinels, so errors.Is and errors.As
// work across packages.
type (
	// FieldError reports one broken invariant in structured input. Path
	// names the field in JSON spelling with indexes
	// ("facilitators[1].role"). Every FieldError wraps ErrInvalid, and Err
	// when it is set, so both errors.Is(err, ErrInvalid) and
	// errors.Is(err, ErrNoLicensedClinician) work. Validation joins one
	// FieldError per problem with errors.Join. It is the same type in every
	// package of the library.
	FieldError = fault.FieldError
	// ParseError reports text that names no value of an enum, or a value
	// that has no text form; it wraps ErrUnknownValue. It is the same type
	// in every package of the library.
	ParseError = fault.ParseError
)

var (
	// ErrInvalid is wrapped by every *FieldError: a spec, profile, member,
	// agreement or other input breaks a hard invariant. The same value in
	// every package of the library.
	ErrInvalid = fault.ErrInvalid
	// ErrUnknownValue is wrapped by every *ParseError. The same value in
	// every package of the library.
	ErrUnknownValue = fault.ErrUnknownValue
)

// Sentinel errors. Callers branch on them with errors.Is; the typed errors
// below carry the details.
var (
	// ErrUnknownModality marks a modality that a table has no row for: a
	// spec naming an app's own modality without giving its profile, a
	// session template or agenda rule asked of a modality it does not know.
	// A missing entry is always this error, never an empty result.
	ErrUnknownModality = errors.New("group: no entry for the modality")
	// ErrDuplicateID marks two members, facilitators or profiles sharing an
	// identifier, wherever they are listed.
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

	// ErrUnknownMember marks a member who is not known where they are named:
	// a group command naming a member never referred to the group, a
	// session event naming a member off the roster, a monitor told of a
	// member it does not follow. Every package wraps this one sentinel.
	ErrUnknownMember = errors.New("group: unknown member")
	// ErrUnknownFacilitator marks a facilitator who is not known where they
	// are named (a session event naming a facilitator the session does not
	// list, say). Every package wraps this one sentinel.
	ErrUnknownFacilitator = errors.New("group: unknown facilitator")
	// ErrInvalidTransition is wrapped by every *TransitionError.
	ErrInvalidTransition = errors.New("group: invalid membership transition")
	// ErrTimeOrder marks something dated before what it must follow: a group
	// command dated before the last recorded change of the same member (or
	// before the agreement revision it depends on), a session event dated
	// before the event before it. Every package wraps this one sentinel.
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
	// ErrNotScreened marks an admission to a group whose profile requires
	// screening, of a member with no screening recorded on their current
	// episode and no clinician's decision (ACA Code of Ethics 2014, A.9.a).
	ErrNotScreened = errors.New("group: member not screened")
	// ErrScreeningNotSuitable marks an admission of a member whose latest
	// screening does not clear them (refer elsewhere, unsuitable, needs
	// clinician review, urgent handoff) and for whom no clinician's
	// decision is recorded. It is wrapped by every *ScreeningError.
	ErrScreeningNotSuitable = errors.New("group: latest screening not suitable")
)

// TransitionError reports a membership change the member's current status
// does not permit. It wraps ErrInvalidTransition.
type TransitionError struct {
	Member MemberID
	From   MembershipStatus // the current status; StatusUnspecified when the member has no episode
	To     MembershipStatus // the status the command would have entered
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
	return s + ": " + fault.Trim(e.Err)
}

// Unwrap returns Err.
func (e *CommandError) Unwrap() error { return e.Err }

// problems returns a collector of the package's field errors.
func problems() fault.List { return fault.List{Pkg: "group"} }

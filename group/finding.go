package group

import (
	"cmp"
	"slices"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// FindingSeverity ranks a Finding. The zero value, SeverityUnspecified, is not a
// valid severity for a finding. Severities order from least to most serious,
// so they can be compared with < and >.
type FindingSeverity uint8

// The severities.
const (
	SeverityUnspecified FindingSeverity = iota // (unspecified)
	SeverityInfo                               // (info) worth knowing; no action needed
	SeverityWarning                            // (warning) departs from published guidance; review it
	SeverityBlocking                           // (blocking) should not go ahead until resolved or explicitly acknowledged
)

var severityText = enum.Table[FindingSeverity]{Pkg: "group", Type: "FindingSeverity", Names: []string{
	"unspecified", "info", "warning", "blocking",
}}

// String returns the severity's text form.
func (s FindingSeverity) String() string { return severityText.String(s) }

// IsValid reports whether s is a specified severity.
func (s FindingSeverity) IsValid() bool { return severityText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s FindingSeverity) MarshalText() ([]byte, error) { return severityText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *FindingSeverity) UnmarshalText(b []byte) error { return severityText.Unmarshal(s, b) }

// ParseFindingSeverity returns the severity whose text form is s.
func ParseFindingSeverity(s string) (FindingSeverity, error) { return severityText.Parse(s) }

// Finding is a piece of clinical guidance about a group, a roster or a
// session: something that departs from published practice without breaking a
// hard rule. Findings are advice for a clinician to weigh, never failures.
// The session, curriculum and dynamics packages report their guidance as
// Findings too.
//
// Finding is a comparable value; the zero value is not a meaningful finding.
type Finding struct {
	// Severity says how much the finding matters.
	Severity FindingSeverity `json:"severity"`
	// Code is a stable, lower-case, hyphenated identifier ("size-above-ideal")
	// that apps may branch on and translate. Codes never change meaning.
	Code string `json:"code"`
	// Message explains the finding in English for display.
	Message string `json:"message"`
	// Source names the published guidance the finding rests on.
	Source string `json:"source"`
	// Path locates what the finding is about, in the same spelling as a
	// FieldError path ("capacity", "members[m2].attributes.gender"); it may
	// be empty when the finding concerns the whole.
	Path string `json:"path,omitempty"`
}

// The stable codes of the findings this package reports.
const (
	CodeSizeBelowMin          = "size-below-min"          // fewer members than the modality's minimum
	CodeSizeBelowIdeal        = "size-below-ideal"        // fewer members than the ideal range
	CodeSizeAboveIdeal        = "size-above-ideal"        // more members than the ideal range
	CodeSizeAboveMax          = "size-above-max"          // more members than the modality's maximum
	CodeNoCoLeader            = "no-co-leader"            // the modality recommends co-leading, or the group is large
	CodeCredentialRecommended = "credential-recommended"  // no facilitator holds a recommended credential
	CodeSessionLengthAtypical = "session-length-atypical" // session length outside the modality's range
	CodeSessionsAtypical      = "sessions-atypical"       // planned sessions outside the modality's range
	CodeOpenEndedAtypical     = "open-ended-atypical"     // no planned end for a time-limited modality
	CodeNoAgreement           = "no-agreement"            // a therapy group without a group agreement
	CodeConfidentialityLimit  = "confidentiality-limit"   // the agreement omits a limit of confidentiality
	CodeNoEntryPoints         = "no-entry-points"         // a rolling-entry group with no entry points
	CodeLoneMember            = "lone-member"             // a member alone of their kind on some attribute
	CodeRelationship          = "relationship"            // members with a pre-existing relationship
	CodeOffFocus              = "off-focus"               // a member whose concern is outside the group's focus
	CodeHeterogeneousFocus    = "heterogeneous-focus"     // a structured group with a mixed focus
	CodeConsentMissing        = "consent-missing"         // an active member has not signed the current agreement
)

// SortFindings orders findings in place: most serious first, then by path,
// code and message, so that a report never depends on the order its checks
// ran in. Every package of the library returns its findings in this order.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

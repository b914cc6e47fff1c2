package group

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// RuleKind is the kind of a ground rule in a group agreement. The kinds are
// the rules group agreements commonly ask for (Yalom &
// Leszcz 2005, ch. 10 on pre-group preparation; Corey, Corey & Corey,
// Groups: Process and Practice, ch. 5). The zero value is rejected by
// validation.
type RuleKind uint8

// The ground-rule kinds.
const (
	RuleUnspecified      RuleKind = iota // (unspecified)
	RuleAttendance                       // (attendance) attend every session and be on time
	RuleWordsNotActions                  // (words-not-actions) put feelings into words, not actions
	RuleConfidentiality                  // (confidentiality) keep others' identities and words confidential
	RuleAnnounceLeaving                  // (announce-leaving) tell the group before leaving it
	RuleNoOutsideContact                 // (no-outside-contact) no outside relationships with members, or bring them into the group
	RuleSobriety                         // (sobriety) do not attend under the influence
	RuleCustom                           // (custom) the group's own rule, stated in its text
)

var ruleKindText = enum.Table[RuleKind]{Pkg: "group", Type: "RuleKind", Names: []string{
	"unspecified", "attendance", "words-not-actions", "confidentiality", "announce-leaving",
	"no-outside-contact", "sobriety", "custom",
}}

// String returns the rule kind's text form.
func (k RuleKind) String() string { return ruleKindText.String(k) }

// IsValid reports whether k is a specified rule kind.
func (k RuleKind) IsValid() bool { return ruleKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k RuleKind) MarshalText() ([]byte, error) { return ruleKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *RuleKind) UnmarshalText(b []byte) error { return ruleKindText.Unmarshal(k, b) }

// ParseRuleKind returns the rule kind whose text form is s.
func ParseRuleKind(s string) (RuleKind, error) { return ruleKindText.Parse(s) }

// Limit is a limit of confidentiality that consent to a therapy group must
// list (ACA Code of Ethics 2014, B.2 and B.4.a). The
// zero value is rejected by validation.
type Limit uint8

// The limits of confidentiality.
const (
	LimitUnspecified       Limit = iota // (unspecified)
	LimitHarm                           // (harm) serious and foreseeable harm to self or others: duty to warn and protect (ACA B.2.a)
	LimitMandatedReporting              // (mandated-reporting) abuse of children, elders or dependent adults
	LimitCourtOrder                     // (court-order) disclosure ordered by a court (ACA B.2.d)
	LimitOwnRelease                     // (own-release) the member's own written release
	LimitSupervision                    // (supervision) supervision and consultation (ACA B.7, D.2)
)

var limitText = enum.Table[Limit]{Pkg: "group", Type: "Limit", Names: []string{
	"unspecified", "harm", "mandated-reporting", "court-order", "own-release", "supervision",
}}

// Limits returns every specified limit of confidentiality in order.
func Limits() []Limit { return limitText.Values() }

// String returns the limit's text form.
func (l Limit) String() string { return limitText.String(l) }

// IsValid reports whether l is a specified limit.
func (l Limit) IsValid() bool { return limitText.Valid(l) }

// MarshalText implements encoding.TextMarshaler.
func (l Limit) MarshalText() ([]byte, error) { return limitText.Marshal(l) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *Limit) UnmarshalText(b []byte) error { return limitText.Unmarshal(l, b) }

// ParseLimit returns the limit whose text form is s.
func ParseLimit(s string) (Limit, error) { return limitText.Parse(s) }

// GroundRule is one rule of a group agreement: its kind and the words the
// members agree to. Text may be empty for a built-in kind (StandardText
// supplies the words) but is required for RuleCustom.
type GroundRule struct {
	Kind RuleKind `json:"kind"`
	Text string   `json:"text,omitempty"`
}

// StandardText returns the rule's text, or the house wording for its kind
// when Text is empty.
func (r GroundRule) StandardText() string {
	if r.Text != "" {
		return r.Text
	}
	switch r.Kind {
	case RuleAttendance:
		return "I will come to every session and be on time, and let the group know ahead if I cannot."
	case RuleWordsNotActions:
		return "I will put my feelings into words, not actions."
	case RuleConfidentiality:
		return "I will keep who is in the group, and what they say, confidential."
	case RuleAnnounceLeaving:
		return "If I decide to leave, I will tell the group first."
	case RuleNoOutsideContact:
		return "I will not start relationships with other members outside the group, or I will bring them into the group."
	case RuleSobriety:
		return "I will not come to a session under the influence of alcohol or drugs."
	}
	return ""
}

// Agreement is a group's versioned agreement: the ground rules members sign
// and the limits of confidentiality they are told about. Version 0 means
// "no agreement"; a revision must raise the version, and members must sign
// the current version before they are admitted to a therapy group.
//
// The leader cannot guarantee that members keep confidences (members are
// not legally bound: ACA Code of Ethics 2014, B.4.a), so the agreement should say so in
// its Notes.
type Agreement struct {
	// Version counts revisions, from 1. 0 means no agreement.
	Version int `json:"version"`
	// Rules are the ground rules, in the order they are presented.
	Rules []GroundRule `json:"rules,omitempty"`
	// Limits are the limits of confidentiality explained to members.
	Limits []Limit `json:"limits,omitempty"`
	// Notes is free text shown with the agreement (telehealth privacy,
	// emergency procedures, the fact that members are not legally bound).
	Notes string `json:"notes,omitempty"`
}

// StandardAgreement returns a fresh agreement with the given version, the
// six common ground rules (see RuleKind) and all five limits of
// confidentiality (ACA 2014, B.2 and B.4.a).
func StandardAgreement(version int) Agreement {
	return Agreement{
		Version: version,
		Rules: []GroundRule{
			{Kind: RuleAttendance}, {Kind: RuleWordsNotActions}, {Kind: RuleConfidentiality},
			{Kind: RuleAnnounceLeaving}, {Kind: RuleNoOutsideContact}, {Kind: RuleSobriety},
		},
		Limits: Limits(),
		Notes:  "The leaders keep what is said confidential within the limits above; they cannot guarantee that members will.",
	}
}

func (a Agreement) validate(fe *fault.List) {
	if a.Version < 0 {
		fe.Add("version", "must not be negative", nil)
	}
	if a.Version == 0 && (len(a.Rules) > 0 || len(a.Limits) > 0) {
		fe.Add("version", "an agreement with rules or limits needs a version of at least 1", nil)
	}
	for i, r := range a.Rules {
		path := fmt.Sprintf("rules[%d]", i)
		if !r.Kind.IsValid() {
			fe.Add(path+".kind", "unknown rule kind "+r.Kind.String(), nil)
		}
		switch {
		case r.Kind == RuleCustom && strings.TrimSpace(r.Text) == "":
			fe.Add(path+".text", "a custom rule needs its text", nil)
		case !utf8.ValidString(r.Text):
			fe.Add(path+".text", "must be valid UTF-8", nil)
		}
	}
	if !utf8.ValidString(a.Notes) {
		fe.Add("notes", "must be valid UTF-8", nil)
	}
	seen := map[Limit]bool{}
	for i, l := range a.Limits {
		path := fmt.Sprintf("limits[%d]", i)
		switch {
		case !l.IsValid():
			fe.Add(path, "unknown limit "+l.String(), nil)
		case seen[l]:
			fe.Add(path, "duplicate limit "+l.String(), ErrDuplicateID)
		}
		seen[l] = true
	}
}

// findings reports a therapy group without an agreement, and limits of
// confidentiality the agreement leaves out.
func (a Agreement) findings(p Profile) []Finding {
	if p.Kind != KindTherapy {
		return nil
	}
	if a.Version == 0 {
		return []Finding{{
			Severity: SeverityBlocking, Code: CodeNoAgreement, Path: "agreement",
			Message: "a therapy group needs a signed group agreement before anyone is admitted",
			Source:  "ACA Code of Ethics (2014), A.2 and B.4.a: informed consent and confidentiality in groups",
		}}
	}
	var out []Finding
	for _, l := range Limits() {
		if !slices.Contains(a.Limits, l) {
			out = append(out, Finding{
				Severity: SeverityWarning, Code: CodeConfidentialityLimit, Path: "agreement.limits",
				Message: "the agreement does not list the " + l.String() + " limit of confidentiality",
				Source:  "ACA Code of Ethics (2014), B.2 and B.4.a: the limits of confidentiality explained to a group",
			})
		}
	}
	return out
}

func (a Agreement) clone() Agreement {
	a.Rules = slices.Clone(a.Rules)
	a.Limits = slices.Clone(a.Limits)
	return a
}

// Consent is a member's signature of one version of the group agreement.
type Consent struct {
	Version  int       `json:"version"`
	SignedAt time.Time `json:"signedAt"`
}

// RecordingConsent is one change of a member's consent to the recording or
// observation of sessions. Recording needs every present member's advance
// written consent (ACA 2014, B.6.c); it is separate from
// the group agreement.
type RecordingConsent struct {
	Given bool      `json:"given"`
	At    time.Time `json:"at"`
}

// SignAgreement records that member id signed the given version of the
// agreement at time at. The version must be the current one, and at must
// not precede the member's referral or the revision that made the version
// current. On error the group is unchanged.
func (g *Group) SignAgreement(id MemberID, version int, at time.Time) error {
	return g.run(entry{Op: opSign, Member: id, At: at, Version: version})
}

// ReviseAgreement replaces the group agreement with a, whose version must be
// higher than the current one, at time at (not before the previous
// revision). Members who signed an earlier version stay active, but Findings
// reports them until they sign again, and new admissions need the new
// version. On error the group is unchanged.
func (g *Group) ReviseAgreement(a Agreement, at time.Time) error {
	return g.run(entry{Op: opRevise, At: at, Agreement: new(a.clone())})
}

// GiveRecordingConsent records that member id consents, from time at, to
// sessions being recorded or observed.
func (g *Group) GiveRecordingConsent(id MemberID, at time.Time) error {
	return g.run(entry{Op: opRecordingGiven, Member: id, At: at})
}

// WithdrawRecordingConsent records that member id withdraws recording
// consent from time at.
func (g *Group) WithdrawRecordingConsent(id MemberID, at time.Time) error {
	return g.run(entry{Op: opRecordingWithdrawn, Member: id, At: at})
}

// Consents returns member id's signatures, oldest first.
func (g *Group) Consents(id MemberID) []Consent {
	st, ok := g.members[id]
	if !ok {
		return nil
	}
	return slices.Clone(st.consents)
}

// RecordingConsents returns member id's recording-consent history, oldest first.
func (g *Group) RecordingConsents(id MemberID) []RecordingConsent {
	st, ok := g.members[id]
	if !ok {
		return nil
	}
	return slices.Clone(st.recording)
}

// HasCurrentConsent reports whether member id has signed the current
// version of the group agreement.
func (g *Group) HasCurrentConsent(id MemberID) bool {
	st, ok := g.members[id]
	return ok && st.signed(g.spec.Agreement.Version, time.Time{}, false)
}

// RecordingAllowed reports whether a session may be recorded with the given
// members present: every one of them must currently consent to recording
// (ACA Code of Ethics 2014, B.6.c: recording needs every member's advance written
// consent). missing lists, sorted and without duplicates, the present
// members who have not consented, including IDs the group does not know.
// An empty present list allows recording.
func (g *Group) RecordingAllowed(present []MemberID) (ok bool, missing []MemberID) {
	for _, id := range present {
		st, known := g.members[id]
		if known && len(st.recording) > 0 && st.recording[len(st.recording)-1].Given {
			continue
		}
		missing = append(missing, id)
	}
	slices.Sort(missing)
	missing = slices.Compact(missing)
	return len(missing) == 0, missing
}

package group

import (
	"github.com/groupwork/groupwork/internal/enum"
)

// Modality is the kind of group: what it is for and how it runs. The zero
// value, ModalityUnspecified, is rejected by validation.
//
// The seven modalities and the attributes that set them apart come from
// SAMHSA TIP 41 (2005), ch. 2 (psychoeducational, skills development,
// cognitive-behavioral, support and interpersonal process groups), with
// mindfulness-based and art therapy groups added from the program literature
// summarised in DOMAIN.md section 1.
type Modality uint8

// The modalities. Their text forms are the lower-case names in parentheses.
const (
	ModalityUnspecified       Modality = iota // (unspecified)
	ModalitySupport                           // (support) peer or professional support group
	ModalityPsychoeducational                 // (psychoeducational) lesson-based teaching group
	ModalityCBT                               // (cbt) cognitive-behavioural therapy group
	ModalityMindfulness                       // (mindfulness) mindfulness-based program
	ModalityArtTherapy                        // (art-therapy) art therapy group
	ModalityProcess                           // (process) interpersonal process group
	ModalitySkills                            // (skills) skills development group, DBT skills included
)

var modalityText = enum.Table[Modality]{Type: "Modality", Names: []string{
	"unspecified", "support", "psychoeducational", "cbt", "mindfulness", "art-therapy", "process", "skills",
}}

// Modalities returns every specified modality in declaration order.
func Modalities() []Modality { return modalityText.Values() }

// String returns the modality's text form, or "Modality(n)" for an unknown value.
func (m Modality) String() string { return modalityText.String(m) }

// IsValid reports whether m is one of the seven specified modalities.
func (m Modality) IsValid() bool { return modalityText.Valid(m) }

// MarshalText implements encoding.TextMarshaler. Unknown values are an error.
func (m Modality) MarshalText() ([]byte, error) { return marshalEnum(modalityText, m) }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the forms
// ParseModality accepts.
func (m *Modality) UnmarshalText(b []byte) error { return unmarshalEnum(modalityText, m, b) }

// ParseModality returns the modality whose text form is s ("cbt", "art-therapy", ...).
// Unknown text is a *ParseError wrapping ErrUnknownValue.
func ParseModality(s string) (Modality, error) { return parseEnum(modalityText, s) }

// Credential is a qualification a facilitator holds. The zero value,
// CredentialUnspecified, is rejected by validation.
type Credential uint8

// The credentials. Their text forms are the names in parentheses.
const (
	CredentialUnspecified        Credential = iota // (unspecified)
	CredentialLicensedClinician                    // (licensed-clinician) licensed mental-health professional
	CredentialCBTTrained                           // (cbt-trained) trained in cognitive-behavioural therapy
	CredentialDBTTrained                           // (dbt-trained) trained in dialectical behaviour therapy skills
	CredentialMindfulnessTeacher                   // (mindfulness-teacher) trained mindfulness teacher
	CredentialArtTherapist                         // (art-therapist) credentialed art therapist
	CredentialPeerSupportWorker                    // (peer-support-worker) peer support worker with lived experience
	CredentialTrainedFacilitator                   // (trained-facilitator) facilitator trained in group work
)

var credentialText = enum.Table[Credential]{Type: "Credential", Names: []string{
	"unspecified", "licensed-clinician", "cbt-trained", "dbt-trained", "mindfulness-teacher",
	"art-therapist", "peer-support-worker", "trained-facilitator",
}}

// String returns the credential's text form.
func (c Credential) String() string { return credentialText.String(c) }

// IsValid reports whether c is a specified credential.
func (c Credential) IsValid() bool { return credentialText.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Credential) MarshalText() ([]byte, error) { return marshalEnum(credentialText, c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Credential) UnmarshalText(b []byte) error { return unmarshalEnum(credentialText, c, b) }

// ParseCredential returns the credential whose text form is s.
func ParseCredential(s string) (Credential, error) { return parseEnum(credentialText, s) }

// Policy is a group's membership policy: whether and when members may join
// after the group has begun. It is a different thing from MeetingAccess (who
// may attend a peer meeting); see DOMAIN.md section 1, "two meanings of open".
// The zero value, PolicyUnspecified, is rejected by validation.
type Policy uint8

// The membership policies (Yalom & Leszcz 2005, ch. 10; Linehan 2015 for
// entry at module starts).
const (
	PolicyUnspecified Policy = iota // (unspecified)
	PolicyClosed                    // (closed) members start and finish together; joining only in an early window
	PolicySlowOpen                  // (slow-open) ongoing; newcomers only into vacancies, one or two at a time
	PolicyOpen                      // (open) continuous, revolving or drop-in admission
	PolicyRolling                   // (rolling) entry only at set entry points, such as module starts
)

var policyText = enum.Table[Policy]{Type: "Policy", Names: []string{
	"unspecified", "closed", "slow-open", "open", "rolling",
}}

// String returns the policy's text form.
func (p Policy) String() string { return policyText.String(p) }

// IsValid reports whether p is a specified policy.
func (p Policy) IsValid() bool { return policyText.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Policy) MarshalText() ([]byte, error) { return marshalEnum(policyText, p) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Policy) UnmarshalText(b []byte) error { return unmarshalEnum(policyText, p, b) }

// ParsePolicy returns the policy whose text form is s.
func ParsePolicy(s string) (Policy, error) { return parseEnum(policyText, s) }

// Specialization is the ASGW group-work specialization a modality belongs
// to (ASGW, Professional Standards for the Training of Group Workers, 2000).
// Peer-run support groups are not clinical group work and map to
// SpecializationNone. The zero value is rejected by validation.
type Specialization uint8

// The ASGW specializations.
const (
	SpecializationUnspecified     Specialization = iota // (unspecified)
	SpecializationNone                                  // (none) not clinical group work (peer support)
	SpecializationTask                                  // (task) task and work groups
	SpecializationPsychoeducation                       // (psychoeducation) psychoeducation groups
	SpecializationCounseling                            // (counseling) counseling groups
	SpecializationPsychotherapy                         // (psychotherapy) psychotherapy groups
)

var specializationText = enum.Table[Specialization]{Type: "Specialization", Names: []string{
	"unspecified", "none", "task", "psychoeducation", "counseling", "psychotherapy",
}}

// String returns the specialization's text form.
func (s Specialization) String() string { return specializationText.String(s) }

// IsValid reports whether s is a specified specialization (SpecializationNone included).
func (s Specialization) IsValid() bool { return specializationText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Specialization) MarshalText() ([]byte, error) { return marshalEnum(specializationText, s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Specialization) UnmarshalText(b []byte) error {
	return unmarshalEnum(specializationText, s, b)
}

// ParseSpecialization returns the specialization whose text form is s.
func ParseSpecialization(s string) (Specialization, error) { return parseEnum(specializationText, s) }

// Structure is how much a modality's sessions are planned in advance. The
// zero value is rejected by validation.
type Structure uint8

// The structure levels, from an open forum to "like a class" (DOMAIN.md section 1).
const (
	StructureUnspecified Structure = iota // (unspecified)
	StructureLow                          // (low) no set agenda: open forum or here-and-now
	StructureModerate                     // (moderate) a theme or directive, open within it
	StructureHigh                         // (high) lesson plans or a curriculum
	StructureVeryHigh                     // (very-high) taught like a class, with homework
)

var structureText = enum.Table[Structure]{Type: "Structure", Names: []string{
	"unspecified", "low", "moderate", "high", "very-high",
}}

// String returns the structure level's text form.
func (s Structure) String() string { return structureText.String(s) }

// IsValid reports whether s is a specified structure level.
func (s Structure) IsValid() bool { return structureText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Structure) MarshalText() ([]byte, error) { return marshalEnum(structureText, s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Structure) UnmarshalText(b []byte) error { return unmarshalEnum(structureText, s, b) }

// ParseStructure returns the structure level whose text form is s.
func ParseStructure(s string) (Structure, error) { return parseEnum(structureText, s) }

// Kind says whether a group is a therapy group or a support group in the
// sense of the seed texts: therapy groups are led by trained professionals,
// run for a set time, screen members and keep clinical records and outcome
// measures; support groups are usually peer-led, have no set agenda, need no
// screening and aim at mutual support rather than individual change. The zero
// value is rejected by validation.
type Kind uint8

// The kinds of group.
const (
	KindUnspecified Kind = iota // (unspecified)
	KindTherapy                 // (therapy) professionally led, aimed at individual change
	KindSupport                 // (support) mutual support, usually peer-led
)

var kindText = enum.Table[Kind]{Type: "Kind", Names: []string{"unspecified", "therapy", "support"}}

// String returns the kind's text form.
func (k Kind) String() string { return kindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k Kind) IsValid() bool { return kindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return marshalEnum(kindText, k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error { return unmarshalEnum(kindText, k, b) }

// ParseKind returns the kind whose text form is s.
func ParseKind(s string) (Kind, error) { return parseEnum(kindText, s) }

// marshalEnum, unmarshalEnum and parseEnum give every enum of the package the
// same text behaviour and the same *ParseError.
func marshalEnum[T ~uint8](t enum.Table[T], v T) ([]byte, error) { return t.Marshal(v, newParseError) }

func unmarshalEnum[T ~uint8](t enum.Table[T], v *T, b []byte) error {
	return t.Unmarshal(v, b, newParseError)
}

func parseEnum[T ~uint8](t enum.Table[T], s string) (T, error) { return t.ParseOr(s, newParseError) }

func newParseError(typ, text string) error { return &ParseError{Type: typ, Text: text} }

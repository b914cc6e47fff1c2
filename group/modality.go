package group

import (
	"cmp"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Modality is the kind of group: what it is for and how it runs. The
// seven built-in modalities are the constants below; an app names a kind of
// group of its own (Modality("psychodrama")) by giving it a Profile (and,
// for session agendas, a session.Shape), since everything the library knows
// about a modality is a row keyed by it. The zero value,
// ModalityUnspecified, is rejected by validation.
//
// The seven modalities and the attributes that set them apart come from
// SAMHSA TIP 41 (2005), ch. 2 (psychoeducational, skills development,
// cognitive-behavioral, support and interpersonal process groups), with
// mindfulness-based and art therapy groups added from their program
// literature (see the profiles' sources).
//
// A modality's text form is its value: lower-case letters, digits and
// hyphens, starting with a letter, at most 64 bytes. The zero value's text
// form is "unspecified".
type Modality string

// The built-in modalities, in catalogue order.
const (
	ModalityUnspecified       Modality = ""                  // (unspecified)
	ModalitySupport           Modality = "support"           // peer or professional support group
	ModalityPsychoeducational Modality = "psychoeducational" // lesson-based teaching group
	ModalityCBT               Modality = "cbt"               // cognitive-behavioural therapy group
	ModalityMindfulness       Modality = "mindfulness"       // mindfulness-based program
	ModalityArtTherapy        Modality = "art-therapy"       // art therapy group
	ModalityProcess           Modality = "process"           // interpersonal process group
	ModalitySkills            Modality = "skills"            // skills development group, DBT skills included
)

// builtinModalities lists the built-in modalities in catalogue order.
var builtinModalities = [...]Modality{
	ModalitySupport, ModalityPsychoeducational, ModalityCBT, ModalityMindfulness,
	ModalityArtTherapy, ModalityProcess, ModalitySkills,
}

// Modalities returns the seven built-in modalities in catalogue order.
func Modalities() []Modality { return append([]Modality(nil), builtinModalities[:]...) }

// String returns the modality's text form: "unspecified" for the zero value.
func (m Modality) String() string {
	if m == ModalityUnspecified {
		return "unspecified"
	}
	return string(m)
}

// IsValid reports whether m is a well-formed, specified modality: one of
// the built-ins or an app's own name.
func (m Modality) IsValid() bool {
	if len(m) == 0 || len(m) > 64 || m == "unspecified" || m[0] < 'a' || m[0] > 'z' {
		return false
	}
	for i := 0; i < len(m); i++ {
		c := m[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// IsBuiltin reports whether m is one of the seven built-in modalities.
func (m Modality) IsBuiltin() bool { return m.order() < len(builtinModalities) }

// order returns m's place in the catalogue: a built-in's index, or the
// number of built-ins for any other.
func (m Modality) order() int {
	for i, b := range builtinModalities {
		if b == m {
			return i
		}
	}
	return len(builtinModalities)
}

// CompareModalities orders modalities as catalogues list them: the
// built-ins in catalogue order, then others by name.
func CompareModalities(a, b Modality) int {
	if c := cmp.Compare(a.order(), b.order()); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

// MarshalText implements encoding.TextMarshaler. A malformed modality is an
// error.
func (m Modality) MarshalText() ([]byte, error) {
	if m != ModalityUnspecified && !m.IsValid() {
		return nil, &ParseError{Pkg: "group", Type: "Modality", Text: string(m)}
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the forms
// ParseModality accepts and leaves m unchanged on error.
func (m *Modality) UnmarshalText(b []byte) error {
	x, err := ParseModality(string(b))
	if err != nil {
		return err
	}
	*m = x
	return nil
}

// ParseModality returns the modality whose text form is s: a built-in
// ("cbt", "art-therapy", ...), an app's own well-formed name, or
// "unspecified" for the zero value. Malformed text is a *ParseError
// wrapping ErrUnknownValue.
func ParseModality(s string) (Modality, error) {
	if s == "unspecified" {
		return ModalityUnspecified, nil
	}
	if m := Modality(s); m.IsValid() {
		return m, nil
	}
	return ModalityUnspecified, &ParseError{Pkg: "group", Type: "Modality", Text: s}
}

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

var credentialText = enum.Table[Credential]{Pkg: "group", Type: "Credential", Names: []string{
	"unspecified", "licensed-clinician", "cbt-trained", "dbt-trained", "mindfulness-teacher",
	"art-therapist", "peer-support-worker", "trained-facilitator",
}}

// String returns the credential's text form.
func (c Credential) String() string { return credentialText.String(c) }

// IsValid reports whether c is a specified credential.
func (c Credential) IsValid() bool { return credentialText.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Credential) MarshalText() ([]byte, error) { return credentialText.Marshal(c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Credential) UnmarshalText(b []byte) error { return credentialText.Unmarshal(c, b) }

// ParseCredential returns the credential whose text form is s.
func ParseCredential(s string) (Credential, error) { return credentialText.Parse(s) }

// Policy is a group's membership policy: whether and when members may join
// after the group has begun. It is a different thing from MeetingAccess (who
// may attend a peer meeting): the two meanings of "open" are kept apart.
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

var policyText = enum.Table[Policy]{Pkg: "group", Type: "Policy", Names: []string{
	"unspecified", "closed", "slow-open", "open", "rolling",
}}

// String returns the policy's text form.
func (p Policy) String() string { return policyText.String(p) }

// IsValid reports whether p is a specified policy.
func (p Policy) IsValid() bool { return policyText.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Policy) MarshalText() ([]byte, error) { return policyText.Marshal(p) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Policy) UnmarshalText(b []byte) error { return policyText.Unmarshal(p, b) }

// ParsePolicy returns the policy whose text form is s.
func ParsePolicy(s string) (Policy, error) { return policyText.Parse(s) }

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

var specializationText = enum.Table[Specialization]{Pkg: "group", Type: "Specialization", Names: []string{
	"unspecified", "none", "task", "psychoeducation", "counseling", "psychotherapy",
}}

// String returns the specialization's text form.
func (s Specialization) String() string { return specializationText.String(s) }

// IsValid reports whether s is a specified specialization (SpecializationNone included).
func (s Specialization) IsValid() bool { return specializationText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Specialization) MarshalText() ([]byte, error) { return specializationText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Specialization) UnmarshalText(b []byte) error {
	return specializationText.Unmarshal(s, b)
}

// ParseSpecialization returns the specialization whose text form is s.
func ParseSpecialization(s string) (Specialization, error) { return specializationText.Parse(s) }

// Structure is how much a modality's sessions are planned in advance. The
// zero value is rejected by validation.
type Structure uint8

// The structure levels, from an open forum to "like a class" (SAMHSA TIP 41, 2005, ch. 2).
const (
	StructureUnspecified Structure = iota // (unspecified)
	StructureLow                          // (low) no set agenda: open forum or here-and-now
	StructureModerate                     // (moderate) a theme or directive, open within it
	StructureHigh                         // (high) lesson plans or a curriculum
	StructureVeryHigh                     // (very-high) taught like a class, with homework
)

var structureText = enum.Table[Structure]{Pkg: "group", Type: "Structure", Names: []string{
	"unspecified", "low", "moderate", "high", "very-high",
}}

// String returns the structure level's text form.
func (s Structure) String() string { return structureText.String(s) }

// IsValid reports whether s is a specified structure level.
func (s Structure) IsValid() bool { return structureText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Structure) MarshalText() ([]byte, error) { return structureText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Structure) UnmarshalText(b []byte) error { return structureText.Unmarshal(s, b) }

// ParseStructure returns the structure level whose text form is s.
func ParseStructure(s string) (Structure, error) { return structureText.Parse(s) }

// Kind says whether a group is a therapy group or a support group in the
// usual sense of the field: therapy groups are led by trained professionals,
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

var kindText = enum.Table[Kind]{Pkg: "group", Type: "Kind", Names: []string{"unspecified", "therapy", "support"}}

// String returns the kind's text form.
func (k Kind) String() string { return kindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k Kind) IsValid() bool { return kindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return kindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error { return kindText.Unmarshal(k, b) }

// ParseKind returns the kind whose text form is s.
func ParseKind(s string) (Kind, error) { return kindText.Parse(s) }

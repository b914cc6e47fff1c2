package session

import "github.com/groupwork/groupwork/internal/vocab/enum"

// IncidentKind is the kind of a safety or conduct incident raised during a
// session. The zero value is rejected by validation.
//
// Sources: ACA Code of Ethics (2014), B.2 and B.4 (the limits of
// confidentiality: serious and foreseeable harm, mandated reporting of
// abuse); AGPA (2007), Practice Guidelines for Group Psychotherapy (crises in
// a group session); ACA Code of Ethics (2014), A.9.b (protecting members
// from harm: threats and aggression as red lines). See
// docs/reference/safety.md and docs/reference/behaviours.md#group-patterns.
//
// Kinds added later come last, so that no kind's value or text changes: a
// log written before a kind existed still decodes. The safety kinds each
// raise their own protocol (see dynamics/safety); an abuse disclosure names
// whom it concerns when that is known, because reporting duties differ for a
// child, an elder and a dependent adult (Child Welfare Information Gateway,
// Mandatory Reporting of Child Abuse and Neglect; ACA Code of Ethics 2014,
// B.2.a).
type IncidentKind uint8

// The incident kinds.
const (
	IncidentUnspecified           IncidentKind = iota
	IncidentRiskToSelf                         // (risk-to-self) suicidal ideation, self-harm
	IncidentRiskToOthers                       // (risk-to-others) intent or plan to harm someone
	IncidentThreatOrAggression                 // (threat-or-aggression) threats, physical aggression, harassment in the room
	IncidentAbuseDisclosure                    // (abuse-disclosure) abuse or neglect disclosed, whom it concerns not yet known
	IncidentConfidentialityBreach              // (confidentiality-breach) a member broke the confidentiality agreement
	IncidentIntoxication                       // (intoxication) a member attends under the influence
	IncidentMedical                            // (medical) a medical emergency
	IncidentChildAbuse                         // (child-abuse-disclosure) abuse or neglect of a child disclosed
	IncidentElderAbuse                         // (elder-abuse-disclosure) abuse or neglect of an older adult disclosed
	IncidentDependentAdultAbuse                // (dependent-adult-abuse-disclosure) abuse or neglect of a dependent adult disclosed
	IncidentLeftDistressed                     // (left-distressed) a member left the room in distress
	IncidentDissociation                       // (dissociation-or-panic) a member dissociates or panics in the room
)

var incidentText = enum.Table[IncidentKind]{Pkg: "session", Type: "IncidentKind", Names: []string{
	"unspecified", "risk-to-self", "risk-to-others", "threat-or-aggression", "abuse-disclosure",
	"confidentiality-breach", "intoxication", "medical",
	"child-abuse-disclosure", "elder-abuse-disclosure", "dependent-adult-abuse-disclosure",
	"left-distressed", "dissociation-or-panic",
}}

// IncidentKinds returns every incident kind in declaration order.
func IncidentKinds() []IncidentKind { return incidentText.Values() }

// String returns the kind's text form.
func (k IncidentKind) String() string { return incidentText.String(k) }

// IsValid reports whether k is a specified kind.
func (k IncidentKind) IsValid() bool { return incidentText.Valid(k) }

// IsRisk reports whether the incident puts someone's safety at risk: risk to
// self or others, threats or aggression, abuse disclosed, a medical
// emergency, a member who left in distress, dissociation or panic. Risk incidents are listed first, must be resolved with a
// documented action before the session ends, and always rank first among
// recommendations.
func (k IncidentKind) IsRisk() bool {
	switch k {
	case IncidentRiskToSelf, IncidentRiskToOthers, IncidentThreatOrAggression,
		IncidentAbuseDisclosure, IncidentMedical, IncidentChildAbuse, IncidentElderAbuse,
		IncidentDependentAdultAbuse, IncidentLeftDistressed, IncidentDissociation:
		return true
	}
	return false
}

// MarshalText implements encoding.TextMarshaler.
func (k IncidentKind) MarshalText() ([]byte, error) { return incidentText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *IncidentKind) UnmarshalText(b []byte) error {
	return incidentText.Unmarshal(k, b)
}

// ParseIncidentKind returns the kind whose text form is s.
func ParseIncidentKind(s string) (IncidentKind, error) {
	return incidentText.Parse(s)
}

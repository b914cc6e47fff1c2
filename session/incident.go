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
type IncidentKind uint8

// The incident kinds.
const (
	IncidentUnspecified           IncidentKind = iota
	IncidentRiskToSelf                         // (risk-to-self) suicidal ideation, self-harm
	IncidentRiskToOthers                       // (risk-to-others) intent or plan to harm someone
	IncidentThreatOrAggression                 // (threat-or-aggression) threats, physical aggression, harassment in the room
	IncidentAbuseDisclosure                    // (abuse-disclosure) abuse of a child, elder or dependent adult: mandated reporting
	IncidentConfidentialityBreach              // (confidentiality-breach) a member broke the confidentiality agreement
	IncidentIntoxication                       // (intoxication) a member attends under the influence
	IncidentMedical                            // (medical) a medical emergency
)

var incidentText = enum.Table[IncidentKind]{Pkg: "session", Type: "IncidentKind", Names: []string{
	"unspecified", "risk-to-self", "risk-to-others", "threat-or-aggression", "abuse-disclosure",
	"confidentiality-breach", "intoxication", "medical",
}}

// IncidentKinds returns every incident kind in declaration order.
func IncidentKinds() []IncidentKind { return incidentText.Values() }

// String returns the kind's text form.
func (k IncidentKind) String() string { return incidentText.String(k) }

// IsValid reports whether k is a specified kind.
func (k IncidentKind) IsValid() bool { return incidentText.Valid(k) }

// IsRisk reports whether the incident puts someone's safety at risk: risk to
// self or others, threats or aggression, abuse disclosure, or a medical
// emergency. Risk incidents are listed first, must be resolved with a
// documented action before the session ends, and always rank first among
// recommendations.
func (k IncidentKind) IsRisk() bool {
	switch k {
	case IncidentRiskToSelf, IncidentRiskToOthers, IncidentThreatOrAggression,
		IncidentAbuseDisclosure, IncidentMedical:
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

package fhir

import (
	"time"

	"github.com/groupwork/groupwork/group"
)

// Consent is a member's consent as a FHIR R4 Consent
// (hl7.org/fhir/R4/consent.html): their signature of the group agreement,
// or their consent to the recording of sessions.
type Consent struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Status       string            `json:"status"`
	Scope        CodeableConcept   `json:"scope"`
	Category     []CodeableConcept `json:"category"`
	Patient      Reference         `json:"patient"`
	DateTime     string            `json:"dateTime,omitempty"`
	PolicyRule   *CodeableConcept  `json:"policyRule,omitempty"`
	Provision    *Provision        `json:"provision,omitempty"`
}

// Provision is what the consent permits or denies, and from when
// (hl7.org/fhir/R4/consent-definitions.html#Consent.provision).
type Provision struct {
	Type   string            `json:"type"`
	Period *Period           `json:"period,omitempty"`
	Action []CodeableConcept `json:"action,omitempty"`
}

func (Consent) resource() string { return "Consent" }
func (r Consent) id() string     { return r.ID }

// Consents writes member id's consents in group g (known as groupID): one
// Consent for the latest signature of the group agreement, in the treatment
// scope (consent to take part in the group's treatment), active when it is
// of the current version and inactive when the agreement has been revised
// since; and one for their consent to recording, in the patient-privacy
// scope, whose provision permits recording from the time it was given or,
// once withdrawn, denies it from the withdrawal (ACA Code of Ethics 2014,
// B.6.c: recording needs each member's consent). Both carry the LOINC
// category 59284-0 (consent document) and a policy rule in words (the
// agreement is the group's own, with no code of its own). A member with
// neither gets none; one without a Patient reference is an error wrapping
// ErrNoPatient.
func (w Writer) Consents(g *group.Group, groupID string, id group.MemberID) ([]Consent, error) {
	signed := g.Consents(id)
	rec := g.RecordingConsents(id)
	if len(signed) == 0 && len(rec) == 0 {
		return nil, nil
	}
	pat, err := w.patient(id)
	if err != nil {
		return nil, err
	}
	category := []CodeableConcept{{Coding: []Coding{consentLOINC}, Text: "consent document"}}
	var out []Consent
	if n := len(signed); n > 0 {
		last := signed[n-1]
		status := consentActive
		if last.Version != g.Spec().Agreement.Version {
			status = consentInactive
		}
		rule := textConcept("group agreement of " + g.Spec().Name + ", version " + itoa(last.Version))
		out = append(out, Consent{ResourceType: "Consent", ID: w.ID("Consent", groupID, string(id), "agreement"),
			Status: status, Scope: CodeableConcept{Coding: []Coding{scopeTreatment}, Text: "treatment"},
			Category: category, Patient: pat, DateTime: dateTime(last.SignedAt), PolicyRule: &rule,
			Provision: &Provision{Type: provisionPermit, Period: period(last.SignedAt, time.Time{})}})
	}
	if n := len(rec); n > 0 {
		last := rec[n-1]
		kind := provisionDeny
		if last.Given {
			kind = provisionPermit
		}
		rule := textConcept("recording and observation of the sessions of " + g.Spec().Name)
		out = append(out, Consent{ResourceType: "Consent", ID: w.ID("Consent", groupID, string(id), "recording"),
			Status: consentActive, Scope: CodeableConcept{Coding: []Coding{scopePrivacy}, Text: "privacy"},
			Category: category, Patient: pat, DateTime: dateTime(last.At), PolicyRule: &rule,
			Provision: &Provision{Type: kind, Period: period(last.At, time.Time{}),
				Action: []CodeableConcept{textConcept("record and observe sessions")}}})
	}
	return out, nil
}

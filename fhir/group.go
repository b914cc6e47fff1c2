package fhir

import (
	"strings"
	"time"

	"github.com/groupwork/groupwork/group"
)

// Group is a FHIR R4 Group (hl7.org/fhir/R4/group.html): the therapy or
// support group as an actual group of persons.
type Group struct {
	ResourceType   string                `json:"resourceType"`
	ID             string                `json:"id"`
	Identifier     []Identifier          `json:"identifier,omitempty"`
	Active         bool                  `json:"active"`
	Type           string                `json:"type"`
	Actual         bool                  `json:"actual"`
	Code           *CodeableConcept      `json:"code,omitempty"`
	Name           string                `json:"name,omitempty"`
	Quantity       int                   `json:"quantity"`
	ManagingEntity *Reference            `json:"managingEntity,omitempty"`
	Characteristic []GroupCharacteristic `json:"characteristic,omitempty"`
	Member         []GroupMember         `json:"member,omitempty"`
}

// GroupCharacteristic is one trait of the group
// (hl7.org/fhir/R4/group-definitions.html#Group.characteristic).
type GroupCharacteristic struct {
	Code                 CodeableConcept  `json:"code"`
	ValueCodeableConcept *CodeableConcept `json:"valueCodeableConcept,omitempty"`
	Exclude              bool             `json:"exclude"`
}

// GroupMember is one member's membership: their Patient, the period of
// their membership episode and whether it is over
// (hl7.org/fhir/R4/group-definitions.html#Group.member).
type GroupMember struct {
	Entity   Reference `json:"entity"`
	Period   *Period   `json:"period,omitempty"`
	Inactive bool      `json:"inactive,omitempty"`
}

// Practitioner is a facilitator (hl7.org/fhir/R4/practitioner.html): the
// name as the app gave it and the credentials as qualifications.
type Practitioner struct {
	ResourceType  string          `json:"resourceType"`
	ID            string          `json:"id"`
	Identifier    []Identifier    `json:"identifier,omitempty"`
	Active        bool            `json:"active"`
	Name          []HumanName     `json:"name,omitempty"`
	Qualification []Qualification `json:"qualification,omitempty"`
}

// Qualification is one credential
// (hl7.org/fhir/R4/practitioner-definitions.html#Practitioner.qualification).
type Qualification struct {
	Code CodeableConcept `json:"code"`
}

// PractitionerRole is a facilitator's role in this group
// (hl7.org/fhir/R4/practitionerrole.html). R4's PractitionerRole has no
// qualification element: the credentials are on the Practitioner.
type PractitionerRole struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Active       bool              `json:"active"`
	Practitioner Reference         `json:"practitioner"`
	Code         []CodeableConcept `json:"code,omitempty"`
	Specialty    []CodeableConcept `json:"specialty,omitempty"`
}

func (Group) resource() string            { return "Group" }
func (Practitioner) resource() string     { return "Practitioner" }
func (PractitionerRole) resource() string { return "PractitionerRole" }

func (r Group) id() string            { return r.ID }
func (r Practitioner) id() string     { return r.ID }
func (r PractitionerRole) id() string { return r.ID }

// Group writes g, which the app knows as groupID, as a FHIR Group:
// an actual group (actual true) of persons (type person, the
// group-type value set) whose members are the Patients of everyone ever
// referred to it. Each member's period runs from their latest episode's
// admission (or referral, before admission) to its end, and inactive marks
// an episode that is not active now; the modality, kind, membership policy
// and focus are characteristics (text only: no code system has them); the
// lead's PractitionerRole is the managing entity. Quantity counts the
// active members. A member without a Patient reference is an error wrapping
// ErrNoPatient.
func (w Writer) Group(g *group.Group, groupID string) (Group, error) {
	spec := g.Spec()
	prof := g.Profile()
	out := Group{
		ResourceType: "Group", ID: w.ID("Group", groupID),
		Identifier: []Identifier{{System: w.Namespace, Value: groupID}},
		Active:     true, Type: groupPerson, Actual: true,
		Code: &CodeableConcept{Text: prof.Kind.String() + " group: " + spec.Modality.String()},
		Name: spec.Name, Quantity: len(g.ActiveMembers()),
	}
	trait := func(code, value string) {
		out.Characteristic = append(out.Characteristic, GroupCharacteristic{
			Code: textConcept(code), ValueCodeableConcept: &CodeableConcept{Text: value}})
	}
	trait("modality", spec.Modality.String())
	trait("kind", prof.Kind.String())
	trait("membership policy", spec.Policy.String())
	if spec.MeetingAccess.IsValid() {
		trait("meeting access", spec.MeetingAccess.String())
	}
	for _, c := range spec.Focus {
		trait("focus", string(c))
	}
	for _, f := range g.Facilitators() {
		if f.Role == group.RoleLead {
			r := w.ref("PractitionerRole", groupID, string(f.ID))
			out.ManagingEntity = &r
			break
		}
	}
	var errs []error
	for _, m := range g.Members() {
		eps := g.Episodes(m.ID)
		if len(eps) == 0 {
			continue
		}
		ref, err := w.patient(m.ID)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ep := eps[len(eps)-1]
		start, ok := ep.When(group.StatusActive)
		if !ok {
			start, _ = ep.When(group.StatusReferred)
		}
		mem := GroupMember{Entity: ref, Inactive: ep.Status() != group.StatusActive}
		var end time.Time
		if ep.Status().IsTerminal() {
			end = ep.Transitions[len(ep.Transitions)-1].At
		}
		mem.Period = period(start, end)
		out.Member = append(out.Member, mem)
	}
	return out, joinErrs(errs)
}

// Facilitators writes the group's facilitators as a Practitioner each and
// a PractitionerRole each for their role in the group, in the order of the
// group's spec: Practitioners first, then the roles. Credentials become
// qualifications and the role the PractitionerRole's code, as text (no
// code system has them); the facilitator's ID is the Practitioner's
// identifier in the writer's namespace.
func (w Writer) Facilitators(g *group.Group, groupID string) ([]Practitioner, []PractitionerRole) {
	fs := g.Facilitators()
	ps := make([]Practitioner, 0, len(fs))
	rs := make([]PractitionerRole, 0, len(fs))
	for _, f := range fs {
		p := Practitioner{ResourceType: "Practitioner", ID: w.ID("Practitioner", string(f.ID)),
			Identifier: []Identifier{{System: w.Namespace, Value: string(f.ID)}}, Active: true,
			Name: []HumanName{{Text: f.Name}}}
		for _, c := range f.Credentials {
			p.Qualification = append(p.Qualification, Qualification{Code: textConcept(c.String())})
		}
		ps = append(ps, p)
		rs = append(rs, PractitionerRole{ResourceType: "PractitionerRole",
			ID: w.ID("PractitionerRole", groupID, string(f.ID)), Active: true,
			Practitioner: w.ref("Practitioner", string(f.ID)),
			Code:         []CodeableConcept{textConcept(strings.ReplaceAll(f.Role.String(), "-", " ") + " facilitator")},
			Specialty:    []CodeableConcept{textConcept(g.Spec().Modality.String())},
		})
	}
	return ps, rs
}

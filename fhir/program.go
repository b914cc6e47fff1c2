package fhir

import (
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
)

// PlanDefinition is a program as a FHIR R4 PlanDefinition
// (hl7.org/fhir/R4/plandefinition.html): a clinical protocol whose actions
// are the program's session plans, in order.
type PlanDefinition struct {
	ResourceType string           `json:"resourceType"`
	ID           string           `json:"id"`
	URL          string           `json:"url"`
	Name         string           `json:"name,omitempty"`
	Title        string           `json:"title,omitempty"`
	Type         *CodeableConcept `json:"type,omitempty"`
	Status       string           `json:"status"`
	Description  string           `json:"description,omitempty"`
	Action       []PlanAction     `json:"action,omitempty"`
}

// PlanAction is one session plan
// (hl7.org/fhir/R4/plandefinition-definitions.html#PlanDefinition.action).
type PlanAction struct {
	Prefix      string       `json:"prefix,omitempty"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	Action      []PlanAction `json:"action,omitempty"`
}

// CarePlan is one member's enrolment in the program as a FHIR R4 CarePlan
// (hl7.org/fhir/R4/careplan.html), instantiating the PlanDefinition.
type CarePlan struct {
	ResourceType          string       `json:"resourceType"`
	ID                    string       `json:"id"`
	InstantiatesCanonical []string     `json:"instantiatesCanonical,omitempty"`
	Status                string       `json:"status"`
	Intent                string       `json:"intent"`
	Title                 string       `json:"title,omitempty"`
	Description           string       `json:"description,omitempty"`
	Subject               Reference    `json:"subject"`
	Period                *Period      `json:"period,omitempty"`
	Note                  []Annotation `json:"note,omitempty"`
}

// Appointment is one dated meeting of the program as a FHIR R4 Appointment
// (hl7.org/fhir/R4/appointment.html).
type Appointment struct {
	ResourceType          string                   `json:"resourceType"`
	ID                    string                   `json:"id"`
	Status                string                   `json:"status"`
	ServiceType           []CodeableConcept        `json:"serviceType,omitempty"`
	Description           string                   `json:"description,omitempty"`
	SupportingInformation []Reference              `json:"supportingInformation,omitempty"`
	Start                 string                   `json:"start,omitempty"`
	End                   string                   `json:"end,omitempty"`
	MinutesDuration       int                      `json:"minutesDuration,omitempty"`
	Participant           []AppointmentParticipant `json:"participant"`
}

// AppointmentParticipant is a facilitator booked for the meeting.
type AppointmentParticipant struct {
	Actor  Reference `json:"actor"`
	Status string    `json:"status"`
}

func (PlanDefinition) resource() string { return "PlanDefinition" }
func (CarePlan) resource() string       { return "CarePlan" }
func (Appointment) resource() string    { return "Appointment" }
func (r PlanDefinition) id() string     { return r.ID }
func (r CarePlan) id() string           { return r.ID }
func (r Appointment) id() string        { return r.ID }

// PlanDefinitionURL returns the canonical URL of program p's
// PlanDefinition: Namespace + "/PlanDefinition/" + p.Name.
func (w Writer) PlanDefinitionURL(p curriculum.Program) string {
	return w.canonical("PlanDefinition", p.Name)
}

// PlanDefinition writes program p as an active PlanDefinition of type
// clinical-protocol (the plan-definition-type code system): one action per
// module, holding one action per session plan with its number as prefix,
// its title and its objectives.
func (w Writer) PlanDefinition(p curriculum.Program) PlanDefinition {
	typ := CodeableConcept{Coding: []Coding{protocolType}, Text: "clinical protocol"}
	out := PlanDefinition{ResourceType: "PlanDefinition", ID: w.ID("PlanDefinition", p.Name),
		URL: w.PlanDefinitionURL(p), Name: p.Name, Title: p.Title, Type: &typ,
		Status: publicationActive, Description: p.Description}
	for _, m := range p.Modules {
		ma := PlanAction{Title: m.Title}
		for _, pl := range m.Plans {
			ma.Action = append(ma.Action, PlanAction{Prefix: itoa(pl.Number), Title: pl.Title, Description: joinText(pl.Objectives)})
		}
		out.Action = append(out.Action, ma)
	}
	return out
}

// CarePlan writes member id's enrolment in program p, run by group g
// (known as groupID), as a CarePlan with intent plan that instantiates the
// program's PlanDefinition, for the member's Patient, over their latest
// membership episode: active while the episode is active, completed when
// they completed, revoked when they left otherwise (withdrew, dropped out,
// were discharged or transferred), draft before admission. prog, when not
// nil, is the member's progress (curriculum.Assess) and is summarised in a
// note. A member the group does not know, or without a Patient reference,
// is an error.
func (w Writer) CarePlan(p curriculum.Program, g *group.Group, groupID string, id group.MemberID, prog *curriculum.Progress) (CarePlan, error) {
	eps := g.Episodes(id)
	if len(eps) == 0 {
		return CarePlan{}, &FieldError{Pkg: "fhir", Path: "member", Problem: "no episode of member " + string(id), Err: group.ErrUnknownMember}
	}
	pat, err := w.patient(id)
	if err != nil {
		return CarePlan{}, err
	}
	ep := eps[len(eps)-1]
	status := carePlanDraft
	switch st := ep.Status(); {
	case st == group.StatusActive:
		status = carePlanActive
	case st == group.StatusCompleted:
		status = carePlanCompleted
	case st.IsTerminal():
		status = carePlanRevoked
	}
	start, _ := ep.When(group.StatusActive)
	var end time.Time
	if ep.Status().IsTerminal() {
		end = ep.Transitions[len(ep.Transitions)-1].At
	}
	cp := CarePlan{ResourceType: "CarePlan", ID: w.ID("CarePlan", groupID, string(id), itoa(ep.Number)),
		InstantiatesCanonical: []string{w.PlanDefinitionURL(p)}, Status: status, Intent: carePlanIntent,
		Title: p.Title, Description: g.Spec().Name, Subject: pat, Period: period(start, end)}
	if prog != nil {
		cp.Note = []Annotation{{Text: "progress " + prog.Status.String() + ": attended " + itoa(prog.Attended) +
			" of " + itoa(prog.Held) + " sessions held, " + itoa(len(prog.MakeUp)) + " plans to make up"}}
	}
	return cp, nil
}

// Appointments writes calendar c of the program run by group g (known as
// groupID) as one Appointment per occurrence, sessions and extra days:
// booked, or fulfilled for those that ended before now (a time the caller
// gives: the library reads no clock), with the start, end and length, the
// title as description, the Group as supporting information and the
// group's in-room facilitators as accepted participants. Cancelled dates are
// not occurrences of a calendar (they are its exclusions) and are left out.
func (w Writer) Appointments(c curriculum.Calendar, g *group.Group, groupID string, now time.Time) []Appointment {
	var parts []AppointmentParticipant
	for _, f := range g.Facilitators() {
		if f.Role.InRoom() {
			parts = append(parts, AppointmentParticipant{Actor: w.ref("PractitionerRole", groupID, string(f.ID)), Status: participantAccepted})
		}
	}
	service := []CodeableConcept{textConcept("group therapy: " + g.Spec().Modality.String())}
	out := make([]Appointment, 0, len(c.Occurrences))
	for _, o := range c.Occurrences {
		status := appointmentBooked
		if !now.IsZero() && !o.End.After(now) {
			status = appointmentFulfilled
		}
		out = append(out, Appointment{ResourceType: "Appointment",
			ID:     w.ID("Appointment", groupID, c.Program, dateTime(o.Start.UTC())),
			Status: status, ServiceType: service, Description: o.Title,
			SupportingInformation: []Reference{w.ref("Group", groupID)},
			Start:                 dateTime(o.Start), End: dateTime(o.End),
			MinutesDuration: int(o.End.Sub(o.Start) / time.Minute), Participant: parts})
	}
	return out
}

// joinText joins lines with "; ".
func joinText(lines []string) string { return strings.Join(lines, "; ") }

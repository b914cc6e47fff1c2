package fhir

import (
	"errors"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Encounter is a FHIR R4 Encounter (hl7.org/fhir/R4/encounter.html).
// A session is one group Encounter, whose subject is the Group, and one
// Encounter per roster member, whose subject is the member's Patient and
// which is partOf the group Encounter: the anchors of the field chart and
// bill each attending member from the group session.
type Encounter struct {
	ResourceType string                 `json:"resourceType"`
	ID           string                 `json:"id"`
	Identifier   []Identifier           `json:"identifier,omitempty"`
	Status       string                 `json:"status"`
	Class        Coding                 `json:"class"`
	Type         []CodeableConcept      `json:"type,omitempty"`
	ServiceType  *CodeableConcept       `json:"serviceType,omitempty"`
	Subject      Reference              `json:"subject"`
	Participant  []EncounterParticipant `json:"participant,omitempty"`
	Period       *Period                `json:"period,omitempty"`
	Length       *Quantity              `json:"length,omitempty"`
	PartOf       *Reference             `json:"partOf,omitempty"`
}

// EncounterParticipant is a facilitator present at the session
// (hl7.org/fhir/R4/encounter-definitions.html#Encounter.participant).
type EncounterParticipant struct {
	Type       []CodeableConcept `json:"type,omitempty"`
	Individual Reference         `json:"individual"`
}

// ChargeItem is the billing fact of one member's encounter
// (hl7.org/fhir/R4/chargeitem.html): billable or not, with the app's
// billing code.
type ChargeItem struct {
	ResourceType       string          `json:"resourceType"`
	ID                 string          `json:"id"`
	Status             string          `json:"status"`
	Code               CodeableConcept `json:"code"`
	Subject            Reference       `json:"subject"`
	Context            Reference       `json:"context"`
	OccurrenceDateTime string          `json:"occurrenceDateTime,omitempty"`
	Quantity           *Quantity       `json:"quantity,omitempty"`
}

func (Encounter) resource() string  { return "Encounter" }
func (ChargeItem) resource() string { return "ChargeItem" }
func (r Encounter) id() string      { return r.ID }
func (r ChargeItem) id() string     { return r.ID }

// SessionKey names one session of a group in the app's terms: the group's
// id and the session's 1-based number, the pair a measure.Administration
// records (Group, Session). Every resource of the session is keyed by it.
type SessionKey struct {
	Group  string
	Number int
}

// valid reports whether k names a session.
func (k SessionKey) valid() bool { return k.Group != "" && k.Number > 0 }

// EncounterStatus returns the Encounter.status of one member's encounter
// (value set encounter-status, hl7.org/fhir/R4/valueset-encounter-status.html)
// for the member's attendance a at a session in phase ph:
//
//   - the session was cancelled: cancelled ("the Encounter has ended
//     before it has begun"), whatever the member's status;
//   - present, late or left early: finished once the session has ended
//     ("the Encounter has ended"), in-progress while it runs and the member
//     is in the room. Late and left early are not statuses of their own:
//     the encounter's period starts at the arrival and ends at the
//     departure, and its length is the time the member was there, which is
//     what time-based billing reads;
//   - absent, excused or not: cancelled once the session has ended. The
//     member's encounter was planned and never began: by the definition,
//     an encounter that "has ended before it has begun". R4 has no
//     no-show status for an Encounter (the Appointment has one, noshow),
//     and entered-in-error would say the record is wrong, which it is not;
//   - not recorded yet (the session has not started, or the member has not
//     come): planned ("the Encounter has not yet started").
//
// The group encounter follows the session: planned, in-progress, finished
// or cancelled.
func EncounterStatus(a session.AttendanceStatus, ph session.Phase) string {
	switch {
	case ph == session.PhaseCancelled || a == session.AttendanceCancelled:
		return encounterCancelled
	case a.Attended() && ph == session.PhaseEnded:
		return encounterFinished
	case a.Attended():
		return encounterInProgress
	case (a == session.AttendanceAbsentExcused || a == session.AttendanceAbsentUnexcused) && ph == session.PhaseEnded:
		return encounterCancelled
	}
	return encounterPlanned
}

// groupStatus returns the group encounter's status for phase ph.
func groupStatus(ph session.Phase) string {
	switch ph {
	case session.PhaseRunning:
		return encounterInProgress
	case session.PhaseEnded:
		return encounterFinished
	case session.PhaseCancelled:
		return encounterCancelled
	}
	return encounterPlanned
}

// Encounters writes session s of the group, keyed by k, as the group
// Encounter and one Encounter per roster member (in roster order), each
// partOf the group encounter, with:
//
//   - status from the session's phase and the member's attendance (see
//     EncounterStatus);
//   - class AMB (ambulatory), or VR (virtual) for a Writer with Virtual set
//     (v3 ActCode, the code system Encounter.class binds to);
//   - the period from the start to the end of the session, for a member
//     from their arrival to their departure, and the length in minutes
//     they were there;
//   - the facilitators present as participants (the lead as primary
//     performer PPRF, the co-lead and trainee as secondary performer SPRF,
//     others as PART: the encounter-participant-type value set);
//   - the service type (see Writer.ServiceType).
//
// With a Writer BillingCode it also writes one ChargeItem per member
// encounter: billable for an attending member (session.AttendanceStatus.Billable),
// not-billable for an absent one or a cancelled session, planned before the
// session ends. A roster member without a Patient reference is an error
// wrapping ErrNoPatient.
func (w Writer) Encounters(s *session.Session, k SessionKey) (Encounter, []Encounter, []ChargeItem, error) {
	if !k.valid() {
		return Encounter{}, nil, nil, &FieldError{Pkg: "fhir", Path: "key", Problem: "a session key needs the group and a session number from 1"}
	}
	spec := s.Spec()
	ph := s.Phase()
	class := classAmbulatory
	if w.Virtual {
		class = classVirtual
	}
	service := w.ServiceType
	if service.Text == "" {
		service.Text = "group therapy: " + spec.Profile.Modality.String()
	}
	var parts []EncounterParticipant
	present := s.PresentFacilitators()
	if len(present) == 0 {
		for _, f := range spec.Facilitators {
			if f.Role.InRoom() && ph != session.PhaseCancelled {
				present = append(present, f.ID)
			}
		}
	}
	for _, id := range present {
		for _, f := range spec.Facilitators {
			if f.ID == id {
				parts = append(parts, EncounterParticipant{Type: []CodeableConcept{participantConcept(f.Role)},
					Individual: w.ref("PractitionerRole", k.Group, string(id))})
			}
		}
	}
	num := itoa(k.Number)
	start, end := s.StartedAt(), s.EndedAt()
	if start.IsZero() {
		start = spec.ScheduledStart
	}
	grp := Encounter{ResourceType: "Encounter", ID: w.ID("Encounter", k.Group, num),
		Identifier: []Identifier{{System: w.Namespace, Value: k.Group + "/" + num}},
		Status:     groupStatus(ph), Class: class, ServiceType: &service,
		Subject: w.ref("Group", k.Group), Participant: parts, Period: period(start, end)}
	if ph == session.PhaseCancelled {
		grp.Period = period(spec.ScheduledStart, time.Time{})
	}
	groupRef := w.ref("Encounter", k.Group, num)
	var members []Encounter
	var charges []ChargeItem
	var errs []error
	for _, a := range s.Attendance() {
		pat, err := w.patient(a.Member)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		e := Encounter{ResourceType: "Encounter", ID: w.ID("Encounter", k.Group, num, string(a.Member)),
			Status: EncounterStatus(a.Status, ph), Class: class, ServiceType: &service,
			Subject: pat, Participant: parts, PartOf: &groupRef}
		if a.Status.Attended() {
			leave := a.Departed
			if leave.IsZero() {
				leave = end
			}
			e.Period = period(a.Arrived, leave)
			e.Length = minutes(a.Present)
		}
		members = append(members, e)
		if !w.BillingCode.IsZero() {
			charges = append(charges, w.charge(k, a, ph, pat, start))
		}
	}
	return grp, members, charges, joinErrs(errs)
}

// charge returns member a's ChargeItem.
func (w Writer) charge(k SessionKey, a session.Attendance, ph session.Phase, pat Reference, at time.Time) ChargeItem {
	status := chargePlanned
	switch {
	case ph == session.PhaseCancelled:
		status = chargeNotBillable
	case ph == session.PhaseEnded && a.Status.Billable():
		status = chargeBillable
	case ph == session.PhaseEnded:
		status = chargeNotBillable
	}
	one := 1.0
	num := itoa(k.Number)
	return ChargeItem{ResourceType: "ChargeItem", ID: w.ID("ChargeItem", k.Group, num, string(a.Member)),
		Status: status, Code: CodeableConcept{Coding: []Coding{w.BillingCode}, Text: w.BillingCode.Display},
		Subject: pat, Context: w.ref("Encounter", k.Group, num, string(a.Member)),
		OccurrenceDateTime: dateTime(at), Quantity: &Quantity{Value: &one}}
}

// participantConcept returns the participant type of a facilitator's role.
func participantConcept(r group.Role) CodeableConcept {
	c := participantOther
	switch r {
	case group.RoleLead, group.RolePeerFacilitator:
		c = participantPrimary
	case group.RoleCoLead, group.RoleTrainee:
		c = participantSecondary
	}
	return CodeableConcept{Coding: []Coding{c}, Text: r.String()}
}

// joinErrs joins errs, or returns nil for none.
func joinErrs(errs []error) error { return errors.Join(errs...) }

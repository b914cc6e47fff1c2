// Package fhir writes the library's groups, sessions, attendance, measures,
// consent, safety follow-ups, notes and programs as HL7 FHIR R4 JSON, and
// reads a QuestionnaireResponse back into a measure.Administration.
//
// The apps that use groupwork sit next to an EHR, and EHRs exchange FHIR;
// the deployed release is R4 (hl7.org/fhir/R4). The clinic products of
// the field chart and bill each attending member from the group session,
// so a session is one group Encounter and one Encounter per member, partOf
// it; a PHQ-9 lands as the QuestionnaireResponse and the LOINC-coded
// Observation an EHR expects.
//
// # Entry points
//
//   - Writer holds what the app supplies: a Namespace URI it owns, from
//     which every id is derived (Writer.ID: name-based UUIDs of the app's
//     own ids, so the same values always give the same resources), and
//     each member's Patient reference (Patients). The app owns patient
//     identity: the package never writes a Patient nor invents
//     demographics, and a member without a reference is ErrNoPatient.
//   - Writer.SessionBundle writes a session and everything it produced as
//     one Bundle, a collection or a transaction (NewBundle for any set of
//     resources). Each resource also has its own writer: Group,
//     Facilitators, Encounters, Questionnaire, QuestionnaireResponse,
//     Observations, Consents, Safety, ProgressNotes, PlanDefinition,
//     CarePlan and Appointments.
//   - Writer.ReadQuestionnaireResponse reads a response to a built-in or
//     app-defined instrument, naming every unknown or invalid item in a
//     typed error.
//   - SafetyEpisode is the package's own small value for a safety
//     situation and its follow-ups, written as a Flag and Tasks: RiskEpisode
//     maps a form's risk flag onto it, AlertEpisode a session alert and
//     ResponseEpisode a safety protocol applied in a session (the
//     dynamics/safety Response an advice recommendation carries).
//
// # What is mapped
//
//	groupwork                          FHIR R4                       notes
//	group.Group                        Group                         actual, type person; members' Patients with the period of their latest episode and inactive; modality, kind, policy, meeting access and focus as characteristics (text); the lead's PractitionerRole as managing entity
//	group.Facilitator                  Practitioner, PractitionerRole credentials as Practitioner.qualification (R4's PractitionerRole has none); the role in the group as PractitionerRole.code (text)
//	session.Session                    Encounter (the group's)       subject the Group; status from the session's phase; class AMB, or VR for telehealth; facilitators present as participants (PPRF, SPRF, PART)
//	session.Attendance                 Encounter (each member's)     partOf the group encounter; status by EncounterStatus; period from arrival to departure; length in minutes
//	AttendanceStatus.Billable          ChargeItem                    billable / not-billable / planned, with the app's billing code (none written without one)
//	measure.Definition                 Questionnaire                 code = LOINC panel, item.code = LOINC item code where checked; enableWhen from skip logic
//	measure.Administration             QuestionnaireResponse         integer or decimal answers; read back by ReadQuestionnaireResponse
//	measure.Score, SubscaleScore       Observation                   survey category; total LOINC-coded where checked, {score} units, band as interpretation (text), derivedFrom the response
//	measure.RiskFlag, measure.Alert    Flag, Task                    through SafetyEpisode; Task status requested, intent order, due date as restriction.period.end
//	safety.Response (a protocol)       Flag, Task                    through SafetyEpisode; one Task per follow-up with its own status, text and due time
//	group.Consent (agreement)          Consent                       scope treatment, category LOINC 59284-0; inactive once the agreement is revised
//	group.RecordingConsent             Consent                       scope patient-privacy; provision permit, or deny after withdrawal
//	session.MemberExport               DocumentReference             LOINC 11506-3 progress note; the redacted member record only, as text/plain
//	curriculum.Program                 PlanDefinition                clinical-protocol; modules and plans as nested actions
//	membership in a program            CarePlan                      instantiates the PlanDefinition; status from the member's episode; progress as a note
//	curriculum.Occurrence              Appointment                   booked or fulfilled; facilitators as participants
//
// # What is not mapped
//
//	Patient                            the app's: referenced, never written
//	SNOMED CT, CPT codes               none written by the library: no concept was verified for a code the library would fix; billing codes are the app's (Writer.BillingCode)
//	codes of our own enums             modality, credential, role, band, safety situation and task kind are written as text, not as codes of an invented code system
//	LOINC answer codes (LA...)         the definitions carry none; answers are numbers (valueCoding with an ordinalValue is read)
//	the PHQ-9 difficulty item's LOINC  not in the definition, so left out of the Questionnaire
//	incomplete totals                  a lower bound, not a score: no Observation is written
//	turns, interventions, dynamics     not clinical record content in FHIR terms; not exported
//	R5 Group.membership and Encounter  R4 only
//	narratives (Resource.text)         not written: an app renders its own
//
// # Sources
//
// The FHIR R4 specification, hl7.org/fhir/R4: the resource pages
// (group.html, encounter.html, questionnaireresponse.html, observation.html,
// consent.html, flag.html, task.html, documentreference.html,
// plandefinition.html, careplan.html, appointment.html, chargeitem.html,
// bundle.html) and the value sets named beside each code in codes.go. LOINC
// codes are those the measure package's definitions carry, checked against
// HL7 implementation guides, plus 59284-0 (consent document, in the R4
// consent-category value set) and 11506-3 (progress note, in the HL7
// C-CDA on FHIR progress note types).
//
// # Place in the house
//
// fhir imports group, session, curriculum, measure and dynamics/safety
// and nothing above them, and no package outside this module but the
// standard library. Like the rest of the library it is pure: no I/O, no
// clock (times are parameters), no shared mutable state; output is
// deterministic. A Writer is a value, safe for
// concurrent use once built; the resources are plain values that encode
// with encoding/json.
package fhir

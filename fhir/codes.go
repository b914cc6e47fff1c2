package fhir

// The code systems the package writes codes from. Each code written is
// from the code system or value set its element binds to in FHIR R4; the
// page that lists it is named beside it. Where no verified code exists
// (a group's modality, a facilitator's credential, a severity band) the
// package writes a CodeableConcept with text only, never an invented code.
const (
	// SystemLOINC is LOINC (hl7.org/fhir/R4/loinc.html). The package writes
	// only the LOINC codes the measure package's definitions carry, which
	// were checked against published HL7 implementation guides, and the
	// consent category 59284-0 "Consent Document" and the document type
	// 11506-3 "Progress note" (the progress note document
	// types of the HL7 C-CDA on FHIR guide, value set
	// 2.16.840.1.113883.11.20.8.1).
	SystemLOINC = "http://loinc.org"
	// SystemActCode is HL7 v3 ActCode, the code system of Encounter.class
	// (value set v3.ActEncounterCode, hl7.org/fhir/R4/v3/ActEncounterCode/vs.html):
	// AMB ambulatory, VR virtual.
	SystemActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	// SystemParticipationType is HL7 v3 ParticipationType, the code system
	// of Encounter.participant.type (hl7.org/fhir/R4/valueset-encounter-participant-type.html):
	// PPRF primary performer, SPRF secondary performer, PART participation.
	SystemParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
	// SystemObservationCategory is the code system of Observation.category
	// (hl7.org/fhir/R4/valueset-observation-category.html): survey.
	SystemObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
	// SystemConsentScope is the code system of Consent.scope
	// (hl7.org/fhir/R4/valueset-consent-scope.html): treatment,
	// patient-privacy.
	SystemConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope"
	// SystemPlanDefinitionType is the code system of PlanDefinition.type
	// (hl7.org/fhir/R4/valueset-plan-definition-type.html): clinical-protocol.
	SystemPlanDefinitionType = "http://terminology.hl7.org/CodeSystem/plan-definition-type"
	// SystemFlagCategory is the code system of Flag.category
	// (hl7.org/fhir/R4/valueset-flag-category.html): clinical.
	SystemFlagCategory = "http://terminology.hl7.org/CodeSystem/flag-category"
)

// The codes of code-typed elements with a required binding. The JSON
// schema of FHIR R4 lists these value sets as enums; the constants name the
// values the package writes.
const (
	// Encounter.status, hl7.org/fhir/R4/valueset-encounter-status.html.
	encounterPlanned    = "planned"     // the Encounter has not yet started
	encounterInProgress = "in-progress" // begun, the patient present
	encounterFinished   = "finished"    // the Encounter has ended
	encounterCancelled  = "cancelled"   // the Encounter has ended before it has begun

	// ChargeItem.status, hl7.org/fhir/R4/valueset-chargeitem-status.html.
	chargePlanned     = "planned"      // the service is not yet complete
	chargeBillable    = "billable"     // ready for billing
	chargeNotBillable = "not-billable" // determined to be not billable

	// QuestionnaireResponse.status, hl7.org/fhir/R4/valueset-questionnaire-answers-status.html.
	responseCompleted = "completed"

	// Observation.status, hl7.org/fhir/R4/valueset-observation-status.html.
	observationFinal = "final"

	// Questionnaire.status and PlanDefinition.status,
	// hl7.org/fhir/R4/valueset-publication-status.html.
	publicationActive = "active"

	// Consent.status, hl7.org/fhir/R4/valueset-consent-state-codes.html;
	// Consent.provision.type, hl7.org/fhir/R4/valueset-consent-provision-type.html.
	consentActive   = "active"
	consentInactive = "inactive"
	provisionPermit = "permit"
	provisionDeny   = "deny"

	// Flag.status, hl7.org/fhir/R4/valueset-flag-status.html.
	flagActive   = "active"
	flagInactive = "inactive"

	// Task.status and Task.intent, hl7.org/fhir/R4/valueset-task-status.html
	// and hl7.org/fhir/R4/valueset-task-intent.html.
	taskRequested = "requested"
	taskCompleted = "completed"
	taskOrder     = "order"

	// DocumentReference.status and docStatus,
	// hl7.org/fhir/R4/valueset-document-reference-status.html and
	// hl7.org/fhir/R4/valueset-composition-status.html.
	documentCurrent = "current"
	docFinal        = "final"
	docPreliminary  = "preliminary"

	// CarePlan.status and CarePlan.intent,
	// hl7.org/fhir/R4/valueset-request-status.html and
	// hl7.org/fhir/R4/valueset-care-plan-intent.html.
	carePlanActive    = "active"
	carePlanCompleted = "completed"
	carePlanRevoked   = "revoked"
	carePlanDraft     = "draft"
	carePlanIntent    = "plan"

	// Appointment.status and Appointment.participant.status,
	// hl7.org/fhir/R4/valueset-appointmentstatus.html and
	// hl7.org/fhir/R4/valueset-participationstatus.html.
	appointmentBooked    = "booked"
	appointmentFulfilled = "fulfilled"
	participantAccepted  = "accepted"

	// Group.type, hl7.org/fhir/R4/valueset-group-type.html.
	groupPerson = "person"
)

// Codings the package writes, each from the page named above its system.
var (
	classAmbulatory = Coding{System: SystemActCode, Code: "AMB", Display: "ambulatory"}
	classVirtual    = Coding{System: SystemActCode, Code: "VR", Display: "virtual"}

	participantPrimary   = Coding{System: SystemParticipationType, Code: "PPRF", Display: "primary performer"}
	participantSecondary = Coding{System: SystemParticipationType, Code: "SPRF", Display: "secondary performer"}
	participantOther     = Coding{System: SystemParticipationType, Code: "PART", Display: "Participation"}

	categorySurvey   = Coding{System: SystemObservationCategory, Code: "survey", Display: "Survey"}
	scopeTreatment   = Coding{System: SystemConsentScope, Code: "treatment", Display: "Treatment"}
	scopePrivacy     = Coding{System: SystemConsentScope, Code: "patient-privacy", Display: "Privacy Consent"}
	consentLOINC     = Coding{System: SystemLOINC, Code: "59284-0", Display: "Consent Document"} // in hl7.org/fhir/R4/valueset-consent-category.html
	protocolType     = Coding{System: SystemPlanDefinitionType, Code: "clinical-protocol", Display: "Clinical Protocol"}
	flagClinical     = Coding{System: SystemFlagCategory, Code: "clinical", Display: "Clinical"}
	progressNoteType = Coding{System: SystemLOINC, Code: "11506-3", Display: "Progress note"}
)

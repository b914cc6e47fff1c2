package fhir_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// A PHQ-9 as a QuestionnaireResponse and its total as a LOINC-coded
// Observation, and the response read back into an administration.
func ExampleWriter_QuestionnaireResponse() {
	w := fhir.Writer{Namespace: "https://clinic.example/fhir", Patients: fhir.Patients{"m01": "Patient/1001"}}
	cat := measure.BuiltinCatalog()
	a := measure.Administration{Instrument: measure.InstrumentPHQ9, Member: "m01",
		At: time.Date(2025, 1, 6, 18, 5, 0, 0, time.UTC), Answers: measure.Answers(2, 2, 1, 2, 1, 1, 1, 0, 1)}
	qr, err := w.QuestionnaireResponse(cat, a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(qr.Questionnaire, qr.Status, qr.Subject.Reference, len(qr.Item), "items")
	obs, _ := w.Observations(cat, measure.Options{}, a)
	total := obs[0]
	fmt.Println(total.Code.Coding[0].Code, *total.ValueQuantity.Value, total.ValueQuantity.Code, total.Interpretation[0].Text)

	data, _ := json.Marshal(qr)
	back, err := w.ReadQuestionnaireResponse(cat, data)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, _ := cat.Score(back, measure.Options{})
	fmt.Println(back.Member, res.Total, res.Band.Label, res.Risk.Status)
	// Output:
	// https://clinic.example/fhir/Questionnaire/phq-9 completed Patient/1001 9 items
	// 44261-6 11 {score} moderate
	// m01 11 moderate raised
}

// How each attendance status becomes the status of the member's Encounter
// once the session has ended.
func ExampleEncounterStatus() {
	for _, a := range []session.AttendanceStatus{session.AttendancePresent, session.AttendanceLate,
		session.AttendanceLeftEarly, session.AttendanceAbsentExcused, session.AttendanceAbsentUnexcused} {
		fmt.Printf("%-17s %s\n", a, fhir.EncounterStatus(a, session.PhaseEnded))
	}
	fmt.Printf("%-17s %s\n", "(cancelled)", fhir.EncounterStatus(session.AttendanceCancelled, session.PhaseCancelled))
	// Output:
	// present           finished
	// late              finished
	// left-early        finished
	// absent-excused    cancelled
	// absent-unexcused  cancelled
	// (cancelled)       cancelled
}

// A risk flag on a form becomes a Flag on the member and a Task due the
// same day (PHQ-9 item 9: Kroenke, Spitzer & Williams 2001).
func ExampleRiskEpisode() {
	w := fhir.Writer{Namespace: "https://clinic.example/fhir", Patients: fhir.Patients{"m01": "Patient/1001"}}
	cat := measure.BuiltinCatalog()
	a := measure.Administration{Instrument: measure.InstrumentPHQ9, Member: "m01",
		At: time.Date(2025, 1, 6, 18, 5, 0, 0, time.UTC), Answers: measure.Answers(1, 1, 0, 1, 0, 0, 0, 0, 2)}
	res, _ := cat.Score(a, measure.Options{})
	e, ok := fhir.RiskEpisode(res)
	if !ok {
		return
	}
	flag, tasks, err := w.Safety(e)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(flag.Status, flag.Code.Text)
	t := tasks[0]
	fmt.Println(t.Status, t.Intent, t.Priority, t.Code.Text, t.Restriction.Period.End)
	// Output:
	// active risk-to-self: phq-9 item 9 answered more than half the days
	// requested order urgent risk-assessment 2025-01-06T23:59:59Z
}

// A safety protocol applied in a session (here an abuse disclosure in
// England) becomes a Flag on the member and a Task per follow-up, each
// with the protocol's own status and due time.
func ExampleResponseEpisode() {
	w := fhir.Writer{Namespace: "https://clinic.example/fhir", Patients: fhir.Patients{"m01": "Patient/1001"}}
	england := safety.England()
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &england})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := book.Respond(safety.Episode{Protocol: safety.ProtocolAbuseDisclosed, Member: "m01",
		At: time.Date(2026, 3, 3, 18, 10, 0, 0, time.UTC), Leadership: group.LeadershipCoLed,
		Victims: []safety.Victim{safety.VictimChild}})
	if err != nil {
		fmt.Println(err)
		return
	}
	e, ok := fhir.ResponseEpisode(r, fhir.SessionKey{Group: "g1", Number: 3})
	if !ok {
		return
	}
	flag, tasks, err := w.Safety(e)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(flag.Status, e.Situation, len(tasks), "tasks")
	fmt.Println(tasks[0].Status, tasks[0].Code.Text, tasks[0].Restriction.Period.End)
	// Output:
	// active abuse-disclosed 4 tasks
	// requested oral-report 2026-03-03T18:10:00Z
}

// A whole session as a transaction Bundle.
func ExampleWriter_SessionBundle() {
	st := newStory(panicky{})
	b, err := st.w.SessionBundle(st.export, fhir.BundleTransaction)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Type, len(b.Entry), "entries")
	for _, e := range b.Entry[:3] {
		fmt.Println(fhir.Type(e.Resource), e.Request.Method, e.FullURL[:9])
	}
	// Output:
	// transaction 51 entries
	// Group PUT urn:uuid:
	// Practitioner PUT urn:uuid:
	// Practitioner PUT urn:uuid:
}

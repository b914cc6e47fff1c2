package fhir

import (
	"strings"

	"github.com/groupwork/groupwork/session"
)

// DocumentReference is a member's progress note as a FHIR R4
// DocumentReference (hl7.org/fhir/R4/documentreference.html), the note's
// text inline as a text/plain attachment.
type DocumentReference struct {
	ResourceType string              `json:"resourceType"`
	ID           string              `json:"id"`
	Status       string              `json:"status"`
	DocStatus    string              `json:"docStatus,omitempty"`
	Type         *CodeableConcept    `json:"type,omitempty"`
	Subject      Reference           `json:"subject"`
	Date         string              `json:"date,omitempty"`
	Author       []Reference         `json:"author,omitempty"`
	Description  string              `json:"description,omitempty"`
	Content      []DocumentContent   `json:"content"`
	Context      *DocumentRefContext `json:"context,omitempty"`
}

// DocumentContent is the document itself
// (hl7.org/fhir/R4/documentreference-definitions.html#DocumentReference.content).
type DocumentContent struct {
	Attachment Attachment `json:"attachment"`
}

// DocumentRefContext ties the note to the member's encounter.
type DocumentRefContext struct {
	Encounter []Reference `json:"encounter,omitempty"`
	Period    *Period     `json:"period,omitempty"`
}

func (DocumentReference) resource() string { return "DocumentReference" }
func (r DocumentReference) id() string     { return r.ID }

// ProgressNotes writes one DocumentReference per progress note of session
// s, keyed by k: for each attending member with a note, their
// MemberExport, the member's record with every other member's name and ID
// redacted by the session package, rendered as plain text. Nothing else of
// the session goes in: no roster, no other member's note, attendance or
// words. The type is LOINC 11506-3 (progress note), status current,
// docStatus final once the note is signed and preliminary before; the
// author is the facilitator who wrote the note, and the context the
// member's encounter. A member without a Patient reference is an error
// wrapping ErrNoPatient.
func (w Writer) ProgressNotes(s *session.Session, k SessionKey) ([]DocumentReference, error) {
	if !k.valid() {
		return nil, &FieldError{Pkg: "fhir", Path: "key", Problem: "a session key needs the group and a session number from 1"}
	}
	authors := map[int]string{}
	for _, n := range s.Notes() {
		authors[n.Note.ID] = string(n.Note.Author)
	}
	num := itoa(k.Number)
	var out []DocumentReference
	var errs []error
	for _, pn := range s.ProgressNotes() {
		if pn.NoteID == 0 {
			continue
		}
		pat, err := w.patient(pn.Member)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ex, err := s.MemberExport(pn.Member)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		status := docPreliminary
		if pn.Signed {
			status = docFinal
		}
		typ := CodeableConcept{Coding: []Coding{progressNoteType}, Text: "progress note"}
		doc := DocumentReference{ResourceType: "DocumentReference", ID: w.ID("DocumentReference", k.Group, num, string(pn.Member)),
			Status: documentCurrent, DocStatus: status, Type: &typ, Subject: pat, Date: dateTime(s.EndedAt()),
			Description: "group session " + num + " progress note",
			Content: []DocumentContent{{Attachment: Attachment{ContentType: "text/plain; charset=utf-8",
				Language: "en", Data: []byte(renderExport(ex)), Title: "progress note, session " + num}}},
			Context: &DocumentRefContext{Encounter: []Reference{w.ref("Encounter", k.Group, num, string(pn.Member))},
				Period: period(ex.Attendance.Arrived, ex.Attendance.Departed)}}
		if a := authors[pn.NoteID]; a != "" {
			doc.Author = []Reference{w.ref("PractitionerRole", k.Group, a)}
		}
		if doc.Date == "" {
			doc.Date = dateTime(pn.Date)
		}
		out = append(out, doc)
	}
	return out, joinErrs(errs)
}

// renderExport writes a member's export as the note's plain text.
func renderExport(ex session.MemberExport) string {
	var b strings.Builder
	line := func(label, text string) {
		if text != "" {
			b.WriteString(label)
			b.WriteString(": ")
			b.WriteString(text)
			b.WriteString("\n")
		}
	}
	line("Member", ex.Name)
	line("Modality", ex.Modality.String())
	if !ex.Date.IsZero() {
		line("Date", ex.Date.Format("2006-01-02 15:04 MST"))
	}
	line("Facilitators", strings.Join(ex.Facilitators, ", "))
	line("Attendance", ex.Attendance.Status.String())
	line("Narrative", ex.Narrative)
	line("Goal progress", ex.GoalProgress)
	line("Group theme", ex.Group.Theme)
	line("Group process", ex.Group.Process)
	line("Group content", ex.Group.Content)
	for _, in := range ex.Incidents {
		text := in.Kind.String()
		if in.Text != "" {
			text += ": " + in.Text
		}
		if in.Action != "" {
			text += " (action: " + in.Action + ")"
		}
		line("Incident", text)
	}
	return b.String()
}

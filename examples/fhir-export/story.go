package main

import (
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// The people in the story. Names are invented; IDs are the app's own, and
// so are the Patient references the app's EHR gave each member.
const (
	reyes  group.FacilitatorID = "reyes"  // licensed clinician, the lead
	okafor group.FacilitatorID = "okafor" // licensed clinician, co-lead

	priya   group.MemberID = "priya"
	owen    group.MemberID = "owen"
	grace   group.MemberID = "grace"
	jonah   group.MemberID = "jonah"
	elena   group.MemberID = "elena"
	groupID                = "tue-cbt-2025"
)

var people = []struct {
	id      group.MemberID
	name    string
	patient string
}{
	{priya, "Priya Shah", "Patient/84312"},
	{owen, "Owen Brooks", "Patient/84313"},
	{grace, "Grace Kim", "Patient/84314"},
	{jonah, "Jonah Price", "Patient/84315"},
	{elena, "Elena Ruiz", "Patient/84316"},
}

// outcome is what the story produced: the writer and what it exports.
type outcome struct {
	writer fhir.Writer
	export fhir.SessionExport
}

// story builds the group, plays its first session and gathers what the
// session produced.
func story() (*outcome, error) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		return nil, err
	}
	prog := curriculum.GroupCBTDepression()
	cal, err := curriculum.Schedule(prog, curriculum.Spec{
		First:    curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.September, Day: 9}, At: curriculum.Clock{Hour: 18}},
		Location: ny,
	})
	if err != nil {
		return nil, err
	}
	first, _ := cal.Session(1)
	g, err := group.New(group.Spec{
		Name: "Tuesday CBT for depression", Modality: group.ModalityCBT,
		Focus: []group.Concern{group.ConcernDepression}, Policy: group.PolicyRolling,
		Capacity: 8, SessionLength: prog.SessionLength, PlannedSessions: prog.NumPlans(), Start: first.Start,
		Facilitators: []group.Facilitator{
			{ID: reyes, Name: "Dr. Nadia Reyes", Role: group.RoleLead, Credentials: []group.Credential{group.CredentialLicensedClinician, group.CredentialCBTTrained}},
			{ID: okafor, Name: "Sam Okafor", Role: group.RoleCoLead, Credentials: []group.Credential{group.CredentialLicensedClinician}},
		},
		Agreement: group.StandardAgreement(1),
		Admission: group.Admission{EntryPoints: cal.EntryPoints()},
	})
	if err != nil {
		return nil, err
	}
	intake := first.Start.AddDate(0, 0, -7)
	w := fhir.Writer{Namespace: "https://clinic.example/fhir", Patients: fhir.Patients{},
		BillingCode: fhir.Coding{System: "http://www.ama-assn.org/go/cpt", Code: "90853", Display: "Group psychotherapy"}}
	for _, p := range people {
		w.Patients[p.id] = p.patient
		if err := enrol(g, group.Member{ID: p.id, Name: p.name}, intake); err != nil {
			return nil, err
		}
	}
	if err := g.GiveRecordingConsent(priya, intake); err != nil {
		return nil, err
	}
	s, err := play(g, prog, first)
	if err != nil {
		return nil, err
	}
	at := func(m int) time.Time { return first.Start.Add(time.Duration(m) * time.Minute) }
	form := func(inst measure.Instrument, id group.MemberID, m int, answers ...float64) measure.Administration {
		return measure.Administration{Instrument: inst, Member: string(id), At: at(m), Group: groupID, Session: 1, Answers: measure.Answers(answers...)}
	}
	phq := form(measure.InstrumentPHQ9, priya, 6, 2, 2, 1, 2, 1, 1, 1, 0, 1) // item 9 answered "several days"
	phq.Difficulty = measure.Answered(1)
	admins := []measure.Administration{
		phq,
		form(measure.InstrumentGAD7, priya, 7, 1, 2, 2, 1, 0, 1, 1),
		form(measure.InstrumentPHQ9, owen, 6, 1, 1, 0, 1, 0, 0, 1, 0, 0),
		form(measure.InstrumentGAD7, owen, 7, 1, 1, 1, 0, 0, 1, 0),
		form(measure.InstrumentPHQ9, grace, 20, 3, 2, 2, 3, 2, 2, 2, 1, 0),
		form(measure.InstrumentGAD7, grace, 21, 2, 2, 3, 2, 1, 2, 2),
	}
	return &outcome{writer: w, export: fhir.SessionExport{
		Group: g, Key: fhir.SessionKey{Group: groupID, Number: 1}, Session: s,
		Administrations: admins, Program: &prog, Occurrence: &first,
	}}, nil
}

// enrol refers, screens, has sign and admits member m at time at.
func enrol(g *group.Group, m group.Member, at time.Time) error {
	if err := g.Refer(m, at); err != nil {
		return err
	}
	if err := g.StartScreening(m.ID, at); err != nil {
		return err
	}
	sc, err := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(0)})
	if err != nil {
		return err
	}
	if err := g.RecordScreening(m.ID, sc, at); err != nil {
		return err
	}
	if err := g.SignAgreement(m.ID, 1, at); err != nil {
		return err
	}
	return g.Admit(m.ID, at)
}

// play runs the first session: Priya and Owen on time, Grace twenty
// minutes late, Jonah away with notice, Elena absent without notice; Owen
// leaves early; the group note and three progress notes, signed.
func play(g *group.Group, prog curriculum.Program, occ curriculum.Occurrence) (*session.Session, error) {
	agenda, err := prog.Agenda(1, 5)
	if err != nil {
		return nil, err
	}
	spec := session.SpecFromGroup(g, agenda, occ.Start, prog.SessionLength, 5*time.Minute)
	spec.ID, spec.Number = groupID+"-1", 1
	for i := range spec.Roster {
		spec.Roster[i].Excused = spec.Roster[i].ID == jonah
	}
	s, err := session.New(spec)
	if err != nil {
		return nil, err
	}
	at := func(m int) time.Time { return occ.Start.Add(time.Duration(m) * time.Minute) }
	steps := []func() error{
		func() error {
			return s.Start(at(0), []group.FacilitatorID{reyes, okafor}, []group.MemberID{priya, owen}, false)
		},
		func() error { return s.Arrive(at(19), grace) },
		func() error { return s.Depart(at(95), owen) },
		func() error { return s.End(at(120)) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	notes := []session.Note{
		{Kind: session.NoteGroup, Author: reyes, Theme: "thoughts and mood",
			Process: "Priya Shah spoke first about her week; Grace Kim joined late and listened; Owen Brooks left at the break.",
			Text:    "The cognitive model; the first thought record."},
		{Kind: session.NoteProgress, Member: priya, Author: okafor, Text: "Engaged; linked low mood to self-critical thoughts. PHQ-9 item 9 positive: risk assessed after the session, safety plan made."},
		{Kind: session.NoteProgress, Member: owen, Author: okafor, Text: "Engaged in the first half; left at the break for work, as agreed."},
		{Kind: session.NoteProgress, Member: grace, Author: okafor, Text: "Arrived late; quiet; said the thought record made sense to her."},
	}
	for i, n := range notes {
		t := at(125 + i)
		id, err := s.WriteNote(t, n)
		if err != nil {
			return nil, err
		}
		if err := s.SignNote(t, id, n.Author); err != nil {
			return nil, err
		}
	}
	return s, nil
}

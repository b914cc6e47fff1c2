package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// The people of the story. The facilitators' credentials, not a flag, make
// one room co-led and the other solo.
const (
	nora group.MemberID = "nora" // discloses that her sister's boyfriend hits her nephew
	sam  group.MemberID = "sam"  // threatens his former business partner
	ivy  group.MemberID = "ivy"
	joe  group.MemberID = "joe"
	lin  group.MemberID = "lin"
)

// evening is what one evening leaves for the checks in main_test.go.
type evening struct {
	place  string
	room   *advice.Room
	advice []advice.Recommendation
	tasks  []safety.Task
	late   []safety.Task // overdue the next morning
}

// outcome is both evenings.
type outcome struct {
	california, england evening
}

// story plays the evening in California, then in England.
func story(w io.Writer) (*outcome, error) {
	p := demo.NewPrinter(w)
	p.Printf("Two disclosures, two protocols, two jurisdictions\n")
	p.Printf("==================================================\n")
	p.Printf("The same evening, played in two places. Each safety situation runs its own\n")
	p.Printf("protocol; who leads the room and where it meets decide the rest.\n")

	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		return nil, err
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		return nil, err
	}
	out := &outcome{}
	ca, err := californiaBook()
	if err != nil {
		return nil, err
	}
	out.california, err = play(p, "California, a co-led process group", ca, []group.Facilitator{
		{ID: "ruiz", Name: "Dr. Ana Ruiz", Role: group.RoleLead, Credentials: []group.Credential{group.CredentialLicensedClinician}},
		{ID: "okoye", Name: "Ben Okoye", Role: group.RoleCoLead, Credentials: []group.Credential{group.CredentialLicensedClinician}},
	}, time.Date(2026, 3, 3, 18, 30, 0, 0, la))
	if err != nil {
		return nil, err
	}
	eng := safety.England()
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &eng})
	if err != nil {
		return nil, err
	}
	out.england, err = play(p, "England, a group led by one clinician", book, []group.Facilitator{
		{ID: "shah", Name: "Dr. Priya Shah", Role: group.RoleLead, Credentials: []group.Credential{group.CredentialLicensedClinician}},
	}, time.Date(2026, 3, 3, 18, 30, 0, 0, london))
	return out, err
}

// californiaBook builds the Californian clinic's safety book once, to be
// shared by all its rooms: California derived from the US baseline (its
// duty to protect is mandatory; a child abuse report goes by phone at once
// and in writing within 36 hours), and the clinic's on-call line added after
// the consultation step of the risk-to-others protocol.
func californiaBook() (*safety.Book, error) {
	ca := safety.USFederal()
	ca.Code, ca.Name = "US-CA", "California"
	ca.Warn = safety.WarnMandatory
	ca.WarnNote = "Tarasoff v. Regents (1976); Cal. Civ. Code s. 43.92: a serious threat of physical violence against a reasonably identifiable victim; the duty is discharged by reasonable efforts to tell the victim and a law enforcement agency"
	ca.Sources = append(ca.Sources, "Cal. Civ. Code s. 43.92", "Cal. Penal Code ss. 11165.9, 11166")
	for i, d := range ca.Reporting {
		if d.Victim == safety.VictimChild { // by phone at once, in writing within 36 hours
			ca.Reporting[i].Agency = "the police or sheriff's department, or the county welfare department"
			ca.Reporting[i].WrittenWithin = safety.Period(36 * time.Hour)
			ca.Reporting[i].Note = "Cal. Penal Code s. 11166: an initial report by telephone immediately or as soon as practicably possible, a written one within 36 hours"
			ca.Reporting[i].Source = "Cal. Penal Code ss. 11165.9, 11166"
		}
	}
	return safety.NewBook(safety.Spec{
		Jurisdiction: &ca,
		Local: []safety.LocalStep{{Protocol: safety.ProtocolRiskToOthers, After: session.StepConsult,
			Step: safety.Step{Action: session.StepConsult, Role: group.RoleLead, Text: "page the clinic's on-call psychiatrist (the number on the clinic's safety card)", Source: "the clinic's procedure"}}},
	})
}

// play runs one evening: the session, the two disclosures, the advice, the
// tasks, and the next morning's overdue list.
func play(p *demo.Printer, place string, book *safety.Book, facs []group.Facilitator, start time.Time) (evening, error) {
	ev := evening{place: place}
	prof, _ := group.BuiltinProfile(group.ModalityProcess)
	agenda, err := session.Template(prof, 90*time.Minute, 5)
	if err != nil {
		return ev, err
	}
	spec := session.Spec{ID: place, Profile: prof, Agenda: agenda, Length: 90 * time.Minute, ScheduledStart: start, Facilitators: facs}
	for _, m := range []struct {
		id   group.MemberID
		name string
	}{{nora, "Nora"}, {sam, "Sam"}, {ivy, "Ivy"}, {joe, "Joe"}, {lin, "Lin"}} {
		spec.Roster = append(spec.Roster, session.Participant{ID: m.id, Name: m.name})
	}
	ev.room, err = advice.NewRoom(advice.RoomSpec{Session: spec, Safety: book, NextSession: start.AddDate(0, 0, 7)})
	if err != nil {
		return ev, err
	}
	j, _ := book.Jurisdiction()
	p.Printf("\n%s\n%s\n", place, strings.Repeat("-", len(place)))
	p.Printf("  jurisdiction: %s (%s); emergency %s; crisis %s\n", j.Name, j.Code, j.Emergency.Number, j.Crisis[0].Number)
	p.Printf("  duty to warn: %s; child abuse reported to %s\n", j.Warn, agency(j, safety.VictimChild))

	r := ev.room
	var ids []group.FacilitatorID
	for _, f := range facs {
		ids = append(ids, f.ID)
	}
	at := start
	if err := r.Start(at, ids, []group.MemberID{nora, sam, ivy, joe, lin}, false); err != nil {
		return ev, err
	}
	for _, m := range []group.MemberID{ivy, joe, lin, nora, sam} {
		at = at.Add(4 * time.Minute)
		if err := r.Speak(at, session.Turn{Speaker: session.MemberParty(m), Addressee: session.WholeGroup(), Duration: 4 * time.Minute, Act: session.ActGivesOpinion}); err != nil {
			return ev, err
		}
	}
	at = start.Add(35 * time.Minute)
	if _, err := r.RaiseIncident(at, session.IncidentChildAbuse, nora, "her sister's boyfriend hits her six-year-old nephew"); err != nil {
		return ev, err
	}
	p.Printf("  %s  Nora: her sister's boyfriend hits her nephew (raised: %s)\n", at.Format("15:04"), session.IncidentChildAbuse)
	at = start.Add(50 * time.Minute)
	if _, err := r.RaiseIncident(at, session.IncidentRiskToOthers, sam, "says he will 'make Dave pay', knows where he parks, owns a gun"); err != nil {
		return ev, err
	}
	p.Printf("  %s  Sam: he will make his former partner pay; he owns a gun (raised: %s)\n", at.Format("15:04"), session.IncidentRiskToOthers)

	ev.advice = r.Advise(at, stage.Working)
	for _, rec := range ev.advice {
		printProtocol(p, rec)
	}
	ev.tasks = r.Tasks()
	p.Printf("\n  Follow-up tasks (Room.Tasks), for the clinic's work queue:\n")
	for _, t := range ev.tasks {
		p.Printf("    %-16s %-8s %-5s due %s\n", t.Kind, t.Owner, t.Member, t.Due.Format("Mon Jan 2 15:04"))
	}
	morning := time.Date(start.Year(), start.Month(), start.Day()+1, 9, 0, 0, 0, start.Location())
	ev.late = r.Overdue(morning)
	var late []string
	for _, t := range ev.late {
		late = append(late, t.Kind.String()+" ("+string(t.Member)+")")
	}
	p.Printf("  Next morning at 09:00, none done yet, overdue (Room.Overdue): %s\n", strings.Join(late, ", "))
	return ev, nil
}

// printProtocol prints one safety recommendation: its protocol, variant,
// steps with who takes each, and the steps' words where the jurisdiction
// fills them in.
func printProtocol(p *demo.Printer, rec advice.Recommendation) {
	r := rec.Safety
	if r == nil {
		p.Printf("  %s [%s]\n", rec.Situation, rec.Urgency)
		return
	}
	p.Printf("\n  %s (%s), %s variant, for %s:\n", r.Title, rec.Urgency, r.Leadership, r.Member)
	for i, s := range r.Steps {
		local := ""
		if s.Local {
			local = ", the clinic's own"
		}
		line := fmt.Sprintf("    %d. %s (%s%s)", i+1, s.Action, s.Role, local)
		if s.Action == session.StepReport || s.Action == session.StepWarnOrProtect || s.Local {
			wrap(p, line+": ", s.Text)
			continue
		}
		p.Printf("%s\n", line)
	}
}

// agency returns the agency a jurisdiction names for reports about victim v.
func agency(j safety.Jurisdiction, v safety.Victim) string {
	if d, ok := j.Duty(v); ok {
		return d.Agency
	}
	return "no agency recorded"
}

// wrap writes text after prefix, folded at about 96 columns.
func wrap(p *demo.Printer, prefix, text string) {
	line := prefix
	indent := strings.Repeat(" ", 8)
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > 96 && line != prefix {
			p.Printf("%s\n", line)
			line = indent
		}
		if line != prefix && line != indent {
			line += " "
		}
		line += word
	}
	p.Printf("%s\n", line)
}

package safety_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// A member of a peer-led support group in England says that her neighbour's
// child is being hurt. The abuse protocol runs, in its peer-led variant: no
// suicide assessment, a report to the agency England names, and tasks for
// the supervisor.
func ExampleBook_Respond() {
	eng := safety.England()
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &eng})
	if err != nil {
		panic(err)
	}
	at := time.Date(2026, 3, 4, 19, 40, 0, 0, time.UTC)
	r, err := book.Respond(safety.Episode{
		Protocol: safety.ProtocolAbuseDisclosed, Member: "carmen", At: at,
		Leadership: group.LeadershipPeerLed, Victims: []safety.Victim{safety.VictimChild},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Title, "-", r.Leadership)
	for i, s := range r.Steps {
		fmt.Printf("%d. %s (%s)\n", i+1, s.Action, s.Role)
	}
	fmt.Println(r.Steps[4].Text)
	for _, t := range r.Tasks {
		fmt.Println(t.Kind, t.Owner, t.Due.Format("Jan 2 15:04"))
	}
	// Output:
	// Abuse or neglect disclosed: a child, an elder or a dependent adult - peer-led
	// 1. listen (peer-facilitator)
	// 2. explain-next (peer-facilitator)
	// 3. escalate (peer-facilitator)
	// 4. consult (peer-facilitator)
	// 5. report (supervisor)
	// 6. document (peer-facilitator)
	// make the report the law asks: for a child: report to local authority children's social care (the police if a child is in immediate danger) at once (expected by guidance rather than required by statute)
	// oral-report supervisor Mar 4 19:40
	// clinician-review supervisor Mar 5 00:00
	// document peer-facilitator Mar 5 00:00
	// check-in peer-facilitator Mar 11 19:40
}

// A clinic adds its on-call number to the risk-to-self protocol, after the
// consultation step. Dropping a core step instead is refused.
func ExampleNewBook() {
	book, err := safety.NewBook(safety.Spec{Local: []safety.LocalStep{{
		Protocol: safety.ProtocolRiskToSelf, After: session.StepConsult,
		Step: safety.Step{Action: session.StepConsult, Role: group.RoleLead, Text: "the clinic's on-call psychiatrist: extension 4410", Source: "clinic procedure"},
	}}})
	if err != nil {
		panic(err)
	}
	p, _ := book.Protocol(safety.ProtocolRiskToSelf)
	for _, s := range p.Steps(group.LeadershipSolo)[:5] {
		fmt.Println(s.Action, s.Local)
	}

	shorter := p.Clone()
	shorter.Solo = shorter.Solo[1:] // no break before the assessment
	_, err = safety.NewBook(safety.Spec{Protocols: []safety.Protocol{shorter}})
	fmt.Println(errors.Is(err, safety.ErrCoreStep))
	// Output:
	// pause false
	// private-assessment false
	// consult false
	// consult true
	// escalate false
	// true
}

// An app keeps the tasks of its safety episodes on a queue and asks which
// are overdue.
func ExampleOverdue() {
	at := time.Date(2026, 3, 4, 19, 0, 0, 0, time.UTC)
	r, err := safety.DefaultBook().Respond(safety.Episode{
		Protocol: safety.ProtocolRiskToSelf, Member: "ana", At: at, Leadership: group.LeadershipCoLed,
	})
	if err != nil {
		panic(err)
	}
	tasks := r.Tasks
	tasks[0].Status = safety.StatusCompleted // the clinician review is done
	for _, t := range safety.Overdue(tasks, at.Add(30*time.Hour)) {
		fmt.Println(t.Kind, "due", t.Due.Format("Jan 2 15:04"), "owner", t.Owner)
	}
	// Output:
	// document due Mar 5 00:00 owner lead
	// notify-therapist due Mar 5 00:00 owner lead
}

// A clinic in California derives its jurisdiction from the US baseline:
// California's duty to protect is mandatory (Tarasoff 1976; California
// Civil Code s. 43.92).
func ExampleUSFederal() {
	ca := safety.USFederal()
	ca.Code, ca.Name = "US-CA", "California"
	ca.Warn = safety.WarnMandatory
	ca.WarnNote = "Tarasoff v. Regents (1976); Cal. Civ. Code s. 43.92: a serious threat of physical violence against a reasonably identifiable victim"
	ca.Sources = append(ca.Sources, "Cal. Civ. Code s. 43.92")
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &ca})
	if err != nil {
		panic(err)
	}
	r, err := book.Respond(safety.Episode{Protocol: safety.ProtocolRiskToOthers, Leadership: group.LeadershipSolo})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Steps[4].Action)
	fmt.Println(r.Steps[4].Text)
	// Output:
	// warn-or-protect
	// act on the duty to warn or protect: the law of California requires action when its conditions are met: warn the person threatened and the police, or arrange care that protects them (Tarasoff v. Regents (1976); Cal. Civ. Code s. 43.92: a serious threat of physical violence against a reasonably identifiable victim)
}

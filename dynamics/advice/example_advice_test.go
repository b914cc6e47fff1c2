package advice_test

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// A member who holds the floor in a CBT group: the monitor detects the
// monopolizing, and the advisor recommends the interventions in order of
// preference, once, with the evidence and the source.
func ExampleMonitor_monopolizer() {
	members := []group.MemberID{"ana", "ben", "cam", "dot"}
	m, err := advice.NewMonitor(advice.MonitorSpec{
		Members: members, Facilitators: []group.FacilitatorID{"lee"}, Modality: group.ModalityCBT,
	})
	if err != nil {
		panic(err)
	}
	at := time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC)
	observe := func(e session.Event) {
		e.At = at
		if err := m.Observe(e); err != nil {
			panic(err)
		}
		at = at.Add(e.Turn.Duration)
	}
	observe(session.Event{Type: session.EventStarted, Start: &session.Start{Members: members, Facilitators: []group.FacilitatorID{"lee"}}})
	for range 3 {
		for _, id := range members {
			d := time.Minute
			if id == "ben" {
				d = 6 * time.Minute // ben's turns run long
			}
			observe(session.Event{Type: session.EventTurn, Turn: session.Turn{
				Speaker: session.MemberParty(id), Addressee: session.WholeGroup(), Duration: d, Act: session.ActGivesOpinion,
			}})
		}
	}
	for _, r := range m.Advise(at, stage.Initial) {
		fmt.Println(r.Situation, r.Members, r.Urgency)
		fmt.Println("do:", r.Interventions)
		e := r.Evidence[0]
		fmt.Printf("because: %s %.2f, threshold %.2f, %.0f%% past it\n", e.Metric, e.Value, e.Threshold, 100*e.Margin)
		fmt.Println("events:", r.Evidence[0].Events)
	}
	fmt.Println("again:", len(m.Advise(at, stage.Initial)))
	// Output:
	// monopolizing [ben] soon
	// do: [cutting-off linking facilitating rounds giving-feedback]
	// because: talk-share 0.57, threshold 0.50, 14% past it
	// events: [3 7 11]
	// again: 0
}

// A member discloses thoughts of self-harm in a group led by one licensed
// clinician in the US, and her PHQ-9 from the check-in has item 9 above 0.
// The risk-to-self protocol ranks first, in its solo variant (a break
// before the private assessment), with the jurisdiction's crisis line in
// the safety plan and follow-up tasks due from the disclosure.
func ExampleMonitor_riskToSelf() {
	us := safety.USFederal()
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &us})
	if err != nil {
		panic(err)
	}
	members := []group.MemberID{"ana", "ben", "cam"}
	m, err := advice.NewMonitor(advice.MonitorSpec{
		Members: members, Facilitators: []group.FacilitatorID{"lee"}, Modality: group.ModalityCBT, Safety: book,
		Leaders: []group.Facilitator{{ID: "lee", Name: "Lee", Role: group.RoleLead, Credentials: []group.Credential{group.CredentialLicensedClinician}}},
	})
	if err != nil {
		panic(err)
	}
	at := time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC)
	for _, e := range []session.Event{
		{Type: session.EventStarted, At: at, Start: &session.Start{Members: members, Facilitators: []group.FacilitatorID{"lee"}}},
		{Type: session.EventTurn, At: at.Add(time.Minute), Turn: session.Turn{
			Speaker: session.MemberParty("cam"), Addressee: session.WholeGroup(), Duration: 2 * time.Minute,
			Act: session.ActShowsTension, Tags: session.Tags(0).With(session.TagSelfDisclosure),
		}},
		{Type: session.EventIncidentRaised, At: at.Add(3 * time.Minute), Incident: &session.Incident{
			ID: 1, Kind: session.IncidentRiskToSelf, Member: "cam", Text: "says she has thought about not waking up",
		}},
	} {
		if err := m.Observe(e); err != nil {
			panic(err)
		}
	}
	phq9, _ := measure.BuiltinCatalog().Lookup(measure.InstrumentPHQ9)
	score, _ := phq9.Score(measure.Answers(1, 2, 1, 1, 0, 2, 1, 0, 1), measure.Options{})
	if err := m.FlagRisk(at, "cam", score.Risk); err != nil {
		panic(err)
	}
	r := m.Advise(at.Add(3*time.Minute), stage.Initial)[0]
	fmt.Println(r.Situation, r.Members, r.Urgency, r.Safety.Leadership)
	for i, s := range r.Safety.Steps {
		fmt.Printf("%d. %s (%s)\n", i+1, s.Action, s.Role)
	}
	fmt.Println(r.Safety.Steps[4].Text)
	for _, t := range m.Tasks() {
		fmt.Println(t.Kind, t.Owner, t.Due.Format("Jan 2 15:04"))
	}
	// Output:
	// risk-to-self [cam] immediate solo
	// 1. pause (lead)
	// 2. private-assessment (lead)
	// 3. consult (lead)
	// 4. escalate (lead)
	// 5. safety-plan (lead)
	// 6. means-safety (lead)
	// 7. notify-clinician (lead)
	// 8. debrief (lead)
	// 9. document (lead)
	// make or review a written safety plan with the member: warning signs, ways to cope alone, people and places that distract, people to ask for help, professionals and crisis lines such as 988 Suicide & Crisis Lifeline (988), and making the surroundings safe
	// clinician-review lead Mar 3 00:00
	// document lead Mar 3 00:00
	// notify-therapist lead Mar 3 00:00
	// check-in lead Mar 4 18:00
}

// An app runs a session through a Room built from the group itself: the
// members admitted there are the session's roster, and every command
// reaches both the session and its monitor.
func ExampleRoom() {
	start := time.Date(2026, 3, 3, 18, 0, 0, 0, time.UTC)
	g, err := group.New(group.Spec{
		Name: "Tuesday CBT", Modality: group.ModalityCBT, Policy: group.PolicyClosed, Capacity: 8,
		SessionLength: 90 * time.Minute, PlannedSessions: 12, Start: start,
		Facilitators: []group.Facilitator{
			{ID: "ruiz", Name: "Dr. Ana Ruiz", Role: group.RoleLead, Credentials: []group.Credential{group.CredentialLicensedClinician, group.CredentialCBTTrained}},
			{ID: "okoye", Name: "Ben Okoye", Role: group.RoleCoLead, Credentials: []group.Credential{group.CredentialLicensedClinician}},
		},
		Agreement: group.StandardAgreement(1),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []group.Member{{ID: "m1", Name: "Cara"}, {ID: "m2", Name: "Dev"}, {ID: "m3", Name: "Eli"}} {
		week := start.AddDate(0, 0, -7)
		// Screening: no risk indicators and PHQ-9 item 9 answered 0.
		screening, err := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(0)})
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, step := range []func() error{
			func() error { return g.Refer(m, week) },
			func() error { return g.StartScreening(m.ID, week) },
			func() error { return g.RecordScreening(m.ID, screening, week) },
			func() error { return g.SignAgreement(m.ID, 1, week) },
			func() error { return g.Admit(m.ID, week) },
		} {
			if err := step(); err != nil {
				fmt.Println(err)
				return
			}
		}
	}
	agenda, _ := session.Template(g.Profile(), 90*time.Minute, 3)
	spec := session.SpecFromGroup(g, agenda, start, 90*time.Minute, 5*time.Minute)
	room, err := advice.NewRoom(advice.RoomSpec{Session: spec})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = room.Start(start, []group.FacilitatorID{"ruiz", "okoye"}, []group.MemberID{"m1", "m2", "m3"}, false)
	_, _ = room.RaiseIncident(start.Add(9*time.Minute), session.IncidentMedical, "m2", "Dev feels faint")
	for _, r := range room.Advise(start.Add(10*time.Minute), stage.Initial) {
		fmt.Println(r.Situation, r.Urgency, r.Members, r.Steps)
	}
	fmt.Println(room.Session().Len(), "events, the last", room.Session().Phase())
	// Output:
	// medical-emergency immediate [m2] [call-emergency stay-with continue-group debrief document]
	// 2 events, the last running
}

// A peer support program whose guidelines ask members not to answer one
// another's shares directly ("no crosstalk") adds that situation, with its
// own detector, citation and source, as one row.
func ExampleMonitorSpec_situations() {
	crosstalk := advice.Definition{
		Situation: "crosstalk", Class: advice.ClassPattern, Urgency: advice.UrgencyRoutine,
		Signs:         "members answer one another's shares directly",
		Interventions: []session.Skill{session.SkillShiftingFocus, session.SkillBlocking},
		Advice:        "restate the meeting's guideline gently and return to open sharing",
		Shows:         advice.Shows{Party: session.PartyMember},
		CountBased:    true, // a count of turns: it fires on reaching its threshold
		Citation:      "meeting guidelines", Source: "the program's meeting guidelines (no crosstalk)",
		Detect: func(s *dynamics.Snapshot, _ advice.Config, out []advice.Detection) []advice.Detection {
			for _, m := range s.Members {
				if n := int(m.ToMembers * float64(m.Turns)); n >= 3 {
					out = append(out, advice.Detection{Situation: "crosstalk", Members: []group.MemberID{m.ID}, Confidence: 1,
						Evidence: []advice.Evidence{{Metric: "turns-to-members", Value: float64(n), Threshold: 3}}})
				}
			}
			return out
		},
	}
	members := []group.MemberID{"ana", "ben"}
	m, err := advice.NewMonitor(advice.MonitorSpec{
		Members: members, Facilitators: []group.FacilitatorID{"rosa"}, Modality: group.ModalitySupport,
		Situations: advice.Definitions{crosstalk},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 3, 4, 19, 0, 0, 0, time.UTC)
	_ = m.Observe(session.Event{Type: session.EventStarted, At: at, Start: &session.Start{Members: members, Facilitators: []group.FacilitatorID{"rosa"}}})
	for range 3 {
		at = at.Add(time.Minute)
		_ = m.Observe(session.Event{Type: session.EventTurn, At: at, Turn: session.Turn{
			Speaker: session.MemberParty("ben"), Addressee: session.MemberParty("ana"), Duration: 30 * time.Second}})
	}
	for _, r := range m.Advise(at, stage.Unspecified) {
		fmt.Println(r.Situation, r.Members, r.Interventions, r.Source)
		fmt.Println("events:", r.Evidence[0].Events)
	}
	// Output:
	// crosstalk [ben] [shifting-focus blocking] the program's meeting guidelines (no crosstalk)
	// events: [2 3 4]
}

// What is ordinary at a stage is said to be so: a member who talks mostly
// to the leader is expected while a group forms (routine, with structure),
// and is dependency to work on once it works.
func ExampleAdvisor_Recommend_expected() {
	a, err := advice.NewAdvisor(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	d := advice.Detection{Situation: advice.SituationDependency, Members: []group.MemberID{"cy"}, Confidence: 0.8}
	for _, st := range []stage.Stage{stage.Forming, stage.Working} {
		r, _ := a.Recommend(advice.Context{Modality: group.ModalityProcess, Stage: st}, d)
		fmt.Printf("%s: %s [%s], expected %v\n  %s\n", st, r.RuleID, r.Urgency, r.Expected, r.Rationale)
	}
	// Output:
	// forming: dependency-forming [routine], expected true
	//   expected at this stage: members look to the leader while a group forms; give structure and turn talk toward members
	// working: dependency [routine], expected false
	//   return responsibility to the member; use goals and contracts; turn talk toward other members
}

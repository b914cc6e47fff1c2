package advice_test

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
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
		fmt.Printf("because: %s share %.2f >= %.2f\n", r.Evidence[0].Metric, r.Evidence[0].Value, r.Evidence[0].Threshold)
		fmt.Println("events:", r.Evidence[0].Events)
	}
	fmt.Println("again:", len(m.Advise(at, stage.Initial)))
	// Output:
	// monopolizing [ben] soon
	// do: [cutting-off linking facilitating rounds giving-feedback]
	// because: talk-share share 0.67 >= 0.50
	// events: [3 7 11]
	// again: 0
}

// A member discloses thoughts of self-harm in a group led by one
// facilitator, and her PHQ-9 from the check-in has item 9 above 0. Safety
// ranks first and the solo variant of the protocol starts with a break.
func ExampleMonitor_riskDisclosure() {
	members := []group.MemberID{"ana", "ben", "cam"}
	m, err := advice.NewMonitor(advice.MonitorSpec{
		Members: members, Facilitators: []group.FacilitatorID{"lee"}, Modality: group.ModalityCBT,
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
	phq9, _ := measure.ScorePHQ9([9]int{1, 2, 1, 1, 0, 2, 1, 0, 1})
	if err := m.FlagPHQ9("cam", phq9); err != nil {
		panic(err)
	}
	r := m.Advise(at.Add(3*time.Minute), stage.Initial)[0]
	fmt.Println(r.Situation, r.Members, r.Urgency)
	for i, s := range r.Steps {
		fmt.Printf("%d. %s: %s\n", i+1, s, s.Description())
	}
	// Output:
	// risk-disclosure [cam] immediate
	// 1. pause: pause the group or call a break; stay calm and do not question the member in front of others
	// 2. private-assessment: one leader assesses risk in private: ideation, plan, means, timeline
	// 3. safety-plan: make or review a safety plan with the member and agree follow-up
	// 4. escalate: contact emergency services or a crisis line (988 in the US) as the risk level requires
	// 5. debrief: debrief the group afterwards without sharing protected detail
	// 6. document: document the incident, the assessment and the actions taken
}

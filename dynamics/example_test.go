package dynamics_test

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

func ExampleTracker() {
	start := time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)
	tr, err := dynamics.NewTracker([]group.MemberID{"ana", "ben", "cy"}, []group.FacilitatorID{"lee"})
	if err != nil {
		fmt.Println(err)
		return
	}
	say := func(sec int, from, to session.Party, dur int, act session.Act) {
		e := session.Event{Type: session.EventTurn, At: start.Add(time.Duration(sec) * time.Second),
			Turn: session.Turn{Speaker: from, Addressee: to, Duration: time.Duration(dur) * time.Second, Act: act}}
		if err := tr.Observe(e); err != nil {
			fmt.Println(err)
		}
	}
	ana, ben, cy := session.MemberParty("ana"), session.MemberParty("ben"), session.MemberParty("cy")
	lee := session.FacilitatorParty("lee")
	_ = tr.Observe(session.Event{Type: session.EventStarted, At: start,
		Start: &session.Start{Members: []group.MemberID{"ana", "ben", "cy"}, Facilitators: []group.FacilitatorID{"lee"}}})
	say(0, lee, session.WholeGroup(), 30, session.ActGivesOrientation)
	say(30, ana, lee, 90, session.ActGivesOpinion)
	say(120, ana, ben, 60, session.ActGivesSuggestion)
	say(180, ben, ana, 10, session.ActDisagrees)
	say(190, ana, ben, 60, session.ActGivesSuggestion)
	// An IPA category of 13 is rejected and changes nothing.
	say(250, cy, ana, 5, session.Act(13))

	s := tr.SnapshotAt(start.Add(5 * time.Minute))
	for _, m := range s.Members {
		fmt.Printf("%s: %d turns, %.0f%% of members' talk, silent for %v\n", m.ID, m.Turns, 100*m.TalkShare, m.SinceSpoke)
	}
	fmt.Printf("talk gini %.2f, facilitator share %.2f\n", s.TalkGini, s.FacilitatorShare)
	fmt.Println("advice from ana to ben (IPA 4):", s.Interactions.Acts(ana, ben, dynamics.ActsOf(session.ActGivesSuggestion)))
	// Output:
	// session: event 6 (turn): turn.act: unknown act Act(13)
	// ana: 3 turns, 95% of members' talk, silent for 50s
	// ben: 1 turns, 5% of members' talk, silent for 1m50s
	// cy: 0 turns, 0% of members' talk, silent for 5m0s
	// talk gini 0.64, facilitator share 0.12
	// advice from ana to ben (IPA 4): 2
}

// Example follows one session of a CBT group from events to its metrics and
// a stage estimate recorded in the group's history.
func Example() {
	start := time.Date(2025, 5, 12, 17, 30, 0, 0, time.UTC)
	members := []group.MemberID{"ana", "ben", "cy", "dee"}
	tr, err := dynamics.NewTracker(members, []group.FacilitatorID{"lee"})
	if err != nil {
		fmt.Println(err)
		return
	}
	ana, ben, cy, dee := session.MemberParty("ana"), session.MemberParty("ben"), session.MemberParty("cy"), session.MemberParty("dee")
	lee := session.FacilitatorParty("lee")
	sec := func(n int) time.Time { return start.Add(time.Duration(n) * time.Second) }
	turn := func(n int, from, to session.Party, dur int, act session.Act, tags ...session.Tag) session.Event {
		var ts session.Tags
		for _, t := range tags {
			ts = ts.With(t)
		}
		return session.Event{Type: session.EventTurn, At: sec(n), Turn: session.Turn{
			Speaker: from, Addressee: to, Duration: time.Duration(dur) * time.Second, Act: act, Tags: ts}}
	}
	log := []session.Event{
		{Type: session.EventStarted, At: sec(0), Start: &session.Start{Members: []group.MemberID{"ana", "ben", "cy"}, Facilitators: []group.FacilitatorID{"lee"}}},
		{Type: session.EventSegmentBegan, At: sec(0), Segment: session.SegmentCheckIn},
		turn(10, lee, session.WholeGroup(), 40, session.ActGivesOrientation),
		turn(50, ana, session.WholeGroup(), 80, session.ActGivesOrientation, session.TagSelfDisclosure),
		{Type: session.EventArrived, At: sec(120), Member: "dee"},
		turn(130, ben, ana, 45, session.ActGivesOpinion, session.TagFeedback),
		turn(175, ana, ben, 30, session.ActAgrees),
		turn(205, cy, dee, 20, session.ActAsksOpinion, session.TagSideConversation),
		turn(225, dee, cy, 20, session.ActGivesOpinion, session.TagSideConversation),
		turn(245, ben, ana, 40, session.ActGivesOpinion, session.TagFeedback, session.TagHereAndNow),
		turn(285, cy, lee, 15, session.ActDisagrees),
		{Type: session.EventIntervention, At: sec(300), Intervention: &session.Intervention{Facilitator: "lee", Skill: session.SkillLinking, Target: cy}},
		turn(310, dee, ben, 30, session.ActShowsSolidarity, session.TagSelfDisclosure),
		{Type: session.EventEnded, At: sec(3600)},
	}
	for _, e := range log {
		if err := tr.Observe(e); err != nil {
			fmt.Println(err)
			return
		}
	}
	s := tr.Snapshot()
	fmt.Printf("%d turns; members to members %.0f%%; reciprocity %.2f; density %.2f\n",
		s.Turns, 100*s.MemberToMember, s.Reciprocity, s.Density)
	for i, g := range s.Subgroups {
		fmt.Printf("subgroup %d: %v\n", i+1, g.Members)
	}
	fmt.Printf("modularity %.2f\n", s.Modularity)
	late, _ := s.Member("dee")
	fmt.Printf("dee came %v late\n", late.LateBy)

	ev := stage.SessionEvidence{Session: 6, Planned: 8,
		Climate:     measure.GCQSScore{Engagement: 4.4, Avoidance: 1.2, Conflict: 1.1, Answered: 12},
		Interaction: s.Evidence(), Attendance: s.Attendance()}
	est, err := stage.Infer([]stage.SessionEvidence{ev})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("estimate: %s, confidence %.2f (%d signals)\n", est.Stage, est.Confidence, len(est.Evidence))
	h, _ := stage.NewHistory(stage.Corey)
	_ = h.Estimated(6, start, est)
	cur, _ := h.Current()
	fmt.Printf("history, session %d: %s (%s)\n", cur.Session, cur.Stage, cur.SetBy)
	// Output:
	// 9 turns; members to members 75%; reciprocity 0.80; density 0.42
	// subgroup 1: [ana ben]
	// subgroup 2: [cy dee]
	// modularity 0.32
	// dee came 2m0s late
	// estimate: performing, confidence 0.69 (6 signals)
	// history, session 6: working (estimate)
}

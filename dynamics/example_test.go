package dynamics_test

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/dynamics"
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
		if err := tr.Observe(&e); err != nil {
			fmt.Println(err)
		}
	}
	ana, ben, cy := session.MemberParty("ana"), session.MemberParty("ben"), session.MemberParty("cy")
	lee := session.FacilitatorParty("lee")
	_ = tr.Observe(&session.Event{Type: session.EventStarted, At: start,
		Start: session.Start{Members: []group.MemberID{"ana", "ben", "cy"}, Facilitators: []group.FacilitatorID{"lee"}}})
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
	// dynamics: turn event at 2025-03-04T18:04:10Z (member:cy): invalid act
	// ana: 3 turns, 95% of members' talk, silent for 50s
	// ben: 1 turns, 5% of members' talk, silent for 1m50s
	// cy: 0 turns, 0% of members' talk, silent for 5m0s
	// talk gini 0.64, facilitator share 0.12
	// advice from ana to ben (IPA 4): 2
}

func ExampleEstimateStage() {
	gcqs := func(eng, avoid, conflict float64) measure.GCQSScore {
		return measure.GCQSScore{Engagement: eng, Avoidance: avoid, Conflict: conflict, Answered: 12}
	}
	history := []dynamics.SessionEvidence{
		{Session: 3, Planned: 12, Climate: gcqs(3.1, 2.0, 1.8), Attendance: dynamics.AttendanceEvidence{Expected: 8, Present: 8}},
		{Session: 4, Planned: 12, Climate: gcqs(3.0, 2.2, 3.4), Attendance: dynamics.AttendanceEvidence{Expected: 8, Present: 6, Late: 2},
			Interaction: dynamics.InteractionEvidence{MemberTurns: 64, MemberToMember: 0.45, MemberToFacilitator: 0.4, Negative: 0.22, LeaderChallenges: 3}},
	}
	e, err := dynamics.EstimateStage(history)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("session %d: %s (Corey: %s, Yalom: %s), confidence %.2f\n",
		e.Session, e.Stage, e.In(dynamics.ModelCorey), e.In(dynamics.ModelYalom), e.Confidence)
	for _, s := range e.Evidence {
		fmt.Printf("  %s -> %s +%.2f: %s\n", s.Code, s.Stage, s.Weight, s.Detail)
	}
	// Output:
	// session 4: storming (Corey: transition, Yalom: conflict), confidence 0.96
	//   position-middle -> storming +0.50: session 4 of 12, first half
	//   position-middle -> norming +0.25: session 4 of 12, first half
	//   negative-acts -> storming +1.50: 0.22 of coded member acts are negative (IPA 10-12)
	//   leader-challenges -> storming +1.50: 3 disagreements or antagonism aimed at a facilitator
	//   climate-conflict-high -> storming +1.50: GCQ-S conflict 3.40 (0-6)
	//   attendance-spike -> storming +1.00: 0.50 of members absent or late, up from 0.00
}

func ExampleStageHistory() {
	h, _ := dynamics.NewStageHistory(dynamics.ModelCorey)
	week := func(n int) time.Time { return time.Date(2025, 1, 6, 18, 0, 0, 0, time.UTC).AddDate(0, 0, 7*(n-1)) }
	_ = h.Estimated(1, week(1), dynamics.Estimate{Stage: dynamics.StageForming, Confidence: 0.9})
	_ = h.Estimated(2, week(2), dynamics.Estimate{Stage: dynamics.StagePerforming, Confidence: 0.3})
	_ = h.Set(2, week(2), dynamics.StageTransition, "lee", "members testing the ground rules")
	_ = h.Estimated(3, week(3), dynamics.Estimate{Stage: dynamics.StageForming, Confidence: 0.6})
	for _, e := range h.Entries() {
		fmt.Printf("session %d: %s by %s", e.Session, e.Stage, e.SetBy)
		if e.Overrides.IsValid() {
			fmt.Printf(" (overrides %s: %s)", e.Overrides, e.Reason)
		}
		if e.Regression {
			fmt.Printf(" (regression from %s)", e.From)
		}
		fmt.Println()
	}
	// Output:
	// session 1: initial by estimate
	// session 2: transition by facilitator (overrides working: members testing the ground rules)
	// session 3: initial by estimate (regression from transition)
}

// Example follows one session of a CBT group from events to a sociogram and
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
		{Type: session.EventStarted, At: sec(0), Start: session.Start{Members: []group.MemberID{"ana", "ben", "cy"}, Facilitators: []group.FacilitatorID{"lee"}}},
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
		{Type: session.EventIntervention, At: sec(300), Intervention: session.Intervention{Facilitator: "lee", Skill: session.SkillLinking, Target: cy}},
		turn(310, dee, ben, 30, session.ActShowsSolidarity, session.TagSelfDisclosure),
		{Type: session.EventEnded, At: sec(3600)},
	}
	for _, e := range log {
		if err := tr.Observe(&e); err != nil {
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

	svg := dynamics.Sociogram(&s, dynamics.PictureOptions{Initials: true,
		Labels: map[session.Party]string{ana: "Ana Ortiz", ben: "Ben Ode", cy: "Cy Lamb", dee: "Dee Fox", lee: "Lee Park"}})
	fmt.Println("sociogram bytes:", len(svg) > 0)

	ev := dynamics.SessionEvidence{Session: 6, Planned: 8,
		Climate:     measure.GCQSScore{Engagement: 4.4, Avoidance: 1.2, Conflict: 1.1, Answered: 12},
		Interaction: s.Evidence(), Attendance: s.Attendance()}
	est, err := dynamics.EstimateStage([]dynamics.SessionEvidence{ev})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("estimate: %s, confidence %.2f (%d signals)\n", est.Stage, est.Confidence, len(est.Evidence))
	h, _ := dynamics.NewStageHistory(dynamics.ModelCorey)
	_ = h.Estimated(6, start, est)
	cur, _ := h.Current()
	fmt.Printf("history, session %d: %s (%s)\n", cur.Session, cur.Stage, cur.SetBy)
	// Output:
	// 9 turns; members to members 75%; reciprocity 0.80; density 0.42
	// subgroup 1: [ana ben]
	// subgroup 2: [cy dee]
	// modularity 0.32
	// dee came 2m0s late
	// sociogram bytes: true
	// estimate: performing, confidence 0.69 (6 signals)
	// history, session 6: working (estimate)
}

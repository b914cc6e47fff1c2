package stage_test

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/measure"
)

func ExampleInfer() {
	gcqs := func(eng, avoid, conflict float64) measure.GCQSScore {
		return measure.GCQSScore{Engagement: eng, Avoidance: avoid, Conflict: conflict, Answered: 12}
	}
	history := []stage.SessionEvidence{
		{Session: 3, Planned: 12, Climate: gcqs(3.1, 2.0, 1.8), Attendance: stage.AttendanceEvidence{Expected: 8, Present: 8}},
		{Session: 4, Planned: 12, Climate: gcqs(3.0, 2.2, 3.4), Attendance: stage.AttendanceEvidence{Expected: 8, Present: 6, Late: 2},
			Interaction: stage.InteractionEvidence{MemberTurns: 64, MemberToMember: 0.45, MemberToFacilitator: 0.4, Negative: 0.22, LeaderChallenges: 3}},
	}
	e, err := stage.Infer(history)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("session %d: %s, confidence %.2f\n", e.Session, e.Name(), e.Confidence)
	corey := e.Translate(stage.Corey) // one model per output
	fmt.Printf("in Corey's model: %s\n", corey.Name())
	for _, s := range e.Evidence {
		fmt.Printf("  %s -> %s +%.2f: %s\n", s.Code, s.Stage, s.Weight, s.Detail)
	}
	// Output:
	// session 4: storming, confidence 0.96
	// in Corey's model: transition
	//   position-middle -> storming +0.50: session 4 of 12, first half
	//   position-middle -> norming +0.25: session 4 of 12, first half
	//   negative-acts -> storming +1.50: 0.22 of coded member acts are negative (IPA 10-12)
	//   leader-challenges -> storming +1.50: 3 disagreements or antagonism aimed at a facilitator
	//   climate-conflict-high -> storming +1.50: GCQ-S conflict 3.40 (0-6)
	//   attendance-spike -> storming +1.00: 0.50 of members absent or late, up from 0.00
}

func ExampleHistory() {
	h, _ := stage.NewHistory(stage.Corey)
	week := func(n int) time.Time { return time.Date(2025, 1, 6, 18, 0, 0, 0, time.UTC).AddDate(0, 0, 7*(n-1)) }
	_ = h.Estimated(1, week(1), stage.Estimate{Stage: stage.Forming, Confidence: 0.9})
	_ = h.Estimated(2, week(2), stage.Estimate{Stage: stage.Performing, Confidence: 0.3})
	_ = h.Set(2, week(2), stage.Transition, "lee", "members testing the ground rules")
	_ = h.Estimated(3, week(3), stage.Estimate{Stage: stage.Forming, Confidence: 0.6})
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

// Below the confidence floor an estimate names no stage: it says there is
// not enough evidence yet, and keeps its scores for the facilitator. One
// output speaks of one model: translate the estimate, not its stage alone.
func ExampleEstimate_Translate() {
	history := []stage.SessionEvidence{
		{Session: 2, Planned: 10, Climate: measure.GCQSScore{Engagement: 3, Avoidance: 2, Conflict: 1, Answered: 12}},
		{Session: 3, Planned: 10, Climate: measure.GCQSScore{Engagement: 3, Avoidance: 2, Conflict: 2, Answered: 12},
			Interaction: stage.InteractionEvidence{MemberTurns: 40, MemberToMember: 0.6, Negative: 0.02}},
	}
	e, err := stage.Infer(history)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("session %d: %s (confidence %.2f, floor %.1f)\n", e.Session, e.Name(), e.Confidence, stage.MinConfidence)
	yalom := e.Translate(stage.Yalom)
	fmt.Printf("in Yalom's model: %s\n", yalom.Name())
	for _, s := range yalom.Scores {
		if s.Score > 0 {
			fmt.Printf("  %s %.2f\n", s.Stage, s.Score)
		}
	}
	// Output:
	// session 3: not enough evidence yet (confidence 0.06, floor 0.4)
	// in Yalom's model: not enough evidence yet
	//   conflict 1.50
	//   cohesiveness 1.25
}

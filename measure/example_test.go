package measure_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/groupwork/groupwork/measure"
)

func ExampleScorePHQ9() {
	s, err := measure.ScorePHQ9([9]int{2, 2, 1, 2, 1, 1, 2, 1, 0})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total:", s.Total, s.Band)
	fmt.Println("screen positive:", s.ScreenPositive)
	fmt.Println("phq-2:", s.PHQ2, s.PHQ2Positive)
	// Output:
	// total: 12 moderate
	// screen positive: true
	// phq-2: 4 true
}

// A minimal total does not hide item 9: the self-harm flag is separate.
func ExamplePHQ9Score_selfHarmRisk() {
	s, _ := measure.ScorePHQ9([9]int{0, 1, 0, 0, 0, 0, 0, 0, 1})
	fmt.Println(s.Total, s.Band)
	if s.SelfHarmRisk {
		fmt.Println("item 9 answered", s.Item9, "- follow up today")
	}
	// Output:
	// 2 minimal
	// item 9 answered 1 - follow up today
}

func ExampleScorePHQ9Answers() {
	answers := measure.Answers(2, 2, 1, 2, 1, 1, 2, 1, 0)
	answers[3] = measure.Missing()

	strict, _ := measure.ScorePHQ9Answers(answers, measure.Options{})
	fmt.Println("strict:", strict.Total, strict.Complete, strict.Band)

	// 8 answered items sum to 10; 10/8*9 = 11.25.
	prorated, _ := measure.ScorePHQ9Answers(answers, measure.Options{Prorate: true})
	fmt.Println("prorated:", prorated.Total, prorated.Complete, prorated.Band)
	// Output:
	// strict: 10 false unspecified
	// prorated: 11 true moderate
}

func ExampleScoreGCQS() {
	a := measure.Answers(4, 3, 1, 4, 2, 1, 0, 3, 1, 0, 4, 2)
	s, err := measure.ScoreGCQS([12]measure.Answer(a))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("engagement %.1f, avoidance %.1f, conflict %.2f\n", s.Engagement, s.Avoidance, s.Conflict)
	// Output:
	// engagement 3.6, avoidance 1.3, conflict 0.75
}

// The group's climate for a session: each member present scores a GCQ-S,
// and MeanGCQS averages the members' subscale means. One form left four
// items blank, so the mean rests on forms of at least 8 answered items.
func ExampleMeanGCQS() {
	forms := [][]measure.Answer{
		measure.Answers(4, 3, 1, 4, 2, 1, 0, 3, 1, 0, 4, 2),
		measure.Answers(5, 5, 0, 6, 1, 0, 0, 4, 2, 0, 5, 1),
		{measure.Answered(3), measure.Missing(), measure.Answered(2), measure.Missing(), measure.Answered(2), measure.Answered(1),
			measure.Missing(), measure.Answered(2), measure.Answered(3), measure.Answered(1), measure.Missing(), measure.Answered(2)},
	}
	var scores []measure.GCQSScore
	for _, f := range forms {
		s, err := measure.ScoreGCQSAnswers(f)
		if err != nil {
			fmt.Println(err)
			return
		}
		scores = append(scores, s)
	}
	climate, err := measure.MeanGCQS(scores)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("engagement %.2f, avoidance %.2f, conflict %.2f, fewest answered %d\n",
		climate.Engagement, climate.Avoidance, climate.Conflict, climate.Answered)

	_, err = measure.MeanGCQS(nil)
	fmt.Println("no forms:", errors.Is(err, measure.ErrInvalid))
	// Output:
	// engagement 3.70, avoidance 1.56, conflict 0.78, fewest answered 8
	// no forms: true
}

func ExampleScoreGSRS() {
	s, _ := measure.ScoreGSRS([4]float64{9.5, 8.5, 9, 9})
	fmt.Println(s.Total, "alliance alert:", s.AllianceAlert, "low items:", s.LowItems)
	// Output:
	// 36 alliance alert: true low items: [2]
}

// Reliable change worked through: SD 5 and reliability 0.84 give SE 2 and
// Sdiff 2.83, so a change must exceed 1.96 * 2.83 = 5.54 points.
func ExampleRCI() {
	r, err := measure.NewRCI(5, 0.84)
	if err != nil {
		fmt.Println(err)
		return
	}
	rc, _ := r.Index(18, 9)
	fmt.Printf("SE %.2f, Sdiff %.2f, threshold %.2f points\n", r.SE(), r.SDiff(), r.Points())
	fmt.Printf("18 -> 9: RC %.2f\n", rc)
	// Output:
	// SE 2.00, Sdiff 2.83, threshold 5.54 points
	// 18 -> 9: RC -3.18
}

func ExampleChangeRule_Classify() {
	r, _ := measure.NewRCI(5, 0.84)
	cut, _ := measure.Norms{DysfunctionalMean: 15, DysfunctionalSD: 5, FunctionalMean: 3, FunctionalSD: 3}.Cutoffs()
	rule, _ := measure.JacobsonTruax("phq-9", r, cut.C, true)
	for _, p := range [][2]float64{{18, 9}, {18, 7}, {18, 14}, {10, 16}} {
		c, _ := rule.Classify(p[0], p[1])
		fmt.Printf("%v -> %v: %v (RC %.2f)\n", p[0], p[1], c.Category, c.RC)
	}
	// Output:
	// 18 -> 9: improved (RC -3.18)
	// 18 -> 7: recovered (RC -3.89)
	// 18 -> 14: unchanged (RC -1.41)
	// 10 -> 16: deteriorated (RC 2.12)
}

func ExampleTalkingTherapies_Assess() {
	tt := measure.NHSTalkingTherapies()
	o, _ := tt.Assess(measure.Pair{Depression: 16, Anxiety: 12}, measure.Pair{Depression: 8, Anxiety: 6})
	fmt.Println("recovery:", o.Recovery, "reliable improvement:", o.ReliableImprovement,
		"reliable recovery:", o.ReliableRecovery)
	// Output:
	// recovery: true reliable improvement: true reliable recovery: true
}

// The whole story: a closed CBT group records PHQ-9s at three sessions, the
// app builds each member's trajectory, checks risk flags and reads the
// group's outcomes under the NHS Talking Therapies rule.
func Example() {
	start := time.Date(2025, 9, 2, 18, 0, 0, 0, time.UTC)
	week := func(n int) time.Time { return start.AddDate(0, 0, 7*(n-1)) }
	phq9 := func(member string, session int, answers ...float64) measure.Administration {
		return measure.Administration{
			Instrument: measure.InstrumentPHQ9, Member: member, Group: "tuesday-cbt",
			At: week(session), Session: session, Answers: measure.Answers(answers...),
		}
	}
	admins := []measure.Administration{
		phq9("ana", 1, 2, 2, 2, 2, 2, 2, 2, 2, 0),
		phq9("ben", 1, 2, 2, 1, 2, 1, 1, 1, 1, 1),
		phq9("cal", 1, 1, 1, 1, 1, 1, 1, 1, 1, 0),
		phq9("ana", 4, 1, 1, 1, 1, 1, 1, 1, 0, 0),
		phq9("ben", 4, 1, 1, 1, 1, 1, 1, 1, 1, 0),
		phq9("cal", 4, 2, 2, 2, 2, 2, 1, 2, 1, 1),
	}

	// Score each form as it arrives: the risk flag needs action at once.
	cat := measure.BuiltinCatalog()
	for _, a := range admins {
		r, err := cat.Score(a, measure.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		if r.Risk.Raised() {
			fmt.Printf("session %d: %s answered item %d above 0 (total %v)\n", r.Session, r.Member, r.Risk.Item, r.Total)
		}
	}

	trs, err := measure.Trajectories(cat, measure.Options{}, admins)
	if err != nil {
		fmt.Println(err)
		return
	}
	rule := measure.NHSTalkingTherapies().Depression
	for _, tr := range trs {
		c, _ := tr.Change(rule)
		fmt.Printf("%s: %v -> %v, %v\n", tr.Member, c.Pre, c.Post, c.Category)
	}
	g, _ := measure.SummarizeGroup(trs, rule)
	for _, s := range g.Sessions {
		fmt.Printf("session %d mean %.1f (n=%d)\n", s.Session, s.Mean, s.N)
	}
	fmt.Printf("improved %.0f%%, deteriorated %.0f%%, recovered %.0f%%; open risk: %v\n",
		100*g.ImprovedShare, 100*g.DeterioratedShare, 100*g.RecoveredShare, g.OpenRisk)
	// Output:
	// session 1: ben answered item 9 above 0 (total 12)
	// session 4: cal answered item 9 above 0 (total 15)
	// ana: 16 -> 7, recovered
	// ben: 12 -> 8, unchanged
	// cal: 8 -> 15, deteriorated
	// session 1 mean 12.0 (n=3)
	// session 4 mean 10.0 (n=3)
	// improved 33%, deteriorated 33%, recovered 33%; open risk: [cal]
}

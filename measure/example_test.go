package measure_test

import (
	"encoding/json"
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

// An app defines an instrument of its own as a value, adds it to a
// catalogue, and gets the same checks, scoring, risk flag and JSON round
// trip as the built-ins. Here a clinic's three-item sleep check, with a
// reversed item, bands, a cut-off and a risk item.
func ExampleCatalog_Add() {
	const src = "the clinic's own form (heuristic, not a published instrument)"
	sleep := measure.Definition{
		Instrument: "sleep-check", Name: "Clinic sleep check", Kind: measure.KindOutcome, Construct: "sleep problems",
		Scale: measure.Scale{Min: 0, Max: 4, Step: 1, Labels: []string{"never", "rarely", "sometimes", "often", "always"}},
		Items: []measure.Item{
			{Number: 1, Label: "trouble falling asleep"},
			{Number: 2, Label: "waking rested", Reversed: true},
			{Number: 3, Label: "nodding off while driving"},
		},
		Total: measure.TotalSum, HigherIsWorse: true,
		Bands: []measure.Band{
			{Label: "none", Min: 0, Max: 3}, {Label: "some", Min: 4, Max: 7}, {Label: "marked", Min: 8, Max: 12},
		},
		Screens:        []measure.Cutoff{{Name: "refer to the sleep clinic", Value: 8, Source: src}},
		Caseness:       measure.Cutoff{Name: "caseness", Value: 8, Source: src},
		ReliableChange: measure.Threshold{Kind: measure.ThresholdMCID, Points: 3, Inclusive: true, Source: src},
		Risk: []measure.RiskItem{{Item: 3, AtLeast: 2, Kind: measure.RiskToOthers, Source: src,
			FollowUp: measure.FollowUp{Action: measure.ActionRiskAssessment, Actor: measure.ActorClinician, Within: measure.WindowSameDay}}},
		Missing:  measure.MissingRule{MaxMissing: 1, MaxProrated: 1, Round: true, Source: src},
		Citation: src, Licence: "the clinic's own",
	}
	cat := measure.BuiltinCatalog()
	if err := cat.Add(sleep); err != nil {
		fmt.Println(err)
		return
	}
	r, err := cat.Score(measure.Administration{Instrument: "sleep-check", Member: "ana", At: time.Date(2025, 9, 2, 18, 0, 0, 0, time.UTC),
		Answers: measure.Answers(3, 1, 2)}, measure.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total:", r.Total, r.Band, "screen:", r.Screen.Name, r.Screen.Positive)
	fmt.Println("risk:", r.Risk.Status, r.Risk.Kind, "item", r.Risk.Item, "answered", r.Risk.AnswerLabel, "->", r.Risk.FollowUp.Action)

	// The definition travels as JSON, and comes back the same.
	b, _ := json.Marshal(sleep)
	var back measure.Definition
	_ = json.Unmarshal(b, &back)
	fmt.Println("round trip:", back.Validate() == nil, back.Items[1].Reversed)

	// A broken definition is refused with every problem at once.
	sleep.Bands[1].Min = 2
	sleep.Risk[0].Item = 4
	err = cat.Set(sleep)
	fmt.Println(errors.Is(err, measure.ErrInvalid), len(err.(interface{ Unwrap() []error }).Unwrap()), "problems")
	_, err = cat.Lookup("orq-5")
	fmt.Println(errors.Is(err, measure.ErrUnknownInstrument))
	// Output:
	// total: 8 marked screen: refer to the sleep clinic true
	// risk: raised to-others item 3 answered sometimes -> risk-assessment
	// round trip: true true
	// true 2 problems
	// true
}

// Session-by-session monitoring: one member's PHQ-9s and session ratings,
// with attendance, read for alerts that carry their follow-up as data.
func ExampleAlertRules_Alerts() {
	start := time.Date(2025, 9, 2, 18, 0, 0, 0, time.UTC)
	phq9 := func(n int, answers ...float64) measure.Administration {
		return measure.Administration{Instrument: measure.InstrumentPHQ9, Member: "ben", At: start.AddDate(0, 0, 7*(n-1)),
			Session: n, Answers: measure.Answers(answers...)}
	}
	gsrs := func(n int, answers ...float64) measure.Administration {
		return measure.Administration{Instrument: measure.InstrumentGSRS, Member: "ben", At: start.AddDate(0, 0, 7*(n-1)).Add(2 * time.Hour),
			Session: n, Answers: measure.Answers(answers...)}
	}
	series := measure.Series{Member: "ben",
		Administrations: []measure.Administration{
			phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0), gsrs(1, 9.5, 9.5, 9, 9.5),
			phq9(2, 2, 2, 2, 2, 2, 2, 1, 1, 0), gsrs(2, 8.5, 8, 9, 8.5),
		},
		Attendance: []measure.SessionAttendance{{Session: 1, Attended: true}, {Session: 2, Attended: true},
			{Session: 3, Attended: false}, {Session: 4, Attended: false}},
	}
	alerts, err := measure.DefaultAlertRules().Alerts(measure.BuiltinCatalog(), measure.Options{}, series)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range alerts {
		fmt.Printf("session %d %v (heuristic %v): %s\n  -> %v by the %v, %v\n", a.Session, a.Kind, a.Heuristic, a.Rule,
			a.FollowUp.Action, a.FollowUp.Actor, a.FollowUp.Within)
	}
	// Output:
	// session 2 reliable-deterioration (heuristic false): phq-9 worse by 6 points since the first score, beyond the reliable change of 6
	//   -> review-treatment-plan by the clinician, before-next-session
	// session 2 alliance-rupture (heuristic false): gsrs rating 34 at or beyond its cut-off of 36
	//   -> alliance-check-in by the facilitator, before-next-session
	// session 4 dropout-risk (heuristic true): 2 of the last 3 sessions missed, and gsrs rating 34 at or beyond its cut-off of 36
	//   -> outreach by the facilitator, before-next-session
}

// A group's outcomes for a clinic's dashboard: the NHS Talking Therapies
// figures with the counts behind them, and the Jacobson-Truax categories.
func ExampleTalkingTherapies_GroupOutcomes() {
	start := time.Date(2025, 9, 2, 18, 0, 0, 0, time.UTC)
	form := func(inst measure.Instrument, member string, n int, answers ...float64) measure.Administration {
		return measure.Administration{Instrument: inst, Member: member, At: start.AddDate(0, 0, 7*(n-1)), Session: n,
			Answers: measure.Answers(answers...)}
	}
	p, g := measure.InstrumentPHQ9, measure.InstrumentGAD7
	admins := []measure.Administration{
		form(p, "ana", 1, 2, 2, 2, 2, 2, 2, 2, 2, 0), form(g, "ana", 1, 2, 2, 2, 2, 1, 1, 1),
		form(p, "ana", 12, 1, 1, 1, 1, 1, 1, 0, 0, 0), form(g, "ana", 12, 1, 1, 1, 1, 1, 0, 0),
		form(p, "ben", 1, 1, 1, 1, 1, 1, 1, 1, 1, 0), form(g, "ben", 1, 1, 1, 1, 1, 1, 1, 1),
		form(p, "ben", 12, 1, 1, 1, 1, 1, 1, 1, 1, 0), form(g, "ben", 12, 1, 1, 1, 1, 0, 0, 0),
		form(p, "cal", 3, 3, 3, 3, 3, 3, 3, 0, 0, 0), form(g, "cal", 3, 3, 3, 3, 3, 0, 0, 0),
	}
	o, err := measure.NHSTalkingTherapies().GroupOutcomes(measure.BuiltinCatalog(), measure.Options{}, admins)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := func(x measure.Rate) string { return fmt.Sprintf("%d of %d", x.Count, x.Of) }
	fmt.Println("members", o.Members, "assessed", o.Assessed, "insufficient data", o.InsufficientData)
	fmt.Println("case at start", r(o.CaseAtStart), "| recovery", r(o.Recovery), "| reliable recovery", r(o.ReliableRecovery))
	fmt.Println("reliable improvement", r(o.ReliableImprovement), "| reliable deterioration", r(o.ReliableDeterioration))
	for _, c := range o.JacobsonTruax {
		fmt.Printf("%v (Jacobson-Truax): recovered %s, improved %s, unchanged %s\n", c.Instrument, r(c.Recovered), r(c.Improved), r(c.Unchanged))
	}
	// Output:
	// members 3 assessed 2 insufficient data 1
	// case at start 1 of 2 | recovery 1 of 1 | reliable recovery 1 of 1
	// reliable improvement 1 of 2 | reliable deterioration 0 of 2
	// phq-9 (Jacobson-Truax): recovered 1 of 2, improved 0 of 2, unchanged 1 of 2
	// gad-7 (Jacobson-Truax): recovered 1 of 2, improved 0 of 2, unchanged 1 of 2
}

package main

import (
	"fmt"
	"math"
	"time"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// climateLevels are the story's GCQ-S subscale levels by session
// (engagement, avoidance, conflict on the 0-6 scale): engagement rising
// over the life of the group, conflict peaking near the middle: the course
// docs/reference/stages.md reads from the stage descriptions, on the GCQ-S
// (MacKenzie 1983).
func climateLevels(n int) (engagement, avoidance, conflict float64) {
	levels := [12][3]float64{
		{2.4, 3.4, 0.9}, {2.7, 3.0, 1.1}, {2.9, 2.7, 1.8}, {3.0, 2.5, 2.4},
		{3.1, 2.4, 3.0}, {3.1, 2.3, 3.4}, {3.5, 2.1, 2.6}, {3.8, 1.9, 1.8},
		{3.95, 1.7, 1.5}, {4.4, 1.5, 1.2}, {4.6, 1.4, 1.1}, {4.6, 1.3, 0.9},
	}
	l := levels[(n-1)%12]
	return l[0], l[1], l[2]
}

// climate scores the GCQ-S forms the members present filled in at session n
// (measure.ScoreGCQS) and returns the group's mean of each subscale, which
// is what the stage estimate reads. Each member's answers spread one point
// either side of the session's level.
func climate(n, members int) (measure.GCQSScore, error) {
	levels := map[measure.Subscale]float64{}
	levels[measure.SubscaleEngagement], levels[measure.SubscaleAvoidance], levels[measure.SubscaleConflict] = climateLevels(n)
	forms := make([]measure.GCQSScore, 0, members)
	for k := range members {
		var form [12]measure.Answer
		for _, sub := range measure.GCQSSubscales() {
			for _, item := range measure.GCQSItems(sub) {
				// A dither keeps the mean near the level; the spread varies members.
				dither := float64((k*7+item*3+n)%10) / 10
				v := math.Floor(levels[sub]+dither) + float64((k+item)%3-1)
				form[item-1] = measure.Answered(min(6, max(0, v)))
			}
		}
		s, err := measure.ScoreGCQS(form)
		if err != nil {
			return measure.GCQSScore{}, err
		}
		forms = append(forms, s)
	}
	return measure.MeanGCQS(forms) // the group's climate: the members' mean
}

// offscreen is what the app knows of a session the story does not play:
// the GCQ-S climate and attendance. Interaction data come only from played
// sessions.
func offscreen(n, planned, expected int) (stage.SessionEvidence, error) {
	absent := [12]int{0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0}[n-1]
	late := [12]int{1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0}[n-1]
	c, err := climate(n, expected-absent)
	return stage.SessionEvidence{Session: n, Planned: planned, Climate: c,
		Attendance: stage.AttendanceEvidence{Expected: expected, Present: expected - absent, Late: late}}, err
}

// phq9Totals are each member's PHQ-9 totals at sessions 1, 6 and 12; -1
// marks a session the member missed.
func phq9Totals(id group.MemberID) [3]int {
	return map[group.MemberID][3]int{
		priya:  {16, -1, 8}, // away at session 6
		marcus: {14, 15, 12},
		elena:  {18, 14, 9},
		dmitri: {19, 16, 12},
		jonah:  {12, 10, 6},
		grace:  {15, 13, 11},
		owen:   {13, 12, 7},
		farah:  {17, 13, 10},
	}[id]
}

// phq9Form returns the PHQ-9 a member filled in at session n (the story
// scripts forms for sessions 1, 6 and 12 only), and false when they were
// not there or the story has no form for n. The answers spread the story's total
// over items 1-8; item 9 is 0 at every session (Dmitri's thoughts of being
// better off dead, reported at screening, did not recur).
func phq9Form(id group.MemberID, n int, at time.Time) (measure.Administration, bool) {
	idx, scripted := map[int]int{1: 0, 6: 1, 12: 2}[n]
	if !scripted {
		return measure.Administration{}, false
	}
	total := phq9Totals(id)[idx]
	if total < 0 {
		return measure.Administration{}, false
	}
	vals := make([]float64, 9)
	for i := range 8 {
		vals[i] = float64(total / 8)
		if i < total%8 {
			vals[i]++
		}
	}
	return measure.Administration{Instrument: measure.InstrumentPHQ9, Member: string(id), At: at,
		Group: groupName, Session: n, Answers: measure.Answers(vals...)}, true
}

// outcomes prints the PHQ-9 trajectories and reliable change at session 12.
func outcomes(p *demo.Printer, o *outcome) error {
	rule := measure.NHSTalkingTherapies().Depression
	intro(p, "7. Did it help? PHQ-9 from session 1 to 12",
		"measure.Trajectories scores every PHQ-9 form and groups them by member; Trajectory.Change",
		fmt.Sprintf("classifies first against last under a ChangeRule, here NHS Talking Therapies: a drop of %g", rule.Threshold.Points),
		fmt.Sprintf("or more is reliable, %g or more is a case (recovered = reliable and no longer a case).", rule.Cutoff))
	names := o.names()
	p.Printf("  %-7s %4s %4s %4s  %6s  %-8s %s\n", "member", "s1", "s6", "s12", "change", "reliable", "outcome")
	for i, t := range o.phq9 {
		c := o.changes[i]
		byS := map[int]string{1: "-", 6: "-", 12: "-"}
		for _, pt := range t.Points {
			byS[pt.Session] = fmt.Sprint(pt.Total)
		}
		p.Printf("  %-7s %4s %4s %4s  %+6.0f  %-8s %s\n", names[group.MemberID(t.Member)], byS[1], byS[6], byS[12],
			c.Delta, yes(c.Reliable), c.Category)
	}
	s := o.summary
	p.Printf("\n  group summary (measure.SummarizeGroup):\n    mean by session:")
	for _, m := range s.Sessions {
		p.Printf("  s%d %.1f (n=%d)", m.Session, m.Mean, m.N)
	}
	p.Printf("\n    of %d members with two or more scores: %d reliably improved (%.0f%%), %d recovered (%.0f%%),\n",
		s.Eligible, s.Improved, 100*s.ImprovedShare, s.Recovered, 100*s.RecoveredShare)
	p.Printf("    %d deteriorated; open self-harm flags: %d\n", s.Deteriorated, len(s.OpenRisk))
	p.Printf("  The PHQ-9 is a symptom measure: the clinicians read it with the member, it decides nothing.\n")
	return nil
}

// scorePHQ9 builds the trajectories from the forms and classifies change.
func scorePHQ9(o *outcome, admins []measure.Administration) error {
	trs, err := measure.Trajectories(measure.BuiltinCatalog(), measure.Options{}, admins)
	if err != nil {
		return err
	}
	rule := measure.NHSTalkingTherapies().Depression
	o.phq9 = trs
	o.changes = make([]measure.Change, len(trs))
	for i, t := range trs {
		if o.changes[i], err = t.Change(rule); err != nil {
			return fmt.Errorf("quickstart: %s: %w", t.Member, err)
		}
	}
	o.summary, err = measure.SummarizeGroup(trs, rule)
	return err
}

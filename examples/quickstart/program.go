package main

import (
	"fmt"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/measure"
)

// runProgram runs the twelve sessions: sessions 1 and 6 are played event by
// event; of the others the app knows the GCQ-S climate, the attendance and,
// at session 12, the PHQ-9. Each session's evidence updates the stage
// estimate, and the history of estimates is printed at the end.
func runProgram(p *demo.Printer, o *outcome) error {
	h, err := dynamics.NewStageHistory(dynamics.ModelTuckman)
	if err != nil {
		return err
	}
	o.history = h
	planned := o.program.NumPlans()
	members := len(o.group.ActiveMembers())
	var evidence []dynamics.SessionEvidence
	var admins []measure.Administration
	for n := 1; n <= planned; n++ {
		occ, _ := o.calendar.Session(n)
		var ev dynamics.SessionEvidence
		if script, ok := scripts()[n]; ok {
			pl, err := play(p, o, n, script, evidence)
			if err != nil {
				return fmt.Errorf("quickstart: session %d: %w", n, err)
			}
			o.sessions = append(o.sessions, pl)
			ev = pl.evidence
			admins = append(admins, pl.phq9...)
		} else {
			if ev, err = offscreen(n, planned, members); err != nil {
				return err
			}
			if n == planned { // everyone came to the last session and filled in the PHQ-9
				for _, m := range o.group.ActiveMembers() {
					if a, ok := phq9Form(m.ID, n, occ.End.Add(-5*time.Minute)); ok {
						admins = append(admins, a)
					}
				}
			}
		}
		evidence = append(evidence, ev)
		est, err := dynamics.EstimateStage(evidence)
		if err != nil {
			return err
		}
		// An estimate whose evidence ties between stages names none, and a
		// history records only estimates that name a stage.
		if est.Stage.IsValid() {
			if err := h.Estimated(n, occ.Start, est); err != nil {
				return err
			}
		}
		if j, ok := judgements()[n]; ok {
			if err := h.Set(n, occ.End, j.stage, reyes, j.reason); err != nil {
				return err
			}
		}
		o.estimates = append(o.estimates, est)
	}
	showStages(p, o, evidence)
	return scorePHQ9(o, admins)
}

// showStages prints the stage history across the program.
func showStages(p *demo.Printer, o *outcome, evidence []dynamics.SessionEvidence) {
	intro(p, "6. The stage across the program",
		"dynamics.EstimateStage reruns on the evidence so far after every session (GCQ-S climate and",
		"attendance each week, interaction where a session was tracked); dynamics.StageHistory keeps the",
		"results; a facilitator's own judgement, set with StageHistory.Set, always wins.")
	p.Printf("  %-3s %-7s %-11s %-11s %-20s %-16s %s\n", "", "date", "tuckman", "corey", "decided by", "GCQ-S e / a / c", "attended")
	for _, e := range o.history.Entries() {
		ev := evidence[e.Session-1]
		occ, _ := o.calendar.Session(e.Session)
		by := "estimate, " + strconv.FormatFloat(e.Confidence, 'f', 2, 64)
		switch {
		case e.SetBy == dynamics.SetByFacilitator && e.Overrides.IsValid():
			by = string(e.Facilitator) + " (over " + e.Overrides.String() + ")"
		case e.SetBy == dynamics.SetByFacilitator:
			by = string(e.Facilitator) + ", on a tie"
		}
		// Stage.In translates between models (norming counts as Corey's
		// working stage).
		corey := e.Stage.In(dynamics.ModelCorey)
		p.Printf("  %2d  %-7s %-11s %-11s %-20s %.1f / %.1f / %.1f  %d of %d, %d late\n",
			e.Session, occ.Start.Format("Jan 2"), e.Stage, corey, by,
			ev.Climate.Engagement, ev.Climate.Avoidance, ev.Climate.Conflict,
			ev.Attendance.Present, ev.Attendance.Expected, ev.Attendance.Late)
		if e.Regression {
			p.Printf("      a regression from %s: groups move in a spiral, not a line\n", e.From)
		}
		if e.SetBy == dynamics.SetByFacilitator {
			p.Printf("      %s's reason: %s\n", e.Facilitator, e.Reason)
		}
	}
	p.Printf("  Confidence is the winning stage's margin over the runner-up: a low one says the evidence is\n")
	p.Printf("  mixed, and a tie names no stage at all, for the facilitator to judge.\n")
}

// judgement is a facilitator's own reading of a session's stage.
type judgement struct {
	stage  dynamics.Stage
	reason string
}

// judgements are the lead's settings of the stage, by session. At session
// 11 the evidence points both to working and to ending, and she records
// what she saw.
func judgements() map[int]judgement {
	return map[int]judgement{
		11: {dynamics.StagePerforming, "members gave each other feedback unprompted and planned for the ending"},
	}
}

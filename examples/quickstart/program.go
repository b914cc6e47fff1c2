package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/measure"
)

// runProgram runs the twelve sessions: sessions 1 and 6 are played event by
// event; of the others the app knows the GCQ-S climate, the attendance and
// the forms the plan has due. Each session's evidence updates the stage
// estimate, and every member's forms and attendance so far are read for
// alerts; the history of estimates is printed at the end.
func runProgram(p *demo.Printer, o *outcome) error {
	h, err := stage.NewHistory(stage.Tuckman)
	if err != nil {
		return err
	}
	o.history = h
	cat := measure.BuiltinCatalog()
	planned := o.program.NumPlans()
	members := len(o.group.ActiveMembers())
	var evidence []stage.SessionEvidence
	for n := 1; n <= planned; n++ {
		occ, _ := o.calendar.Session(n)
		var ev stage.SessionEvidence
		if script, ok := scripts()[n]; ok {
			pl, err := play(p, o, n, script, evidence)
			if err != nil {
				return fmt.Errorf("quickstart: session %d: %w", n, err)
			}
			o.sessions = append(o.sessions, pl)
			ev = pl.evidence
			o.forms = append(o.forms, pl.forms...)
			for _, a := range pl.room.Session().Attendance() {
				o.attend(a.Member, n, a.Status.Attended())
			}
		} else {
			if ev, err = offscreen(n, planned, members); err != nil {
				return err
			}
			if err := o.measureOffscreen(cat, n, occ.Start.Add(5*time.Minute)); err != nil {
				return err
			}
		}
		if err := o.monitor(cat, n); err != nil {
			return err
		}
		evidence = append(evidence, ev)
		est, err := stage.Infer(evidence)
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
	return o.score(cat)
}

// measureOffscreen records who came to session n, which the story does not
// play, and the forms its plan has due, filled in by each member present
// as the session opens, at.
func (o *outcome) measureOffscreen(cat *measure.Catalog, n int, at time.Time) error {
	plan, _ := o.program.Plan(n)
	for _, m := range o.group.ActiveMembers() {
		here := !slices.Contains(away(n), m.ID)
		o.attend(m.ID, n, here)
		if !here {
			continue
		}
		for _, inst := range plan.Measures {
			a, err := form(cat, inst, m.ID, n, at)
			if err != nil {
				return err
			}
			o.forms = append(o.forms, a)
		}
	}
	return nil
}

// showStages prints the stage history across the program.
func showStages(p *demo.Printer, o *outcome, evidence []stage.SessionEvidence) {
	intro(p, "6. The stage across the program",
		"stage.Infer reruns on the evidence so far after every session (GCQ-S climate and",
		"attendance each week, interaction where a session was tracked); stage.History keeps the",
		"results; a facilitator's own judgement, set with History.Set, always wins.")
	p.Printf("  %-3s %-7s %-11s %-11s %-28s %-16s %s\n", "", "date", "tuckman", "corey", "decided by", "GCQ-S e / a / c", "attended")
	people := o.people()
	for _, e := range o.history.Entries() {
		ev := evidence[e.Session-1]
		occ, _ := o.calendar.Session(e.Session)
		by := "estimate, " + strconv.FormatFloat(e.Confidence, 'f', 2, 64)
		switch {
		case e.SetBy == stage.SetByFacilitator && e.Overrides.IsValid():
			by = people.Facilitator(e.Facilitator) + " (over " + e.Overrides.String() + ")"
		case e.SetBy == stage.SetByFacilitator:
			by = people.Facilitator(e.Facilitator) + ", no estimate"
		}
		// Stage.In translates between models (norming counts as Corey's
		// working stage).
		corey := e.Stage.In(stage.Corey)
		p.Printf("  %2d  %-7s %-11s %-11s %-28s %.1f / %.1f / %.1f  %d of %d, %d late\n",
			e.Session, occ.Start.Format("Jan 2"), e.Stage, corey, by,
			ev.Climate.Engagement, ev.Climate.Avoidance, ev.Climate.Conflict,
			ev.Attendance.Present, ev.Attendance.Expected, ev.Attendance.Late)
		if e.Regression {
			p.Printf("      a regression from %s: groups move in a spiral, not a line\n", e.From)
		}
		if e.SetBy == stage.SetByFacilitator {
			p.Printf("      %s's reason: %s\n", people.Facilitator(e.Facilitator), e.Reason)
		}
	}
	var none []string
	for _, e := range o.estimates {
		if !e.Named() {
			none = append(none, strconv.Itoa(e.Session))
		}
	}
	p.Printf("  Confidence is the winning stage's margin over the runner-up. Below %.1f (stage.MinConfidence)\n", stage.MinConfidence)
	p.Printf("  the estimate names no stage and says %q; the history records nothing\n", stage.NotEnoughEvidence)
	p.Printf("  for those sessions (%s), for the facilitator to judge.\n", strings.Join(none, ", "))
}

// judgement is a facilitator's own reading of a session's stage.
type judgement struct {
	stage  stage.Stage
	reason string
}

// judgements are the lead's settings of the stage, by session. At session
// 11 the evidence points both to working and to ending, and she records
// what she saw.
func judgements() map[int]judgement {
	return map[int]judgement{
		11: {stage.Performing, "members gave each other feedback unprompted and planned for the ending"},
	}
}

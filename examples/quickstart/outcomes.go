package main

import (
	"fmt"
	"math"

	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// score reads the program's forms: each member's trajectory on each
// measure, the group's mean by session, and the group's outcomes under the
// NHS Talking Therapies rules with the Jacobson-Truax categories beside
// them.
func (o *outcome) score(cat *measure.Catalog) error {
	trs, err := measure.Trajectories(cat, measure.Options{}, o.forms)
	if err != nil {
		return err
	}
	o.trajectories = trs
	for _, inst := range o.measured() {
		d, err := cat.Lookup(inst)
		if err != nil {
			return err
		}
		rule, err := d.ChangeRule()
		if err != nil {
			return err
		}
		var of []measure.Trajectory
		for _, t := range trs {
			if t.Instrument == inst {
				of = append(of, t)
			}
		}
		s, err := measure.SummarizeGroup(of, rule)
		if err != nil {
			return err
		}
		o.summaries = append(o.summaries, s)
	}
	o.results, err = measure.NHSTalkingTherapies().GroupOutcomes(cat, measure.Options{}, o.forms)
	return err
}

// reading is a member's NHS Talking Therapies reading in words: their
// reliable change on the two measures together, and their recovery.
func reading(m measure.MemberOutcome) (change, recovery string) {
	o := m.Outcome
	switch {
	case m.InsufficientData:
		return "insufficient data", "insufficient data"
	case o.ReliableImprovement:
		change = "improvement"
	case o.ReliableDeterioration:
		change = "deterioration"
	default:
		change = "none"
	}
	switch {
	case !o.CaseAtStart:
		recovery = "not a case at the start"
	case o.ReliableRecovery:
		recovery = "reliable recovery"
	case o.Recovery:
		recovery = "recovery, without reliable improvement"
	default:
		recovery = "none: still a case"
	}
	return change, recovery
}

// rateText writes a rate with the counts behind it: "5 of 8 (63%)", the
// share rounded half up.
func rateText(r measure.Rate) string {
	return fmt.Sprintf("%d of %d (%.0f%%)", r.Count, r.Of, math.Round(100*r.Share))
}

// outcomes prints the group's outcomes at the end of the program.
func outcomes(p *demo.Printer, o *outcome) error {
	g := o.results
	dep, anx := g.Rules.Depression, g.Rules.Anxiety
	dl, al := label(dep.Instrument), label(anx.Instrument)
	intro(p, "8. Did it help? The group's outcomes",
		fmt.Sprintf("measure.NHSTalkingTherapies().GroupOutcomes pairs each member's %s and %s given at one", dl, al),
		"session and compares the first pair with the last, as the NHS Talking Therapies for anxiety and",
		fmt.Sprintf("depression manual does: a case is %s >= %g or %s >= %g; a reliable improvement is a drop",
			dl, dep.Cutoff, al, anx.Cutoff),
		fmt.Sprintf("of at least %g on the %s or %g on the %s with no reliable rise on the other; recovery is a",
			dep.Threshold.Points, dl, anx.Threshold.Points, al),
		"case at the start below caseness on both at the end; reliable recovery is both. Beside them,",
		"Jacobson & Truax (1991) classify each measure on its own: their \"recovered\" is a reliable",
		"improvement that crossed that measure's cut-off, which is not the programme's recovery.")
	people := o.people()
	row := "  %-7s  %5s %4s   %5s %4s   %-5s %-3s   %-16s %s\n"
	p.Printf("  %-7s  %-10s   %-10s   %-9s   %s\n", "", dl, al, "case at", "NHS Talking Therapies")
	p.Printf(row, "member", "first", "last", "first", "last", "start", "end", "reliable change", "recovery")
	for _, m := range g.ByMember {
		change, recovery := reading(m)
		p.Printf(row, people.Member(group.MemberID(m.Member)),
			fmt.Sprint(m.First.Depression), fmt.Sprint(m.Last.Depression), fmt.Sprint(m.First.Anxiety), fmt.Sprint(m.Last.Anxiety),
			yes(m.Outcome.CaseAtStart), yes(m.Outcome.CaseAtEnd), change, recovery)
	}
	p.Printf("\n  NHS Talking Therapies, %s: %d assessed, %d with insufficient data (fewer than two paired sessions)\n",
		demo.Count(g.Members, "member", "members"), g.Assessed, g.InsufficientData)
	for _, f := range []struct {
		name string
		r    measure.Rate
		of   string
	}{
		{"caseness at start", g.CaseAtStart, "of those assessed"},
		{"recovery", g.Recovery, "of the cases at the start"},
		{"reliable improvement", g.ReliableImprovement, "of those assessed"},
		{"reliable recovery", g.ReliableRecovery, "of the cases at the start"},
		{"reliable deterioration", g.ReliableDeterioration, "of those assessed"},
	} {
		p.Printf("    %-23s %-14s %s\n", f.name, rateText(f.r), f.of)
	}
	p.Printf("  Jacobson & Truax's categories, each measure's first score against its last:\n")
	for _, c := range g.JacobsonTruax {
		p.Printf("    %-6s recovered %s, improved %s, unchanged %s, deteriorated %s\n", label(c.Instrument),
			rateText(c.Recovered), rateText(c.Improved), rateText(c.Unchanged), rateText(c.Deteriorated))
	}
	// What the text below says of Owen and Grace must hold of the data.
	owen, ok1 := memberOutcome(g, owen)
	grace, ok2 := memberOutcome(g, grace)
	if !ok1 || !ok2 || owen.Outcome.Depression.Category != measure.ChangeRecovered || owen.Outcome.Recovery ||
		!owen.Outcome.Anxiety.PostCase || grace.Outcome.Depression.Category != measure.ChangeUnchanged ||
		!grace.Outcome.Anxiety.Improved() || !grace.Outcome.ReliableImprovement {
		return fmt.Errorf("quickstart: the outcomes no longer read as the story tells them")
	}
	wrap(p, "  ", fmt.Sprintf("The two readings differ. Owen is Jacobson & Truax's \"%s\" on the %s (%g to %g) "+
		"but not recovered in the programme's sense: his %s ended at %g, still a case. Grace's %s is "+
		"\"%s\" (%g to %g), yet her %s fell by %g: a reliable improvement for the programme.",
		owen.Outcome.Depression.Category, dl, owen.First.Depression, owen.Last.Depression, al, owen.Last.Anxiety,
		dl, grace.Outcome.Depression.Category, grace.First.Depression, grace.Last.Depression, al,
		-grace.Outcome.Anxiety.Delta))
	p.Printf("  The measures are symptom scales: the clinicians read them with the member; they decide nothing.\n")
	return nil
}

// memberOutcome returns member id's reading in g.
func memberOutcome(g measure.GroupOutcomes, id group.MemberID) (measure.MemberOutcome, bool) {
	for _, m := range g.ByMember {
		if m.Member == string(id) {
			return m, true
		}
	}
	return measure.MemberOutcome{}, false
}

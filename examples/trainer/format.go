package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/session"
)

// lineWidth is where wrap breaks lines.
const lineWidth = 100

func clock(t time.Time) string { return t.Format("15:04") }

// name returns a party's display name.
func name(p session.Party) string {
	switch p.Kind {
	case session.PartyGroup:
		return "group"
	case session.PartyFacilitator:
		return "you"
	}
	for _, c := range cast {
		if string(c.ID) == p.ID {
			return c.Name
		}
	}
	return p.ID
}

// who names the people a recommendation is about.
func who(r advice.Recommendation) string {
	s := make([]string, len(r.Members))
	for i, id := range r.Members {
		s[i] = name(session.MemberParty(id))
	}
	out := strings.Join(s, " & ")
	if len(r.Facilitators) > 0 {
		out += " -> you"
	}
	return out
}

// evidence writes one piece of evidence: the metric against its threshold.
func evidence(e advice.Evidence) string {
	prec := 2 // shares and minutes
	switch {
	case e.Value == float64(int(e.Value)) && e.Threshold == float64(int(e.Threshold)):
		prec = 0 // counts
	case e.Value != e.Threshold:
		// A share just past its threshold gets the digits that tell them apart.
		for prec < 4 && fmt.Sprintf("%.*f", prec, e.Value) == fmt.Sprintf("%.*f", prec, e.Threshold) {
			prec++
		}
	}
	s := fmt.Sprintf("%s %.*f", e.Metric, prec, e.Value)
	if e.Threshold != 0 {
		s += fmt.Sprintf(" (threshold %.*f)", prec, e.Threshold)
	}
	if e.Note != "" {
		s += "; " + e.Note
	}
	return s
}

// describe writes one event of the session's log, as the evidence cites
// it: by its sequence number.
func describe(e session.Event) string {
	head := fmt.Sprintf("#%d %s", e.Seq, clock(e.At))
	switch e.Type {
	case session.EventTurn:
		t := e.Turn
		s := fmt.Sprintf("%s %s -> %s, %s, %s", head, name(t.Speaker), name(t.Addressee), dur(t.Duration), t.Act)
		if tags := t.Tags.List(); len(tags) > 0 {
			ts := make([]string, len(tags))
			for k, tg := range tags {
				ts[k] = tg.String()
			}
			s += " [" + strings.Join(ts, ", ") + "]"
		}
		return s
	case session.EventIntervention:
		return fmt.Sprintf("%s you: %s -> %s", head, e.Intervention.Skill, name(e.Intervention.Target))
	}
	return fmt.Sprintf("%s %s", head, e.Type)
}

func dur(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
	return fmt.Sprintf("%.2g min", d.Minutes())
}

// wrap writes text after prefix, broken at lineWidth, continuation lines
// indented under the text.
func wrap(p *demo.Printer, prefix, text string) {
	indent := strings.Repeat(" ", len(prefix))
	line := prefix
	for i, word := range strings.Fields(text) {
		if i > 0 && len(line)+1+len(word) > lineWidth {
			p.Printf("%s\n", line)
			line = indent + word
			continue
		}
		if i > 0 {
			line += " "
		}
		line += word
	}
	p.Printf("%s\n", line)
}

func trimRight(s string) string { return strings.TrimRight(s, " ") }

func segmentList(a session.Agenda) string {
	s := make([]string, len(a.Segments))
	for i, seg := range a.Segments {
		s[i] = fmt.Sprintf("%s (%d min)", seg.Title, int(seg.Planned.Minutes()))
	}
	return strings.Join(s, " and ")
}

func stepNames(steps []session.SafetyStep) string {
	s := make([]string, len(steps))
	for i, st := range steps {
		s[i] = st.String()
	}
	return strings.Join(s, ", ")
}

// sortedSituations returns s in the order of the situations' table:
// behaviours, then patterns, then safety.
func sortedSituations(s []advice.Situation) []advice.Situation {
	defs := advice.BuiltinDefinitions()
	rank := func(x advice.Situation) int {
		return slices.IndexFunc(defs, func(d advice.Definition) bool { return d.Situation == x })
	}
	out := slices.Clone(s)
	slices.SortStableFunc(out, func(a, b advice.Situation) int { return rank(a) - rank(b) })
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// counted writes skills with how often each was chosen, in first-chosen order.
func counted(ks []session.Skill) string {
	var order []session.Skill
	n := map[session.Skill]int{}
	for _, k := range ks {
		if n[k] == 0 {
			order = append(order, k)
		}
		n[k]++
	}
	s := make([]string, len(order))
	for i, k := range order {
		s[i] = k.String()
		if n[k] > 1 {
			s[i] += fmt.Sprintf(" x%d", n[k])
		}
	}
	return strings.Join(s, ", ")
}

func joinStrings(s []string) string { return strings.Join(s, ", ") }

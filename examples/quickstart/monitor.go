package main

import (
	"fmt"
	"slices"

	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// episode is one alert from the session it was first raised to the last
// session after which it was still raised.
type episode struct {
	first, last measure.Alert
	// through is the last session after which the alert was raised;
	// cleared the session after which it no longer was, 0 while it is.
	through, cleared int
}

// attend records whether member id came to session n.
func (o *outcome) attend(id group.MemberID, n int, came bool) {
	if o.attended == nil {
		o.attended = map[group.MemberID][]measure.SessionAttendance{}
	}
	o.attended[id] = append(o.attended[id], measure.SessionAttendance{Session: n, Attended: came})
}

// series returns member id's record so far: every form of theirs and
// their attendance.
func (o *outcome) series(id group.MemberID) measure.Series {
	s := measure.Series{Member: string(id), Attendance: o.attended[id]}
	for _, a := range o.forms {
		if a.Member == string(id) {
			s.Administrations = append(s.Administrations, a)
		}
	}
	return s
}

// monitor reads each member's series after session n with the default
// alert rules, as a clinic's app would once the session's forms are in:
// an alert not raised after the session before opens an episode, one
// raised again extends it, and one no longer raised closes it.
func (o *outcome) monitor(cat *measure.Catalog, n int) error {
	rules := measure.DefaultAlertRules()
	var now []measure.Alert
	for _, m := range o.group.ActiveMembers() {
		as, err := rules.Alerts(cat, measure.Options{}, o.series(m.ID))
		if err != nil {
			return fmt.Errorf("quickstart: alerts for %s after session %d: %w", m.Name, n, err)
		}
		now = append(now, as...)
	}
	same := func(a, b measure.Alert) bool {
		return a.Member == b.Member && a.Kind == b.Kind && a.Instrument == b.Instrument
	}
	for k := range o.alerts {
		e := &o.alerts[k]
		if e.cleared > 0 {
			continue
		}
		if i := slices.IndexFunc(now, func(a measure.Alert) bool { return same(a, e.last) }); i >= 0 {
			e.last, e.through = now[i], n
			now = slices.Delete(now, i, i+1)
		} else {
			e.cleared = n
		}
	}
	for _, a := range now {
		o.alerts = append(o.alerts, episode{first: a, last: a, through: n})
	}
	return nil
}

// showMonitoring prints every member's totals by session and the alerts
// raised along the way.
func showMonitoring(p *demo.Printer, o *outcome) error {
	insts := o.measured()
	names := make([]string, len(insts))
	for k, inst := range insts {
		names[k] = label(inst)
	}
	missed := 0
	for n := 1; n <= o.program.NumPlans(); n++ {
		missed += len(away(n))
	}
	intro(p, "7. Session by session: "+demo.List(names)+", and the alerts",
		fmt.Sprintf("Each plan lists the measures it gives (Plan.Measures): here the %s at all %d sessions,",
			demo.List(names), o.program.NumPlans()),
		fmt.Sprintf("filled in by every member present as the session opens. - marks a session missed (%s);",
			demo.Count(missed, "absence", "absences")),
		"the mean is of the members present (measure.SummarizeGroup). After each session,",
		"measure.DefaultAlertRules().Alerts reads every member's measure.Series: the forms so far and the",
		"attendance (measure.SessionAttendance).")
	people := o.people()
	cat := measure.BuiltinCatalog()
	for k, inst := range insts {
		if k > 0 {
			p.Printf("\n")
		}
		p.Printf("  %-7s", label(inst))
		for n := 1; n <= o.program.NumPlans(); n++ {
			p.Printf(" %4d", n)
		}
		p.Printf("\n")
		for _, t := range o.trajectories {
			if t.Instrument != inst {
				continue
			}
			byS := map[int]float64{}
			for _, pt := range t.Points {
				byS[pt.Session] = pt.Total
			}
			p.Printf("  %-7s", people.Member(group.MemberID(t.Member)))
			for n := 1; n <= o.program.NumPlans(); n++ {
				if v, ok := byS[n]; ok {
					p.Printf(" %4g", v)
				} else {
					p.Printf(" %4s", "-")
				}
			}
			p.Printf("\n")
		}
		if s, ok := o.summary(inst); ok {
			means := map[int]float64{}
			for _, m := range s.Sessions {
				means[m.Session] = m.Mean
			}
			p.Printf("  %-7s", "mean")
			for n := 1; n <= o.program.NumPlans(); n++ {
				p.Printf(" %4.1f", means[n])
			}
			p.Printf("\n")
		}
	}
	raised := 0
	for _, a := range o.forms {
		r, err := cat.Score(a, measure.Options{})
		if err != nil {
			return err
		}
		if r.Risk.Raised() {
			raised++
		}
	}
	p.Printf("  Risk flags raised on the %d forms: %d.\n", len(o.forms), raised)

	p.Printf("\n  %s, each shown at the session that raised it:\n", demo.Count(len(o.alerts), "alert", "alerts"))
	var source string
	for _, e := range o.alerts {
		a := e.first
		d, err := cat.Lookup(a.Instrument)
		if err != nil {
			return err
		}
		ev := a.Evidence
		p.Printf("  after session %d: %s, %s on the %s\n", a.Session, people.Member(group.MemberID(a.Member)), a.Kind, label(a.Instrument))
		p.Printf("    rule: %s\n", a.Rule)
		p.Printf("    evidence: %g at session %d, %g at session %d (%+g in %s); reliable change %g, caseness %g\n",
			ev.Baseline, ev.BaselineSession, ev.Latest, ev.LatestSession, ev.Change, demo.Count(ev.Sessions, "session", "sessions"),
			ev.Threshold, d.Caseness.Value)
		if a.Source == source {
			p.Printf("    source: as above\n")
		} else {
			wrap(p, "    source: ", a.Source)
			source = a.Source
		}
		p.Printf("    heuristic: %s; follow-up: %s by a %s, %s\n", yes(a.Heuristic), a.FollowUp.Action, a.FollowUp.Actor, a.FollowUp.Within)
		if e.cleared > 0 {
			p.Printf("    cleared after session %d\n", e.cleared)
		} else {
			p.Printf("    still raised after session %d (%g at session %d)\n", e.through, e.last.Evidence.Latest, e.last.Evidence.LatestSession)
		}
	}
	return explainAlerts(p, o)
}

// explainAlerts says what the facilitators do about the story's alerts:
// Marcus's, and Grace's beside it.
func explainAlerts(p *demo.Printer, o *outcome) error {
	find := func(id group.MemberID) (episode, error) {
		for _, e := range o.alerts {
			if e.first.Member == string(id) && e.first.Kind == measure.AlertNotOnTrack {
				return e, nil
			}
		}
		return episode{}, fmt.Errorf("quickstart: the story expects %s not to be on track", id)
	}
	m, err := find(marcus)
	if err != nil {
		return err
	}
	g, err := find(grace)
	if err != nil {
		return err
	}
	// What the text below says of them must hold of the data.
	gad1, ok1 := o.totalAt(measure.InstrumentGAD7, grace, g.first.Evidence.BaselineSession)
	gadN, ok2 := o.totalAt(measure.InstrumentGAD7, grace, g.first.Session)
	c, err := measure.NHSTalkingTherapies().Anxiety.Classify(gad1, gadN)
	end := o.program.NumPlans()
	if err != nil || !ok1 || !ok2 || !c.Improved() || g.first.Session != m.first.Session || m.cleared > 0 || g.cleared > 0 ||
		m.through != end || g.through != end || m.first.Evidence.Sessions != measure.DefaultAlertRules().OnTrackBy {
		return fmt.Errorf("quickstart: the alerts no longer read as the story tells them")
	}
	ev := m.first.Evidence
	p.Printf("\n")
	wrap(p, "  ", fmt.Sprintf("Marcus's alert is raised at session %d, %s after his first score, when the default "+
		"rules expect a reliable improvement (AlertRules.OnTrackBy): %g at session %d, %g at session %d, no drop of %g "+
		"and still a case. What the facilitators do is its follow-up: before session %d Dr. Reyes, the group's "+
		"clinician, reviews his plan with him, going over his scores and agreeing what to change (at session 6 he "+
		"had said he felt stuck). Grace's is raised at the same session on the %s while her %s has reliably "+
		"improved (%g to %g): the rule reads each measure on its own. Both stay raised to the end (Marcus %g, Grace "+
		"%g at session %d): the rule reads the scores, not what was done about them, and it is the library's "+
		"heuristic, not a published model of expected change.",
		m.first.Session, demo.Count(ev.Sessions, "session", "sessions"), ev.Baseline, ev.BaselineSession, ev.Latest,
		ev.LatestSession, ev.Threshold, m.first.Session+1, label(g.first.Instrument), label(measure.InstrumentGAD7),
		gad1, gadN, m.last.Evidence.Latest, g.last.Evidence.Latest, end))
	return nil
}

// totalAt returns member id's total of inst at session n, and false when
// they filled in no such form.
func (o *outcome) totalAt(inst measure.Instrument, id group.MemberID, n int) (float64, bool) {
	for _, t := range o.trajectories {
		if t.Instrument != inst || t.Member != string(id) {
			continue
		}
		for _, pt := range t.Points {
			if pt.Session == n && pt.Complete {
				return pt.Total, true
			}
		}
	}
	return 0, false
}

// summary returns the group summary of inst.
func (o *outcome) summary(inst measure.Instrument) (measure.GroupSummary, bool) {
	i := slices.IndexFunc(o.summaries, func(s measure.GroupSummary) bool { return s.Instrument == inst })
	if i < 0 {
		return measure.GroupSummary{}, false
	}
	return o.summaries[i], true
}

package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// played is one session the story plays event by event, and what came of it.
type played struct {
	n        int
	title    string
	start    time.Time
	agenda   session.Agenda
	room     *demo.Room
	stage    dynamics.Stage // the stage the monitor was told the group is in
	moments  []moment
	snap     dynamics.Snapshot
	evidence dynamics.SessionEvidence
	estimate dynamics.Estimate
	phq9Due  bool // the program gives the PHQ-9 at this session
	phq9     []measure.Administration
	shown    []session.ProgressNote // the member notes printed
}

// moment is one time the facilitators asked the monitor for advice.
type moment struct {
	at    time.Time
	label string
	fired []dynamics.Recommendation // new this time, ranked
	still []dynamics.Detection      // still present, advised earlier
}

// script is how one played session goes: its events, its notes and which
// member notes to show.
type script struct {
	heading string
	about   []string
	excused []group.MemberID
	events  func(s *scene)
	notes   notes
	show    []group.MemberID
}

// notes are what the facilitators write after a session.
type notes struct {
	theme, process, content string
	// member holds each attending member's narrative and goal progress.
	member map[group.MemberID][2]string
}

// scene plays a script into a demo.Room and narrates it.
type scene struct {
	*demo.Script
	p   *demo.Printer
	pl  *played
	t0  time.Time
	err error // a failure outside the script's events
}

// Err returns the first error the scene met, or nil.
func (s *scene) Err() error {
	if s.err != nil {
		return s.err
	}
	return s.Script.Err()
}

// at moves the clock on to d after the scheduled start. A script that
// moves it back is wrong: the session would reject the next event.
func (s *scene) at(d time.Duration) {
	t := s.t0.Add(d)
	if t.Before(s.At) && s.err == nil {
		s.err = fmt.Errorf("quickstart: script moves the clock back from %s to %s", clock(s.At), clock(t))
	}
	s.At = t
}

// say narrates what happens now.
func (s *scene) say(format string, args ...any) {
	s.p.Printf("  %s  "+format+"\n", append([]any{clock(s.At)}, args...)...)
}

// start begins the session with both facilitators and the members present.
func (s *scene) start(members ...group.MemberID) {
	s.Event(session.Event{Type: session.EventStarted, Start: session.Start{
		Facilitators: []group.FacilitatorID{reyes, okafor}, Members: members}})
}

// arrive records a late arrival.
func (s *scene) arrive(id group.MemberID) {
	s.Event(session.Event{Type: session.EventArrived, Member: id})
}

// advise asks the monitor what to do now, as a facilitator glancing at the
// app would, and prints what fired.
func (s *scene) advise(label string) {
	if s.Err() != nil {
		return
	}
	mon := s.pl.room.Monitor
	m := moment{at: s.At, label: label, fired: mon.Advise(s.At, s.pl.stage)}
	for _, d := range mon.Detect(s.At) {
		if !slices.ContainsFunc(m.fired, func(r dynamics.Recommendation) bool {
			return r.Situation == d.Situation && slices.Equal(r.Members, d.Members)
		}) {
			m.still = append(m.still, d)
		}
	}
	s.pl.moments = append(s.pl.moments, m)
	s.p.Printf("  %s  Monitor.Advise, %s:\n", clock(s.At), label)
	s.p.Recommendations(m.fired)
	if len(m.still) > 0 {
		var open []string
		for _, d := range m.still {
			open = append(open, d.Situation.String()+" ("+ids(d.Members)+")")
		}
		s.p.Printf("         still present, advised earlier (once per episode): %s\n", strings.Join(open, ", "))
	}
}

// measures hands out the PHQ-9 when the program has it due, and feeds each
// form to the monitor: an item-9 answer above 0 would raise the safety
// protocol at once.
func (s *scene) measures() {
	if !s.pl.phq9Due || s.Err() != nil {
		return
	}
	flagged := 0
	for _, id := range s.pl.room.Session.Present() {
		a, ok := phq9Form(id, s.pl.n, s.At)
		if !ok {
			continue
		}
		r, err := measure.ScorePHQ9Answers(a.Answers, measure.Options{})
		if err == nil {
			err = s.pl.room.Monitor.FlagPHQ9(id, r)
		}
		if err != nil {
			s.err = err
			return
		}
		if r.SelfHarmRisk {
			flagged++
		}
		s.pl.phq9 = append(s.pl.phq9, a)
	}
	s.say("PHQ-9 forms from %d members, scored and fed to the monitor (Monitor.FlagPHQ9): %d item-9 flags",
		len(s.pl.phq9), flagged)
}

// play runs session n from its script and prints it: plan, agenda, the
// session as it happened with the monitor's advice, attendance, metrics,
// climate and stage, and the notes.
func play(p *demo.Printer, o *outcome, n int, sc script, before []dynamics.SessionEvidence) (*played, error) {
	occ, _ := o.calendar.Session(n)
	plan, _ := o.program.Plan(n)
	intro(p, sc.heading, sc.about...)
	p.Printf("%s, %s-%s: %q (module %q)\n", day(occ.Start), clock(occ.Start), clock(occ.End), plan.Title, moduleOf(o.program, n))
	p.Printf("  objective: %s\n", strings.Join(plan.Objectives, "; "))
	for _, hw := range plan.Homework {
		p.Printf("  homework: %s (%s)\n", hw.Title, hw.Kind)
	}

	agenda, err := o.program.Agenda(n, len(o.group.ActiveMembers()))
	if err != nil {
		return nil, err
	}
	if pl, _ := o.program.Plan(n); len(pl.Agenda.Segments) > 0 {
		p.Printf("\nAgenda (Program.Agenda: this plan has its own, with no homework to review yet):\n")
	} else {
		p.Printf("\nAgenda (Program.Agenda: this plan uses session.Template for a 2-hour CBT session):\n")
	}
	p.Agenda(agenda)

	spec := session.SpecFromGroup(o.group, agenda, occ.Start, o.program.SessionLength, 5*time.Minute)
	for i := range spec.Roster {
		spec.Roster[i].Excused = slices.Contains(sc.excused, spec.Roster[i].ID)
	}
	room, err := demo.NewRoom(spec, false)
	if err != nil {
		return nil, err
	}
	pl := &played{n: n, title: plan.Title, start: occ.Start, agenda: agenda, room: room,
		phq9Due: slices.Contains(o.program.MeasuresAt(measure.InstrumentPHQ9), n)}
	if len(before) == 0 {
		// No history yet: the position in the program is the only evidence.
		est, err := dynamics.EstimateStage([]dynamics.SessionEvidence{{Session: n, Planned: o.program.NumPlans()}})
		if err != nil {
			return nil, err
		}
		pl.stage = est.Stage
	} else if cur, ok := o.history.Current(); ok {
		pl.stage = cur.Stage
	}

	p.Printf("\nThe session as it happened (events go to the session and to a dynamics.Monitor; the stage\n")
	p.Printf("the monitor is given is %s, the latest estimate):\n", pl.stage)
	s := &scene{Script: &demo.Script{Room: room, At: occ.Start}, p: p, pl: pl, t0: occ.Start}
	sc.events(s)
	s.at(o.program.SessionLength)
	s.Event(session.Event{Type: session.EventEnded})
	if err := s.Err(); err != nil {
		return nil, err
	}

	p.Printf("\nAttendance (session.Session.Attendance):\n")
	p.Attendance(room.Session)

	pl.snap = room.Monitor.Tracker().Snapshot()
	p.Printf("\nInteraction metrics (dynamics.Tracker.Snapshot):\n")
	p.Metrics(&pl.snap)

	att := pl.snap.Attendance()
	c, err := climate(n, att.Present)
	if err != nil {
		return nil, err
	}
	pl.evidence = dynamics.SessionEvidence{Session: n, Planned: o.program.NumPlans(), Climate: c,
		Interaction: pl.snap.Evidence(), Attendance: att}
	if pl.estimate, err = dynamics.EstimateStage(append(slices.Clone(before), pl.evidence)); err != nil {
		return nil, err
	}
	over := "session 1"
	if n > 1 {
		over = fmt.Sprintf("sessions 1-%d", n)
	}
	p.Printf("\nStage estimate (dynamics.EstimateStage over %s; GCQ-S from measure.ScoreGCQS,\n", over)
	p.Printf("mean of %d forms: engagement %.2f, avoidance %.2f, conflict %.2f):\n", att.Present, c.Engagement, c.Avoidance, c.Conflict)
	p.Estimate(pl.estimate, dynamics.ModelTuckman)
	p.Printf("  in Corey's model: %s; in Yalom's: %s\n", pl.estimate.In(dynamics.ModelCorey), pl.estimate.In(dynamics.ModelYalom))

	if err := writeNotes(room.Session, sc.notes, occ.End.Add(30*time.Minute)); err != nil {
		return nil, err
	}
	p.Printf("\nNotes: a group note and one progress note per attending member, written and signed\n")
	p.Printf("(Session.WriteNote, SignNote). Findings on the session's records:\n")
	p.Findings(room.Session.Findings())
	p.Printf("Two members' progress notes as they go into their own records (Session.ProgressNotes):\n")
	p.Printf("the group note names other members; each member's copy replaces them with %q.\n", session.Redacted)
	for _, note := range room.Session.ProgressNotes() {
		if slices.Contains(sc.show, note.Member) {
			pl.shown = append(pl.shown, note)
			printNote(p, note)
		}
	}
	return pl, nil
}

// writeNotes writes the group note and every attending member's progress
// note, then the lead signs them all.
func writeNotes(s *session.Session, n notes, at time.Time) error {
	id, err := s.WriteNote(at, session.Note{Kind: session.NoteGroup, Author: reyes,
		Theme: n.theme, Process: n.process, Text: n.content})
	if err != nil {
		return err
	}
	written := []int{id}
	for _, a := range s.Attendance() {
		if !a.Status.NeedsNote() {
			continue
		}
		text := n.member[a.Member]
		id, err := s.WriteNote(at, session.Note{Kind: session.NoteProgress, Member: a.Member, Author: reyes,
			Text: text[0], GoalProgress: text[1]})
		if err != nil {
			return err
		}
		written = append(written, id)
	}
	for _, id := range written {
		if err := s.SignNote(at.Add(15*time.Minute), id, reyes); err != nil {
			return err
		}
	}
	return nil
}

// printNote writes one member's progress note, like demo.Printer's
// ProgressNote but with the long fields folded.
func printNote(p *demo.Printer, n session.ProgressNote) {
	p.Printf("  %s (%s), %s, attendance %s, signed %s\n", n.Name, n.Member, n.Date.Format("2006-01-02"), n.Attendance.Status, yes(n.Signed))
	p.Printf("    participation: %d turns, %.1f min, addressed %d times\n", n.Participation.Turns, n.Participation.Talk.Minutes(), n.Participation.Addressed)
	wrap(p, "    narrative: ", n.Narrative)
	wrap(p, "    goal progress: ", n.GoalProgress)
	wrap(p, "    group theme: ", n.Group.Theme)
	wrap(p, "    group process: ", n.Group.Process)
}

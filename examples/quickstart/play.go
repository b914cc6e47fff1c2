package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
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
	room     *advice.Room
	names    demo.Names
	stage    stage.Stage // the stage the monitor was told the group is in
	moments  []moment
	snap     dynamics.Snapshot
	evidence stage.SessionEvidence
	estimate stage.Estimate
	due      []measure.Instrument     // the measures the plan gives at this session
	forms    []measure.Administration // the forms filled in, in the order they came
	shown    []session.ProgressNote   // the member notes printed
}

// moment is one time the facilitators asked the monitor for advice.
type moment struct {
	at    time.Time
	label string
	fired []advice.Recommendation // new this time, ranked
	still []advice.Detection      // still present, advised earlier
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

// scene narrates one session as its script records it through the room:
// the script calls the room's commands at the scene's clock and hands each
// error to keep, which holds on to the first.
type scene struct {
	room *advice.Room
	p    *demo.Printer
	pl   *played
	t0   time.Time // the scheduled start
	now  time.Time // the scene's clock
	err  error
}

// keep records the first error the scene meets.
func (s *scene) keep(err error) {
	if s.err == nil {
		s.err = err
	}
}

// at moves the clock on to d after the scheduled start. A script that
// moves it back is wrong: the session would reject the next event.
func (s *scene) at(d time.Duration) {
	t := s.t0.Add(d)
	if t.Before(s.now) {
		s.keep(fmt.Errorf("quickstart: script moves the clock back from %s to %s", clock(s.now), clock(t)))
	}
	s.now = t
}

// say narrates what happens now.
func (s *scene) say(format string, args ...any) {
	s.p.Printf("  %s  "+format+"\n", append([]any{clock(s.now)}, args...)...)
}

// advise asks the room what to do now, as a facilitator glancing at the
// app would, and prints what fired.
func (s *scene) advise(label string) {
	if s.err != nil {
		return
	}
	m := moment{at: s.now, label: label, fired: s.room.Advise(s.now, s.pl.stage)}
	for _, d := range s.room.Monitor().Detect(s.now) {
		if !slices.ContainsFunc(m.fired, func(r advice.Recommendation) bool {
			return r.Situation == d.Situation && slices.Equal(r.Members, d.Members)
		}) {
			m.still = append(m.still, d)
		}
	}
	s.pl.moments = append(s.pl.moments, m)
	s.p.Printf("  %s  Room.Advise, %s:\n", clock(s.now), label)
	s.p.Recommendations(m.fired, s.pl.names)
	if len(m.still) > 0 {
		var open []string
		for _, d := range m.still {
			open = append(open, d.Situation.String()+" ("+s.pl.names.Members(d.Members)+")")
		}
		s.p.Printf("         still present, advised earlier (once per episode): %s\n", strings.Join(open, ", "))
	}
}

// measures hands the forms the plan has due (the PHQ-9 and GAD-7) to each
// member present who has not filled them in yet this session, scores each
// form and gives its risk flag to the room: an item-9 answer above 0 on the
// PHQ-9 would raise the risk-to-self protocol at once, an unanswered one a
// same-day review. The story calls it as the session opens and again when
// a latecomer arrives.
func (s *scene) measures() {
	if len(s.pl.due) == 0 || s.err != nil {
		return
	}
	catalog := measure.BuiltinCatalog()
	var who []group.MemberID
	raised := 0
	for _, id := range s.room.Session().Present() {
		if slices.ContainsFunc(s.pl.forms, func(a measure.Administration) bool { return a.Member == string(id) }) {
			continue
		}
		who = append(who, id)
		for _, inst := range s.pl.due {
			a, err := form(catalog, inst, id, s.pl.n, s.now)
			if err != nil {
				s.keep(err)
				return
			}
			r, err := catalog.Score(a, measure.Options{})
			if err == nil {
				err = s.room.FlagRisk(s.now, id, r.Risk)
			}
			if err != nil {
				s.keep(err)
				return
			}
			if r.Risk.Raised() {
				raised++
			}
			s.pl.forms = append(s.pl.forms, a)
		}
	}
	if len(who) == 0 {
		return
	}
	forms := make([]string, len(s.pl.due))
	for k, inst := range s.pl.due {
		forms[k] = label(inst)
	}
	flags := demo.Count(raised, "risk flag", "risk flags") + " raised"
	if len(who) == 1 {
		s.say("%s fills in the %s on arrival: %s", s.pl.names.Member(who[0]), demo.List(forms), flags)
		return
	}
	s.say("%s from %s, scored (Catalog.Score), risk flags to the room (Room.FlagRisk): %s",
		demo.List(forms), demo.Count(len(who), "member", "members"), flags)
}

// play runs session n from its script and prints it: plan, agenda, the
// session as it happened with the monitor's advice, attendance, metrics,
// climate and stage, and the notes.
func play(p *demo.Printer, o *outcome, n int, sc script, before []stage.SessionEvidence) (*played, error) {
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
	spec.Number = occ.Plan // the first session has no homework to review
	for i := range spec.Roster {
		spec.Roster[i].Excused = slices.Contains(sc.excused, spec.Roster[i].ID)
	}
	room, err := advice.NewRoom(advice.RoomSpec{Session: spec})
	if err != nil {
		return nil, err
	}
	pl := &played{n: n, title: plan.Title, start: occ.Start, agenda: agenda, room: room, names: demo.NamesOf(spec),
		due: plan.Measures}
	given := "the estimate from its place in the program"
	if len(before) == 0 {
		// No history yet: the position in the program is the only evidence.
		est, err := stage.Infer([]stage.SessionEvidence{{Session: n, Planned: o.program.NumPlans()}})
		if err != nil {
			return nil, err
		}
		pl.stage = est.Stage
	} else if cur, ok := o.history.Current(); ok {
		pl.stage = cur.Stage
		given = fmt.Sprintf("the stage last recorded, at session %d", cur.Session)
	}

	p.Printf("\nThe session as it happened (an advice.Room records each event in the session and its\n")
	p.Printf("monitor; the stage the monitor is given is %s, %s):\n", pl.stage, given)
	s := &scene{room: room, p: p, pl: pl, t0: occ.Start, now: occ.Start}
	sc.events(s)
	s.at(o.program.SessionLength)
	s.keep(room.End(s.now))
	if s.err != nil {
		return nil, s.err
	}

	p.Printf("\nAttendance (session.Session.Attendance):\n")
	p.Attendance(room.Session())

	pl.snap = room.Tracker().Snapshot()
	p.Printf("\nInteraction metrics (dynamics.Tracker.Snapshot):\n")
	p.Metrics(&pl.snap, pl.names)

	att := pl.snap.Attendance()
	c, err := climate(n, att.Present)
	if err != nil {
		return nil, err
	}
	pl.evidence = stage.SessionEvidence{Session: n, Planned: o.program.NumPlans(), Climate: c,
		Interaction: pl.snap.Evidence(), Attendance: att}
	if pl.estimate, err = stage.Infer(append(slices.Clone(before), pl.evidence)); err != nil {
		return nil, err
	}
	over := "session 1"
	if n > 1 {
		over = fmt.Sprintf("sessions 1-%d", n)
	}
	p.Printf("\nStage estimate (stage.Infer over %s; GCQ-S from measure.ScoreGCQS,\n", over)
	p.Printf("mean of %d forms: engagement %.2f, avoidance %.2f, conflict %.2f):\n", att.Present, c.Engagement, c.Avoidance, c.Conflict)
	p.Estimate(pl.estimate, stage.Tuckman)
	p.Printf("  translated (Estimate.Translate): in Corey's model %s; in Yalom's %s\n",
		pl.estimate.Translate(stage.Corey).Name(), pl.estimate.Translate(stage.Yalom).Name())

	if err := writeNotes(room, sc.notes, occ.End.Add(30*time.Minute)); err != nil {
		return nil, err
	}
	p.Printf("\nNotes: a group note and one progress note per attending member, written and signed\n")
	p.Printf("(Session.WriteNote, SignNote). Findings on the session's records:\n")
	p.Findings(room.Session().Findings())
	p.Printf("Two members' progress notes as they go into their own records (Session.ProgressNotes):\n")
	p.Printf("the group note names other members; each member's copy replaces them with %q.\n", session.Redacted)
	for _, note := range room.Session().ProgressNotes() {
		if slices.Contains(sc.show, note.Member) {
			pl.shown = append(pl.shown, note)
			printNote(p, note)
		}
	}
	return pl, nil
}

// writeNotes writes the group note and every attending member's progress
// note, then the lead signs them all. Notes go through the room too: every
// event of a session does.
func writeNotes(room *advice.Room, n notes, at time.Time) error {
	id, err := room.WriteNote(at, session.Note{Kind: session.NoteGroup, Author: reyes,
		Theme: n.theme, Process: n.process, Text: n.content})
	if err != nil {
		return err
	}
	written := []int{id}
	for _, a := range room.Session().Attendance() {
		if !a.Status.NeedsNote() {
			continue
		}
		text := n.member[a.Member]
		id, err := room.WriteNote(at, session.Note{Kind: session.NoteProgress, Member: a.Member, Author: reyes,
			Text: text[0], GoalProgress: text[1]})
		if err != nil {
			return err
		}
		written = append(written, id)
	}
	for _, id := range written {
		if err := room.SignNote(at.Add(15*time.Minute), id, reyes); err != nil {
			return err
		}
	}
	return nil
}

// printNote writes one member's progress note, like demo.Printer's
// ProgressNote but with the long fields folded.
func printNote(p *demo.Printer, n session.ProgressNote) {
	p.Printf("  %s, %s, attendance %s, signed %s\n", n.Name, n.Date.Format("2006-01-02"), n.Attendance.Status, yes(n.Signed))
	p.Printf("    participation: %s, %.1f min, addressed %s\n", demo.Count(n.Participation.Turns, "turn", "turns"),
		n.Participation.Talk.Minutes(), demo.Times(n.Participation.Addressed))
	wrap(p, "    narrative: ", n.Narrative)
	wrap(p, "    goal progress: ", n.GoalProgress)
	wrap(p, "    group theme: ", n.Group.Theme)
	wrap(p, "    group process: ", n.Group.Process)
}

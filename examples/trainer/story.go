package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/factor"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// The session the trainee leads: session 5 of an open-ended interpersonal
// process group, a Tuesday evening in New York. The supervisor has set the
// stage to Corey's transition, where challenges to the leader and conflict
// are expected (Corey, Corey & Corey, Groups: Process and Practice; see
// docs/reference/stages.md).
const (
	sessionLength = 90 * time.Minute
	sessionNumber = 5
	trainee       = group.FacilitatorID("you")
)

// supervised is the stage the supervisor set.
var supervised = stage.Transition

// config returns the detector thresholds the trainer uses: the defaults,
// except that share-based detection waits for 20 minutes of members' talk
// and monopolizing takes 2.5 times the fair share. With seven members,
// shares over the first few minutes are noise: after the default 5
// minutes, everyone who has not yet had a turn counts as silent, and at
// twice the fair share an ordinary member who happens to take a few more
// short turns than the others counts as monopolizing (the detector takes
// talk share or turn share).
func config() advice.Config {
	c := advice.DefaultConfig()
	c.MinMemberTalk = 20 * time.Minute
	c.MonopolyFactor = 2.5
	return c
}

// newRoom returns the room the session runs in, with the trainer's
// detector thresholds.
func newRoom(spec session.Spec, c advice.Config) (*advice.Room, error) {
	return advice.NewRoom(advice.RoomSpec{Session: spec, Config: c})
}

// moment is one decision the trainee made.
type moment struct {
	At     time.Time
	Rec    advice.Recommendation
	Chosen session.Skill
	Marks  int
	Auto   bool // the simulator chose, not the trainee
}

// play runs the whole session and writes the story to w.
func play(in io.Reader, w io.Writer, seed uint64, auto bool, choices []session.Skill) error {
	p := demo.NewPrinter(w)
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		return err
	}
	start := time.Date(2026, 3, 10, 18, 0, 0, 0, loc)
	prof, ok := group.BuiltinProfile(group.ModalityProcess)
	if !ok {
		return errors.New("trainer: no built-in process-group profile")
	}
	agenda, err := session.Template(prof, sessionLength, len(cast))
	if err != nil {
		return err
	}
	spec := session.Spec{
		Profile: prof, Agenda: agenda, Length: sessionLength, ScheduledStart: start,
		Facilitators: []group.Facilitator{{ID: trainee, Name: "You", Role: group.RoleLead}},
	}
	ids := make([]group.MemberID, len(cast))
	for i, c := range cast {
		spec.Roster = append(spec.Roster, session.Participant{ID: c.ID, Name: c.Name})
		ids[i] = c.ID
	}
	room, err := newRoom(spec, config())
	if err != nil {
		return err
	}
	c := newChooser(in, p, auto, choices)
	intro(p, seed, c.mode, agenda)

	s := newSim(seed, room, trainee, start)
	if err := room.Start(s.at, []group.FacilitatorID{trainee}, ids, false); err != nil {
		return err
	}
	p.Title("The session")
	var moments []moment
	seen := map[string]int{} // rule -> the moment that showed its rationale
	end := start
	for _, seg := range agenda.Segments {
		if err := room.BeginSegment(s.at, seg.Kind); err != nil {
			return err
		}
		p.Printf("\n%s  %s (%s) begins\n", clock(s.at), seg.Kind, seg.Title)
		end = end.Add(seg.Planned)
		for {
			more, err := s.tick(end)
			if err != nil {
				return err
			}
			if !more {
				break
			}
			for _, r := range room.Advise(s.at, supervised) {
				m, err := decide(p, c, s, r, len(moments)+1, seen)
				if err != nil {
					return err
				}
				moments = append(moments, m)
			}
		}
	}
	if err := room.End(s.at); err != nil {
		return err
	}
	p.Printf("\n%s  the session ends: %d turns, %d interventions of yours\n", clock(s.at), s.turns, len(moments))

	p.Section("Where the session ended (dynamics.Snapshot)")
	p.Printf("  The shares and counts the detectors read, at the end. Fair share: %.2f of members' talk each.\n", 1/float64(len(cast)))
	snap := room.Tracker().SnapshotAt(s.at)
	p.Metrics(&snap, demo.NamesOf(spec))

	summary(p, moments)
	factors(p, moments)
	return p.Err()
}

// decide shows one moment, takes the trainee's choice, scores it, records
// it as an intervention and lets the members respond.
func decide(p *demo.Printer, c *chooser, s *sim, r advice.Recommendation, n int, seen map[string]int) (moment, error) {
	at := s.at
	p.Printf("\n%s  Moment %d: %s, %s [%s, confidence %.2f]\n", clock(s.at), n, r.Situation, who(r), r.Urgency, r.Confidence)
	if def, ok := s.room.Monitor().Definitions().For(r.Situation); ok {
		p.Printf("  signs: %s\n", def.Signs)
	}
	log := s.room.Session().Events()
	for _, e := range r.Evidence {
		p.Printf("  evidence: %s\n", evidence(e))
		// The monitor cites the recent events that show the situation, by
		// their sequence number in the session's log (from 1).
		if cited := e.Events; len(cited) > 0 {
			show := cited[max(0, len(cited)-2):]
			p.Printf("    cited events that show it (latest %d of %d):\n", len(show), len(cited))
			for _, seq := range show {
				p.Printf("      %s\n", describe(log[seq-1]))
			}
		}
	}
	options := menu(r)
	if len(r.Interventions) == 0 {
		// Safety situations follow a fixed protocol, not a leader skill;
		// the simulated group raises none, but a real session could.
		p.Printf("  protocol: %s (not scored)\n", stepNames(r.Steps))
		return moment{At: at, Rec: r}, nil
	}
	p.Printf("  what do you do?\n")
	items := make([]string, 0, len(options)+1)
	for _, k := range options {
		items = append(items, k.String())
	}
	items = append(items, "other (any skill)")
	for i := 0; i < len(items); i += 3 {
		line := "   "
		for j := i; j < min(i+3, len(items)); j++ {
			line += fmt.Sprintf(" %d %-21s", j+1, items[j])
		}
		p.Printf("%s\n", trimRight(line))
	}
	k := c.choose(r, options)
	auto := c.mode == modeAuto
	marks, why := grade(r, k)
	p.Printf("  you: %s -> %d/%d, %s\n", k, marks, fullMarks, why)
	p.Printf("  recommended, in order: %s (rule %q)\n", skillNames(r.Interventions), r.RuleID)
	if first, ok := seen[r.RuleID]; ok {
		p.Printf("  why and source: as at moment %d\n", first)
	} else {
		seen[r.RuleID] = n
		wrap(p, "  why: ", r.Rationale)
		wrap(p, "  source: ", r.Source)
	}
	resp, err := s.intervene(k, r.Members)
	if err != nil {
		return moment{}, err
	}
	for _, x := range resp {
		switch {
		case x.Answers:
			p.Printf("  then: %s answers you\n", x.Name)
		case x.Yielded:
			p.Printf("  then: %s yields to %s and is %q for the next %d turns\n", x.Name, k, x.Eased.Name, x.Ticks)
		default:
			p.Printf("  then: %s carries on (%s): %s is not what reaches them\n", x.Name, x.Missed, k)
		}
	}
	return moment{At: at, Rec: r, Chosen: k, Marks: marks, Auto: auto}, nil
}

// intro explains the simulator and what the monitor looks for.
func intro(p *demo.Printer, seed uint64, m mode, agenda session.Agenda) {
	p.Title("Counselling-training simulator")
	wrap(p, "  ", fmt.Sprintf("You lead session %d of an interpersonal process group: %d minutes, %d members, "+
		"no fixed agenda beyond %s. A simulated group (seed %d) plays the members from behaviour profiles. "+
		"Every turn goes through an advice.Room to a session.Session and its advice.Monitor, as in a live app; "+
		"whenever Room.Advise raises something new, you choose a leader skill and are scored against its "+
		"ranked recommendation: %d marks for the first preferred intervention, %d for a later one, 0 otherwise.",
		sessionNumber, int(sessionLength.Minutes()), len(cast), segmentList(agenda), seed, fullMarks, partialMarks))
	switch m {
	case modeAuto:
		p.Printf("  Mode: -auto, a demonstration: the simulator chooses the top recommendation each time.\n")
	case modeChoices:
		p.Printf("  Mode: -choices, in the order given.\n")
	default:
		wrap(p, "  ", "Mode: interactive. At each moment, type the number of your choice and press Enter "+
			"(or the number of \"other\" and then a skill's name); at the end of the input (Ctrl-D), "+
			"the simulator plays on as -auto does.")
	}

	p.Section("The group (profiles are data: profile.go)")
	for _, c := range cast {
		p.Printf("  %-7s %-17s %s\n", c.Name, c.Profile.Name, c.Profile.Sketch)
	}
	wrap(p, "  ", fmt.Sprintf("Stage: %s (Corey), set by the supervisor. The rules follow the stage and "+
		"the modality (%s); where both fit, the modality's rule wins.", supervised, group.ModalityProcess))

	cfg := config()
	fair := 1 / float64(len(cast))
	p.Section("What the monitor looks for (advice.Config)")
	p.Printf("  monopolizing       talk or turn share >= %.1f x fair share (%.2f), once members have talked %s\n",
		cfg.MonopolyFactor, cfg.MonopolyFactor*fair, dur(cfg.MinMemberTalk))
	p.Printf("  silence            no turn for %s; or, from then on, talk share < %.2f x fair share\n", dur(cfg.SilentFor), cfg.SilenceFactor)
	p.Printf("  hostility          >= %d antagonism acts (IPA 12)\n", cfg.HostileActs)
	p.Printf("  leader-challenge   >= %d disagreement or antagonism acts (IPA 10, 12) aimed at a leader\n", cfg.LeaderChallengeActs)
	p.Printf("  member-conflict    >= %d such acts each way between two members\n", cfg.ConflictActs)
	p.Printf("  band-aiding        >= %d positive acts right after another member's tension act (IPA 11)\n", cfg.BandAids)
	p.Printf("  intellectualizing  >= %d abstract turns, fewer than a third as many naming a feeling\n", cfg.TagTurns)
	def := advice.DefaultConfig()
	wrap(p, "  ", fmt.Sprintf("These are advice.DefaultConfig except that shares wait for %s of members' talk "+
		"(default %s) and monopolizing takes %.1f x the fair share (default %.0f): in a group of seven, early shares "+
		"and turn counts are noise. ", dur(cfg.MinMemberTalk), dur(def.MinMemberTalk), cfg.MonopolyFactor, def.MonopolyFactor)+
		"The thresholds are the library's heuristics, not validated cut-offs. Shares and counts run "+
		"over the whole session so far: a share can fall back and clear an episode, a count only grows. "+
		fmt.Sprintf("A share or a silence fires %.0f%% past its threshold, or when it has stayed past it for %s, "+
			"and clears only %.0f%% short of it, so that a value at the threshold does not flap; ", 100*cfg.Margin, dur(cfg.Hold), 100*cfg.Margin)+
		"a count fires on reaching it. Each recommendation fires once per episode, and again only after "+
		"its episode has cleared.")
}

// summary writes each moment's score, the score by situation and overall.
func summary(p *demo.Printer, ms []moment) {
	p.Section("Your score")
	total, most := 0, 0
	type tally struct{ got, of, n int }
	var bySit []advice.Situation
	per := map[advice.Situation]*tally{}
	auto := 0
	for i, m := range ms {
		if m.Chosen == 0 {
			p.Printf("  %2d  %s  %-18s %-15s not scored (safety protocol)\n", i+1, clock(m.At), m.Rec.Situation, who(m.Rec))
			continue
		}
		p.Printf("  %2d  %s  %-18s %-15s %-20s %d/%d  (first preferred: %s)\n", i+1, clock(m.At), m.Rec.Situation,
			who(m.Rec), m.Chosen, m.Marks, fullMarks, m.Rec.Interventions[0])
		t := per[m.Rec.Situation]
		if t == nil {
			t = &tally{}
			per[m.Rec.Situation] = t
			bySit = append(bySit, m.Rec.Situation)
		}
		t.got, t.of, t.n = t.got+m.Marks, t.of+fullMarks, t.n+1
		total, most = total+m.Marks, most+fullMarks
		if m.Auto {
			auto++
		}
	}
	if most == 0 {
		p.Printf("  nothing was scored\n")
		return
	}
	p.Printf("  by situation:\n")
	for _, sit := range sortedSituations(bySit) {
		t := per[sit]
		p.Printf("    %-18s %d/%d over %d moment%s\n", sit, t.got, t.of, t.n, plural(t.n))
	}
	p.Printf("  overall: %d of %d marks (%.0f%%)\n", total, most, 100*float64(total)/float64(most))
	scored := most / fullMarks
	switch {
	case auto == scored:
		wrap(p, "  ", "A demonstration: the simulator chose the top recommendation every time, so the score "+
			"shows the rules at work, not a trainee. To play, run the trainer without -auto and answer the menus.")
	case auto > 0:
		wrap(p, "  ", fmt.Sprintf("%d of the %d choices were the simulator's own (the top recommendation, "+
			"once the choices given ran out); only the other %d are yours.", auto, scored, scored-auto))
	}
}

// factors writes the therapeutic factors the trainee's interventions tend
// to foster, in Yalom's order.
func factors(p *demo.Printer, ms []moment) {
	p.Section("Therapeutic factors your interventions tend to foster")
	wrap(p, "  ", "From factor.FactorsFostered: the library's synthesis of which leader skills foster which "+
		"of Yalom's eleven factors (Yalom & Leszcz 2005, ch. 1), not a published table.")
	by := map[factor.Factor][]session.Skill{}
	for _, m := range ms {
		if m.Chosen == 0 {
			continue
		}
		for _, f := range factor.FactorsFostered(m.Chosen) {
			by[f] = append(by[f], m.Chosen)
		}
	}
	var none []string
	for _, f := range factor.Factors() {
		ks := by[f]
		if len(ks) == 0 {
			none = append(none, f.String())
			continue
		}
		p.Printf("  %-28s %s\n", f, counted(ks))
	}
	if len(none) > 0 {
		wrap(p, "  not fostered by your choices: ", joinStrings(none))
	}
}

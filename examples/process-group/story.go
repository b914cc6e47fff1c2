package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// The people in the story. Names are invented; IDs are the app's own.
const (
	naomi group.FacilitatorID = "naomi" // lead, licensed psychologist
	sam   group.FacilitatorID = "sam"   // co-lead, licensed clinical social worker

	priya  group.MemberID = "priya"
	marcus group.MemberID = "marcus"
	hannah group.MemberID = "hannah"
	luis   group.MemberID = "luis"
	grace  group.MemberID = "grace"
	omar   group.MemberID = "omar"
	dana   group.MemberID = "dana" // leaves after session 7
	theo   group.MemberID = "theo" // joins at session 8
	iris   group.MemberID = "iris" // held back to the next intake
)

// outcome keeps what the story produced, for the smoke test to check
// directly as well as through the printed text.
type outcome struct {
	group      *group.Group
	room       *advice.Room
	irisRefuse error                   // Iris's admission with Theo
	promoted   []group.MemberID        // admitted at the next intake
	advice     []advice.Recommendation // in the middle of session 8
	history    *stage.History
	estimate   stage.Estimate // the heuristic estimate for session 8
}

// story plays the group's story and writes what each package shows to w.
func story(w io.Writer, model stage.Model) (*outcome, error) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		return nil, err
	}
	p := demo.NewPrinter(w)
	p.Title("Process group: a newcomer, a scapegoat and a regression")
	out := &outcome{}
	first := time.Date(2025, time.September, 9, 18, 0, 0, 0, ny) // a Tuesday
	if out.group, err = buildGroup(p, first); err != nil {
		return nil, err
	}
	if err := membership(p, out); err != nil {
		return nil, err
	}
	if out.history, err = earlierStages(out.group, model); err != nil {
		return nil, err
	}
	if err := sessionEight(p, out); err != nil {
		return nil, err
	}
	if err := stages(p, out, model); err != nil {
		return nil, err
	}
	if err := nextIntake(p, out); err != nil {
		return nil, err
	}
	return out, p.Err()
}

// intro opens a section with a line on what it shows and which package
// does the work.
func intro(p *demo.Printer, title, what string) {
	p.Section(title)
	p.Printf("%s\n\n", what)
}

// buildGroup creates the group: a slow-open process group co-led by two
// licensed clinicians, taking one newcomer at a time.
func buildGroup(p *demo.Printer, first time.Time) (*group.Group, error) {
	intro(p, "The group", "group.New checks the spec against the built-in process profile.")
	clinician := []group.Credential{group.CredentialLicensedClinician}
	g, err := group.New(group.Spec{
		Name:          "Tuesday interpersonal process group",
		Modality:      group.ModalityProcess,
		Policy:        group.PolicySlowOpen,
		Capacity:      8,
		SessionLength: 90 * time.Minute,
		Start:         first,
		Facilitators: []group.Facilitator{
			{ID: naomi, Name: "Dr. Naomi", Role: group.RoleLead, Credentials: clinician},
			{ID: sam, Name: "Sam", Role: group.RoleCoLead, Credentials: clinician},
		},
		Agreement: group.StandardAgreement(1),
		// The leaders take one newcomer per intake, so that each can be
		// prepared and the group is not flooded (slow-open groups take one or
		// two at a time: Yalom & Leszcz 2005, ch. 10).
		Admission: group.Admission{MaxNewcomers: 1},
	})
	if err != nil {
		return nil, err
	}
	prof, spec := g.Profile(), g.Spec()
	p.Printf("  %s: modality %s, kind %s, %s structure, open-ended\n", spec.Name, prof.Modality, prof.Kind, prof.Structure)
	for _, f := range g.Facilitators() {
		p.Printf("  %-9s %-7s %v\n", f.Name, f.Role, f.Credentials)
	}
	p.Printf("  licensed clinician required: %s; co-leading recommended: %s\n",
		yes(prof.LicensedClinicianRequired), yes(prof.CoLeadRecommended))
	p.Printf("  policy %s: newcomers only into vacancies (capacity %d), at most %d newcomer\n",
		spec.Policy, g.Capacity(), spec.Admission.MaxNewcomers)
	p.Printf("  per intake; an intake spans %d session interval (a week)\n", group.DefaultNewcomerSessions)
	p.Printf("  screening required: %s; agreement v%d signed before admission\n",
		yes(prof.ScreeningRequired), spec.Agreement.Version)
	return g, nil
}

// join refers, screens and prepares a member, and admits them unless
// admit is false. It returns the admission's error.
func join(g *group.Group, id group.MemberID, name string, at time.Time, admit bool) error {
	if err := g.Refer(group.Member{ID: id, Name: name}, at.AddDate(0, 0, -14)); err != nil {
		return err
	}
	if err := g.StartScreening(id, at.AddDate(0, 0, -14)); err != nil {
		return err
	}
	sc, err := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(0)}) // item 9 asked, answered 0
	if err != nil {
		return err
	}
	if sc.Outcome != group.OutcomeSuitable {
		return fmt.Errorf("screening %s: %s", id, sc.Outcome)
	}
	if err := g.RecordScreening(id, sc, at.AddDate(0, 0, -14)); err != nil {
		return err
	}
	if err := g.SignAgreement(id, g.Spec().Agreement.Version, at.AddDate(0, 0, -7)); err != nil {
		return err
	}
	if !admit {
		return nil
	}
	return g.Admit(id, at)
}

// membership shows the slow-open rules at work: a member leaves, one
// newcomer fills the vacancy, a second waits for the next intake.
func membership(p *demo.Printer, out *outcome) error {
	intro(p, "Membership", "group commands: screening, consent, admission under the slow-open policy.")
	g := out.group
	start := g.SessionStart(1)
	founders := []struct {
		id   group.MemberID
		name string
	}{{priya, "Priya"}, {marcus, "Marcus"}, {hannah, "Hannah"}, {luis, "Luis"}, {grace, "Grace"}, {omar, "Omar"}, {dana, "Dana"}}
	for _, f := range founders {
		if err := join(g, f.id, f.name, start.AddDate(0, 0, -3), true); err != nil {
			return err
		}
	}
	p.Printf("  before session 1: 7 members screened, signed and admitted (%d of %d places)\n", len(g.ActiveMembers()), g.Capacity())

	// Dana told the group three weeks ahead and said goodbye at session 7.
	leaves := g.SessionStart(7).Add(90 * time.Minute)
	if err := g.Complete(dana, leaves, "worked through her goals; announced her leaving three sessions ahead"); err != nil {
		return err
	}
	p.Printf("  after session 7: Dana completes (%s); %d of %d places taken, %d vacancies\n",
		g.Status(dana), len(g.ActiveMembers()), g.Capacity(), g.Capacity()-len(g.ActiveMembers()))

	intake := g.SessionStart(8).Add(-time.Hour)
	if err := join(g, theo, "Theo", intake, true); err != nil {
		return err
	}
	p.Printf("  %s: Theo, screened and prepared, joins into the vacancy: %s\n", intake.Format("Jan 2 15:04"), g.Status(theo))
	if err := join(g, iris, "Iris", intake, false); err != nil {
		return err
	}
	out.irisRefuse = g.Admit(iris, intake)
	var ce *group.CommandError
	if errors.As(out.irisRefuse, &ce) {
		p.Printf("  %s: Iris, also ready, is refused by %s: newcomer limit %s, group full %s\n",
			intake.Format("Jan 2 15:04"), ce.Op, yes(errors.Is(ce, group.ErrNewcomerLimit)), yes(errors.Is(ce, group.ErrGroupFull)))
	}
	if err := g.Waitlist(iris, intake, "next intake: one newcomer at a time"); err != nil {
		return err
	}
	p.Printf("  There is a vacancy, but the intake already has its one newcomer: Iris is %s.\n", g.Status(iris))
	return nil
}

// sessionEight plays the newcomer's first session.
func sessionEight(p *demo.Printer, out *outcome) error {
	g := out.group
	at := g.SessionStart(8)
	intro(p, "Session 8: plan", "session.Template: a process group has no fixed agenda, only here-and-now work.")
	agenda, err := session.Template(g.Profile(), 90*time.Minute, len(g.ActiveMembers()))
	if err != nil {
		return err
	}
	p.Agenda(agenda)
	spec := session.SpecFromGroup(g, agenda, at, 90*time.Minute, 5*time.Minute)
	spec.Number = 8
	room, err := advice.NewRoom(advice.RoomSpec{Session: spec})
	if err != nil {
		return err
	}
	out.room = room
	names := demo.NamesOf(room.Session().Spec())

	intro(p, "Session 8: what happened", "session events, recorded in the session and its monitor through an advice.Room.")
	start := at
	keep := func(e error) {
		if err == nil {
			err = e
		}
	}
	say := func(from, to session.Party, d time.Duration, act session.Act, tags ...session.Tag) {
		keep(room.Speak(at, session.Turn{Speaker: from, Addressee: to, Duration: d, Act: act, Tags: session.TagsOf(tags...)}))
		at = at.Add(d)
	}
	intervene := func(f group.FacilitatorID, k session.Skill, target session.Party) {
		keep(room.Intervene(at, session.Intervention{Facilitator: f, Skill: k, Target: target}))
	}
	m, all := session.MemberParty, session.WholeGroup()
	ldr, co := session.FacilitatorParty(naomi), session.FacilitatorParty(sam)
	present := []group.MemberID{grace, hannah, luis, marcus, omar, priya, theo}
	keep(room.Start(at, []group.FacilitatorID{naomi, sam}, present, false))
	keep(room.BeginSegment(at, session.SegmentProcessing))
	say(ldr, all, 2*time.Minute, session.ActGivesOrientation) // welcomes Theo, names Dana's absence
	say(m(omar), all, 2*time.Minute, session.ActGivesOpinion, session.TagFeeling, session.TagHereAndNow)
	say(m(priya), m(omar), 2*time.Minute, session.ActAgrees, session.TagSelfDisclosure)
	say(m(theo), all, 2*time.Minute, session.ActGivesOrientation, session.TagSelfDisclosure)
	say(m(priya), m(theo), time.Minute, session.ActShowsSolidarity)
	challenged := at
	say(m(marcus), ldr, 2*time.Minute, session.ActDisagrees, session.TagHereAndNow) // "you filled her chair without asking us"
	say(m(grace), ldr, 2*time.Minute, session.ActDisagrees, session.TagFeeling)     // "it feels decided over our heads"
	say(m(theo), m(marcus), time.Minute, session.ActGivesOpinion)
	turned := at
	say(m(marcus), m(theo), time.Minute, session.ActDisagrees)
	say(m(hannah), m(theo), time.Minute, session.ActShowsAntagonism) // "you've talked over people twice"
	say(m(luis), m(theo), time.Minute, session.ActShowsTension)
	say(m(omar), m(hannah), 2*time.Minute, session.ActGivesOpinion, session.TagFeedback)
	if err != nil {
		return err
	}
	p.Printf("  %s  Naomi welcomes Theo; Omar and Priya talk about missing Dana\n", clock(start))
	p.Printf("  %s  Marcus and Grace to Naomi: \"you filled her chair without asking us\"\n", clock(challenged))
	p.Printf("  %s  Marcus, Hannah and Luis each turn on Theo; Omar gives Hannah feedback\n", clock(turned))

	cur, _ := out.history.Current()
	intro(p, "What the leaders are told", "advice.Room.Advise, in context: process modality, co-led, stage "+cur.Stage.String()+".")
	out.advice = room.Advise(at, cur.Stage)
	p.Recommendations(out.advice, names)
	p.Printf("  The challenge gets the process-group rule (the conflict is the work);\n")
	p.Printf("  scapegoating gets the general rule: block, protect, name the pattern.\n")

	acted := at
	// The leaders act on it: Sam protects Theo and names the pattern,
	// Naomi takes the challenge without defensiveness.
	intervene(sam, session.SkillBlocking, all)
	intervene(sam, session.SkillProtecting, m(theo))
	intervene(sam, session.SkillInterpreting, all) // "are we angry at Dana for leaving, and handing it to Theo?"
	intervene(naomi, session.SkillActiveListening, m(marcus))
	say(ldr, m(marcus), 2*time.Minute, session.ActAgrees, session.TagHereAndNow) // "you're right that you weren't asked"
	say(m(marcus), all, 4*time.Minute, session.ActGivesOpinion, session.TagSelfDisclosure, session.TagFeeling)
	say(m(hannah), m(theo), 3*time.Minute, session.ActShowsSolidarity, session.TagSelfDisclosure, session.TagFeeling)
	say(m(grace), m(theo), 3*time.Minute, session.ActGivesOpinion, session.TagSelfDisclosure, session.TagFeedback)
	say(m(theo), m(grace), 3*time.Minute, session.ActGivesOpinion, session.TagFeeling, session.TagHereAndNow)
	say(m(luis), m(theo), 3*time.Minute, session.ActGivesOpinion, session.TagFeedback)
	say(m(omar), m(marcus), 3*time.Minute, session.ActGivesOpinion, session.TagFeedback, session.TagHereAndNow)
	say(m(priya), m(hannah), 3*time.Minute, session.ActGivesOpinion, session.TagSelfDisclosure)
	say(co, all, 2*time.Minute, session.ActGivesOpinion, session.TagHereAndNow) // process comment
	say(m(theo), m(priya), 2*time.Minute, session.ActShowsSolidarity, session.TagFeeling)
	at = start.Add(80 * time.Minute)
	keep(room.BeginSegment(at, session.SegmentCheckOut))
	say(ldr, all, 2*time.Minute, session.ActGivesOrientation)
	keep(room.End(start.Add(90 * time.Minute)))
	if err != nil {
		return err
	}
	p.Printf("  %s  Sam blocks, protects Theo and names the pattern; Naomi takes the challenge\n", clock(acted))
	p.Printf("         without defensiveness; members speak of Dana and give Theo feedback\n")
	p.Printf("  interventions recorded: %d; attendance: %d of %d\n",
		room.Tracker().Snapshot().Interventions, room.Session().ParticipantCount(), len(room.Session().Attendance()))
	return nil
}

// earlierStages is the stage history of sessions 1-7, estimated from the
// evidence the app stored after each.
func earlierStages(g *group.Group, model stage.Model) (*stage.History, error) {
	h, err := stage.NewHistory(model)
	if err != nil {
		return nil, err
	}
	evidence := storedEvidence()
	for i := range evidence {
		e, err := stage.Infer(evidence[:i+1])
		if err != nil {
			return nil, err
		}
		if !e.Named() {
			continue // not enough evidence yet: nothing to record
		}
		if err := h.Estimated(e.Session, g.SessionStart(e.Session), e); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// stages adds session 8 to the stage history: the estimate from tonight's
// events, and the leaders' judgement that the group has regressed.
func stages(p *demo.Printer, out *outcome, model stage.Model) error {
	intro(p, "Stage history", "stage.Infer and stage.History: estimates, overridden by the leaders.")
	h, g := out.history, out.group
	snap := out.room.Tracker().Snapshot()
	evidence := append(storedEvidence(), stage.SessionEvidence{Session: 8,
		// The members' GCQ-S after session 8: engaged, and reporting less
		// conflict than the leaders saw.
		Climate:     climate(4.3, 1.8, 2.4),
		Interaction: snap.Evidence(), Attendance: snap.Attendance()})
	e, err := stage.Infer(evidence)
	if err != nil {
		return err
	}
	out.estimate = e
	if e.Named() {
		if err := h.Estimated(8, g.SessionStart(8).Add(90*time.Minute), e); err != nil {
			return err
		}
	}
	p.Printf("  the heuristic estimate for session 8, and the evidence it rests on:\n")
	p.Estimate(out.estimate, model)
	if e.Named() {
		p.Printf("  Feedback to Theo and the members' upbeat GCQ-S outweigh the attacks: the\n")
		p.Printf("  heuristic says %s. The leaders, who were in the room, disagree.\n", e.Translate(model).Name())
	} else {
		p.Printf("  Feedback to Theo and the members' upbeat GCQ-S pull one way, the attacks\n")
		p.Printf("  the other: the heuristic leans to %s but names no stage. The leaders,\n", e.Translate(model).Scores[topScore(e.Translate(model))].Stage)
		p.Printf("  who were in the room, decide.\n")
	}

	// The leaders read the session differently: the newcomer and Dana's
	// leaving have thrown the group back into a struggle over trust and
	// control. Their setting wins over the estimate.
	back := stage.Equivalent(stage.Storming, model)[0]
	reason := "Dana's leaving and a newcomer reopened trust and control: scapegoating, challenge to the leader"
	if err := h.Set(8, g.SessionStart(8).Add(2*time.Hour), back, naomi, reason); err != nil {
		return err
	}
	p.Printf("\n  the history (%s's model):\n", demo.ModelName(model))
	for _, e := range h.Entries() {
		p.Printf("    session %d  %-12s %-11s", e.Session, e.Stage, e.SetBy)
		if e.SetBy == stage.SetByEstimate {
			p.Printf(" confidence %.2f", e.Confidence)
		}
		if e.Overrides.IsValid() {
			p.Printf(" overrides the estimate (%s)", e.Overrides)
		}
		if e.Regression {
			p.Printf(" REGRESSION from %s", e.From)
		}
		p.Printf("\n")
		if e.Reason != "" {
			p.Printf("               %s: %s\n", demo.NamesOf(out.room.Session().Spec()).Facilitator(e.Facilitator), e.Reason)
		}
	}
	p.Printf("  A facilitator's setting always wins; the regression is kept, not smoothed\n")
	p.Printf("  away: groups move in a spiral (Yalom), and the record should say so.\n")
	return nil
}

// nextIntake admits the waiting newcomer at the next intake.
func nextIntake(p *demo.Printer, out *outcome) error {
	intro(p, "The next intake", "group.PromoteWaitlist: the waitlist is served first-come first-served.")
	at := out.group.SessionStart(9).Add(-time.Hour)
	promoted, err := out.group.PromoteWaitlist(at)
	if err != nil {
		return err
	}
	out.promoted = promoted
	for _, id := range promoted {
		m, _ := out.group.Member(id)
		p.Printf("  %s: %s admitted from the waitlist (%s); %d of %d places taken\n",
			at.Format("Jan 2 15:04"), m.Name, out.group.Status(id), len(out.group.ActiveMembers()), out.group.Capacity())
	}
	p.Printf("  Theo's intake has passed, so Iris is the new intake's one newcomer.\n")
	return nil
}

// storedEvidence is what the app kept about sessions 1-7: the members'
// mean GCQ-S each week, a summary of the interaction, and attendance.
func storedEvidence() []stage.SessionEvidence {
	type row struct {
		eng, avoid, conflict float64
		ix                   stage.InteractionEvidence
		late                 int
	}
	rows := []row{
		{2.6, 3.2, 0.8, stage.InteractionEvidence{MemberTurns: 40, MemberToMember: 0.3, MemberToFacilitator: 0.6, Questions: 0.3}, 0},
		{2.9, 2.9, 1.2, stage.InteractionEvidence{MemberTurns: 44, MemberToMember: 0.35, MemberToFacilitator: 0.55, Questions: 0.28}, 0},
		{3.0, 2.4, 3.2, stage.InteractionEvidence{MemberTurns: 52, MemberToMember: 0.45, MemberToFacilitator: 0.4, Negative: 0.22, LeaderChallenges: 2}, 2},
		{3.3, 2.2, 2.9, stage.InteractionEvidence{MemberTurns: 55, MemberToMember: 0.5, MemberToFacilitator: 0.35, Negative: 0.15, LeaderChallenges: 1}, 1},
		{3.9, 1.9, 2.0, stage.InteractionEvidence{MemberTurns: 60, MemberToMember: 0.6, MemberToFacilitator: 0.25, Negative: 0.06, DisclosureFeedback: 0.3}, 0},
		{4.2, 1.6, 1.5, stage.InteractionEvidence{MemberTurns: 62, MemberToMember: 0.65, MemberToFacilitator: 0.2, Negative: 0.05, DisclosureFeedback: 0.35}, 0},
		{4.4, 1.5, 1.4, stage.InteractionEvidence{MemberTurns: 58, MemberToMember: 0.7, MemberToFacilitator: 0.2, Negative: 0.04, DisclosureFeedback: 0.4}, 0},
	}
	out := make([]stage.SessionEvidence, len(rows))
	for i, r := range rows {
		out[i] = stage.SessionEvidence{Session: i + 1, Climate: climate(r.eng, r.avoid, r.conflict),
			Interaction: r.ix, Attendance: stage.AttendanceEvidence{Expected: 7, Present: 7, Late: r.late}}
	}
	return out
}

// climate is a group's mean GCQ-S subscales for one session (MacKenzie 1983).
func climate(engagement, avoidance, conflict float64) measure.GCQSScore {
	return measure.GCQSScore{Engagement: engagement, Avoidance: avoidance, Conflict: conflict, Answered: 12}
}

func clock(t time.Time) string { return t.Format("15:04") }

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// topScore returns the index of the estimate's highest score.
func topScore(e stage.Estimate) int {
	best := 0
	for i, s := range e.Scores {
		if s.Score > e.Scores[best].Score {
			best = i
		}
	}
	return best
}

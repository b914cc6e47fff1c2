package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// The people in the story. Names are invented; IDs are the app's own.
const (
	ines group.FacilitatorID = "ines" // registered art therapist
	paul group.FacilitatorID = "paul" // a psychologist with no art therapy training

	mara  group.MemberID = "mara" // the silent member
	leo   group.MemberID = "leo"
	nadia group.MemberID = "nadia"
	owen  group.MemberID = "owen"
	ruth  group.MemberID = "ruth"
	sofia group.MemberID = "sofia"
)

// outcome keeps what the story produced, for the smoke test to check
// directly as well as through the printed text.
type outcome struct {
	refused   error // the group without an art therapist
	group     *group.Group
	program   curriculum.Program
	plan      curriculum.Plan
	room      *advice.Room
	advice    []advice.Recommendation // when the silence was noticed
	before    []advice.Detection      // what the monitor saw then
	after     []advice.Detection      // and after Mara spoke
	marasNote session.ProgressNote
}

// story plays the session and writes what each package shows to w.
func story(w io.Writer, planNo int) (*outcome, error) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		return nil, err
	}
	p := demo.NewPrinter(w)
	p.Title("Art therapy: a silent member and her image")
	out := &outcome{program: curriculum.ArtTherapySeries()}
	cal, err := series(p, out, planNo, london)
	if err != nil {
		return nil, err
	}
	if err := buildGroup(p, out, cal); err != nil {
		return nil, err
	}
	occ, _ := cal.Session(planNo)
	if err := play(p, out, occ.Start); err != nil {
		return nil, err
	}
	if err := notes(p, out); err != nil {
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

// series shows the built-in series, puts it on dates and picks the plan.
func series(p *demo.Printer, out *outcome, planNo int, loc *time.Location) (curriculum.Calendar, error) {
	intro(p, "The series", "curriculum.ArtTherapySeries: eight directive themes, one a week, on a calendar.")
	prog := out.program
	plan, ok := prog.Plan(planNo)
	if !ok {
		return curriculum.Calendar{}, fmt.Errorf("art-therapy: the series has plans 1-%d, not %d", prog.NumPlans(), planNo)
	}
	out.plan = plan
	cal, err := curriculum.Schedule(prog, curriculum.Spec{
		First:    curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.September, Day: 17}, At: curriculum.Clock{Hour: 14}},
		Location: loc,
	})
	if err != nil {
		return curriculum.Calendar{}, err
	}
	p.Printf("  %q: modality %s, %s sessions of %s, %s entry\n", prog.Title, prog.Modality, prog.Cadence, minutes(prog.SessionLength), prog.Entry)
	for _, pl := range prog.Plans() {
		occ, _ := cal.Session(pl.Number)
		mark := " "
		if pl.Number == planNo {
			mark = ">"
		}
		p.Printf("  %s %d  %s  %s\n", mark, pl.Number, occ.Start.Format("Mon Jan _2"), pl.Title)
	}
	p.Printf("  today's directive: %q, to %s\n", plan.Title, strings.Join(plan.Objectives, "; "))
	return cal, nil
}

// buildGroup shows that an art therapy group needs a credentialed art
// therapist, then builds one that has her.
func buildGroup(p *demo.Printer, out *outcome, cal curriculum.Calendar) error {
	intro(p, "Who may lead", "group.New enforces the profile's required credential with a typed error.")
	first, _ := cal.Session(1)
	spec := group.Spec{
		Name:            "Wednesday art therapy series",
		Modality:        group.ModalityArtTherapy,
		Focus:           []group.Concern{group.ConcernAnxiety, group.ConcernStress},
		Policy:          group.PolicyClosed,
		Capacity:        8,
		SessionLength:   out.program.SessionLength,
		PlannedSessions: out.program.NumPlans(),
		Start:           first.Start,
		Agreement:       group.StandardAgreement(1),
		Facilitators: []group.Facilitator{{ID: paul, Name: "Dr. Paul", Role: group.RoleLead,
			Credentials: []group.Credential{group.CredentialLicensedClinician}}},
	}
	_, out.refused = group.New(spec)
	p.Printf("  led by Dr. Paul (licensed clinician, no art therapy credential): refused\n")
	p.Printf("    errors.Is ErrMissingCredential: %s, ErrLeadNotQualified: %s\n",
		yes(errors.Is(out.refused, group.ErrMissingCredential)), yes(errors.Is(out.refused, group.ErrLeadNotQualified)))
	for _, fe := range fieldErrors(out.refused) {
		p.Printf("    *group.FieldError at %q: %s\n", fe.Path, fe.Problem)
	}

	spec.Facilitators = []group.Facilitator{{ID: ines, Name: "Ines", Role: group.RoleLead,
		Credentials: []group.Credential{group.CredentialArtTherapist}}}
	g, err := group.New(spec)
	if err != nil {
		return err
	}
	out.group = g
	p.Printf("  led by Ines (art-therapist): accepted; findings:\n")
	p.Findings(g.Findings())

	before := first.Start.AddDate(0, 0, -7)
	// Each screening interview asked PHQ-9 item 9 (answered 0) and found
	// nothing against the group; the screening is recorded and binds Admit.
	screening, err := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(0)})
	if err != nil {
		return err
	}
	for _, m := range []group.Member{{ID: leo, Name: "Leo"}, {ID: mara, Name: "Mara"}, {ID: nadia, Name: "Nadia"},
		{ID: owen, Name: "Owen"}, {ID: ruth, Name: "Ruth"}, {ID: sofia, Name: "Sofia"}} {
		for _, err := range []error{g.Refer(m, before.AddDate(0, 0, -7)), g.StartScreening(m.ID, before.AddDate(0, 0, -7)),
			g.RecordScreening(m.ID, screening, before.AddDate(0, 0, -7)), g.SignAgreement(m.ID, 1, before), g.Admit(m.ID, before)} {
			if err != nil {
				return err
			}
		}
	}
	p.Printf("  6 members screened, signed and admitted before the first session\n")
	return nil
}

// play runs today's session: check-in, art-making, sharing and processing
// the images, closing.
func play(p *demo.Printer, out *outcome, start time.Time) error {
	g := out.group
	intro(p, "Today's agenda", "curriculum.Program.Agenda: the plan's agenda, from session.Template for art therapy.")
	agenda, err := out.program.Agenda(out.plan.Number, len(g.ActiveMembers()))
	if err != nil {
		return err
	}
	p.Agenda(agenda)
	spec := session.SpecFromGroup(g, agenda, start, out.program.SessionLength, 5*time.Minute)
	spec.Number = out.plan.Number
	room, err := advice.NewRoom(advice.RoomSpec{Session: spec})
	if err != nil {
		return err
	}
	out.room = room
	names := demo.NamesOf(room.Session().Spec())

	intro(p, "The session", "session events, recorded in the session and its monitor through an advice.Room.")
	at := start
	keep := func(e error) {
		if err == nil {
			err = e
		}
	}
	say := func(from, to session.Party, d time.Duration, act session.Act, tags ...session.Tag) {
		keep(room.Speak(at, session.Turn{Speaker: from, Addressee: to, Duration: d, Act: act, Tags: session.TagsOf(tags...)}))
		at = at.Add(d)
	}
	m, lead, all := session.MemberParty, session.FacilitatorParty(ines), session.WholeGroup()
	everyone := []group.MemberID{leo, mara, nadia, owen, ruth, sofia}
	keep(room.Start(at, []group.FacilitatorID{ines}, everyone, false))
	keep(room.BeginSegment(at, session.SegmentCheckIn))
	say(lead, all, time.Minute, session.ActAsksOpinion) // "one word for your week"
	for _, id := range []group.MemberID{leo, nadia, owen, ruth, sofia} {
		say(m(id), all, time.Minute, session.ActGivesOpinion, session.TagFeeling)
	}
	p.Printf("  %s  check-in round; Mara shakes her head and passes\n", clock(start))
	at = start.Add(agenda.Segments[0].Planned)
	keep(room.BeginSegment(at, session.SegmentArtMaking))
	say(lead, all, 2*time.Minute, session.ActGivesOrientation) // the directive
	say(m(owen), lead, 30*time.Second, session.ActAsksOrientation)
	say(lead, m(owen), 30*time.Second, session.ActGivesOrientation)
	p.Printf("  %s  art-making on %q; the room goes quiet, as it should\n", clock(at.Add(-3*time.Minute)), out.plan.Title)
	processing := start.Add(agenda.Segments[0].Planned + agenda.Segments[1].Planned)
	at = processing
	keep(room.BeginSegment(at, session.SegmentProcessing))
	say(m(leo), all, 4*time.Minute, session.ActGivesOrientation, session.TagSelfDisclosure, session.TagFeeling)
	say(m(nadia), m(leo), time.Minute, session.ActGivesOpinion, session.TagFeedback)
	say(m(ruth), all, 4*time.Minute, session.ActGivesOrientation, session.TagSelfDisclosure, session.TagFeeling)
	say(m(sofia), m(ruth), time.Minute, session.ActShowsSolidarity, session.TagFeedback)
	say(m(owen), all, 4*time.Minute, session.ActGivesOrientation, session.TagSelfDisclosure, session.TagFeeling)
	say(m(leo), m(owen), time.Minute, session.ActShowsSolidarity, session.TagFeedback)
	if err != nil {
		return err
	}
	p.Printf("  %s  sharing and processing: Leo, Ruth and Owen show their images; Mara has not spoken\n", clock(processing))
	snap := room.Tracker().SnapshotAt(at)
	if st, ok := snap.Member(mara); ok {
		p.Printf("         Mara has been in the room %s, silent for %s of it in segments that expect talk\n",
			minutes(st.PresentFor), minutes(st.Expected.Silent))
	}

	intro(p, "What the monitor notices", "advice.Monitor.Detect and Room.Advise: silence, and how to meet it.")
	out.before = room.Monitor().Detect(at)
	out.advice = room.Advise(at, stage.Unspecified)
	p.Recommendations(out.advice, names)
	p.Printf("  Silence is guidance, not a fault: draw out without forcing, and in an\n")
	p.Printf("  art therapy group the image itself is the non-verbal way in.\n")

	intro(p, "Drawing out through the image", "a session intervention (drawing-out, aimed at Mara), then her turn.")
	drawn := at
	keep(room.Intervene(at, session.Intervention{Facilitator: ines, Skill: session.SkillDrawingOut, Target: m(mara),
		Text: "would you hold your picture up for us? you can say as much or as little as you like about it"}))
	say(lead, m(mara), 30*time.Second, session.ActAsksOpinion)
	say(m(mara), all, 2*time.Minute, session.ActGivesOrientation, session.TagSelfDisclosure, session.TagFeeling)
	say(m(owen), m(mara), time.Minute, session.ActShowsSolidarity, session.TagFeedback)
	if err != nil {
		return err
	}
	out.after = room.Monitor().Detect(at)
	iv, _ := room.Tracker().LastIntervention()
	p.Printf("  %s  Ines, %s aimed at %s:\n         %q\n", clock(drawn), iv.Intervention.Skill, names.Of(iv.Intervention.Target), iv.Intervention.Text)
	p.Printf("  %s  Mara holds up a grey box with one red line: \"that's the week; the red is me\"\n", clock(drawn.Add(30*time.Second)))
	p.Printf("  %s  Owen: \"mine has a box too\"\n", clock(drawn.Add(150*time.Second)))
	snap = room.Tracker().SnapshotAt(at)
	st, _ := snap.Member(mara)
	p.Printf("  Mara now: %s, share of members' talk %.2f\n", demo.Count(st.Turns, "turn", "turns"), st.TalkShare)
	p.Printf("  silence detected for Mara before: %s, after: %s\n", yes(silent(out.before, mara)), yes(silent(out.after, mara)))

	say(m(nadia), all, 4*time.Minute, session.ActGivesOrientation, session.TagSelfDisclosure)
	say(m(sofia), all, 3*time.Minute, session.ActGivesOrientation, session.TagSelfDisclosure, session.TagFeeling)
	say(m(leo), m(nadia), time.Minute, session.ActShowsSolidarity, session.TagFeedback)
	at = start.Add(agenda.Total() - agenda.Segments[len(agenda.Segments)-1].Planned)
	keep(room.BeginSegment(at, session.SegmentCheckOut))
	for _, id := range everyone {
		say(m(id), all, time.Minute, session.ActGivesOpinion)
	}
	keep(room.End(start.Add(agenda.Total())))
	p.Printf("  then Nadia and Sofia share; everyone, Mara too, says a word at check-out\n")
	return err
}

// notes writes the group note and Mara's progress note, and shows her note
// as it goes into her record.
func notes(p *demo.Printer, out *outcome) error {
	intro(p, "Mara's progress note", "session notes: the group note fans out to each member, others redacted.")
	room := out.room
	end := room.Session().EndedAt()
	gid, err := room.WriteNote(end.Add(10*time.Minute), session.Note{Kind: session.NoteGroup, Author: ines,
		Theme: out.plan.Title, Process: "quiet, absorbed art-making; warm responses to each image",
		Text: "Leo drew a storm at sea; Ruth painted her kitchen in yellow; Owen found a box in his image like Mara's."})
	if err != nil {
		return err
	}
	nid, err := room.WriteNote(end.Add(15*time.Minute), session.Note{Kind: session.NoteProgress, Member: mara, Author: ines,
		Text:         "Passed at check-in. Engaged fully in art-making. Drawn out through her image, she described it as her week, with herself as a thin red line; accepted a peer's response.",
		GoalProgress: "first spoken contribution in the group; goal of expressing feelings, early progress"})
	if err != nil {
		return err
	}
	for _, id := range []int{gid, nid} {
		if err := room.SignNote(end.Add(20*time.Minute), id, ines); err != nil {
			return err
		}
	}
	for _, n := range room.Session().ProgressNotes() {
		if n.Member == mara {
			out.marasNote = n
			p.ProgressNote(n)
		}
	}
	p.Printf("    shared content: %s\n", out.marasNote.Group.Content)
	p.Printf("  Other members' names in the shared text are replaced by %q in Mara's record;\n", session.Redacted)
	p.Printf("  her own name stays. Every attending member needs an individual note like\n")
	p.Printf("  this one (only Mara's is shown); identical notes are a finding.\n")
	return nil
}

// fieldErrors returns the *group.FieldError values joined in err.
func fieldErrors(err error) []*group.FieldError {
	var out []*group.FieldError
	var walk func(error)
	walk = func(e error) {
		var fe *group.FieldError
		if errors.As(e, &fe) && fe == e {
			out = append(out, fe)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

// silent reports whether ds holds a silence detection for member id.
func silent(ds []advice.Detection, id group.MemberID) bool {
	for _, d := range ds {
		if d.Situation == advice.SituationSilence && len(d.Members) == 1 && d.Members[0] == id {
			return true
		}
	}
	return false
}

func minutes(d time.Duration) string { return fmt.Sprintf("%d min", int(d.Minutes())) }

func clock(t time.Time) string { return t.Format("15:04") }

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

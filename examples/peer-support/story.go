package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// The people in the story. Names are invented; IDs are the app's own.
const (
	rosa group.FacilitatorID = "rosa" // peer facilitator, lost her husband six years ago

	ana    group.MemberID = "ana"
	bill   group.MemberID = "bill"
	carmen group.MemberID = "carmen"
	dev    group.MemberID = "dev"
	elise  group.MemberID = "elise"
)

// outcome keeps what the story produced, for the smoke test to check
// directly as well as through the printed text.
type outcome struct {
	group      *group.Group
	room       *advice.Room
	advice     []advice.Recommendation // when the risk was raised
	afterwards []advice.Recommendation // once it was resolved
	endRefused error                   // ending with the risk still open
}

// story plays the evening and writes what each package shows to w.
func story(w io.Writer, crisisLine string) (*outcome, error) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		return nil, err
	}
	p := demo.NewPrinter(w)
	p.Title("Peer support: a drop-in grief group, one Thursday evening")

	first := time.Date(2025, time.September, 4, 19, 0, 0, 0, ny)
	tonight := time.Date(2025, time.November, 6, 19, 0, 0, 0, ny)
	out := &outcome{}
	if out.group, err = buildGroup(p, first); err != nil {
		return nil, err
	}
	if err := dropIns(p, out.group, first, tonight); err != nil {
		return nil, err
	}
	if out.room, err = openRoom(p, out.group, tonight); err != nil {
		return nil, err
	}
	if err := evening(p, out, tonight, crisisLine); err != nil {
		return nil, err
	}
	records(p, out.room)
	return out, p.Err()
}

// intro opens a section with a line on what it shows and which package
// does the work.
func intro(p *demo.Printer, title, what string) {
	p.Section(title)
	p.Printf("%s\n\n", what)
}

// buildGroup creates the group and shows what kind of group it is.
func buildGroup(p *demo.Printer, first time.Time) (*group.Group, error) {
	intro(p, "The group", `group.New builds the group from a Spec; its built-in "support" profile says how such groups run.`)
	g, err := group.New(group.Spec{
		Name:          "Thursday grief drop-in",
		Modality:      group.ModalitySupport,
		Focus:         []group.Concern{group.ConcernGrief},
		Policy:        group.PolicyOpen,          // membership: anyone may join at any meeting
		MeetingAccess: group.MeetingAccessClosed, // attendance: only people who are bereaved
		SessionLength: 90 * time.Minute,
		Start:         first,
		Facilitators: []group.Facilitator{{ID: rosa, Name: "Rosa", Role: group.RolePeerFacilitator,
			Credentials: []group.Credential{group.CredentialPeerSupportWorker}}},
	})
	if err != nil {
		return nil, err
	}
	prof := g.Profile()
	spec := g.Spec()
	f := g.Facilitators()[0]
	p.Printf("  %s: modality %s, kind %s, %s structure, ASGW specialization %s\n",
		spec.Name, prof.Modality, prof.Kind, prof.Structure, prof.Specialization)
	p.Printf("  led by %s, %s, credentials %v\n", f.Name, f.Role, f.Credentials)
	p.Printf("  membership policy: %s    meeting access: %s\n", spec.Policy, spec.MeetingAccess)
	p.Printf("  Two meanings of \"open\", two fields: Policy says members may join at any\n")
	p.Printf("  meeting; MeetingAccess says only people who share the loss may attend.\n")
	p.Printf("  screening required: %s    clinical records: %s    capacity: %s\n",
		yes(prof.ScreeningRequired), yes(prof.ClinicalRecords), capacity(g.Capacity()))
	p.Printf("  findings on the group:\n")
	p.Findings(g.Findings())
	return g, nil
}

// dropIns registers the regulars and tonight's walk-in. An open support
// group admits at any meeting and screens no one.
func dropIns(p *demo.Printer, g *group.Group, first, tonight time.Time) error {
	intro(p, "Who comes", "group.Refer and group.Admit: an open group admits at any meeting, straight from referral.")
	regulars := []struct {
		id   group.MemberID
		name string
		week int // the meeting they first came to
	}{{ana, "Ana", 1}, {bill, "Bill", 2}, {carmen, "Carmen", 6}, {dev, "Dev", 8}}
	for _, r := range regulars {
		at := first.AddDate(0, 0, 7*(r.week-1))
		if err := g.Refer(group.Member{ID: r.id, Name: r.name}, at); err != nil {
			return err
		}
		if err := g.Admit(r.id, at); err != nil {
			return err
		}
		p.Printf("  %-7s first came %s, admitted at the door\n", r.name, at.Format("Jan 2"))
	}
	// Elise found the group online this afternoon and walks in once the
	// sharing has begun.
	walkIn := tonight.Add(eliseArrives)
	if err := g.Refer(group.Member{ID: elise, Name: "Elise"}, walkIn); err != nil {
		return err
	}
	if err := g.Admit(elise, walkIn); err != nil {
		return err
	}
	p.Printf("  %-7s walks in tonight at %s: status %s with no screening step,\n", "Elise", walkIn.Format("15:04"), g.Status(elise))
	p.Printf("          because the support profile has ScreeningRequired false\n")
	p.Printf("  active members: %d (no upper limit)\n", len(g.ActiveMembers()))
	return nil
}

// eliseArrives is when Elise walks in, after the start.
const eliseArrives = 15 * time.Minute

// openRoom builds tonight's session from the group, with its monitor.
func openRoom(p *demo.Printer, g *group.Group, tonight time.Time) (*advice.Room, error) {
	intro(p, "Tonight's plan", "session.Template gives a support group its agenda: opening, open sharing, closing.")
	agenda, err := session.Template(g.Profile(), 90*time.Minute, len(g.ActiveMembers()))
	if err != nil {
		return nil, err
	}
	p.Agenda(agenda)
	p.Printf("  No set topic and no homework: what the group offers is mutual support.\n")
	// Nobody tells the room it is peer-led: Rosa holds no clinical licence,
	// so the room derives it (group.LeadershipOf) and safety situations
	// take the peer variants, which hand clinical decisions to a
	// professional. The US baseline fills in the crisis and emergency
	// numbers.
	us := safety.USFederal()
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &us})
	if err != nil {
		return nil, err
	}
	return advice.NewRoom(advice.RoomSpec{
		Session: session.SpecFromGroup(g, agenda, tonight, 90*time.Minute, 10*time.Minute),
		Safety:  book,
	})
}

// evening plays the meeting: drop-in arrivals, mutual support, and a
// disclosure of self-harm handled by the peer protocol. Every event goes
// through the room, which records it in the session and its monitor.
func evening(p *demo.Printer, out *outcome, tonight time.Time, crisisLine string) error {
	room := out.room
	names := demo.NamesOf(room.Session().Spec())
	intro(p, "The evening", "advice.Room records each event in the session and in its monitor (dynamics/advice).")
	at := tonight
	var err error
	keep := func(e error) {
		if err == nil {
			err = e
		}
	}
	say := func(from, to session.Party, d time.Duration, act session.Act, tags ...session.Tag) {
		keep(room.Speak(at, session.Turn{Speaker: from, Addressee: to, Duration: d, Act: act, Tags: session.TagsOf(tags...)}))
		at = at.Add(d)
	}
	step := func(s session.SafetyStep, target session.Party, text string) {
		keep(room.Intervene(at, session.Intervention{Facilitator: rosa, Step: s, Target: target, Text: text}))
	}
	lead, all, m := session.FacilitatorParty(rosa), session.WholeGroup(), session.MemberParty

	keep(room.Start(at, []group.FacilitatorID{rosa}, []group.MemberID{ana, carmen, dev}, false))
	keep(room.BeginSegment(at, session.SegmentOpening))
	say(lead, all, 4*time.Minute, session.ActGivesOrientation) // welcome and the guidelines
	keep(room.BeginSegment(at, session.SegmentSharing))
	say(m(dev), all, 5*time.Minute, session.ActGivesOpinion, session.TagSelfDisclosure, session.TagFeeling)
	keep(room.Arrive(at, bill))
	say(m(ana), m(dev), 2*time.Minute, session.ActShowsSolidarity, session.TagSelfDisclosure)
	say(m(bill), m(dev), 3*time.Minute, session.ActGivesOpinion, session.TagSelfDisclosure)
	at = tonight.Add(eliseArrives)
	keep(room.Arrive(at, elise))
	say(lead, m(elise), time.Minute, session.ActShowsSolidarity) // a welcome
	say(m(elise), all, 3*time.Minute, session.ActGivesOrientation, session.TagSelfDisclosure, session.TagFeeling)
	say(m(dev), m(elise), 2*time.Minute, session.ActShowsSolidarity, session.TagSelfDisclosure)
	say(m(carmen), all, 6*time.Minute, session.ActShowsTension, session.TagSelfDisclosure, session.TagIntenseAffect)
	if err != nil {
		return err
	}
	p.Printf("  %s  started with Ana, Carmen and Dev; Rosa opens with the guidelines\n", clock(tonight))
	p.Printf("  %s  Bill drops in; %s  Elise, new tonight, drops in\n", clock(arrival(room, bill)), clock(arrival(room, elise)))
	p.Printf("  %s  Carmen: since the funeral she has thought about hurting herself\n", clock(at))

	// The facilitator marks the disclosure in the app: a risk-to-self
	// incident, raised through the room so that its monitor sees it too.
	raised := at
	id, err := room.RaiseIncident(at, session.IncidentRiskToSelf, carmen, "thoughts of hurting herself since the funeral")
	if err != nil {
		return err
	}
	out.endRefused = room.End(raised)
	p.Printf("  %s  risk-to-self incident %d raised; ending now is refused: %s\n",
		clock(raised), id, yes(errors.Is(out.endRefused, session.ErrUnresolvedRisk)))

	intro(p, "What the peer facilitator is told", "advice.Room.Advise: safety first, in the peer-led variant of the protocol.")
	out.advice = room.Advise(raised, stage.Unspecified)
	p.Recommendations(out.advice, names)
	if len(out.advice) > 0 && out.advice[0].Safety != nil {
		r := out.advice[0].Safety
		p.Printf("  the %s protocol, %s variant (derived from who is in the room), step by step:\n", r.Protocol, r.Leadership)
		for i, s := range r.Steps {
			wrap(p, fmt.Sprintf("    %d. %s (%s): ", i+1, s.Action, s.Role), s.Text)
		}
		p.Printf("  follow-up tasks:\n")
		for _, t := range r.Tasks {
			p.Printf("    %-16s %-17s due %s\n", t.Kind, t.Owner, t.Due.Format("Mon 15:04"))
		}
	}

	intro(p, "What Rosa does", "session interventions carry safety steps; the resolution documents the action.")
	step(session.StepPause, all, "calls a ten-minute break")
	step(session.StepReferProfessional, m(carmen), "gives the crisis line and calls the agency's on-call counsellor with Carmen")
	at = at.Add(15 * time.Minute)
	action := "gave Carmen the " + crisisLine + " and the agency's on-call counsellor number; " +
		"with Carmen's agreement called the on-call counsellor, who spoke with her in private, " +
		"judged her safe tonight and booked a same-day appointment for tomorrow; her sister is collecting her"
	keep(room.ResolveIncident(at, id, action))
	step(session.StepDebrief, all, "tells everyone Carmen is being looked after, without detail")
	step(session.StepDocument, m(carmen), "incident form for the agency")
	say(m(bill), m(carmen), 2*time.Minute, session.ActShowsSolidarity)
	say(m(carmen), all, time.Minute, session.ActShowsTensionRelease)
	say(m(dev), m(elise), 3*time.Minute, session.ActShowsSolidarity, session.TagSelfDisclosure)
	say(m(elise), m(dev), 2*time.Minute, session.ActAgrees, session.TagFeeling)
	if err != nil {
		return err
	}
	for _, e := range room.Session().Events() {
		if iv := e.Intervention; e.Type == session.EventIntervention && iv.Step.IsValid() {
			p.Printf("  %s  %-18s  %-14s %s\n", clock(e.At), iv.Step, "for "+names.Of(iv.Target), iv.Text)
		}
	}
	p.Printf("  escalate was not needed: the counsellor judged the risk (act by risk level).\n")
	for _, in := range room.Session().Incidents() {
		p.Printf("  incident %d (%s, %s): resolved %s at %s\n", in.ID, in.Kind, names.Member(in.Member), yes(in.Resolved), clock(in.ResolvedAt))
		wrap(p, "    action: ", in.Action)
	}
	out.afterwards = room.Advise(at, stage.Unspecified)
	p.Printf("  open incidents: %d; the monitor now advises: %s\n",
		len(room.Session().OpenIncidents()), demo.Count(len(out.afterwards), "recommendation", "recommendations"))

	say(m(ana), m(elise), 4*time.Minute, session.ActShowsSolidarity, session.TagSelfDisclosure)
	say(m(bill), all, 4*time.Minute, session.ActGivesOpinion, session.TagSelfDisclosure, session.TagFeeling)
	say(m(carmen), m(bill), 2*time.Minute, session.ActAgrees, session.TagFeeling)
	at = tonight.Add(80 * time.Minute)
	keep(room.BeginSegment(at, session.SegmentCheckOut))
	say(lead, all, 3*time.Minute, session.ActShowsSolidarity)
	keep(room.End(tonight.Add(90 * time.Minute)))
	return err
}

// records shows what the evening leaves behind, and what it does not.
func records(p *demo.Printer, room *advice.Room) {
	names := demo.NamesOf(room.Session().Spec())
	intro(p, "Mutual support", "dynamics.Tracker metrics (Room.Tracker): who talked to whom, from the same events.")
	snap := room.Tracker().Snapshot()
	p.Metrics(&snap, names)
	p.Printf("  Members spoke to each other more than to the facilitator: a ratio near 1\n")
	p.Printf("  is what mutual support looks like in the numbers.\n")

	intro(p, "Records", "session attendance and notes: a support group keeps no clinical record.")
	for _, a := range room.Session().Attendance() {
		p.Printf("  %-7s %-8s arrived %s, in the room %s\n", names.Member(a.Member), a.Status, clock(a.Arrived), minutes(a.Present))
	}
	p.Printf("  Arrival times are kept, but in a drop-in group \"late\" carries no consequence.\n")
	prof := room.Session().Spec().Profile
	p.Printf("  clinical records kept by the %s profile: %s\n", prof.Name, yes(prof.ClinicalRecords))
	p.Printf("  progress notes: %d; findings after the end:\n", len(room.Session().ProgressNotes()))
	p.Findings(room.Session().Findings())
	p.Printf("  A peer support group is not treatment: nobody is a patient, nothing is\n")
	p.Printf("  billed, and there is no chart to write in. The session refuses progress\n")
	p.Printf("  notes (session.ErrNoClinicalRecords), so none are written here. The\n")
	p.Printf("  incident and its documented action stay in the session log; the agency\n")
	p.Printf("  keeps its own incident form, and Carmen's care continues with the counsellor.\n")
}

// arrival returns when a member first arrived.
func arrival(room *advice.Room, id group.MemberID) time.Time {
	a, _ := room.Session().AttendanceOf(id)
	return a.Arrived
}

// wrap writes text after prefix, folded at about 96 columns.
func wrap(p *demo.Printer, prefix, text string) {
	line := prefix
	indent := strings.Repeat(" ", len(prefix))
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > 96 && line != prefix {
			p.Printf("%s\n", line)
			line = indent
		}
		if line != prefix && line != indent {
			line += " "
		}
		line += word
	}
	p.Printf("%s\n", line)
}

func clock(t time.Time) string { return t.Format("15:04") }

func minutes(d time.Duration) string { return fmt.Sprintf("%d min", int(d.Minutes())) }

func capacity(n int) string {
	if n == 0 {
		return "no limit"
	}
	return fmt.Sprint(n)
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

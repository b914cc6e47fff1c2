package session_test

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// A 90-minute CBT session for eight members, from the template.
func ExampleTemplate() {
	p, _ := group.BuiltinProfile(group.ModalityCBT)
	a, err := session.Template(p, 90*time.Minute, 8)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range a.Segments {
		fmt.Printf("%-20s %v\n", s.Kind, s.Planned)
	}
	fmt.Println("total", a.Total())
	// Output:
	// opening              5m0s
	// check-in             10m0s
	// homework-review      19m0s
	// new-material         19m0s
	// skill-practice       22m0s
	// homework-assignment  5m0s
	// check-out            10m0s
	// total 1h30m0s
}

// Validation reports departures from practice as findings with sources.
func ExampleAgenda_Validate() {
	p, _ := group.BuiltinProfile(group.ModalityArtTherapy)
	a := session.Agenda{Segments: []session.Segment{
		{Kind: session.SegmentCheckIn, Planned: 10 * time.Minute},
		{Kind: session.SegmentArtMaking, Planned: 50 * time.Minute},
		{Kind: session.SegmentCheckOut, Planned: 10 * time.Minute},
	}}
	findings, err := a.Validate(p, 90*time.Minute)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f.Severity, f.Code, f.Path)
	}
	// Output:
	// warning processing-after-art-missing segments[1]
	// info agenda-under-slot segments
}

// A whole support-group session: start, a late arrival, turns, an incident
// handled and resolved, the end, the group note and one member's progress
// note, and what that member may be given.
func Example_wholeSession() {
	start := time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)
	min := func(m int) time.Time { return start.Add(time.Duration(m) * time.Minute) }
	p, _ := group.BuiltinProfile(group.ModalitySupport)
	agenda, _ := session.Template(p, 60*time.Minute, 3)
	s, err := session.New(session.Spec{
		Profile: p, Agenda: agenda, Length: 60 * time.Minute, ScheduledStart: start, LateGrace: 5 * time.Minute,
		Roster: []session.Participant{
			{ID: "m1", Name: "Ana Lima"}, {ID: "m2", Name: "Ben Ford"}, {ID: "m3", Name: "Cleo Park", Excused: true},
		},
		Facilitators: []group.Facilitator{{ID: "f1", Name: "Dee", Role: group.RolePeerFacilitator}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	must := func(err error) {
		if err != nil {
			fmt.Println(err)
		}
	}
	must(s.Start(min(0), []group.FacilitatorID{"f1"}, []group.MemberID{"m1"}, false))
	must(s.BeginSegment(min(0), session.SegmentOpening))
	must(s.BeginSegment(min(5), session.SegmentSharing))
	must(s.Arrive(min(8), "m2"))
	must(s.Speak(min(9), session.Turn{Speaker: session.MemberParty("m1"), Addressee: session.WholeGroup(),
		Duration: 3 * time.Minute, Act: session.ActGivesOrientation, Tags: session.Tags(session.TagSelfDisclosure)}))
	must(s.Speak(min(12), session.Turn{Speaker: session.MemberParty("m2"), Addressee: session.MemberParty("m1"),
		Duration: time.Minute, Act: session.ActShowsSolidarity}))
	id, err := s.RaiseIncident(min(20), session.IncidentRiskToSelf, "m2", "Ben said he sees no way out")
	must(err)
	must(s.Intervene(min(20), session.Intervention{Facilitator: "f1", Step: session.StepReferProfessional, Target: session.MemberParty("m2")}))
	fmt.Println("ending with an open risk incident:", s.End(min(55)) != nil)
	must(s.ResolveIncident(min(30), id, "gave 988 and the on-call clinician's number; clinician spoke with him"))
	must(s.BeginSegment(min(50), session.SegmentCheckOut))
	must(s.End(min(60)))

	for _, a := range s.Attendance() {
		fmt.Println(a.Member, a.Status, "billable:", a.Status.Billable())
	}
	_, _ = s.WriteNote(min(70), session.Note{Kind: session.NoteGroup, Author: "f1", Theme: "loneliness",
		Text: "Ana Lima opened on living alone; Ben Ford answered her warmly."})
	// A peer support group keeps no clinical records: the group note is a
	// meeting log, and progress notes are refused.
	_, err = s.WriteNote(min(71), session.Note{Kind: session.NoteProgress, Member: "m2", Author: "f1",
		Text: "Disclosed hopelessness; referred; agreed to call the clinic tomorrow."})
	fmt.Println("progress note refused:", errors.Is(err, session.ErrNoClinicalRecords))
	x, _ := s.MemberExport("m2")
	fmt.Println("export for", x.Name+":", x.Group.Content)
	fmt.Println("progress notes:", len(s.ProgressNotes()))
	// Output:
	// ending with an open risk incident: true
	// m1 present billable: true
	// m2 late billable: true
	// m3 absent-excused billable: false
	// progress note refused: true
	// export for Ben Ford: *** opened on living alone; Ben Ford answered her warmly.
	// progress notes: 0
}

// A *Session is not safe for concurrent use. An app whose handlers record
// events from several goroutines guards it with a mutex.
func Example_concurrentUse() {
	p, _ := group.BuiltinProfile(group.ModalityProcess)
	agenda, _ := session.Template(p, 90*time.Minute, 2)
	start := time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)
	s, _ := session.New(session.Spec{
		Profile: p, Agenda: agenda, Roster: []session.Participant{{ID: "m1", Name: "Ana"}, {ID: "m2", Name: "Ben"}},
		Facilitators: []group.Facilitator{{ID: "f1", Name: "Dee", Role: group.RoleLead}},
	})
	_ = s.Start(start, []group.FacilitatorID{"f1"}, []group.MemberID{"m1", "m2"}, false)

	var mu sync.Mutex // guards s
	var wg sync.WaitGroup
	for i, who := range []session.Party{session.MemberParty("m1"), session.MemberParty("m2")} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				mu.Lock()
				// Times come from the app's clock under the lock, so they never go backwards.
				at := start.Add(time.Duration(s.Len()+i) * time.Second)
				err := s.Speak(at, session.Turn{Speaker: who, Addressee: session.WholeGroup(), Duration: time.Second})
				mu.Unlock()
				if err != nil {
					fmt.Println(err)
				}
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	a, _ := s.Participation("m1")
	b, _ := s.Participation("m2")
	fmt.Println(a.Turns, b.Turns, s.Len())
	// Output: 50 50 101
}

// Last gives back the event a command built, with what the command and
// Apply filled in: its sequence number in the log, an incident's ID.
func ExampleSession_Last() {
	start := time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)
	p, _ := group.BuiltinProfile(group.ModalitySupport)
	agenda, _ := session.Template(p, 60*time.Minute, 2)
	s, err := session.New(session.Spec{
		Profile: p, Agenda: agenda, Length: 60 * time.Minute, ScheduledStart: start,
		Roster:       []session.Participant{{ID: "m1", Name: "Ana Lima"}, {ID: "m2", Name: "Ben Ford"}},
		Facilitators: []group.Facilitator{{ID: "f1", Name: "Dee", Role: group.RolePeerFacilitator}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	show := func(err error) {
		if err != nil {
			fmt.Println(err)
			return
		}
		e, _ := s.Last()
		fmt.Print(e.Seq, " ", e.Type, " ", e.At.Format("15:04"))
		if e.Incident != nil {
			fmt.Print(" incident ", e.Incident.ID)
		}
		fmt.Println()
	}
	show(s.Start(start, []group.FacilitatorID{"f1"}, []group.MemberID{"m1", "m2"}, false))
	show(s.Speak(start.Add(time.Minute), session.Turn{
		Speaker: session.MemberParty("m1"), Addressee: session.MemberParty("m2"), Duration: 40 * time.Second,
	}))
	_, err = s.RaiseIncident(start.Add(2*time.Minute), session.IncidentIntoxication, "m2", "")
	show(err)
	// Output:
	// 1 started 18:00
	// 2 turn 18:01
	// 3 incident-raised 18:02 incident 1
}

// An app runs a kind of group the library does not know, psychodrama, by
// giving it a profile (in group) and a shape: its sessions' typical agenda
// and the rules an agenda of it is checked against.
func ExampleShape() {
	profile := group.Profile{
		Name: "psychodrama", Modality: "psychodrama", Kind: group.KindTherapy,
		Specialization: group.SpecializationPsychotherapy, Structure: group.StructureModerate,
		Size: group.SizeRange{Min: 6, IdealMin: 8, IdealMax: 12, Max: 15}, SessionMinutes: group.Range{Min: 90, Max: 180},
		Sessions: group.Range{Min: 10, Max: 40}, Policies: []group.Policy{group.PolicyClosed},
		ClinicalRecords: true, ScreeningRequired: true, Sources: []string{"Moreno (1946), Psychodrama, vol. 1"},
	}
	shape := session.Shape{
		Modality: "psychodrama",
		Source:   "Moreno (1946); Blatner (2000), Foundations of Psychodrama: warm-up, enactment, sharing",
		Segments: []session.ShapeSegment{
			{Kind: session.SegmentOpening, Title: "warm-up", Weight: 1},
			{Kind: session.SegmentSkillPractice, Title: "enactment", Weight: 3},
			{Kind: session.SegmentSharing, Title: "sharing", Weight: 1},
		},
		Rules: []session.AgendaRule{{
			Code: "sharing-missing", Severity: group.SeverityWarning, Kind: session.RuleFollowedBy,
			Segment: session.SegmentSkillPractice, Then: session.SegmentSharing,
			Message: "an enactment is followed by the group's sharing", Source: "Blatner (2000)",
		}},
	}
	agenda, err := shape.Template(profile, 120*time.Minute, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range agenda.Segments {
		fmt.Println(s.Title, s.Planned)
	}
	findings, _ := shape.ValidateAgenda(session.Agenda{Segments: agenda.Segments[:2]}, profile, 0, 0)
	for _, f := range findings {
		fmt.Println(f.Code)
	}
	// Output:
	// warm-up 24m0s
	// enactment 1h12m0s
	// sharing 24m0s
	// sharing-missing
}

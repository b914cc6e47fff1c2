package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// story holds the facts the program shows, for its tests.
type story struct {
	calendar  curriculum.Calendar
	group     *group.Group
	refusal   error                 // the newcomer's mid-module admission
	next      curriculum.Occurrence // the entry point they were given
	promoted  []group.MemberID      // admitted there from the waitlist
	screening map[string]group.Screening
	wes, lena curriculum.Progress // four misses in a row; three
	readmit   error               // admitting Wes again after the breach
}

// tell prints the whole story and returns its key facts.
func tell(p *demo.Printer, cycles int) (story, error) {
	var st story
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		return st, err
	}
	program := curriculum.DBTSkills()
	describeProgram(p, program)
	if st.calendar, err = schedule(program, loc, cycles); err != nil {
		return st, err
	}
	printBoundaries(p, program, st.calendar)
	if st.group, err = newGroup(p, program, st.calendar); err != nil {
		return st, err
	}
	if err := askMidModule(p, &st); err != nil {
		return st, err
	}
	if err := screenApplicant(p, &st); err != nil {
		return st, err
	}
	if err := admitAtEntry(p, &st); err != nil {
		return st, err
	}
	if err := fourMisses(p, program, &st); err != nil {
		return st, err
	}
	return st, nil
}

var (
	leaders = []group.Facilitator{
		{ID: "ortiz", Name: "Dr. Elena Ortiz", Role: group.RoleLead,
			Credentials: []group.Credential{group.CredentialLicensedClinician, group.CredentialDBTTrained}},
		{ID: "whitfield", Name: "Sam Whitfield", Role: group.RoleCoLead,
			Credentials: []group.Credential{group.CredentialDBTTrained}},
	}
	cohort = []group.Member{
		{ID: "jon", Name: "Jon"}, {ID: "lena", Name: "Lena"}, {ID: "maya", Name: "Maya"},
		{ID: "omar", Name: "Omar"}, {ID: "priya", Name: "Priya"}, {ID: "wes", Name: "Wes"},
	}
)

// day returns 09:00 on a day of 2025 or 2026 in New York, for the
// commands taken between sessions.
func day(loc *time.Location, y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 9, 0, 0, 0, loc)
}

// newGroup builds the rolling-entry group from the calendar's entry points
// and admits the first cohort before the first session.
func newGroup(p *demo.Printer, program curriculum.Program, cal curriculum.Calendar) (*group.Group, error) {
	p.Section("3. A rolling-entry group fed by the calendar (group.New, Spec.Admission.EntryPoints)")
	p.Printf("group.PolicyRolling admits, once the group has started, only at the times in\n")
	p.Printf("Admission.EntryPoints: here the %d module starts of the calendar. Two DBT-trained\n", len(cal.EntryPoints()))
	p.Printf("leaders; the agreement adds the four-miss rule to the standard ground rules.\n\n")
	agreement := group.StandardAgreement(1)
	agreement.Rules = append(agreement.Rules,
		group.GroundRule{Kind: group.RuleCustom, Text: "Missing four sessions in a row, for any reason, ends this contract."},
		group.GroundRule{Kind: group.RuleCustom, Text: "Stay in individual therapy for as long as you are in the group."})
	loc := cal.Location
	g, err := group.New(group.Spec{
		Name: "Monday evening DBT skills group", Modality: group.ModalitySkills, Policy: group.PolicyRolling,
		Capacity: 8, SessionLength: program.SessionLength, PlannedSessions: len(cal.Occurrences),
		Start: cal.Occurrences[0].Start, Facilitators: leaders, Agreement: agreement,
		Admission: group.Admission{EntryPoints: cal.EntryPoints()},
	})
	if err != nil {
		return nil, err
	}
	if fs := g.Findings(); len(fs) == 0 {
		p.Printf("  guidance on the group (Group.Findings): none, the spec follows the skills profile\n")
	} else {
		p.Printf("  guidance on the group (Group.Findings):\n")
		p.Findings(fs)
	}
	// Each intake asked PHQ-9 item 9 (answered 0) and found each member in
	// individual therapy; the recorded screening binds Group.Admit.
	screening, err := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(0), ConcurrentIndividualTherapy: true})
	if err != nil {
		return nil, err
	}
	for _, m := range cohort {
		if err := errors.Join(
			g.Refer(m, day(loc, 2025, time.December, 1)),
			g.StartScreening(m.ID, day(loc, 2025, time.December, 3)),
			g.RecordScreening(m.ID, screening, day(loc, 2025, time.December, 3)),
			g.SignAgreement(m.ID, 1, day(loc, 2025, time.December, 15)),
			g.Admit(m.ID, day(loc, 2025, time.December, 15)),
		); err != nil {
			return nil, err
		}
	}
	p.Printf("  admitted before the first session (no entry point needed yet): %s\n", names(g.ActiveMembers()))
	return g, nil
}

// screenApplicant screens Rosa, who reports current suicidal thoughts.
func screenApplicant(p *demo.Printer, st *story) error {
	p.Section("5. Screening a suicidal applicant (group.Screen, Group.Screen)")
	p.Printf("Rosa reports acute suicidal thoughts at intake: an urgent handoff to a clinician,\n")
	p.Printf("whatever else is true. A skills group may take a suicidal member only while she is\n")
	p.Printf("in individual therapy (DBT); a PHQ-9 item 9 above 0 calls for clinician review.\n\n")
	g, loc := st.group, st.calendar.Location
	rosa := group.Member{ID: "rosa", Name: "Rosa"}
	if err := errors.Join(g.Refer(rosa, day(loc, 2026, time.February, 2)), g.StartScreening("rosa", day(loc, 2026, time.February, 3))); err != nil {
		return err
	}
	suicidal := []group.Indicator{group.IndicatorAcuteSuicidality}
	cases := []struct {
		key, label string
		in         group.ScreeningInput
	}{
		{"alone", "3 Feb, no individual therapist", group.ScreeningInput{Indicators: suicidal}},
		{"therapy", "17 Feb, in DBT therapy, item 9 = 1", group.ScreeningInput{ConcurrentIndividualTherapy: true, PHQ9Item9: measure.Answered(1)}},
		{"item9", "what if: still acute on 17 Feb", group.ScreeningInput{Indicators: suicidal, ConcurrentIndividualTherapy: true, PHQ9Item9: measure.Answered(2)}},
	}
	st.screening = map[string]group.Screening{}
	for _, c := range cases {
		s, err := g.Screen(c.in)
		if err != nil {
			return err
		}
		st.screening[c.key] = s
		p.Printf("  %-36s -> %s\n", c.label, s.Outcome)
		for _, r := range s.Reasons {
			p.Printf("      %s (%s): %s\n", r.Code, r.Outcome, r.Message)
		}
	}
	p.Printf("  source: %s\n", st.screening["therapy"].Reasons[1].Source)
	p.Printf("  The clinician's review on 3 Feb arranges an individual therapist; on 17 Feb the crisis\n")
	p.Printf("  has passed, Dr. Ortiz reviews the screening and records her decision\n")
	p.Printf("  (Group.RecordClinicianDecision); Rosa signs and waits for the next module start.\n")
	return errors.Join(
		g.RecordScreening("rosa", st.screening["alone"], day(loc, 2026, time.February, 3)),
		g.RecordScreening("rosa", st.screening["therapy"], day(loc, 2026, time.February, 17)),
		g.RecordClinicianDecision("rosa", "ortiz", day(loc, 2026, time.February, 17),
			"no acute risk; in individual DBT therapy; safety plan shared with her individual therapist"),
		g.SignAgreement("rosa", 1, day(loc, 2026, time.February, 17)),
		g.Waitlist("rosa", day(loc, 2026, time.February, 17), "suitable with concurrent individual therapy; joins at the next module start"),
	)
}

// askMidModule has Tomas ask to join in the middle of a module: he is
// refused, told the next entry point and put on the waitlist.
func askMidModule(p *demo.Printer, st *story) error {
	p.Section("4. A newcomer mid-module (Group.Admit, group.ErrNotEntryPoint, Calendar.NextEntry)")
	g, cal, loc := st.group, st.calendar, st.calendar.Location
	asked, _ := cal.Session(6)
	p.Printf("Tomas, in individual therapy and screened suitable, asks to start on %s\n", asked.Start.Format("Mon 2 Jan"))
	p.Printf("(session %d, %q): the middle of the distress tolerance module.\n\n", asked.Session, asked.Title)
	tomas := group.Member{ID: "tomas", Name: "Tomas"}
	if err := errors.Join(
		g.Refer(tomas, day(loc, 2026, time.February, 9)),
		g.StartScreening("tomas", day(loc, 2026, time.February, 10)),
		g.SignAgreement("tomas", 1, day(loc, 2026, time.February, 12)),
	); err != nil {
		return err
	}
	s, err := g.Screen(group.ScreeningInput{ConcurrentIndividualTherapy: true, PHQ9Item9: measure.Answered(0)})
	if err != nil || s.Outcome != group.OutcomeSuitable {
		return fmt.Errorf("dbt-skills: tomas should screen suitable: %v %v", s.Outcome, err)
	}
	if err := g.RecordScreening("tomas", s, day(loc, 2026, time.February, 10)); err != nil {
		return err
	}
	st.refusal = g.Admit("tomas", asked.Start)
	var ce *group.CommandError
	if !errors.Is(st.refusal, group.ErrNotEntryPoint) || !errors.As(st.refusal, &ce) {
		return fmt.Errorf("dbt-skills: expected a refusal at a non-entry point, got %v", st.refusal)
	}
	p.Printf("  Admit at %s: %v\n", asked.Start.Format("2 Jan 15:04"), st.refusal)
	p.Printf("    errors.Is(err, group.ErrNotEntryPoint) = true; *group.CommandError op %q, member %q\n", ce.Op, ce.Member)
	next, err := cal.NextEntry(asked.Start)
	if err != nil {
		return err
	}
	st.next = next
	p.Printf("  next entry point: %s, session %d, plan %d %q\n", next.Start.Format("Mon 2 Jan 15:04 MST"), next.Session, next.Plan, next.Title)
	if err := g.Waitlist("tomas", asked.Start, "asked to join mid-module; next entry point "+next.Start.Format("Mon 2 Jan")); err != nil {
		return err
	}
	p.Printf("  Tomas goes on the waitlist until then (Group.Waitlist, with the reason).\n")
	return nil
}

// admitAtEntry opens the entry point: the waitlist is admitted in order.
func admitAtEntry(p *demo.Printer, st *story) error {
	g := st.group
	p.Section("6. At the entry point (Group.PromoteWaitlist)")
	p.Printf("When the next module starts the leaders promote the waitlist, first come first\n")
	p.Printf("served, as far as capacity allows; the time must be one of the entry points.\n\n")
	p.Printf("  waiting: %s\n", strings.Join(namesOf(g, g.Waiting()), ", "))
	var err error
	if st.promoted, err = g.PromoteWaitlist(st.next.Start); err != nil {
		return err
	}
	p.Printf("  admitted at %s: %s (%d of %d places taken)\n", st.next.Start.Format("Mon 2 Jan 15:04"),
		strings.Join(namesOf(g, st.promoted), ", "), len(g.ActiveMembers()), g.Capacity())
	return nil
}

func names(ms []group.Member) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = m.Name
	}
	return strings.Join(s, ", ")
}

// namesOf returns the names of members of g, by ID.
func namesOf(g *group.Group, ids []group.MemberID) []string {
	s := make([]string, len(ids))
	for i, id := range ids {
		m, _ := g.Member(id)
		s[i] = m.Name
	}
	return s
}

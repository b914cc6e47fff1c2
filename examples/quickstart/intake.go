package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// buildGroup takes the CBT profile from the catalogue and builds the group
// with its two facilitators and the standard agreement.
func buildGroup(p *demo.Printer, prog curriculum.Program, cal curriculum.Calendar) (*group.Group, error) {
	intro(p, "1. The group",
		"group.BuiltinCatalog holds the seven kinds of group with the field's typical numbers;",
		"group.New checks a Spec against its profile: hard rules are errors, guidance comes back as findings.")
	prof, ok := group.BuiltinCatalog().Lookup(group.ModalityCBT.String())
	if !ok {
		return nil, errors.New("quickstart: no cbt profile in the catalogue")
	}
	p.Printf("  profile %q: %s group (ASGW: %s), %s structure\n", prof.Name, prof.Kind, prof.Specialization, prof.Structure)
	p.Printf("    size %d / %d / %d (min / ideal / max), sessions of %d-%d min, %d-%d sessions\n",
		prof.Size.Min, prof.Size.IdealMin, prof.Size.Max, prof.SessionMinutes.Min, prof.SessionMinutes.Max,
		prof.Sessions.Min, prof.Sessions.Max)
	p.Printf("    lead must hold: %s; recommended: %s; licensed clinician required: %s\n",
		list(prof.LeadCredentials), list(prof.RecommendedCredentials), yes(prof.LicensedClinicianRequired))
	p.Printf("    screening required: %s; clinical records: %s; policies: %s\n",
		yes(prof.ScreeningRequired), yes(prof.ClinicalRecords), list(prof.Policies))

	first, _ := cal.Session(1)
	g, err := group.New(group.Spec{
		Name:     groupName,
		Modality: group.ModalityCBT,
		Profile:  &prof,
		Focus:    []group.Concern{group.ConcernDepression},
		// The program admits newcomers at module starts: a rolling group
		// whose entry points come from the calendar.
		Policy:          group.PolicyRolling,
		Admission:       group.Admission{EntryPoints: cal.EntryPoints()},
		Capacity:        8,
		SessionLength:   prog.SessionLength,
		PlannedSessions: prog.NumPlans(),
		Start:           first.Start,
		Facilitators: []group.Facilitator{
			{ID: reyes, Name: "Dr. Nadia Reyes", Role: group.RoleLead,
				Credentials: []group.Credential{group.CredentialLicensedClinician, group.CredentialCBTTrained}},
			{ID: okafor, Name: "Sam Okafor", Role: group.RoleCoLead,
				Credentials: []group.Credential{group.CredentialLicensedClinician}},
		},
		Agreement: group.StandardAgreement(1),
	})
	if err != nil {
		return nil, err
	}
	spec := g.Spec()
	p.Printf("\n  %q: %d weekly sessions of %s from %s, capacity %d, %s entry\n",
		spec.Name, spec.PlannedSessions, hours(spec.SessionLength), day(spec.Start), g.Capacity(), spec.Policy)
	for _, f := range g.Facilitators() {
		p.Printf("    %-16s %-8s %s\n", f.Name, f.Role, list(f.Credentials))
	}
	a := spec.Agreement
	kinds := make([]group.RuleKind, len(a.Rules))
	for i, r := range a.Rules {
		kinds[i] = r.Kind
	}
	p.Printf("  agreement v%d (group.StandardAgreement), signed by each member before admission:\n", a.Version)
	p.Printf("    ground rules: %s\n", list(kinds))
	p.Printf("    limits of confidentiality: %s\n", list(a.Limits))
	p.Printf("  findings (g.Findings):\n")
	p.Findings(g.Findings())
	return g, nil
}

// referral is one person referred to the group and what became of them.
type referral struct {
	member    group.Member
	referred  time.Time
	input     group.ScreeningInput
	followUp  string // what the clinicians did about a screening that was not plain suitable
	screening group.Screening
	admitErr  error // the refused admission, for the person who found the group full
	status    group.MembershipStatus
}

// referrals returns the ten people referred, in the order they were
// referred, with what the screening interview found.
func referrals(start time.Time) []referral {
	dep := map[string]string{group.AttrConcern: string(group.ConcernDepression)}
	type ref struct {
		id       group.MemberID
		name     string
		in       group.ScreeningInput
		followUp string
	}
	asked := group.ScreeningInput{PHQ9Item9: measure.Answered(0)} // PHQ-9 item 9 asked, answered 0
	people := []ref{
		{priya, "Priya", asked, ""},
		{marcus, "Marcus", asked, ""},
		{elena, "Elena", asked, ""},
		{dmitri, "Dmitri", group.ScreeningInput{PHQ9Item9: measure.Answered(1)},
			"passive thoughts of being better off dead, no plan or intent; safety plan made"},
		{jonah, "Jonah", asked, ""},
		{kofi, "Kofi", group.ScreeningInput{Indicators: []group.Indicator{group.IndicatorSubstanceUse}, PHQ9Item9: measure.Answered(0)},
			"referred on to the clinic's substance use group"},
		{grace, "Grace", asked, ""},
		{owen, "Owen", asked, ""},
		{farah, "Farah", asked, ""},
		{hana, "Hana", asked, ""},
	}
	// Referrals come in over the four weeks before the group starts, one
	// every two or three days, each in the morning.
	first := time.Date(start.Year(), start.Month(), start.Day()-30, 9, 0, 0, 0, start.Location())
	out := make([]referral, len(people))
	for i, r := range people {
		out[i] = referral{
			member:   group.Member{ID: r.id, Name: r.name, Attributes: dep},
			referred: first.AddDate(0, 0, i*5/2),
			input:    r.in,
			followUp: r.followUp,
		}
	}
	return out
}

// screenReferrals refers, screens and decides on each person.
func screenReferrals(p *demo.Printer, g *group.Group, cal curriculum.Calendar) ([]referral, error) {
	intro(p, "2. Ten referrals, screened",
		"g.Screen applies the screening criteria to what the interview found (group.ScreeningInput); the",
		"decision is the most serious reason; g.RecordScreening keeps it on the episode. g.Admit then checks it, consent,",
		"capacity and the entry policy.")
	first, _ := cal.Session(1)
	refs := referrals(first.Start)
	for i := range refs {
		r := &refs[i]
		if err := decide(p, g, r); err != nil {
			return nil, fmt.Errorf("quickstart: %s: %w", r.member.ID, err)
		}
		r.status = g.Status(r.member.ID)
	}
	waiting := make([]string, 0, len(g.Waiting()))
	for _, id := range g.Waiting() {
		m, _ := g.Member(id)
		waiting = append(waiting, m.Name)
	}
	p.Printf("\n  active: %d of %d; waitlist: %s\n", len(g.ActiveMembers()), g.Capacity(), demo.List(waiting))
	comp, err := g.Composition(nil)
	if err != nil {
		return nil, err
	}
	p.Printf("  composition (g.Composition): %d members, %.0f%% share the group's focus; findings:\n", comp.Size, 100*comp.FocusShare())
	p.Findings(comp.Findings)
	return refs, nil
}

// decide takes one referral from referral to its decision and prints it.
func decide(p *demo.Printer, g *group.Group, r *referral) error {
	id := r.member.ID
	interview := r.referred.AddDate(0, 0, 2).Add(2 * time.Hour) // two days later, 11:00
	if err := g.Refer(r.member, r.referred); err != nil {
		return err
	}
	if err := g.StartScreening(id, interview); err != nil {
		return err
	}
	s, err := g.Screen(r.input)
	if err != nil {
		return err
	}
	r.screening = s
	if err := g.RecordScreening(id, s, interview); err != nil {
		return err
	}
	action, err := act(g, r, interview)
	if err != nil {
		return err
	}
	head := fmt.Sprintf("  %-6s  %-6s  %s", r.referred.Format("Jan 2"), r.member.Name, s.Outcome)
	if len(s.Reasons) == 0 {
		p.Printf("%-40s %s\n", head, action)
		return nil
	}
	p.Printf("%s\n", head)
	for _, reason := range s.Reasons {
		p.Printf("          reason: %s: %s\n          source: %s\n", reason.Code, reason.Message, reason.Source)
	}
	wrap(p, "          then: ", action)
	return nil
}

// act carries out the screening decision and says what was done.
func act(g *group.Group, r *referral, interview time.Time) (string, error) {
	id := r.member.ID
	admit, done := interview, ""
	switch r.screening.Outcome {
	case group.OutcomeSuitable:
	case group.OutcomeNeedsClinicianReview:
		// The lead sees him the same afternoon, as item 9 requires, and
		// judges that he can join with a safety plan.
		admit = interview.Add(5 * time.Hour)
		if err := g.RecordClinicianDecision(id, reyes, admit, r.followUp); err != nil {
			return "", err
		}
		done = "reviewed by the lead at " + clock(admit) + " (g.RecordClinicianDecision): " + r.followUp + "; "
	default:
		if err := g.Decline(id, interview, r.followUp); err != nil {
			return "", err
		}
		return "declined (g.Decline): " + r.followUp, nil
	}
	if err := g.SignAgreement(id, g.Spec().Agreement.Version, admit); err != nil {
		return "", err
	}
	err := g.Admit(id, admit)
	if errors.Is(err, group.ErrGroupFull) {
		r.admitErr = err
		if err := g.Waitlist(id, admit, "group full"); err != nil {
			return "", err
		}
		return done + "signed; g.Admit refused with ErrGroupFull; waitlisted", nil
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%ssigned the agreement, admitted (%d of %d)", done, len(g.ActiveMembers()), g.Capacity()), nil
}

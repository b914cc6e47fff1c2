package session_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// An app runs multifamily groups, a kind of group the library does not
// ship: a profile says who leads it and how large and long it runs, a shape
// says what its sessions look like, and both are keyed by the app's own
// modality. This is the sketch of docs/guides/adding-a-modality.md; the
// numbers are the app's own.
func Example_ownModality() {
	const multiFamily group.Modality = "multi-family"
	const src = "McFarlane (2002), Multifamily Groups in the Treatment of Severe Psychiatric Disorders"

	profile := group.Profile{
		Name: "multi-family", Modality: multiFamily, Kind: group.KindTherapy,
		Specialization: group.SpecializationPsychotherapy, Structure: group.StructureHigh,
		LeadCredentials:   []group.Credential{group.CredentialLicensedClinician},
		CoLeadRecommended: true, LicensedClinicianRequired: true,
		Size:           group.SizeRange{Min: 4, IdealMin: 5, IdealMax: 8, Max: 10},
		SessionMinutes: group.Range{Min: 90, Max: 90}, Sessions: group.Range{Min: 12, Max: 48},
		Policies:          []group.Policy{group.PolicyClosed},
		ScreeningRequired: true, ClinicalRecords: true,
		Activities: []string{"socializing", "go-around", "problem solving"},
		Aims:       []string{"fewer relapses", "less strain on families"},
		Sources:    []string{src + "; the numbers are the app's own"},
	}
	cat := group.BuiltinCatalog()
	if err := cat.Add(profile); err != nil {
		fmt.Println(err)
		return
	}

	// Without a shape the library has no agenda for the modality: an error,
	// never an empty agenda.
	_, err := session.Template(profile, 90*time.Minute, 10)
	fmt.Println("built-in template:", errors.Is(err, group.ErrUnknownModality))

	shape := session.Shape{
		Modality: multiFamily,
		Source:   src + "; the minutes are the app's own",
		Segments: []session.ShapeSegment{
			{Kind: session.SegmentOpening, Title: "socializing", Steps: []session.Step{{Length: 15 * time.Minute}}},
			{Kind: session.SegmentCheckIn, Title: "go-around", PerMember: 2 * time.Minute, Min: 10 * time.Minute, MaxShare: 0.25},
			{Kind: session.SegmentSkillPractice, Title: "problem solving", Weight: 1},
			{Kind: session.SegmentCheckOut, Title: "socializing", Steps: []session.Step{{Length: 10 * time.Minute}}},
		},
		Rules: []session.AgendaRule{{
			Code: "problem-solving-missing", Severity: group.SeverityWarning, Kind: session.RuleRequires,
			Segment: session.SegmentSkillPractice,
			Message: "a multifamily session works on one problem together", Source: src,
		}},
	}
	agenda, err := shape.Template(profile, 90*time.Minute, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range agenda.Segments {
		fmt.Println(s.Title, s.Planned)
	}

	// A session of the modality carries its shape in the spec.
	start := time.Date(2026, 3, 4, 18, 0, 0, 0, time.UTC)
	s, err := session.New(session.Spec{
		Profile: profile, Shape: &shape, Agenda: agenda, Length: 90 * time.Minute, ScheduledStart: start,
		Roster: []session.Participant{{ID: "f1", Name: "Rosa"}, {ID: "f2", Name: "Sam"}},
		Facilitators: []group.Facilitator{
			{ID: "kim", Name: "Dr. Kim", Role: group.RoleLead, Credentials: []group.Credential{group.CredentialLicensedClinician}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Phase())
	// Output:
	// built-in template: true
	// socializing 15m0s
	// go-around 20m0s
	// problem solving 45m0s
	// socializing 10m0s
	// scheduled
}

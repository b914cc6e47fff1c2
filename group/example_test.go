package group_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

var start = time.Date(2025, time.March, 4, 17, 0, 0, 0, time.UTC)

func cbtSpec() group.Spec {
	return group.Spec{
		Name:            "Tuesday CBT for depression",
		Modality:        group.ModalityCBT,
		Focus:           []group.Concern{group.ConcernDepression},
		Policy:          group.PolicyClosed,
		Capacity:        8,
		SessionLength:   90 * time.Minute,
		PlannedSessions: 12,
		Start:           start,
		Facilitators: []group.Facilitator{
			{ID: "f1", Name: "Dr. Ana Ruiz", Role: group.RoleLead,
				Credentials: []group.Credential{group.CredentialLicensedClinician, group.CredentialCBTTrained}},
			{ID: "f2", Name: "Ben Okafor", Role: group.RoleCoLead,
				Credentials: []group.Credential{group.CredentialLicensedClinician}},
		},
		Agreement: group.StandardAgreement(1),
	}
}

func ExampleBuiltinProfile() {
	p, _ := group.BuiltinProfile(group.ModalityProcess)
	fmt.Println(p.Name, p.Kind, p.Specialization)
	fmt.Printf("size %d / %d-%d / %d, sessions of %d-%d minutes\n",
		p.Size.Min, p.Size.IdealMin, p.Size.IdealMax, p.Size.Max, p.SessionMinutes.Min, p.SessionMinutes.Max)
	fmt.Println("licensed clinician required:", p.LicensedClinicianRequired)
	// Output:
	// process therapy psychotherapy
	// size 5 / 7-8 / 10, sessions of 75-90 minutes
	// licensed clinician required: true
}

func ExampleCatalog() {
	c := group.BuiltinCatalog()
	grief, _ := c.Derive("support", "grief")
	grief.Size.Max = 20
	grief.Aims = []string{"mourning together", "meaning after loss"}
	if err := c.Add(grief); err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range c.Profiles()[:3] {
		fmt.Println(p.Name, "on", p.Modality, "max", p.Size.Max)
	}
	// Output:
	// grief on support max 20
	// support on support max 0
	// psychoeducational on psychoeducational max 20
}

func ExampleNew() {
	spec := cbtSpec()
	spec.Capacity = 12
	spec.Facilitators = spec.Facilitators[:1]
	g, err := group.New(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range g.Findings() {
		fmt.Println(f.Severity, f.Code)
	}
	// Output:
	// warning size-above-ideal
	// warning no-co-leader
}

func ExampleNew_errors() {
	spec := cbtSpec()
	spec.Capacity = -1
	spec.Facilitators = []group.Facilitator{
		{ID: "f1", Name: "Cy", Role: group.RoleTrainee},
	}
	_, err := group.New(spec)
	fmt.Println(errors.Is(err, group.ErrTraineeAlone), errors.Is(err, group.ErrNoLicensedClinician))
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *group.FieldError
		if errors.As(e, &fe) {
			fmt.Println(fe.Path)
		}
	}
	// Output:
	// true true
	// capacity
	// facilitators
	// facilitators
}

func ExampleGroup_Admit() {
	g, _ := group.New(cbtSpec())
	m := group.Member{ID: "m1", Name: "Dana"}
	_ = g.Refer(m, start.AddDate(0, 0, -14))
	_ = g.StartScreening("m1", start.AddDate(0, 0, -14))

	// A CBT group screens: no screening, no admission.
	err := g.Admit("m1", start.AddDate(0, 0, -7))
	fmt.Println(errors.Is(err, group.ErrNotScreened))

	s, _ := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(0)})
	_ = g.RecordScreening("m1", s, start.AddDate(0, 0, -14))
	err = g.Admit("m1", start.AddDate(0, 0, -7))
	fmt.Println(s.Outcome, errors.Is(err, group.ErrNoConsent))

	_ = g.SignAgreement("m1", 1, start.AddDate(0, 0, -7))
	fmt.Println(g.Admit("m1", start.AddDate(0, 0, -7)), g.Status("m1"))
	// Output:
	// true
	// suitable true
	// <nil> active
}

// ExampleGroup_RecordClinicianDecision: a screening that does not clear a
// member binds admission until a licensed clinician decides, and the
// decision is part of the member's episode.
func ExampleGroup_RecordClinicianDecision() {
	g, _ := group.New(cbtSpec())
	at := start.AddDate(0, 0, -14)
	_ = g.Refer(group.Member{ID: "m1", Name: "Eli"}, at)
	_ = g.StartScreening("m1", at)
	_ = g.SignAgreement("m1", 1, at)

	s, _ := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(1)})
	_ = g.RecordScreening("m1", s, at)
	err := g.Admit("m1", at.AddDate(0, 0, 1))
	var se *group.ScreeningError
	fmt.Println(errors.As(err, &se), se.Outcome)

	// The co-lead is a licensed clinician; the trainee would not do.
	_ = g.RecordClinicianDecision("m1", "f2", at.AddDate(0, 0, 1),
		"reviewed the same day: passive thoughts, no plan or intent; safety plan agreed with the individual therapist")
	fmt.Println(g.Admit("m1", at.AddDate(0, 0, 1)), g.Status("m1"))
	d := g.Episodes("m1")[0].Decisions[0]
	fmt.Println(d.By, d.Screenings)
	// Output:
	// true needs-clinician-review
	// <nil> active
	// f2 1
}

func ExampleScreen() {
	p, _ := group.BuiltinProfile(group.ModalitySkills)
	s, _ := group.Screen(p, nil, group.ScreeningInput{
		Indicators:                  []group.Indicator{group.IndicatorAcuteSuicidality},
		ConcurrentIndividualTherapy: true,
		PHQ9Item9:                   measure.Answered(1),
	})
	fmt.Println(s.Outcome)
	for _, r := range s.Reasons {
		fmt.Println("-", r.Outcome, r.Code)
	}
	// Output:
	// urgent-handoff
	// - urgent-handoff acute-suicidality
	// - needs-clinician-review phq9-item9
	// - suitable concurrent-individual-therapy
}

func ExampleLeadershipOf() {
	lead := group.Facilitator{ID: "f1", Name: "Dr. Ana Ruiz", Role: group.RoleLead,
		Credentials: []group.Credential{group.CredentialLicensedClinician}}
	colead := group.Facilitator{ID: "f2", Name: "Ben Okafor", Role: group.RoleCoLead,
		Credentials: []group.Credential{group.CredentialTrainedFacilitator}}
	peer := group.Facilitator{ID: "p1", Name: "Dee", Role: group.RolePeerFacilitator,
		Credentials: []group.Credential{group.CredentialPeerSupportWorker}}
	fmt.Println(group.LeadershipOf([]group.Facilitator{lead, colead}))
	fmt.Println(group.LeadershipOf([]group.Facilitator{lead}))
	fmt.Println(group.LeadershipOf([]group.Facilitator{colead, peer}))
	// Output:
	// co-led
	// solo
	// peer-led
}

func ExampleAssessComposition() {
	p, _ := group.BuiltinProfile(group.ModalityProcess)
	roster := []group.Member{
		{ID: "a", Name: "A", Attributes: map[string]string{"gender": "woman"}},
		{ID: "b", Name: "B", Attributes: map[string]string{"gender": "woman"}},
		{ID: "c", Name: "C", Attributes: map[string]string{"gender": "woman"}},
		{ID: "d", Name: "D", Attributes: map[string]string{"gender": "woman"}},
		{ID: "e", Name: "E", Attributes: map[string]string{"gender": "woman"}},
		{ID: "f", Name: "F", Attributes: map[string]string{"gender": "woman"}},
		{ID: "g", Name: "G", Attributes: map[string]string{"gender": "man"}},
	}
	rels := []group.Relationship{{A: "a", B: "b", Kind: group.RelationshipCoWorker}}
	c, _ := group.AssessComposition(p, nil, roster, rels)
	for _, f := range c.Findings {
		fmt.Println(f.Severity, f.Code, f.Path)
	}
	// Output:
	// blocking relationship relationships[0]
	// warning lone-member members[g].attributes.gender
}

func ExampleGroup_RecordingAllowed() {
	spec := cbtSpec()
	g, _ := group.New(spec)
	for _, id := range []group.MemberID{"m1", "m2"} {
		_ = g.Refer(group.Member{ID: id, Name: string(id)}, start)
	}
	_ = g.GiveRecordingConsent("m1", start)
	fmt.Println(g.RecordingAllowed([]group.MemberID{"m1", "m2"}))
	// Output:
	// false [m2]
}

// Example_story follows a closed CBT group from its spec to its end: a
// screening that needs a clinician and binds admission, a waitlist promoted when a member drops
// out, a revised agreement, a re-enrolment, and the group saved and restored
// as JSON.
func Example_story() {
	spec := cbtSpec()
	spec.Capacity = 2
	g, err := group.New(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	day := func(n int) time.Time { return start.AddDate(0, 0, n) }
	people := []group.Member{
		{ID: "ana", Name: "Ana", Attributes: map[string]string{"concern": "depression"}},
		{ID: "bo", Name: "Bo", Attributes: map[string]string{"concern": "depression"}},
		{ID: "cy", Name: "Cy", Attributes: map[string]string{"concern": "depression"}},
		{ID: "di", Name: "Di", Attributes: map[string]string{"concern": "depression"}},
	}
	for _, m := range people {
		_ = g.Refer(m, day(-21))
		_ = g.StartScreening(m.ID, day(-20))
		item9 := 0.0
		if m.ID == "di" {
			item9 = 1
		}
		s, _ := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(item9)})
		_ = g.RecordScreening(m.ID, s, day(-20))
	}

	// Di's PHQ-9 item 9 is 1: a clinician reviews before anything else, and
	// the screening binds admission.
	s, _ := g.Episodes("di")[0].LatestScreening()
	fmt.Println("di:", s.Screening.Outcome, errors.Is(g.Admit("di", day(-19)), group.ErrScreeningNotSuitable))
	_ = g.Decline("di", day(-19), "clinician review: individual care first")

	for _, id := range []group.MemberID{"ana", "bo", "cy"} {
		_ = g.SignAgreement(id, 1, day(-14))
	}
	_ = g.Admit("ana", day(-7))
	_ = g.Admit("bo", day(-7))
	fmt.Println("cy:", g.Admit("cy", day(-7)))
	_ = g.Waitlist("cy", day(-7), "group full")

	// Bo drops out after the first session; Cy is promoted.
	_ = g.DropOut("bo", day(7), "stopped coming")
	fmt.Println("active:", len(g.ActiveMembers()), g.Status("cy"))

	// The agreement is revised; Ana and Cy need to sign again.
	_ = g.ReviseAgreement(group.StandardAgreement(2), day(14))
	for _, f := range g.Findings() {
		fmt.Println(f.Code, f.Path)
	}
	_ = g.SignAgreement("ana", 2, day(21))
	_ = g.SignAgreement("cy", 2, day(21))

	_ = g.Complete("ana", day(77), "finished")
	_ = g.Complete("cy", day(77), "finished")
	_ = g.Refer(people[1], day(80)) // Bo comes back for the next cohort
	fmt.Println("bo episodes:", len(g.Episodes("bo")))

	b, _ := json.Marshal(g)
	var restored group.Group
	fmt.Println("restored:", json.Unmarshal(b, &restored), restored.Status("bo"), len(restored.Episodes("cy")[0].Transitions))
	// Output:
	// di: needs-clinician-review true
	// cy: group: admit "cy": group is full
	// active: 2 active
	// size-below-min capacity
	// consent-missing members[ana]
	// consent-missing members[cy]
	// bo episodes: 2
	// restored: <nil> referred 5
}

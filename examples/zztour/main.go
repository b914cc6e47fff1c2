package main

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

func main() {
	start := time.Date(2026, 3, 3, 18, 0, 0, 0, time.UTC)
	week := start.AddDate(0, 0, -7)
	// TOUR1
	g, err := group.New(group.Spec{
		Name: "Tuesday CBT", Modality: group.ModalityCBT, Policy: group.PolicyClosed,
		Capacity: 8, SessionLength: 90 * time.Minute, PlannedSessions: 12, Start: start,
		Facilitators: []group.Facilitator{
			{ID: "ruiz", Name: "Dr. Ana Ruiz", Role: group.RoleLead,
				Credentials: []group.Credential{group.CredentialLicensedClinician, group.CredentialCBTTrained}},
			{ID: "okoye", Name: "Ben Okoye", Role: group.RoleCoLead,
				Credentials: []group.Credential{group.CredentialLicensedClinician}},
		},
		Agreement: group.StandardAgreement(1),
	})
	if err != nil {
		panic(err)
	}
	for _, f := range g.Findings() {
		fmt.Println(f.Severity, f.Code)
	}
	for _, m := range []group.Member{{ID: "cara", Name: "Cara"}, {ID: "dev", Name: "Dev"}, {ID: "eli", Name: "Eli"}} {
		_ = g.Refer(m, week)
		_ = g.StartScreening(m.ID, week)
		s, _ := g.Screen(group.ScreeningInput{PHQ9Item9: measure.Answered(0)})
		_ = g.RecordScreening(m.ID, s, week)
		_ = g.SignAgreement(m.ID, 1, week)
		if err := g.Admit(m.ID, week); err != nil {
			panic(err)
		}
	}
	// no screening: refused
	_ = g.Refer(group.Member{ID: "fay", Name: "Fay"}, week)
	err = g.Admit("fay", week)
	fmt.Println(err)

	// TOUR2
	agenda, _ := session.Template(g.Profile(), 90*time.Minute, 3)
	spec := session.SpecFromGroup(g, agenda, start, 90*time.Minute, 5*time.Minute)
	spec.Number = 1
	england := safety.England()
	book, _ := safety.NewBook(safety.Spec{Jurisdiction: &england})
	room, err := advice.NewRoom(advice.RoomSpec{Session: spec, Safety: book})
	if err != nil {
		panic(err)
	}
	_ = room.Start(start, []group.FacilitatorID{"ruiz", "okoye"}, []group.MemberID{"cara", "dev", "eli"}, false)
	at := start.Add(10 * time.Minute)
	id, err := room.RaiseIncident(at, session.IncidentChildAbuse, "dev", "says his stepfather hits his little sister")
	fmt.Println(id, err)
	for _, r := range room.Advise(at, stage.Forming) {
		fmt.Println(r.Situation, r.Urgency, r.Members)
		for _, st := range r.Safety.Steps {
			fmt.Printf("  %s: %s\n", st.Role, st.Text)
		}
		for _, t := range r.Safety.Tasks {
			fmt.Printf("  task %s due %s\n", t.Kind, t.Due.Format(time.RFC3339))
		}
	}
	// TOUR3
	cat := measure.BuiltinCatalog()
	res, err := cat.Score(measure.Administration{Instrument: measure.InstrumentPHQ9, Member: "eli", At: at,
		Answers: measure.Answers(1, 2, 1, 1, 0, 1, 1, 0, 1)}, measure.Options{})
	fmt.Println(res.Score.Total, res.Score.Band, res.Score.Risk.Raised(), err)
	fmt.Println(room.FlagRisk(at, "eli", res.Score.Risk))
	for _, r := range room.Advise(at.Add(time.Minute), stage.Forming) {
		fmt.Println(r.Situation, r.Urgency, r.Members)
	}
	for _, t := range room.Overdue(start.AddDate(0, 0, 1)) {
		fmt.Println("overdue:", t.Kind, t.Member, t.Due.Format(time.RFC3339))
	}
}

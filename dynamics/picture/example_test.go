package picture_test

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/picture"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// describe prints what a screen reader hears of a picture: its <title>
// and its <desc>.
func describe(svg string) {
	var doc struct {
		Title string `xml:"title"`
		Desc  string `xml:"desc"`
	}
	if err := xml.NewDecoder(strings.NewReader(svg)).Decode(&doc); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Desc)
}

// snapshot plays a short session: Ana and Ben talk both ways, Cy speaks to
// the facilitator, Dee is away.
func snapshot() dynamics.Snapshot {
	start := time.Date(2025, 5, 12, 17, 30, 0, 0, time.UTC)
	tr, err := dynamics.NewTracker([]group.MemberID{"ana", "ben", "cy", "dee"}, []group.FacilitatorID{"lee"})
	if err != nil {
		panic(err)
	}
	ana, ben, cy, lee := session.MemberParty("ana"), session.MemberParty("ben"), session.MemberParty("cy"), session.FacilitatorParty("lee")
	events := []session.Event{{Type: session.EventStarted, At: start, Start: &session.Start{
		Members: []group.MemberID{"ana", "ben", "cy"}, Facilitators: []group.FacilitatorID{"lee"}}}}
	for i, turn := range [][2]session.Party{{lee, session.WholeGroup()}, {ana, ben}, {ben, ana}, {ana, ben}, {cy, lee}, {lee, cy}} {
		events = append(events, session.Event{Type: session.EventTurn, At: start.Add(time.Duration(i+1) * time.Minute),
			Turn: session.Turn{Speaker: turn[0], Addressee: turn[1], Duration: 30 * time.Second, Act: session.ActGivesOpinion}})
	}
	for _, e := range events {
		if err := tr.Observe(e); err != nil {
			panic(err)
		}
	}
	return tr.SnapshotAt(start.Add(10 * time.Minute))
}

var names = picture.Options{Labels: map[session.Party]string{
	session.MemberParty("ana"): "Ana", session.MemberParty("ben"): "Ben", session.MemberParty("cy"): "Cy",
	session.MemberParty("dee"): "Dee", session.FacilitatorParty("lee"): "Lee Park",
}}

func ExampleSociogram() {
	s := snapshot()
	svg := picture.Sociogram(&s, names)
	describe(svg)
	// Output:
	// Who spoke to whom
	// Arrows from speaker to addressee among 5 people on a circle, wider for more turns; disc area shows each person's share of talk. Subgroup 1: Ana and Ben. Absent: Dee. Most turns: Ana to Ben, 2 turns; Ben to Ana, 1 turn; Cy to Lee Park, 1 turn.
}

func ExampleParticipationChart() {
	s := snapshot()
	describe(picture.ParticipationChart(&s, names))
	// Output:
	// Share of talk and turns
	// Each member's share of members' talk time and of their turns, against the fair share of 33% (1 of 3 attending). Ana: 50% of talk, 50% of turns. Ben: 25% of talk, 25% of turns. Cy: 25% of talk, 25% of turns. Dee: absent.
}

func ExampleStageTimeline() {
	h, err := stage.NewHistory(stage.Tuckman)
	if err != nil {
		fmt.Println(err)
		return
	}
	week := func(n int) time.Time { return time.Date(2025, 5, 5+7*n, 18, 0, 0, 0, time.UTC) }
	_ = h.Estimated(1, week(1), stage.Estimate{Stage: stage.Forming, Confidence: 0.8})
	_ = h.Estimated(2, week(2), stage.Estimate{Stage: stage.Storming, Confidence: 0.4})
	_ = h.Set(3, week(3), stage.Forming, "lee", "new members joined")
	svg, err := picture.StageTimeline(h, names)
	if err != nil {
		fmt.Println(err)
		return
	}
	describe(svg)

	// A session beyond the axis is an error.
	_ = h.Estimated(picture.MaxSessions+1, week(600), stage.Estimate{Stage: stage.Norming, Confidence: 0.5})
	_, err = picture.StageTimeline(h, names)
	fmt.Println(err)
	// Output:
	// Stage by session (Tuckman)
	// The group's stage in the Tuckman model at each recorded session, and how it was decided. Session 1: forming (estimate, confidence 0.80). Session 2: storming (estimate, confidence 0.40). Session 3: forming (set by Lee Park: new members joined), a regression from storming.
	// picture: history[3].session: session 521 is beyond the 520 a picture draws
}

func ExampleTrajectoryChart() {
	phq9, err := measure.BuiltinCatalog().Lookup(measure.InstrumentPHQ9)
	if err != nil {
		fmt.Println(err)
		return
	}
	series := []picture.Series{
		{Name: "Ana", Points: []picture.SeriesPoint{{Session: 1, Value: 16}, {Session: 6, Value: 11}, {Session: 12, Value: 7}}},
		{Name: "Ben", Points: []picture.SeriesPoint{{Session: 1, Value: 12}, {Session: 6, Value: 14, Flag: true}}},
	}
	svg, err := picture.TrajectoryChart(&phq9, series, picture.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	describe(svg)
	// Output:
	// PHQ-9 total by session
	// Patient Health Questionnaire-9 (PHQ-9) totals by session, on 0 to 27. Severity bands: minimal 0 to 4, mild 5 to 9, moderate 10 to 14, moderately severe 15 to 19, severe 20 to 27. Dashed line: caseness ≥ 10. Ana: 16 at session 1, 11 at session 6, 7 at session 12. Ben: 12 at session 1, 14 at session 6 (risk flag).
}

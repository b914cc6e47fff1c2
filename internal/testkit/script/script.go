// Package script builds scripted session events for the tests of the
// dynamics packages: times in seconds from a fixed start, parties by ID,
// and a tracker fed a script. It is internal test machinery that imports the
// packages it builds events for; it must never become API.
package script

import (
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// T0 is the start of every scripted session: Tuesday 4 March 2025, 18:00 UTC.
var T0 = time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)

// At returns T0 plus sec seconds.
func At(sec int) time.Time { return T0.Add(time.Duration(sec) * time.Second) }

// Mem returns the party of member id.
func Mem(id string) session.Party { return session.MemberParty(group.MemberID(id)) }

// Fac returns the party of facilitator id.
func Fac(id string) session.Party { return session.FacilitatorParty(group.FacilitatorID(id)) }

// Everyone is the whole group as a party.
var Everyone = session.WholeGroup()

// Started returns the start at sec with the people present.
func Started(sec int, members []group.MemberID, facs []group.FacilitatorID) session.Event {
	return session.Event{Type: session.EventStarted, At: At(sec), Start: &session.Start{Members: members, Facilitators: facs}}
}

// Turn returns a turn at sec lasting durSec seconds.
func Turn(sec int, from, to session.Party, durSec int, act session.Act, tags ...session.Tag) session.Event {
	var ts session.Tags
	for _, t := range tags {
		ts = ts.With(t)
	}
	return session.Event{Type: session.EventTurn, At: At(sec), Turn: session.Turn{
		Speaker: from, Addressee: to, Duration: time.Duration(durSec) * time.Second, Act: act, Tags: ts,
	}}
}

// Arrived returns member id's arrival at sec.
func Arrived(sec int, id string) session.Event {
	return session.Event{Type: session.EventArrived, At: At(sec), Member: group.MemberID(id)}
}

// Departed returns member id's departure at sec.
func Departed(sec int, id string) session.Event {
	return session.Event{Type: session.EventDeparted, At: At(sec), Member: group.MemberID(id)}
}

// Ended returns the end at sec.
func Ended(sec int) session.Event { return session.Event{Type: session.EventEnded, At: At(sec)} }

// IDs returns member IDs.
func IDs(s ...string) []group.MemberID {
	out := make([]group.MemberID, len(s))
	for i, v := range s {
		out[i] = group.MemberID(v)
	}
	return out
}

// FacIDs returns facilitator IDs.
func FacIDs(s ...string) []group.FacilitatorID {
	out := make([]group.FacilitatorID, len(s))
	for i, v := range s {
		out[i] = group.FacilitatorID(v)
	}
	return out
}

// TB is the part of testing.TB the package needs.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
}

// Run builds a tracker for the people and feeds it the events, failing t
// on any error.
func Run(t TB, members []group.MemberID, facs []group.FacilitatorID, events ...session.Event) *dynamics.Tracker {
	t.Helper()
	tr, err := dynamics.NewTracker(members, facs)
	if err != nil {
		t.Fatalf("script: new tracker: %v", err)
	}
	for i, e := range events {
		if err := tr.Observe(e); err != nil {
			t.Fatalf("script: event %d: %v", i, err)
		}
	}
	return tr
}

// Story is a short scripted session used by several tests: ana and ben are
// there at the start with lee, cy comes a minute late.
func Story(t TB) *dynamics.Tracker {
	return Run(t, IDs("ben", "ana", "cy"), FacIDs("lee"),
		Started(0, IDs("ana", "ben"), FacIDs("lee")),
		session.Event{Type: session.EventSegmentBegan, At: At(5), Segment: session.SegmentCheckIn},
		Turn(10, Fac("lee"), Everyone, 20, session.ActGivesOrientation),
		Turn(40, Mem("ana"), Fac("lee"), 10, session.ActAsksOrientation, session.TagThereAndThen),
		Arrived(60, "cy"),
		Turn(70, Mem("ben"), Everyone, 30, session.ActShowsTension, session.TagIntenseAffect),
		Turn(100, Mem("ana"), Mem("ben"), 10, session.ActShowsSolidarity, session.TagReassurance),
		Turn(105, Mem("cy"), Mem("ben"), 10, session.ActShowsAntagonism),
		Turn(120, Mem("ben"), Mem("cy"), 10, session.ActDisagrees),
		session.Event{Type: session.EventIntervention, At: At(131), Intervention: &session.Intervention{
			Facilitator: "lee", Skill: session.SkillBlocking, Target: Mem("cy")}},
		Turn(140, Mem("cy"), Fac("lee"), 5, session.ActShowsAntagonism),
		session.Event{Type: session.EventNoteWritten, At: At(1)}, // ignored
		Turn(150, Mem("ana"), Mem("ben"), 20, session.ActGivesSuggestion, session.TagAdvice),
		session.Event{Type: session.EventIncidentRaised, At: At(175), Incident: &session.Incident{
			ID: 1, Kind: session.IncidentConfidentialityBreach, Member: "cy", Text: "named a member outside"}},
	)
}

// Package demo holds what the example programs share: a Room that feeds one
// session's events to both the session and a dynamics monitor, as an app
// does, a Script that plays scripted events one after another, and plain-text
// renderings of agendas, attendance, metrics, recommendations and notes.
// It is not API: the programs under examples/ are its only users.
package demo

import (
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Room is one running session as an app wires it: every event goes to the
// session, which validates and folds it, and then to the monitor, which
// tracks the dynamics and advises the facilitator.
type Room struct {
	Session *session.Session
	Monitor *dynamics.Monitor
}

// NewRoom builds the session and its monitor from one spec.
func NewRoom(spec session.Spec, peerLed bool) (*Room, error) {
	s, err := session.New(spec)
	if err != nil {
		return nil, err
	}
	members := make([]group.MemberID, len(spec.Roster))
	for i, p := range spec.Roster {
		members[i] = p.ID
	}
	facs := make([]group.FacilitatorID, len(spec.Facilitators))
	for i, f := range spec.Facilitators {
		facs[i] = f.ID
	}
	m, err := dynamics.NewMonitor(dynamics.MonitorSpec{
		Members: members, Facilitators: facs, Modality: spec.Profile.Modality, PeerLed: peerLed,
	})
	if err != nil {
		return nil, err
	}
	return &Room{Session: s, Monitor: m}, nil
}

// Apply sends e to the session and, once the session accepts it, to the monitor.
func (r *Room) Apply(e *session.Event) error {
	if err := r.Session.Apply(e); err != nil {
		return err
	}
	return r.Monitor.Observe(e)
}

// Script plays events into a Room one after another: each turn starts when
// the previous event happened and moves the clock on by its duration. The
// first error stops the script; Err reports it.
type Script struct {
	Room *Room
	At   time.Time
	err  error
}

// Err returns the first error the script met, or nil.
func (s *Script) Err() error { return s.err }

// Event applies e at the script's clock.
func (s *Script) Event(e session.Event) {
	if s.err != nil {
		return
	}
	e.At = s.At
	s.err = s.Room.Apply(&e)
}

// Turn plays one turn and moves the clock past it.
func (s *Script) Turn(from, to session.Party, d time.Duration, act session.Act, tags ...session.Tag) {
	var ts session.Tags
	for _, t := range tags {
		ts = ts.With(t)
	}
	s.Event(session.Event{Type: session.EventTurn, Turn: session.Turn{Speaker: from, Addressee: to, Duration: d, Act: act, Tags: ts}})
	s.At = s.At.Add(d)
}

// Wait moves the clock on without an event.
func (s *Script) Wait(d time.Duration) { s.At = s.At.Add(d) }

// Segment begins an agenda segment.
func (s *Script) Segment(k session.SegmentKind) {
	s.Event(session.Event{Type: session.EventSegmentBegan, Segment: k})
}

// Intervene records a facilitator's leader skill aimed at target.
func (s *Script) Intervene(f group.FacilitatorID, skill session.Skill, target session.Party) {
	s.Event(session.Event{Type: session.EventIntervention, Intervention: &session.Intervention{Facilitator: f, Skill: skill, Target: target}})
}

// Member returns the party for a member.
func Member(id group.MemberID) session.Party { return session.MemberParty(id) }

// Lead returns the party for a facilitator.
func Lead(id group.FacilitatorID) session.Party { return session.FacilitatorParty(id) }

// All returns the party for the whole group.
func All() session.Party { return session.WholeGroup() }

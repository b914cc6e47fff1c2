package advice

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// RoomSpec configures a Room: the session, and how its monitor advises.
// It round-trips through encoding/json, but for the Detect functions of the
// app's own situations and the safety book, which an app builds once from
// its own safety.Spec and shares between rooms.
//
// Who leads the room is not a flag: it is derived from the facilitators
// present and their credentials in the session's spec (group.LeadershipOf),
// so a support group whose facilitators hold no licence gets the peer
// variants of the safety protocols. Leadership overrides it. For older
// files, "peerLed": true in JSON reads as Leadership peer-led.
type RoomSpec struct {
	// Session is the session's spec; session.SpecFromGroup builds it from
	// a group, so that members admitted there need no retyping. In JSON it
	// validates what it decodes; the zero spec is left out, so that a
	// RoomSpec without one decodes and encodes the same (NewRoom refuses
	// it).
	Session session.Spec `json:"session,omitzero"`
	// Leadership, when specified, overrides who leads the room for the
	// safety protocols.
	Leadership group.Leadership `json:"leadership,omitzero"`
	// Safety is the book of safety protocols, with the app's local steps
	// and its jurisdiction (safety.NewBook), shared by rooms; nil means
	// safety.DefaultBook(), whose steps name no number or agency.
	Safety *safety.Book `json:"-"`
	// NextSession is when the group meets again, when known: follow-up
	// tasks due at the next session fall due then.
	NextSession time.Time `json:"nextSession,omitzero"`
	// Config, Situations, Rules and Talk are the monitor's (see MonitorSpec).
	Config     Config            `json:"config"`
	Situations Definitions       `json:"situations,omitempty"`
	Rules      []Rule            `json:"rules,omitempty"`
	Talk       session.TalkTable `json:"talk,omitempty"`
}

// Room is one running session as an app advises it: a session.Session and
// the Monitor that watches it, fed the same events. Every event goes
// through Room.Apply (or a command of the Room, which builds the event and
// applies it), which records it in both or in neither: an event the
// session refuses reaches neither, with the session's *session.EventError.
// The monitor is built from the session's own roster and facilitators, so
// it follows exactly the people the session knows.
//
// Read the session's state through Session and the monitor's through
// Monitor, but record only through the Room: an event applied to the
// session directly would never reach the monitor.
//
// The zero value is not usable; create rooms with NewRoom or RestoreRoom. A
// Room is not safe for concurrent use.
type Room struct {
	session.Commands // the session's commands, each recorded in both

	s *session.Session
	m *Monitor
}

// NewRoom returns the room of a session that has not started. Problems with
// the session's spec and with the monitor's are reported together.
func NewRoom(spec RoomSpec) (*Room, error) {
	s, err := session.New(spec.Session)
	if err != nil {
		return nil, err
	}
	sp := s.Spec()
	members := make([]group.MemberID, len(sp.Roster))
	for i, p := range sp.Roster {
		members[i] = p.ID
	}
	facs := make([]group.FacilitatorID, len(sp.Facilitators))
	for i, f := range sp.Facilitators {
		facs[i] = f.ID
	}
	m, err := NewMonitor(MonitorSpec{
		Members: members, Facilitators: facs, Modality: sp.Profile.Modality, Session: sp.Number,
		Leaders: sp.Facilitators, Leadership: spec.Leadership, Safety: spec.Safety, NextSession: spec.NextSession,
		Config: spec.Config, Situations: spec.Situations, Rules: spec.Rules, Talk: spec.Talk,
	})
	if err != nil {
		return nil, err
	}
	r := &Room{s: s, m: m}
	r.Commands = session.NewCommands(s, r.Apply)
	return r, nil
}

// RestoreRoom rebuilds a room from its session's log (see session.Replay):
// both the session and its monitor see every event again, so a room
// restored after a restart advises as the live one did. A log the session
// refuses is its *session.EventError.
func RestoreRoom(spec RoomSpec, log session.Log) (*Room, error) {
	r, err := NewRoom(spec)
	if err != nil {
		return nil, err
	}
	if log.Session != "" && log.Session != spec.Session.ID {
		return nil, &FieldError{Pkg: "advice", Path: "session", Problem: "log of session " + strconv.Quote(log.Session) + ", not " + strconv.Quote(spec.Session.ID), Err: session.ErrSequence}
	}
	for _, e := range log.Events {
		if err := r.Apply(e); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Apply records e in the session and its monitor, or in neither: the
// session checks it first (see session.Session.Apply), and only an event
// the session accepts reaches the monitor, numbered as the session numbers
// it. The monitor follows the session's own people and rules of time, so
// it accepts whatever the session does.
func (r *Room) Apply(e session.Event) error {
	if e.Seq == 0 {
		e.Seq = r.s.Len() + 1 // as Apply numbers it, so that Apply finds it checked
	}
	if err := r.s.Check(e); err != nil {
		return err
	}
	if err := r.m.Observe(e); err != nil {
		return err // not reached: the monitor accepts what the session does
	}
	return r.s.Apply(e)
}

// Session returns the room's session, to read its state. Record events
// through the Room.
func (r *Room) Session() *session.Session { return r.s }

// Monitor returns the room's monitor, to read its metrics and detections.
// Record events through the Room.
func (r *Room) Monitor() *Monitor { return r.m }

// Tracker returns the monitor's tracker, for snapshots and pictures.
func (r *Room) Tracker() *dynamics.Tracker { return r.m.Tracker() }

// Advise returns the recommendations that fire at time at, given the
// group's current stage (see Monitor.Advise).
func (r *Room) Advise(at time.Time, st stage.Stage) []Recommendation { return r.m.Advise(at, st) }

// FlagRisk records the reading of a scored form's risk items for a member
// of the room (see Monitor.FlagRisk): any instrument's measure.RiskFlag,
// such as the Risk of a measure.Score.
func (r *Room) FlagRisk(at time.Time, member group.MemberID, flag measure.RiskFlag) error {
	return r.m.FlagRisk(at, member, flag)
}

// Tasks returns the follow-up tasks of the safety protocols that have fired
// in the room, by due time (see Monitor.Tasks).
func (r *Room) Tasks() []safety.Task { return r.m.Tasks() }

// Overdue returns the room's follow-up tasks whose due time is before now.
func (r *Room) Overdue(now time.Time) []safety.Task { return r.m.Overdue(now) }

// UnmarshalJSON reads a RoomSpec, accepting the field "peerLed" of older
// files: true reads as Leadership peer-led when no leadership is given.
func (s *RoomSpec) UnmarshalJSON(b []byte) error {
	type plain RoomSpec
	var in struct {
		plain
		PeerLed bool `json:"peerLed"`
	}
	in.plain = plain(*s)
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	if in.PeerLed && in.Leadership == 0 {
		in.Leadership = group.LeadershipPeerLed
	}
	*s = RoomSpec(in.plain)
	return nil
}

package group

import (
	"slices"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Leadership says who leads the room at a session, as the safety protocols
// need to know it: whether a second leader can carry on with the group while
// one attends to a member, whether a clinician is there to assess risk, or
// whether the facilitators are peers who connect people with professional
// help. It is derived from the facilitators present by LeadershipOf, never
// assumed. The zero value, LeadershipUnspecified, means nobody leads (no
// facilitator present).
type Leadership uint8

// The kinds of leadership.
const (
	LeadershipUnspecified Leadership = iota // (unspecified) no facilitator present
	LeadershipCoLed                         // (co-led) two or more facilitators, at least one a licensed clinician
	LeadershipSolo                          // (solo) one facilitator, a licensed clinician
	LeadershipPeerLed                       // (peer-led) no licensed clinician present
)

var leadershipText = enum.Table[Leadership]{Pkg: "group", Type: "Leadership", Names: []string{
	"unspecified", "co-led", "solo", "peer-led",
}}

// String returns the leadership's text form.
func (l Leadership) String() string { return leadershipText.String(l) }

// IsValid reports whether l is a specified leadership.
func (l Leadership) IsValid() bool { return leadershipText.Valid(l) }

// MarshalText implements encoding.TextMarshaler.
func (l Leadership) MarshalText() ([]byte, error) { return leadershipText.Marshal(l) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *Leadership) UnmarshalText(b []byte) error { return leadershipText.Unmarshal(l, b) }

// ParseLeadership returns the leadership whose text form is s.
func ParseLeadership(s string) (Leadership, error) { return leadershipText.Parse(s) }

// LeadershipOf derives who leads from the facilitators present in the room
// and their credentials. present lists the people actually there (a
// supervisor who joins the session counts; a co-leader who is absent does
// not); each facilitator counts once, by ID. It is a pure function; the
// rules, in order:
//
//   - no one present: LeadershipUnspecified.
//   - no licensed clinician present (CredentialLicensedClinician): peer-led,
//     whatever the number of facilitators. Peer facilitators do not assess
//     clinical risk; they support the person and connect them with
//     professional and crisis services (SAMHSA 2015, Core Competencies for
//     Peer Workers in Behavioral Health Services; SAMHSA 2022, Peer Support
//     Services in Crisis Care).
//   - two or more present, at least one a licensed clinician: co-led. One
//     leader can attend to a member in crisis, privately, while the other
//     keeps the group going: co-leaders divide the tasks (AGPA 2007,
//     Practice Guidelines for Group Psychotherapy; Yalom & Leszcz 2005, on
//     co-therapy).
//   - one present, a licensed clinician: solo. The clinician can assess
//     risk but has no second leader, so the group pauses or breaks while
//     they do (AGPA 2007).
func LeadershipOf(present []Facilitator) Leadership {
	var n int
	clinician := false
	var seen map[FacilitatorID]bool // only for long lists; a room holds a few
	if len(present) > smallRoom {
		seen = make(map[FacilitatorID]bool, len(present))
	}
	for i, f := range present {
		if seen != nil {
			if seen[f.ID] {
				continue
			}
			seen[f.ID] = true
		} else if slices.ContainsFunc(present[:i], func(g Facilitator) bool { return g.ID == f.ID }) {
			continue
		}
		n++
		clinician = clinician || f.Has(CredentialLicensedClinician)
	}
	switch {
	case n == 0:
		return LeadershipUnspecified
	case !clinician:
		return LeadershipPeerLed
	case n >= 2:
		return LeadershipCoLed
	}
	return LeadershipSolo
}

// smallRoom is the number of facilitators up to which LeadershipOf finds
// repeated IDs by scanning, without allocating; longer lists use a set, so
// the work stays linear in the list.
const smallRoom = 8

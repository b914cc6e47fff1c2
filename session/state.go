package session

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
)

// SegmentUsage is one segment as it ran: when it began, what the agenda
// planned and how long it took. Segment events are matched to the agenda in
// order: a segment-began event takes the next agenda segment of its kind; a
// kind the rest of the agenda does not hold is unplanned (AgendaIndex -1,
// Planned 0).
type SegmentUsage struct {
	Kind        SegmentKind   `json:"kind"`
	Title       string        `json:"title,omitempty"`
	AgendaIndex int           `json:"agendaIndex"`
	Began       time.Time     `json:"began"`
	Planned     time.Duration `json:"planned"`
	// Used is the time from the segment's start to the next segment or the
	// end; for the running segment, to the last event.
	Used time.Duration `json:"used"`
}

// Overrun returns how much longer than planned the segment ran, or 0.
// Unplanned segments overrun by their whole length.
func (u SegmentUsage) Overrun() time.Duration { return max(u.Used-u.Planned, 0) }

// Participation is what one member did in a session, from its events.
type Participation struct {
	Turns int           `json:"turns"`
	Talk  time.Duration `json:"talk"` // total length of the member's turns
	// Acts counts the member's turns by Bales IPA category, indexed by Act
	// (Acts[ActUncoded] counts uncoded turns).
	Acts [NumActs + 1]int `json:"acts"`
	// Addressed counts turns addressed to the member.
	Addressed int `json:"addressed"`
	// Interventions counts facilitator interventions aimed at the member.
	Interventions int `json:"interventions"`
}

// IncidentRecord is an incident as the session knows it: raised, and
// perhaps resolved. It merges the payloads of the two events:
//
//   - the embedded Incident holds ID, Kind, Member and Text as raised, and
//     Action from the resolution (what was done); Action is empty while the
//     incident is open, since a raised incident carries none;
//   - RaisedAt is the time of the raised event;
//   - Resolved and ResolvedAt say whether and when it was resolved;
//   - Resolution is the Text of the resolved event, a free-text comment
//     beside the action, and is empty when the resolution had none
//     (ResolveIncident sets only the action). The Text of the raised event
//     stays in Incident.Text.
type IncidentRecord struct {
	Incident             // ID, Kind, Member and Text as raised; Action from the resolution
	RaisedAt   time.Time `json:"raisedAt"`
	Resolved   bool      `json:"resolved"`
	ResolvedAt time.Time `json:"resolvedAt,omitzero"`
	Resolution string    `json:"resolution,omitempty"` // the resolved event's Text, if any
}

// NoteRecord is a note as the session knows it: its latest content, whether
// it is signed, and its addenda.
type NoteRecord struct {
	Note      Note                `json:"note"`
	WrittenAt time.Time           `json:"writtenAt"`
	Signed    bool                `json:"signed"`
	SignedBy  group.FacilitatorID `json:"signedBy,omitempty"`
	SignedAt  time.Time           `json:"signedAt,omitzero"`
	Addenda   []Addendum          `json:"addenda,omitempty"`
}

// Addendum is a change to a signed note, kept beside the original.
type Addendum struct {
	At     time.Time           `json:"at"`
	Author group.FacilitatorID `json:"author"`
	Text   string              `json:"text"`
}

// Spec returns a copy of the spec the session was created with; its slices
// are the caller's to change.
func (s *Session) Spec() Spec { return s.spec.clone() }

// Phase returns where the session is in its life.
func (s *Session) Phase() Phase { return s.phase }

// StartedAt returns the time of the started event, or zero.
func (s *Session) StartedAt() time.Time { return s.startedAt }

// EndedAt returns the time of the ended event, or zero.
func (s *Session) EndedAt() time.Time { return s.endedAt }

// Recording reports whether the session is recorded.
func (s *Session) Recording() bool { return s.recording }

// CurrentSegment returns the running segment, or false before the first
// segment and after the end.
func (s *Session) CurrentSegment() (SegmentUsage, bool) {
	if s.phase != PhaseRunning || len(s.segments) == 0 {
		return SegmentUsage{}, false
	}
	return s.segmentAt(len(s.segments) - 1), true
}

// Segments returns every segment that has begun, in order, with the time
// each used against its plan.
func (s *Session) Segments() []SegmentUsage {
	out := make([]SegmentUsage, len(s.segments))
	for i := range s.segments {
		out[i] = s.segmentAt(i)
	}
	return out
}

func (s *Session) segmentAt(i int) SegmentUsage {
	u := s.segments[i]
	if i == len(s.segments)-1 && s.phase == PhaseRunning {
		u.Used = s.lastTime().Sub(u.Began)
	}
	return u
}

// Present returns the members in the room, in roster order. After the end it
// returns the members who stayed to the end.
func (s *Session) Present() []group.MemberID {
	var out []group.MemberID
	for i, m := range s.members {
		if m.present {
			out = append(out, s.spec.Roster[i].ID)
		}
	}
	return out
}

// PresentFacilitators returns the facilitators in the room, in spec order.
func (s *Session) PresentFacilitators() []group.FacilitatorID {
	var out []group.FacilitatorID
	for i, here := range s.facs {
		if here {
			out = append(out, s.spec.Facilitators[i].ID)
		}
	}
	return out
}

// Participation returns what one member did in the session, or false when
// the member is not on the roster.
func (s *Session) Participation(id group.MemberID) (Participation, bool) {
	i, ok := s.memberIdx.Find(string(id))
	if !ok {
		return Participation{}, false
	}
	return s.members[i].p, true
}

// Incidents returns every incident raised, by ID.
func (s *Session) Incidents() []IncidentRecord { return slices.Clone(s.incidents) }

// OpenIncidents returns the unresolved incidents, risk incidents first (risk
// to someone's safety comes before everything else), then by ID.
func (s *Session) OpenIncidents() []IncidentRecord {
	var out []IncidentRecord
	for _, r := range s.incidents {
		if !r.Resolved {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b IncidentRecord) int {
		if a.Kind.IsRisk() != b.Kind.IsRisk() {
			if a.Kind.IsRisk() {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// Notes returns every note written, by ID.
func (s *Session) Notes() []NoteRecord {
	out := slices.Clone(s.notes)
	for i := range out {
		out[i].Addenda = slices.Clone(out[i].Addenda)
	}
	return out
}

// Findings returns the session's guidance, most serious first: the agenda's
// findings against the profile, segments that overran their plan by more
// than a fifth, and, once the session has ended, the note findings (no
// group note, an attending member without a progress note, unsigned notes,
// members' notes with identical narratives).
func (s *Session) Findings() []group.Finding {
	out := slices.Clone(s.findings)
	for i, u := range s.Segments() {
		if u.AgendaIndex >= 0 && u.Overrun() > u.Planned/5 && u.Overrun() >= time.Minute {
			out = append(out, group.Finding{
				Severity: group.SeverityInfo, Code: CodeSegmentOverrun, Source: srcOverrun,
				Path:    fmt.Sprintf("segments[%d]", i),
				Message: fmt.Sprintf("%s ran %s against %s planned", u.Kind, minutes(u.Used.Round(time.Minute)), minutes(u.Planned)),
			})
		}
	}
	if s.phase == PhaseEnded {
		out = append(out, s.noteFindings()...)
	}
	group.SortFindings(out)
	return out
}

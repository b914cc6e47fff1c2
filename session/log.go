package session

import (
	"math"
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
)

// log is a session's events in order. Most events are kept as 32-byte
// records that hold people as indexes into the spec and the time as Unix
// nanoseconds with the index of its time zone: turns (the bulk of any log),
// segments, arrivals and departures, interventions without text, and the
// end. The rest (the start, incidents, notes, interventions with text) and
// any event whose numbers do not fit a record are kept whole in full. The
// records of a 600-turn session take about 20 KB, where whole events would
// take over 250 KB.
type log struct {
	recs    []record
	full    []Event
	locs    []*time.Location
	locIdx  map[*time.Location]int
	lastLoc int  // the index of the last zone looked up
	small   bool // roster and facilitators few enough for a record's indexes
}

// record is one event of the log. For a whole event, whole is set and n is
// its index in log.full.
type record struct {
	unix   int64         // the event's time, Unix nanoseconds
	n      time.Duration // a turn's duration; the index in full of a whole event
	a, b   int16         // people: a turn's speaker and addressee, the member who arrived or departed (a), an intervention's facilitator and target; -1 for the whole group
	loc    uint16        // index into log.locs
	tags   Tags          // a turn's tags; for an intervention, stepFlag when code is a safety step
	typ    EventType
	ka, kb PartyKind // the kinds of a and b
	code   uint8     // a turn's act, a segment's kind, an intervention's skill or step
	whole  bool
}

// stepFlag marks an intervention record whose code is a safety step.
const stepFlag Tags = 1

func (l *log) len() int { return len(l.recs) }

// store appends e, applied with its people resolved in r, to the log.
func (s *Session) store(e *Event, r *resolved) {
	l := &s.log
	l.recs = append(l.recs, record{})
	rec := &l.recs[len(l.recs)-1]
	if !s.compact(rec, e, r) {
		*rec = record{typ: e.Type, whole: true, n: time.Duration(len(l.full))}
		l.full = append(l.full, e.clone()) // the log never shares the app's slices
	}
}

// compact writes e into rec, a zero record, and reports false when e is
// kept whole instead.
func (s *Session) compact(rec *record, e *Event, r *resolved) bool {
	if !s.log.small || !r.unixOK {
		return false // indexes or the time would not fit
	}
	loc := s.log.loc(e.At.Location())
	if loc > math.MaxUint16 {
		return false
	}
	rec.unix, rec.loc, rec.typ, rec.a, rec.b = r.unix, uint16(loc), e.Type, -1, -1
	switch e.Type {
	case EventTurn:
		t := &e.Turn
		rec.a, rec.b, rec.ka, rec.kb = int16(r.speaker), int16(r.addressee), t.Speaker.Kind, t.Addressee.Kind
		rec.n, rec.code, rec.tags = t.Duration, uint8(t.Act), t.Tags
	case EventSegmentBegan:
		rec.code = uint8(e.Segment)
	case EventArrived, EventDeparted:
		rec.a, rec.ka = int16(s.memberAt(e.Member)), PartyMember
	case EventIntervention:
		iv := e.Intervention
		if iv.Text != "" {
			return false
		}
		rec.a, rec.ka = int16(s.facilitatorAt(iv.Facilitator)), PartyFacilitator
		rec.kb = iv.Target.Kind
		switch iv.Target.Kind {
		case PartyMember:
			rec.b = int16(s.memberAt(group.MemberID(iv.Target.ID)))
		case PartyFacilitator:
			rec.b = int16(s.facilitatorAt(group.FacilitatorID(iv.Target.ID)))
		}
		rec.code = uint8(iv.Skill)
		if iv.Step != 0 {
			rec.code, rec.tags = uint8(iv.Step), stepFlag
		}
	case EventEnded:
	default:
		return false
	}
	return true
}

// loc returns the index of l in the log's time zones, adding it. Nearly
// every event of a session is in the zone of the one before.
func (l *log) loc(z *time.Location) int {
	if n := len(l.locs); n > 0 && l.locs[l.lastLoc] == z {
		return l.lastLoc
	}
	if i, ok := l.locIdx[z]; ok {
		l.lastLoc = i
		return i
	}
	if l.locIdx == nil {
		l.locIdx = make(map[*time.Location]int, 1)
	}
	l.locIdx[z] = len(l.locs)
	l.locs = append(l.locs, z)
	l.lastLoc = len(l.locs) - 1
	return l.lastLoc
}

// unixNano returns t in Unix nanoseconds, and false outside the years
// 1678 to 2262 that they span.
func unixNano(t time.Time) (int64, bool) {
	const minSec, maxSec = math.MinInt64/int64(time.Second) + 1, math.MaxInt64/int64(time.Second) - 1
	sec := t.Unix()
	if sec < minSec || sec > maxSec {
		return 0, false
	}
	return sec*int64(time.Second) + int64(t.Nanosecond()), true
}

// event rebuilds event i of the log, with seq i+1.
func (s *Session) event(i int) Event {
	rec := &s.log.recs[i]
	if rec.whole {
		return s.log.full[rec.n].clone()
	}
	e := Event{Seq: i + 1, Type: rec.typ, At: time.Unix(0, rec.unix).In(s.log.locs[rec.loc])}
	switch rec.typ {
	case EventTurn:
		e.Turn = Turn{Speaker: s.party(rec.ka, rec.a), Addressee: s.party(rec.kb, rec.b),
			Duration: rec.n, Act: Act(rec.code), Tags: rec.tags}
	case EventSegmentBegan:
		e.Segment = SegmentKind(rec.code)
	case EventArrived, EventDeparted:
		e.Member = s.spec.Roster[rec.a].ID
	case EventIntervention:
		iv := new(Intervention)
		e.Intervention = iv
		iv.Facilitator = s.spec.Facilitators[rec.a].ID
		iv.Target = s.party(rec.kb, rec.b)
		if rec.tags == stepFlag {
			iv.Step = SafetyStep(rec.code)
		} else {
			iv.Skill = Skill(rec.code)
		}
	}
	return e
}

// party returns the party of kind k at index i of the spec.
func (s *Session) party(k PartyKind, i int16) Party {
	switch k {
	case PartyMember:
		return Party{Kind: k, ID: string(s.spec.Roster[i].ID)}
	case PartyFacilitator:
		return Party{Kind: k, ID: string(s.spec.Facilitators[i].ID)}
	}
	return Party{Kind: k}
}

// clone returns e with its payloads and their slices copied, so that
// neither the app nor the session can change the other's copy of an event.
func (e Event) clone() Event {
	e.Start = cloned(e.Start)
	if e.Start != nil {
		e.Start.Facilitators = slices.Clone(e.Start.Facilitators)
		e.Start.Members = slices.Clone(e.Start.Members)
	}
	e.Intervention = cloned(e.Intervention)
	e.Incident = cloned(e.Incident)
	e.Note = cloned(e.Note)
	return e
}

// cloned returns a copy of *p, or nil.
func cloned[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

// Events returns a copy of the session's log, in the order applied, each
// event with its sequence number: the events and their slices are the
// caller's to change.
func (s *Session) Events() []Event {
	out := make([]Event, s.log.len())
	for i := range out {
		out[i] = s.event(i)
	}
	return out
}

// Log returns the session's log as it is saved: its identity (Spec.ID) and
// its events (see Events).
func (s *Session) Log() Log { return Log{Session: s.spec.ID, Events: s.Events()} }

// Last returns the last event applied, as Events would return it, and
// false before the first. After a command succeeds it is the event the
// command built, with what the command and Apply filled in (an incident's
// or a new note's ID, the sequence number). A rejected command leaves Last
// as it was. A turn is rebuilt from the log's record without allocating.
func (s *Session) Last() (Event, bool) {
	n := s.log.len()
	if n == 0 {
		return Event{}, false
	}
	return s.event(n - 1), true
}

// Len returns the number of events applied.
func (s *Session) Len() int { return s.log.len() }

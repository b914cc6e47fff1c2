package session

import (
	"math"
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
)

// log is a session's events in order. Most events are kept as 16-byte
// records that hold people as indexes into the spec, the time as whole
// milliseconds after the log's first record with the index of its time
// zone, and a turn's duration in whole milliseconds: turns (the bulk of any
// log), segments, arrivals and departures, interventions without text, and
// the end. A record whose time or duration is not whole milliseconds keeps
// both exactly in ext. The rest (the start, incidents, notes, interventions
// with text) and any event whose numbers do not fit a record are kept whole
// in full. Records are held in blocks of a fixed size, so that the log
// never copies them as it grows and holds at most one block unused. The
// records of a 600-turn session take about 10 KB, where whole events would
// take over 100 KB.
type log struct {
	blocks  [][]record // each of capacity blockLen; all but the last full
	n       int        // records held
	ext     []exact
	full    []Event
	base    int64 // Unix nanoseconds of the first record, once hasBase
	hasBase bool
	locs    []*time.Location
	locIdx  map[*time.Location]int
	lastLoc int  // the index of the last zone looked up
	small   bool // roster and facilitators few enough for a record's indexes
}

// record is one event of the log.
type record struct {
	t    uint32 // the time in milliseconds after log.base; with bitExact, the index in log.ext
	n    uint32 // a turn's duration in milliseconds; with bitWhole, the index in log.full
	a, b uint8  // people: a turn's speaker and addressee, the member who arrived or departed (a), an intervention's facilitator and target; noone for the whole group
	loc  uint8  // index into log.locs
	typ  EventType
	tags Tags  // a turn's tags; for an intervention, stepFlag when code is a safety step
	code uint8 // a turn's act, a segment's kind, an intervention's skill or step
	bits uint8 // the kinds of a (bits 0-1) and b (bits 2-3), bitWhole, bitExact
}

// exact is the time and duration of a record, in nanoseconds.
type exact struct {
	unix int64
	n    time.Duration
}

const (
	bitWhole = 1 << 4 // the event is kept whole in log.full
	bitExact = 1 << 5 // the time and duration are kept in log.ext
	noone    = math.MaxUint8
	maxIndex = noone - 1 // the highest index of a person in a record
)

func (r *record) kinds() (ka, kb PartyKind) { return PartyKind(r.bits & 3), PartyKind(r.bits >> 2 & 3) }

// kinds returns the record bits of the kinds of a and b.
func kinds(ka, kb PartyKind) uint8 { return uint8(ka)&3 | (uint8(kb)&3)<<2 }

// stepFlag marks an intervention record whose code is a safety step.
const stepFlag Tags = 1

// blockLen is the number of records in a block of the log (1 KiB).
const blockLen = 64

func (l *log) len() int { return l.n }

// rec returns record i.
func (l *log) rec(i int) *record { return &l.blocks[i/blockLen][i%blockLen] }

// add appends a zero record to the log and returns it.
func (l *log) add() *record {
	k := l.n % blockLen
	if k == 0 {
		l.blocks = append(l.blocks, make([]record, blockLen))
	}
	l.n++
	return &l.blocks[len(l.blocks)-1][k]
}

// store appends e, applied with its people resolved in r, to the log.
func (s *Session) store(e *Event, r *resolved) {
	l := &s.log
	rec := l.add()
	if !s.compact(rec, e, r) {
		*rec = record{typ: e.Type, bits: bitWhole, n: uint32(len(l.full))}
		e.At = e.At.Round(0)               // no monotonic reading in the log
		l.full = append(l.full, e.clone()) // the log never shares the app's slices
	}
}

// compact writes e into rec, a zero record, and reports false when e is
// to be kept whole instead.
func (s *Session) compact(rec *record, e *Event, r *resolved) bool {
	l := &s.log
	if !l.small || !r.unixOK {
		return false // indexes or the time would not fit (an index in full always does: 2^32 whole events would not fit in memory)
	}
	loc := l.loc(e.At.Location())
	if loc > math.MaxUint8 {
		return false
	}
	var d time.Duration
	rec.loc, rec.typ = uint8(loc), e.Type
	switch e.Type {
	case EventTurn:
		t := &e.Turn
		rec.a, rec.b = person(r.speaker), person(r.addressee)
		rec.bits = kinds(t.Speaker.Kind, t.Addressee.Kind)
		d, rec.code, rec.tags = t.Duration, uint8(t.Act), t.Tags
	case EventSegmentBegan:
		rec.code, rec.a, rec.b = uint8(e.Segment), noone, noone
	case EventArrived, EventDeparted:
		rec.a, rec.b = person(s.memberAt(e.Member)), noone
		rec.bits = kinds(PartyMember, PartyUnspecified)
	case EventIntervention:
		iv := e.Intervention
		if iv.Text != "" {
			return false
		}
		rec.a, rec.b = person(s.facilitatorAt(iv.Facilitator)), noone
		switch iv.Target.Kind {
		case PartyMember:
			rec.b = person(s.memberAt(group.MemberID(iv.Target.ID)))
		case PartyFacilitator:
			rec.b = person(s.facilitatorAt(group.FacilitatorID(iv.Target.ID)))
		}
		rec.bits = kinds(PartyFacilitator, iv.Target.Kind)
		rec.code = uint8(iv.Skill)
		if iv.Step != 0 {
			rec.code, rec.tags = uint8(iv.Step), stepFlag
		}
	case EventEnded:
		rec.a, rec.b = noone, noone
	default:
		return false
	}
	if !l.hasBase {
		l.base, l.hasBase = r.unix, true
	}
	t, okT := millis(r.unix - l.base)
	n, okN := millis(int64(d))
	if okT && okN {
		rec.t, rec.n = t, n
		return true
	}
	if len(l.ext) >= math.MaxUint32 {
		return false
	}
	rec.t, rec.bits = uint32(len(l.ext)), rec.bits|bitExact
	l.ext = append(l.ext, exact{unix: r.unix, n: d})
	return true
}

// millis returns x nanoseconds in milliseconds, and false when x is
// negative, not a whole number of milliseconds or too large for a record.
func millis(x int64) (uint32, bool) {
	const ms = uint64(time.Millisecond)
	u := uint64(x) // a negative x is above the limit
	q := u / ms
	return uint32(q), u < (math.MaxUint32+1)*ms && q*ms == u
}

// person returns the record's index of the person at index i of the spec,
// or noone for -1 (the whole group). Session.New makes sure every index
// fits when the log is small.
func person(i int) uint8 {
	if uint(i) > maxIndex { // -1 too
		return noone
	}
	return uint8(i)
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
	l := &s.log
	rec := l.rec(i)
	if rec.bits&bitWhole != 0 {
		return l.full[rec.n].clone()
	}
	unix, d := l.base+int64(rec.t)*int64(time.Millisecond), time.Duration(rec.n)*time.Millisecond
	if rec.bits&bitExact != 0 {
		x := l.ext[rec.t]
		unix, d = x.unix, x.n
	}
	ka, kb := rec.kinds()
	e := Event{Seq: i + 1, Type: rec.typ, At: time.Unix(0, unix).In(l.locs[rec.loc])}
	switch rec.typ {
	case EventTurn:
		e.Turn = Turn{Speaker: s.party(ka, rec.a), Addressee: s.party(kb, rec.b),
			Duration: d, Act: Act(rec.code), Tags: rec.tags}
	case EventSegmentBegan:
		e.Segment = SegmentKind(rec.code)
	case EventArrived, EventDeparted:
		e.Member = s.spec.Roster[rec.a].ID
	case EventIntervention:
		iv := new(Intervention)
		e.Intervention = iv
		iv.Facilitator = s.spec.Facilitators[rec.a].ID
		iv.Target = s.party(kb, rec.b)
		if rec.tags == stepFlag {
			iv.Step = SafetyStep(rec.code)
		} else {
			iv.Skill = Skill(rec.code)
		}
	}
	return e
}

// party returns the party of kind k at index i of the spec.
func (s *Session) party(k PartyKind, i uint8) Party {
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

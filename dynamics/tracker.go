package dynamics

import (
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/session"
)

// Implementation bounds on the people one Tracker follows. They are far
// above the group sizes the field recommends (DOMAIN.md section 1) and keep
// a tracker's memory fixed and small.
const (
	MaxMembers      = 60
	MaxFacilitators = 10
)

// Tracker folds the events of one session into live interaction metrics:
// per-person talk time, turns, longest turn and time since last spoke; the
// directed who-to-whom record of IPA categories and talk time (member to
// member, to a facilitator, to the whole group); per-person tag counts;
// overlapping turns; presence and lateness; interventions and incidents.
// It is the "live tracker" of DOMAIN.md section 8 (act record {time, actor,
// target, category} after Bales 1950; participation metrics as the field
// uses them).
//
// NewTracker maps every member and facilitator to a dense index once and
// allocates all counters then, so Observe allocates nothing and a rejected
// event leaves the tracker exactly as it was. A tracker follows one session,
// from its first event to EventEnded; counts per (speaker, addressee,
// category) saturate at 65535.
//
// The zero value is not usable; call NewTracker. A Tracker is not safe for
// concurrent use.
type Tracker struct {
	ix     Interactions
	people []person // dense: members, then facilitators

	base    time.Time     // time of the first accepted event; offsets are from here
	last    time.Time     // time of the last accepted event
	seen    bool          // an event has been accepted
	started bool          // EventStarted seen
	ended   bool          // EventEnded seen
	startAt time.Duration // offset of EventStarted
	endAt   time.Duration // offset of EventEnded

	segment   session.SegmentKind
	segmentAt time.Duration

	turns      int           // all turns
	overlaps   int           // turns that began before the previous turn by someone else ended
	lastEnd    time.Duration // latest end of any turn
	lastEndBy  int           // dense speaker of that turn, -1 if none
	recent     [2]recentTurn // recent[head] is the last turn, recent[head^1] the one before
	head       int
	nRecent    int
	lastSpeak  int // dense speaker of the last turn
	lastInterv InterventionRecord
	interv     int
	incidents  [incidentSlots]uint16 // by session.IncidentKind
	open       int                   // incidents raised and not yet resolved
	lastIncid  session.Incident
	lastIncAt  time.Time
}

// incidentSlots bounds session.IncidentKind values counted (checked by a test).
const incidentSlots = 16

// person is the running state of one member or facilitator.
type person struct {
	talk       time.Duration
	longest    time.Duration
	lastEnd    time.Duration // end of the last turn
	since      time.Duration // offset when presence began (arrival or start)
	presentFor time.Duration // closed presence intervals
	lateBy     time.Duration // first arrival after the start
	turns      uint32
	overlapped uint32 // began a turn while someone else was still talking
	cutInto    uint32 // someone began while this person was still talking
	bandAids   uint32 // positive act right after another member's tension act
	soothed    uint32 // this member's tension act was followed by another's positive act
	intervBy   uint32 // interventions made (facilitators)
	intervAt   uint32 // interventions aimed at this person
	incidents  uint32 // incidents concerning this member
	spoke      bool
	present    bool
	attended   bool
	late       bool
}

// TurnRecord is one observed turn with its time, as a Tracker remembers its
// last two (see LastTurn and PreviousTurn).
type TurnRecord struct {
	At   time.Time
	Turn session.Turn
}

// InterventionRecord is the last intervention a Tracker observed.
type InterventionRecord struct {
	At           time.Time
	Intervention session.Intervention
}

// NewTracker returns a tracker for a session attended by the given members
// and facilitators. IDs must be non-empty and unique within their kind (a
// member and a facilitator may share an ID: parties differ by kind); there
// must be at least one member, at most MaxMembers members and at most
// MaxFacilitators facilitators. Every problem is reported at once as joined
// *FieldErrors. The slices are copied.
func NewTracker(members []group.MemberID, facilitators []group.FacilitatorID) (*Tracker, error) {
	f := problems()
	if len(members) == 0 {
		f.Add("members", "a tracker needs at least one member", nil)
	}
	if len(members) > MaxMembers {
		f.Add("members", "more than the maximum number of members", ErrTooMany)
	}
	if len(facilitators) > MaxFacilitators {
		f.Add("facilitators", "more than the maximum number of facilitators", ErrTooMany)
	}
	checkIDs(&f, "members", members)
	checkIDs(&f, "facilitators", facilitators)
	if err := f.Err(); err != nil {
		return nil, err
	}
	ms := slices.Clone(members)
	fs := slices.Clone(facilitators)
	slices.Sort(ms)
	slices.Sort(fs)
	t := &Tracker{
		ix:        newInteractions(ms, fs),
		people:    make([]person, len(ms)+len(fs)),
		lastEndBy: -1,
	}
	return t, nil
}

func checkIDs[ID ~string](f *fault.List, path string, ids []ID) {
	seen := make(map[ID]int, len(ids))
	for i, id := range ids {
		if id == "" {
			f.Add(idx(path, i), "empty identifier", nil)
			continue
		}
		if j, dup := seen[id]; dup {
			f.Add(idx(path, i), "same identifier as "+idx(path, j), ErrDuplicateID)
			continue
		}
		seen[id] = i
	}
}

// Interactions returns the tracker's live who-to-whom record. It changes as
// the tracker observes events; take a Snapshot for a stable copy.
func (t *Tracker) Interactions() *Interactions { return &t.ix }

// Observe folds one event into the tracker. Started, segment-began, arrived,
// departed, turn, intervention, incident and ended events are used; note
// events are ignored (notes are often written after the session, and say
// nothing about interaction).
//
// Observe rejects, with an *EventError and no change to the tracker: a
// person it was not told about (ErrUnknownPerson); an event dated before
// the last one it accepted (ErrTimeOrder); an IPA category above 12 or
// undefined tag bits (ErrInvalidAct); a malformed payload (ErrInvalidEvent);
// a second start or any event after the end (ErrSequence).
// It does not change *e, and allocates nothing unless it returns an error.
func (t *Tracker) Observe(e *session.Event) error {
	if e == nil {
		return &EventError{Err: ErrInvalidEvent}
	}
	switch e.Type {
	case session.EventNoteWritten, session.EventNoteSigned, session.EventNoteAmended:
		return nil
	}
	if !e.Type.IsValid() {
		return t.reject(e, session.Party{}, ErrInvalidEvent)
	}
	if t.ended {
		return t.reject(e, session.Party{}, ErrSequence)
	}
	// Read times by the wall clock alone, as a session's log keeps them, so
	// that a live tracker and one fed the log agree.
	at := e.At.Round(0)
	if t.seen && at.Before(t.last) {
		return t.reject(e, session.Party{}, ErrTimeOrder)
	}
	if e.Type == session.EventTurn {
		return t.turn(e, at)
	}
	if at != e.At { // the rarer events take a copy with the wall-clock time
		c := *e
		c.At = at
		e = &c
	}
	switch e.Type {
	case session.EventStarted:
		return t.start(e)
	case session.EventArrived, session.EventDeparted:
		return t.presence(e)
	case session.EventIntervention:
		return t.intervention(e)
	case session.EventIncidentRaised, session.EventIncidentResolved:
		return t.incident(e)
	case session.EventSegmentBegan:
		if !e.Segment.IsValid() {
			return t.reject(e, session.Party{}, ErrInvalidEvent)
		}
		t.accept(e.At)
		t.segment, t.segmentAt = e.Segment, t.off(e.At)
		return nil
	case session.EventEnded:
		t.accept(e.At)
		t.ended, t.endAt = true, t.off(e.At)
		for i := range t.people {
			t.leave(i, t.endAt)
		}
		return nil
	}
	return t.reject(e, session.Party{}, ErrInvalidEvent)
}

func (t *Tracker) reject(e *session.Event, p session.Party, err error) error {
	return &EventError{Type: e.Type, At: e.At, Party: p, Err: err}
}

// accept records that an event at time at was accepted.
func (t *Tracker) accept(at time.Time) {
	if !t.seen {
		t.base, t.seen = at, true
	}
	t.last = at
}

// off returns the offset of at from the first event, saturating, by the
// wall clock: at.Round(0).Sub(t.base), computed without Sub's overflow
// check in the range where no overflow can happen.
func (t *Tracker) off(at time.Time) time.Duration {
	if !t.seen {
		return 0
	}
	const lim uint64 = math.MaxInt64/uint64(time.Second) - 1 // whole seconds that cannot overflow
	s, b := at.Unix(), t.base.Unix()
	dn := time.Duration(at.Nanosecond() - t.base.Nanosecond())
	switch {
	case s >= b && uint64(s)-uint64(b) <= lim:
		return time.Duration(uint64(s)-uint64(b))*time.Second + dn
	case s < b && uint64(b)-uint64(s) <= lim:
		return -time.Duration(uint64(b)-uint64(s))*time.Second + dn
	}
	return at.Round(0).Sub(t.base)
}

// turn folds in the turn e, whose time read by the wall clock is at.
func (t *Tracker) turn(e *session.Event, at time.Time) error {
	tr := &e.Turn
	s, ok := t.ix.index(tr.Speaker)
	if !ok || tr.Speaker.Kind == session.PartyGroup {
		if tr.Speaker.Kind == session.PartyMember || tr.Speaker.Kind == session.PartyFacilitator {
			return t.reject(e, tr.Speaker, ErrUnknownPerson)
		}
		return t.reject(e, tr.Speaker, ErrInvalidEvent)
	}
	a, ok := t.ix.index(tr.Addressee)
	if !ok {
		if tr.Addressee.Kind == session.PartyMember || tr.Addressee.Kind == session.PartyFacilitator {
			return t.reject(e, tr.Addressee, ErrUnknownPerson)
		}
		return t.reject(e, tr.Addressee, ErrInvalidEvent)
	}
	if a == s {
		return t.reject(e, tr.Addressee, ErrInvalidEvent)
	}
	if int(tr.Act) >= numActs || !tr.Tags.IsValid() {
		return t.reject(e, tr.Speaker, ErrInvalidAct)
	}
	if tr.Duration < 0 {
		return t.reject(e, tr.Speaker, ErrInvalidEvent)
	}

	t.accept(at)
	begin := t.off(at)
	end := begin + tr.Duration
	if end < begin { // saturate on overflow
		end = math.MaxInt64
	}
	p := &t.people[s]
	p.talk += tr.Duration
	p.turns++
	p.longest = max(p.longest, tr.Duration)
	p.lastEnd = max(p.lastEnd, end)
	p.spoke = true
	t.turns++

	if t.lastEndBy >= 0 && t.lastEndBy != s && begin < t.lastEnd {
		t.overlaps++
		p.overlapped++
		t.people[t.lastEndBy].cutInto++
	}
	if end >= t.lastEnd || t.lastEndBy < 0 {
		t.lastEnd, t.lastEndBy = end, s
	}

	na := t.ix.speakers() + 1
	pair := s*na + a
	if c := &t.ix.acts[pair*numActs+int(tr.Act)]; *c != math.MaxUint16 {
		*c++
	}
	t.ix.talk[pair] += tr.Duration
	t.ix.turns[pair]++
	t.ix.spoken[s*numActs+int(tr.Act)]++
	tags := t.ix.tags[s*NumTags : s*NumTags+NumTags]
	for m := uint16(tr.Tags); m != 0; m &= m - 1 {
		tags[bits.TrailingZeros16(m)]++
	}

	// Band-aiding: a member's positive act (IPA 1-3) right after another
	// member's tension act (IPA 11) (Corey, Corey & Corey, problem behaviours).
	nm := len(t.ix.members)
	if t.nRecent > 0 && s < nm && t.lastSpeak < nm && t.lastSpeak != s && tr.Act.IsPositive() &&
		t.recent[t.head].act == session.ActShowsTension {
		p.bandAids++
		t.people[t.lastSpeak].soothed++
	}
	t.head ^= 1
	// Field by field: a composite literal would be built on the stack and
	// copied with wide loads that stall on the narrow stores just made.
	r := &t.recent[t.head]
	r.at, r.dur, r.spk, r.adr, r.act, r.tags = at, tr.Duration, int32(s), int32(a), tr.Act, tr.Tags
	t.lastSpeak = s
	t.nRecent = min(t.nRecent+1, 2)
	return nil
}

func (t *Tracker) start(e *session.Event) error {
	if t.started {
		return t.reject(e, session.Party{}, ErrSequence)
	}
	for _, m := range e.Start.Members {
		if _, ok := t.ix.index(session.MemberParty(m)); !ok {
			return t.reject(e, session.MemberParty(m), ErrUnknownPerson)
		}
	}
	for _, f := range e.Start.Facilitators {
		if _, ok := t.ix.index(session.FacilitatorParty(f)); !ok {
			return t.reject(e, session.FacilitatorParty(f), ErrUnknownPerson)
		}
	}
	t.accept(e.At)
	t.started, t.startAt = true, t.off(e.At)
	for _, m := range e.Start.Members {
		i, _ := t.ix.index(session.MemberParty(m))
		t.arrive(i, t.startAt)
	}
	for _, f := range e.Start.Facilitators {
		i, _ := t.ix.index(session.FacilitatorParty(f))
		t.arrive(i, t.startAt)
	}
	return nil
}

func (t *Tracker) presence(e *session.Event) error {
	p := session.MemberParty(e.Member)
	i, ok := t.ix.index(p)
	if !ok {
		if e.Member == "" {
			return t.reject(e, p, ErrInvalidEvent)
		}
		return t.reject(e, p, ErrUnknownPerson)
	}
	t.accept(e.At)
	at := t.off(e.At)
	if e.Type == session.EventArrived {
		if !t.people[i].attended && t.started && at > t.startAt {
			t.people[i].late, t.people[i].lateBy = true, at-t.startAt
		}
		t.arrive(i, at)
	} else {
		t.leave(i, at)
	}
	return nil
}

func (t *Tracker) arrive(i int, at time.Duration) {
	p := &t.people[i]
	if !p.present {
		p.present, p.attended, p.since = true, true, at
	}
}

func (t *Tracker) leave(i int, at time.Duration) {
	p := &t.people[i]
	if p.present {
		p.present = false
		p.presentFor += at - p.since
	}
}

func (t *Tracker) intervention(e *session.Event) error {
	iv := &e.Intervention
	fp := session.FacilitatorParty(iv.Facilitator)
	f, ok := t.ix.index(fp)
	if !ok {
		if iv.Facilitator == "" {
			return t.reject(e, fp, ErrInvalidEvent)
		}
		return t.reject(e, fp, ErrUnknownPerson)
	}
	if iv.Skill.IsValid() == iv.Step.IsValid() {
		return t.reject(e, fp, ErrInvalidEvent)
	}
	target := -1
	if !iv.Target.IsZero() {
		j, ok := t.ix.index(iv.Target)
		if !ok {
			if iv.Target.Kind == session.PartyMember || iv.Target.Kind == session.PartyFacilitator {
				return t.reject(e, iv.Target, ErrUnknownPerson)
			}
			return t.reject(e, iv.Target, ErrInvalidEvent)
		}
		target = j
	}
	t.accept(e.At)
	t.people[f].intervBy++
	if target >= 0 && target < len(t.people) {
		t.people[target].intervAt++
	}
	t.interv++
	t.lastInterv = InterventionRecord{At: e.At, Intervention: *iv}
	return nil
}

func (t *Tracker) incident(e *session.Event) error {
	inc := &e.Incident
	member := -1
	if inc.Member != "" {
		i, ok := t.ix.index(session.MemberParty(inc.Member))
		if !ok {
			return t.reject(e, session.MemberParty(inc.Member), ErrUnknownPerson)
		}
		member = i
	}
	if inc.ID < 1 || (e.Type == session.EventIncidentRaised && (!inc.Kind.IsValid() || int(inc.Kind) >= incidentSlots)) {
		return t.reject(e, session.Party{}, ErrInvalidEvent)
	}
	t.accept(e.At)
	if e.Type == session.EventIncidentResolved {
		t.open = max(t.open-1, 0)
		return nil
	}
	if c := &t.incidents[inc.Kind]; *c != math.MaxUint16 {
		*c++
	}
	t.open++
	if member >= 0 {
		t.people[member].incidents++
	}
	t.lastIncid, t.lastIncAt = *inc, e.At
	return nil
}

// LastTurn returns the most recent turn observed.
func (t *Tracker) LastTurn() (TurnRecord, bool) { return t.turnRecord(t.head, 1) }

// PreviousTurn returns the turn observed just before LastTurn. Together they
// show a positive act right after another member's tension act
// (band-aiding, see also MemberStats.BandAids).
func (t *Tracker) PreviousTurn() (TurnRecord, bool) { return t.turnRecord(t.head^1, 2) }

// recentTurn is a turn as the tracker keeps it: its parties as dense
// indexes, so that remembering it writes no pointers but the time's zone.
type recentTurn struct {
	at       time.Time
	dur      time.Duration
	spk, adr int32
	act      session.Act
	tags     session.Tags
}

// turnRecord rebuilds recent[i], which holds a turn once the tracker has
// seen at least need turns.
func (t *Tracker) turnRecord(i, need int) (TurnRecord, bool) {
	if t.nRecent < need {
		return TurnRecord{}, false
	}
	r := &t.recent[i]
	return TurnRecord{At: r.at, Turn: session.Turn{Speaker: t.ix.party(int(r.spk)), Addressee: t.ix.party(int(r.adr)),
		Duration: r.dur, Act: r.act, Tags: r.tags}}, true
}

// LastIntervention returns the most recent intervention observed.
func (t *Tracker) LastIntervention() (InterventionRecord, bool) {
	return t.lastInterv, t.interv > 0
}

// LastIncident returns the most recent incident raised and when.
func (t *Tracker) LastIncident() (session.Incident, time.Time, bool) {
	return t.lastIncid, t.lastIncAt, t.lastIncid.ID > 0
}

// Last returns the time of the last accepted event, and false before any.
func (t *Tracker) Last() (time.Time, bool) { return t.last, t.seen }

// SinceSpoke returns how long the person p has been silent at time at:
// since the end of their last turn, or, if they have not spoken, since they
// arrived (or since the first event if they never arrived). spoke reports
// whether they have had a turn. An unknown person, or a time before that
// point, gives zero.
func (t *Tracker) SinceSpoke(p session.Party, at time.Time) (silent time.Duration, spoke bool) {
	i, ok := t.ix.index(p)
	if !ok || i >= len(t.people) {
		return 0, false
	}
	return t.sinceSpoke(i, t.off(at)), t.people[i].spoke
}

func (t *Tracker) sinceSpoke(i int, at time.Duration) time.Duration {
	p := &t.people[i]
	from := p.since
	if p.spoke {
		from = p.lastEnd
	}
	if at < from {
		return 0
	}
	return at - from
}

// Overlaps returns the number of turns that began while someone else's turn
// was still running.
func (t *Tracker) Overlaps() int { return t.overlaps }

// Turns returns the number of turns observed.
func (t *Tracker) Turns() int { return t.turns }

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
// above the group sizes the field recommends (at most about 15 for a
// therapy group, 30 for a mindfulness class; see
// docs/reference/modalities.md) and keep
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
// It records acts as Bales (1950) codes them ({time, actor, target,
// category}) and keeps the participation metrics the field uses (see
// docs/reference/sessions.md).
//
// Each segment's kind says whether members are expected to talk in it (a
// session.TalkPlan, see SetTalkPlan), and the tracker keeps every member's
// participation over talk-expected time beside the raw figures (see
// Participation), so that advice does not read art-making or a body scan as
// silence.
//
// NewTracker maps every member and facilitator to a dense index once and
// allocates all counters then, so Observe allocates nothing and a rejected
// event leaves the tracker exactly as it was. A tracker follows one session,
// from its first event to EventEnded; counts per (speaker, addressee,
// category) saturate at 65535, and talk times at the largest time.Duration,
// so that no input makes a figure negative. Overlaps are counted against
// the turns still running when a turn starts, up to eight people talking at
// once (see MemberStats.Overlapped).
//
// The zero value is not usable; call NewTracker. A Tracker is not safe for
// concurrent use.
type Tracker struct {
	ix     Interactions
	people []person // dense: members, then facilitators

	floats []float64 // a snapshot's working space, reused
	ints   []int

	events     int   // events accepted, notes included
	baseSec    int64 // time of the first accepted event (Unix seconds and nanoseconds); offsets are from here
	baseNsec   int64
	lastSec    int64 // time of the last accepted event, likewise
	lastNsec   int64
	last       time.Time     // time of the last accepted event
	seen       bool          // an event has been accepted
	started    bool          // EventStarted seen
	ended      bool          // EventEnded seen
	startAt    time.Duration // offset of EventStarted
	startClock time.Duration // the talk-expected clock at EventStarted
	endAt      time.Duration // offset of EventEnded

	segment   session.SegmentKind
	segmentAt time.Duration
	plan      session.TalkPlan // what each segment kind expects of members' talk
	talkNow   session.Talk     // what the current segment expects
	quiet     time.Duration    // time in quiet segments before the current one

	turns      int                                  // all turns
	overlaps   int                                  // turns that began while someone else's turn was running
	run        [maxRunning]running                  // turns still running at the last turn's start, one per person
	live       uint8                                // the slots of run in use, as bits
	cut        [MaxMembers + MaxFacilitators]uint32 // by dense index: turns others began while this person's ran (MemberStats.CutInto)
	recent     [2]recentTurn                        // recent[head] is the last turn, recent[head^1] the one before
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

// person is the running state of one member or facilitator. Durations
// that add up saturate at the largest time.Duration; offsets are from the
// tracker's first event, and "clock" values are on the talk-expected clock
// (see Tracker.expectedAt).
type person struct {
	talk       time.Duration
	longest    time.Duration
	lastEnd    time.Duration // end of the last turn
	since      time.Duration // offset when presence began (arrival or start)
	presentFor time.Duration // closed presence intervals
	lateBy     time.Duration // first arrival after the start
	leftAt     time.Duration // offset of the last departure
	xTalk      time.Duration // talk in segments that expect it
	xLast      time.Duration // the last turn in a segment that expects talk
	xPresent   time.Duration // closed presence on the talk-expected clock
	xArrived   time.Duration // clock at the last arrival
	xSince     time.Duration // clock at the end of the last turn, or at the last arrival if later
	turns      uint32
	xTurns     uint32 // turns in segments that expect talk
	openTurns  uint32 // turns in open segments
	openLean   uint32 // of them, aimed at a facilitator, neither disagreeing nor antagonistic
	departures uint32 // departures before the end
	overlapped uint32 // began a turn while someone else was still talking
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
		ix:      newInteractions(ms, fs),
		people:  make([]person, len(ms)+len(fs)),
		plan:    session.DefaultTalkPlan(),
		talkNow: session.TalkOpen,
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
			f.Add(idx(path, i), "same identifier as "+idx(path, j), group.ErrDuplicateID)
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
// events are counted and otherwise ignored (notes are often written after
// the session, and say nothing about interaction).
//
// Observe refuses what a Session would refuse and the tracker can tell,
// with a *session.EventError and no change to the tracker (see the
// package's error vocabulary): a person it does not follow, an event dated
// before the last one it accepted, a second start or any event but a note
// after the end, a malformed payload. It never changes what the caller's
// event points to, reads times by the wall clock alone (as a session's log
// keeps them), and allocates nothing unless it returns an error.
func (t *Tracker) Observe(e session.Event) error {
	e.At = e.At.Round(0)
	switch e.Type {
	case session.EventNoteWritten, session.EventNoteSigned, session.EventNoteAmended:
		t.events++ // notes follow the end, often days later, and move no clock
		return nil
	}
	if !e.Type.IsValid() {
		return t.reject(&e, malformed("type", "unknown event type "+e.Type.String()))
	}
	if t.ended {
		return t.reject(&e, session.ErrEnded)
	}
	if sec, nsec := e.At.Unix(), int64(e.At.Nanosecond()); t.seen && (sec < t.lastSec || sec == t.lastSec && nsec < t.lastNsec) {
		return t.reject(&e, group.ErrTimeOrder)
	}
	var err error
	switch e.Type {
	case session.EventTurn:
		err = t.turn(&e)
	case session.EventStarted:
		err = t.start(&e)
	case session.EventArrived, session.EventDeparted:
		err = t.presence(&e)
	case session.EventIntervention:
		err = t.intervention(&e)
	case session.EventIncidentRaised, session.EventIncidentResolved:
		err = t.incident(&e)
	case session.EventSegmentBegan:
		if !e.Segment.IsValid() {
			return t.reject(&e, malformed("segment", "unknown segment kind "+e.Segment.String()))
		}
		t.accept(e.At)
		t.begin(e.Segment, t.off(e.At))
	case session.EventEnded:
		t.accept(e.At)
		t.ended, t.endAt = true, t.off(e.At) // presence and the clocks stop here (see SnapshotAt)
	}
	if err != nil {
		return t.reject(&e, err)
	}
	t.events++
	return nil
}

// accept records that an event at time at was accepted.
func (t *Tracker) accept(at time.Time) {
	t.lastSec, t.lastNsec = at.Unix(), int64(at.Nanosecond())
	if !t.seen {
		t.baseSec, t.baseNsec, t.seen = t.lastSec, t.lastNsec, true
	}
	t.last = at
}

// maxOffsetSec bounds the whole seconds of an offset: with any nanoseconds
// added it stays below the largest time.Duration.
const maxOffsetSec = math.MaxInt64/uint64(time.Second) - 1

// off returns the offset of at from the first event, saturating about 292
// years either way, as time.Time.Sub does. It reads the wall clock by Unix
// seconds and nanoseconds, which costs a fraction of Sub's check for
// overflow, made by adding the result back.
func (t *Tracker) off(at time.Time) time.Duration {
	if !t.seen {
		return 0
	}
	sec, nsec := at.Unix(), int64(at.Nanosecond())
	if sec >= t.baseSec {
		d := uint64(sec) - uint64(t.baseSec) // exact: the difference fits in 64 bits unsigned
		if d > maxOffsetSec {
			return maxDuration
		}
		return time.Duration(int64(d)*1e9 + nsec - t.baseNsec)
	}
	d := uint64(t.baseSec) - uint64(sec)
	if d > maxOffsetSec {
		return math.MinInt64
	}
	return time.Duration(-int64(d)*1e9 + nsec - t.baseNsec)
}

// maxDuration is the largest time.Duration: sums of durations saturate at it.
const maxDuration = time.Duration(math.MaxInt64)

// addSat returns a+b for non-negative a and b, saturating at maxDuration.
func addSat(a, b time.Duration) time.Duration {
	if a > maxDuration-b {
		return maxDuration
	}
	return a + b
}

// party returns the dense index of the party at path, which must be a
// member or facilitator the tracker follows (or the whole group when
// groupOK).
func (t *Tracker) party(path string, p session.Party, groupOK bool) (int, error) {
	i, ok := t.ix.index(p)
	switch {
	case ok && (p.Kind != session.PartyGroup || groupOK):
		return i, nil
	case p.Kind == session.PartyMember || p.Kind == session.PartyFacilitator:
		return 0, unknown(path, p)
	case p.IsZero():
		return 0, &FieldError{Pkg: "dynamics", Path: path, Problem: "must be set", Err: session.ErrMissingField}
	}
	return 0, malformed(path, "not a valid party here: "+p.String())
}

// turn folds in the turn e.
func (t *Tracker) turn(e *session.Event) error {
	tr := &e.Turn
	s, err := t.party("turn.speaker", tr.Speaker, false)
	if err != nil {
		return err
	}
	a, err := t.party("turn.addressee", tr.Addressee, true)
	switch {
	case err != nil:
		return err
	case a == s:
		return malformed("turn.addressee", "a speaker does not address themselves")
	case int(tr.Act) >= numActs:
		return &FieldError{Pkg: "dynamics", Path: "turn.act", Problem: "unknown act " + tr.Act.String(), Err: ErrUnknownValue}
	case !tr.Tags.IsValid():
		return &FieldError{Pkg: "dynamics", Path: "turn.tags", Problem: "undefined tag bits", Err: ErrUnknownValue}
	case tr.Duration < 0 || tr.Duration > session.MaxTurn:
		return malformed("turn.duration", "must be from 0 to "+session.MaxTurn.String())
	}

	t.accept(e.At)
	d := tr.Duration
	begin := t.off(e.At)
	end := addSat(begin, d)
	p := &t.people[s]
	if !p.attended {
		t.arrive(s, begin) // whoever speaks, or is spoken to, is in the room
	}
	if a < len(t.people) && !t.people[a].attended {
		t.arrive(a, begin)
	}
	p.talk = addSat(p.talk, d)
	p.turns++
	p.longest = max(p.longest, d)
	p.lastEnd = max(p.lastEnd, end)
	p.spoke = true
	t.turns++

	// The talk-expected clock: frozen since a quiet segment began.
	clock := begin - t.quiet
	if t.talkNow == session.TalkQuiet {
		clock = t.segmentAt - t.quiet
	} else {
		p.xTalk = addSat(p.xTalk, d)
		p.xLast = d
		p.xTurns++
		clock = addSat(clock, d)
		if t.talkNow == session.TalkOpen {
			p.openTurns++
			if a >= len(t.ix.members) && a < len(t.people) && tr.Act != session.ActDisagrees && tr.Act != session.ActShowsAntagonism {
				p.openLean++
			}
		}
	}
	p.xSince = max(p.xSince, clock)
	t.overlap(s, begin, end)

	na := t.ix.speakers() + 1
	pair := s*na + a
	if c := &t.ix.acts[pair*numActs+int(tr.Act)]; *c != math.MaxUint16 {
		*c++
	}
	t.ix.talk[pair] = addSat(t.ix.talk[pair], d)
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
	t.recent[t.head] = recentTurn{at: e.At, dur: d, spk: int32(s), adr: int32(a), act: tr.Act, tags: tr.Tags}
	t.lastSpeak = s
	t.nRecent = min(t.nRecent+1, 2)
	return nil
}

func (t *Tracker) start(e *session.Event) error {
	if t.started {
		return session.ErrAlreadyStarted
	}
	if e.Start == nil {
		return &FieldError{Pkg: "dynamics", Path: "start", Problem: "must be set", Err: session.ErrMissingField}
	}
	for i, m := range e.Start.Members {
		if _, err := t.party(idx("start.members", i), session.MemberParty(m), false); err != nil {
			return err
		}
	}
	for i, f := range e.Start.Facilitators {
		if _, err := t.party(idx("start.facilitators", i), session.FacilitatorParty(f), false); err != nil {
			return err
		}
	}
	t.accept(e.At)
	t.started, t.startAt = true, t.off(e.At)
	t.startClock = t.expectedAt(t.startAt)
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

func (t *Tracker) intervention(e *session.Event) error {
	iv := e.Intervention
	if iv == nil {
		return &FieldError{Pkg: "dynamics", Path: "intervention", Problem: "must be set", Err: session.ErrMissingField}
	}
	f, err := t.party("intervention.facilitator", session.FacilitatorParty(iv.Facilitator), false)
	if err != nil {
		return err
	}
	if iv.Skill.IsValid() == iv.Step.IsValid() {
		return malformed("intervention", "set one known skill or safety step")
	}
	target := -1
	if !iv.Target.IsZero() {
		if target, err = t.party("intervention.target", iv.Target, true); err != nil {
			return err
		}
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
	inc := e.Incident
	if inc == nil {
		return &FieldError{Pkg: "dynamics", Path: "incident", Problem: "must be set", Err: session.ErrMissingField}
	}
	member := -1
	if inc.Member != "" {
		i, err := t.party("incident.member", session.MemberParty(inc.Member), false)
		if err != nil {
			return err
		}
		member = i
	}
	if inc.ID < 1 || (e.Type == session.EventIncidentRaised && (!inc.Kind.IsValid() || int(inc.Kind) >= incidentSlots)) {
		return malformed("incident", "a raised incident needs an ID from 1 and a known kind")
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

// Overlaps returns the number of turns that began while someone else's turn
// was still running (see MemberStats.Overlapped).
func (t *Tracker) Overlaps() int { return t.overlaps }

// Turns returns the number of turns observed.
func (t *Tracker) Turns() int { return t.turns }

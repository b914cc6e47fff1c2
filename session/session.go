package session

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/ids"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Phase is where a session is in its life. A new session is PhaseScheduled;
// the zero value, PhaseUnspecified, is never a session's phase.
type Phase uint8

// The phases.
const (
	PhaseUnspecified Phase = iota // (unspecified)
	PhaseScheduled                // (scheduled) not started yet
	PhaseRunning                  // (running) started, not ended
	PhaseEnded                    // (ended) ended; only note events follow
	PhaseCancelled                // (cancelled) ended before it started
)

var phaseText = enum.Table[Phase]{Pkg: "session", Type: "Phase", Names: []string{
	"unspecified", "scheduled", "running", "ended", "cancelled",
}}

// String returns the phase's text form.
func (p Phase) String() string { return phaseText.String(p) }

// IsValid reports whether p is a specified phase.
func (p Phase) IsValid() bool { return phaseText.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Phase) MarshalText() ([]byte, error) { return phaseText.Marshal(p) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Phase) UnmarshalText(b []byte) error { return phaseText.Unmarshal(p, b) }

// ParsePhase returns the phase whose text form is s.
func ParsePhase(s string) (Phase, error) { return phaseText.Parse(s) }

// Session is one meeting of a group, event-sourced: its state is the fold of
// its events. Commands (Start, Arrive, RecordTurn, End, WriteNote, ...)
// validate against the current state and build an event; every event, from
// a command or from an app, goes through Apply, which is the only thing that
// changes the state. A rejected event leaves the state untouched. Replay
// rebuilds a session from a log.
//
// A Session is not safe for concurrent use: an app that shares one between
// goroutines guards it with a sync.Mutex (see the example). The zero value is
// not usable; create sessions with New or Replay.
type Session struct {
	spec     Spec
	findings []group.Finding // the agenda's, from New
	// The log. Turns, the bulk of any log, are kept as compact pointer-free
	// records in chunks that are never copied once allocated; other events
	// are kept whole in full. Events rebuilds the log in order.
	chunks  []*[chunkSize]entry
	full    []Event
	locs    []*time.Location
	nEvents int

	memberIdx *ids.Index // roster IDs to Spec.Roster indexes
	facIdx    *ids.Index // facilitator IDs to Spec.Facilitators indexes
	members   []memberState
	facs      []bool // present, by Spec.Facilitators index

	phase     Phase
	startedAt time.Time
	endedAt   time.Time
	last      time.Time // the last event's time, unless lastTurn; read it with lastAt
	lastUnix  int64     // the last event's time as unixNano gives it
	lastTurn  bool      // the last event took the turn path, which sets only lastUnix
	recording bool

	segments   []SegmentUsage
	nextAgenda int

	incidents []IncidentRecord
	notes     []NoteRecord

	skillsUsed [len(skills)]int
}

// memberState is what the session knows of one roster member.
type memberState struct {
	present      bool
	attended     bool
	atStart      bool
	firstArrival time.Time
	since        time.Time // start of the current presence
	lastLeft     time.Time
	presentFor   time.Duration
	p            Participation
}

// New returns a session that has not started, after checking the spec.
// Spec problems are joined *FieldError values wrapping ErrInvalid; agenda
// findings are kept and reported by Findings.
func New(spec Spec) (*Session, error) {
	findings, err := spec.check()
	if err != nil {
		return nil, err
	}
	s := &Session{
		spec:     spec.clone(),
		findings: findings,
		members:  make([]memberState, len(spec.Roster)),
		facs:     make([]bool, len(spec.Facilitators)),
		phase:    PhaseScheduled,
	}
	ms := make([]group.MemberID, len(spec.Roster))
	for i, p := range s.spec.Roster {
		ms[i] = p.ID
	}
	fs := make([]group.FacilitatorID, len(spec.Facilitators))
	for i, f := range s.spec.Facilitators {
		fs[i] = f.ID
	}
	s.memberIdx, s.facIdx = ids.New(ms), ids.New(fs)
	return s, nil
}

// Replay builds a session from spec and applies the log in order. A log the
// session rejects yields an *EventError whose Index names the offending
// event.
func Replay(spec Spec, log []Event) (*Session, error) {
	s, err := New(spec)
	if err != nil {
		return nil, err
	}
	for i := range log {
		if err := s.Apply(&log[i]); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Apply validates e against the current state and, if it is allowed, folds
// it into the state and appends it to the log. A rejected event is an
// *EventError (Index is the position e would have had) and leaves the state
// untouched.
//
// The rules: times never go backwards; nothing but the start (or a
// cancelling end) before the start; nothing but notes after the end; only
// the payload Type names is set; people must be on the roster or among the
// facilitators; turns, departures and interventions involve people present;
// a member cannot arrive twice; a recorded session needs every present
// member's recording consent; the session cannot end with an unresolved
// risk incident; signed notes change only by addenda.
//
// Times are read by the wall clock alone: a monotonic clock reading (which
// time.Now adds) is dropped, as the log drops it, so that a session
// replayed from its log is the session that was recorded live. Apply does
// not change or keep *e, and a turn costs no allocation beyond the log's
// growth.
func (s *Session) Apply(e *Event) error {
	if e == nil {
		return &EventError{Index: s.nEvents, Err: &FieldError{Pkg: "session", Path: "event", Problem: "must be set", Err: ErrMissingField}}
	}
	if e.Type == EventTurn && onlyTurn(e) && s.turn(e.At, &e.Turn) {
		return nil
	}
	if at := e.At.Round(0); at != e.At { // drop the monotonic reading, on a copy
		c := *e
		c.At = at
		e = &c
	}
	return s.applyChecked(e)
}

// applyChecked is the general path of Apply: it checks e against every
// rule, naming the fault, then applies and logs it.
func (s *Session) applyChecked(e *Event) error {
	var r resolved
	if err := s.check(e, &r); err != nil {
		return &EventError{Index: s.nEvents, Type: e.Type, Err: err}
	}
	s.apply(e, &r)
	s.store(e, &r)
	return nil
}

// chunkSize is the number of entries in each chunk of the log: 1024
// entries of 32 bytes, one 32 KiB block with no pointers for the garbage
// collector to scan.
const chunkSize = 1024

// entry is one event of the log: a turn in full, or the index of another
// event in Session.full. A turn is kept whole only when it fits: its time
// within the range of Unix nanoseconds (years 1678 to 2262), its parties'
// indexes and its time zone's index within 16 bits. Any other event, and
// any turn that does not fit, is kept in full.
type entry struct {
	unix     int64 // the event's time, Unix nanoseconds
	dur      time.Duration
	full     int32  // index into Session.full; -1 for a turn
	speaker  int16  // roster or facilitator index
	addr     int16  // roster or facilitator index; -1 for the whole group
	loc      uint16 // index into Session.locs
	tags     Tags
	spkKind  PartyKind
	addrKind PartyKind
	act      Act
}

// turn applies the turn t at time at in one pass, the path nearly every
// event of a live session takes, and reports true; or it changes nothing
// and reports false, and the caller takes the general path, which decides
// the event and names any fault. The caller has checked that the event has
// no other payload. turn accepts only what the general path accepts, and
// leaves the same state: a running session, a time not before the last
// event's that fits the compact log in a time zone the log already knows,
// both parties known and present and not the same person, a valid
// duration, act and tags. FuzzTurnPaths checks that the two paths agree.
func (s *Session) turn(at time.Time, t *Turn) bool {
	if s.phase != PhaseRunning || t.Duration < 0 || t.Act > NumActs || !t.Tags.IsValid() {
		return false
	}
	var r resolved
	var ok1, ok2 bool
	r.speaker, ok1 = s.present(t.Speaker)
	r.addressee, ok2 = s.present(t.Addressee)
	if !ok1 || !ok2 || t.Speaker.Kind == PartyGroup || t.Speaker.Kind == t.Addressee.Kind && r.speaker == r.addressee {
		return false
	}
	unix, loc, ok := s.compact(at, &r)
	if !ok || unix < s.lastUnix {
		return false
	}
	s.applyTurn(t, &r)
	s.lastUnix, s.lastTurn = unix, true
	s.next().setTurn(unix, loc, t, &r)
	return true
}

// lastAt returns the time of the last event. The turn path keeps it as
// Unix nanoseconds only (always within their range there), which saves a
// time.Time store per turn; every reader compares instants, so the
// rebuilt time, in UTC, serves as well as the original.
func (s *Session) lastAt() time.Time {
	if s.lastTurn {
		return time.Unix(0, s.lastUnix).UTC()
	}
	return s.last
}

// next returns the log entry for the next event, growing the log by a
// chunk when the last one is full.
func (s *Session) next() *entry {
	k, j := uint(s.nEvents)/chunkSize, uint(s.nEvents)%chunkSize // unsigned: a shift and a mask
	if j == 0 {
		s.chunks = append(s.chunks, new([chunkSize]entry))
	}
	s.nEvents++
	return &s.chunks[k][j]
}

// store appends e to the log; r holds the turn's party indexes.
func (s *Session) store(e *Event, r *resolved) {
	if e.Type == EventTurn {
		if s.locIndex(e.At.Location()) < 0 {
			s.locs = append(s.locs, e.At.Location())
		}
		if unix, loc, ok := s.compact(e.At, r); ok {
			s.next().setTurn(unix, loc, &e.Turn, r)
			return
		}
	}
	*s.next() = entry{full: int32(len(s.full))}
	s.full = append(s.full, e.clone()) // the log never shares the app's slices
}

// compact returns a turn's time as Unix nanoseconds and its time zone's
// index, and whether the turn, whose parties resolve to r, fits a log
// entry.
func (s *Session) compact(at time.Time, r *resolved) (unix int64, loc int, ok bool) {
	unix, loc = unixNano(at), s.locIndex(at.Location())
	ok = unix != math.MinInt64 && unix != math.MaxInt64 && loc >= 0 && loc <= math.MaxUint16 &&
		r.speaker <= math.MaxInt16 && r.addressee <= math.MaxInt16
	return unix, loc, ok
}

// setTurn fills en with a turn that compact said fits. It writes field by
// field: a composite literal would be built on the stack and copied with
// wide loads that stall on the narrow stores just made.
func (en *entry) setTurn(unix int64, loc int, t *Turn, r *resolved) {
	en.unix, en.dur, en.full = unix, t.Duration, -1
	en.speaker, en.addr, en.loc, en.tags = int16(r.speaker), int16(r.addressee), uint16(loc), t.Tags
	en.spkKind, en.addrKind, en.act = t.Speaker.Kind, t.Addressee.Kind, t.Act
}

// unixNano returns t in Unix nanoseconds, saturating at math.MinInt64 and
// math.MaxInt64 outside the years 1678 to 2262 (so the zero time is
// math.MinInt64). Order between two times is kept.
func unixNano(t time.Time) int64 {
	const minSec, maxSec = math.MinInt64/int64(time.Second) + 1, math.MaxInt64/int64(time.Second) - 1
	switch sec := t.Unix(); {
	case sec < minSec:
		return math.MinInt64
	case sec > maxSec:
		return math.MaxInt64
	default:
		return sec*int64(time.Second) + int64(t.Nanosecond())
	}
}

// clone returns e with its slices copied, so that neither the app nor the
// session can change the other's copy of an event.
func (e Event) clone() Event {
	e.Start.Facilitators = slices.Clone(e.Start.Facilitators)
	e.Start.Members = slices.Clone(e.Start.Members)
	e.Note.Interventions = slices.Clone(e.Note.Interventions)
	return e
}

// locIndex returns the index of l in Session.locs, or -1.
func (s *Session) locIndex(l *time.Location) int {
	for i, x := range s.locs {
		if x == l {
			return i
		}
	}
	return -1
}

// entry returns the log entry of event i.
func (s *Session) entry(i int) *entry { return &s.chunks[i/chunkSize][i%chunkSize] }

// event rebuilds one logged event.
func (s *Session) event(en *entry) Event {
	if en.full >= 0 {
		return s.full[en.full].clone()
	}
	party := func(k PartyKind, i int16) Party {
		switch k {
		case PartyMember:
			return Party{Kind: k, ID: string(s.spec.Roster[i].ID)}
		case PartyFacilitator:
			return Party{Kind: k, ID: string(s.spec.Facilitators[i].ID)}
		}
		return Party{Kind: k}
	}
	return Event{
		Type: EventTurn, At: time.Unix(0, en.unix).In(s.locs[en.loc]),
		Turn: Turn{Speaker: party(en.spkKind, en.speaker), Addressee: party(en.addrKind, en.addr),
			Duration: en.dur, Act: en.act, Tags: en.tags},
	}
}

// resolved carries the indexes check looked up for a turn, so apply and
// store do not look them up again: a member's roster index or a
// facilitator's index, by the party's kind; -1 for the whole group.
type resolved struct {
	speaker, addressee int
}

// check validates e against the current state without changing it.
func (s *Session) check(e *Event, r *resolved) error {
	if !e.Type.IsValid() {
		return &FieldError{Pkg: "session", Path: "type", Problem: "unknown event type " + e.Type.String(), Err: ErrUnknownValue}
	}
	if payloadMask(e) != payloadField[e.Type] {
		if err := checkPayloads(e); err != nil {
			return err
		}
	}
	if e.At.IsZero() {
		return &FieldError{Pkg: "session", Path: "at", Problem: "must be set"}
	}
	if s.nEvents > 0 && e.At.Before(s.lastAt()) {
		return group.ErrTimeOrder
	}
	isNote := e.Type == EventNoteWritten || e.Type == EventNoteSigned || e.Type == EventNoteAmended
	switch s.phase {
	case PhaseScheduled:
		if e.Type != EventStarted && e.Type != EventEnded {
			if isNote {
				return ErrNotEnded
			}
			return ErrNotStarted
		}
	case PhaseRunning:
		if e.Type == EventStarted {
			return ErrAlreadyStarted
		}
		if isNote {
			return ErrNotEnded
		}
	default:
		if !isNote {
			return ErrEnded
		}
	}
	switch e.Type {
	case EventStarted:
		return s.checkStart(e.Start)
	case EventSegmentBegan:
		if !e.Segment.IsValid() {
			return &FieldError{Pkg: "session", Path: "segment", Problem: "unknown segment kind " + e.Segment.String(), Err: ErrUnknownValue}
		}
	case EventArrived:
		i, err := s.member("member", e.Member)
		if err != nil {
			return err
		}
		if s.members[i].present {
			return ErrAlreadyPresent
		}
		if s.recording && !s.spec.Roster[i].RecordingConsent {
			return ErrNoRecordingConsent
		}
	case EventDeparted:
		i, err := s.member("member", e.Member)
		if err != nil {
			return err
		}
		if !s.members[i].present {
			return ErrNotPresent
		}
	case EventTurn:
		return s.checkTurn(&e.Turn, r)
	case EventIntervention:
		return s.checkIntervention(&e.Intervention)
	case EventIncidentRaised, EventIncidentResolved:
		return s.checkIncident(e.Type, e.Incident)
	case EventNoteWritten, EventNoteSigned, EventNoteAmended:
		return s.checkNote(e.Type, &e.Note)
	case EventEnded:
		if s.phase == PhaseRunning {
			fe := problems()
			for _, r := range s.incidents {
				if r.Kind.IsRisk() && !r.Resolved {
					fe.Add(fmt.Sprintf("incidents[%d]", r.ID), r.Kind.String()+" incident is unresolved", ErrUnresolvedRisk)
				}
			}
			return fe.Err()
		}
	}
	return nil
}

// onlyTurn reports whether e sets no payload but its Turn: the sealed-shape
// check of the one-pass turn path, one OR over every other payload field
// (payloadMask names which payload is set, for the error).
func onlyTurn(e *Event) bool {
	st, iv, in, n := &e.Start, &e.Intervention, &e.Incident, &e.Note
	return len(st.Facilitators)|len(st.Members)|len(e.Member)|int(e.Segment)|
		len(iv.Facilitator)|len(iv.Text)|len(iv.Target.ID)|int(iv.Skill)|int(iv.Step)|int(iv.Target.Kind)|
		in.ID|int(in.Kind)|len(in.Member)|len(in.Text)|len(in.Action)|
		n.ID|int(n.Kind)|len(n.Member)|len(n.Author)|len(n.Text)|len(n.Theme)|len(n.Interventions)|len(n.Process)|len(n.GoalProgress) == 0 &&
		!st.Recording
}

// payloadMask returns the payload fields set on e, as the codec's field
// bits. A set payload is one that is not its zero value.
func payloadMask(e *Event) uint16 {
	var m uint16
	t, iv, in, n := &e.Turn, &e.Intervention, &e.Incident, &e.Note
	if len(t.Speaker.ID)|len(t.Addressee.ID)|int(t.Speaker.Kind)|int(t.Addressee.Kind)|int(t.Act)|int(t.Tags) != 0 || t.Duration != 0 {
		m |= fTurn
	}
	if e.Member != "" {
		m |= fMember
	}
	if e.Segment != 0 {
		m |= fSegment
	}
	if !e.Start.isZero() {
		m |= fStart
	}
	if len(iv.Facilitator)|len(iv.Text)|len(iv.Target.ID)|int(iv.Skill)|int(iv.Step)|int(iv.Target.Kind) != 0 {
		m |= fIntervention
	}
	if in.ID|int(in.Kind)|len(in.Member)|len(in.Text)|len(in.Action) != 0 {
		m |= fIncident
	}
	if n.ID|int(n.Kind)|len(n.Member)|len(n.Author)|len(n.Text)|len(n.Theme)|len(n.Interventions)|len(n.Process)|len(n.GoalProgress) != 0 {
		m |= fNote
	}
	return m
}

// checkPayloads enforces the sealed shape: only the payload named by the
// event's type is set. A payload left at its zero value passes here; the
// rules of its type then report what is missing.
func checkPayloads(e *Event) error {
	if payloadMask(e)&^payloadField[e.Type] == 0 {
		return nil
	}
	fe := problems()
	extra := func(name string, set bool, want EventType, want2 ...EventType) {
		if !set {
			return
		}
		if e.Type == want {
			return
		}
		for _, w := range want2 {
			if e.Type == w {
				return
			}
		}
		fe.Add(name, "must not be set on a "+e.Type.String()+" event", ErrUnknownField)
	}
	extra("start", !e.Start.isZero(), EventStarted)
	extra("segment", e.Segment != 0, EventSegmentBegan)
	extra("member", e.Member != "", EventArrived, EventDeparted)
	extra("turn", e.Turn != Turn{}, EventTurn)
	extra("intervention", e.Intervention != Intervention{}, EventIntervention)
	extra("incident", e.Incident != Incident{}, EventIncidentRaised, EventIncidentResolved)
	extra("note", !e.Note.isZero(), EventNoteWritten, EventNoteSigned, EventNoteAmended)
	return fe.Err()
}

// member looks up a roster member.
func (s *Session) member(path string, id group.MemberID) (int, error) {
	i, ok := s.memberIdx.Lookup(string(id))
	if !ok {
		if id == "" {
			return 0, &FieldError{Pkg: "session", Path: path, Problem: "must be set", Err: ErrMissingField}
		}
		return 0, &FieldError{Pkg: "session", Path: path, Problem: fmt.Sprintf("%q is not on the roster", id), Err: group.ErrUnknownMember}
	}
	return i, nil
}

// memberIndex returns the roster index of a member known to be on it.
func (s *Session) memberIndex(id group.MemberID) int {
	i, _ := s.memberIdx.Lookup(string(id))
	return i
}

// facilitatorIndex returns the index of a facilitator known to the session.
func (s *Session) facilitatorIndex(id group.FacilitatorID) int {
	i, _ := s.facIdx.Lookup(string(id))
	return i
}

// facilitator looks up a facilitator.
func (s *Session) facilitator(path string, id group.FacilitatorID) (int, error) {
	i, ok := s.facIdx.Lookup(string(id))
	if !ok {
		if id == "" {
			return 0, &FieldError{Pkg: "session", Path: path, Problem: "must be set", Err: ErrMissingField}
		}
		return 0, &FieldError{Pkg: "session", Path: path, Problem: fmt.Sprintf("%q is not a facilitator of this session", id), Err: group.ErrUnknownFacilitator}
	}
	return i, nil
}

// presentParty checks that p names someone known and present (or the
// whole group, when allowed). It returns a member's roster index, a
// facilitator's index, or -1 for the whole group.
func (s *Session) presentParty(path string, p Party, groupOK bool) (int, error) {
	switch p.Kind {
	case PartyMember:
		if p.ID != "" {
			i, err := s.member(path, group.MemberID(p.ID))
			if err != nil {
				return -1, err
			}
			if !s.members[i].present {
				return -1, &FieldError{Pkg: "session", Path: path, Problem: "member " + p.ID + " is not present", Err: ErrNotPresent}
			}
			return i, nil
		}
	case PartyFacilitator:
		if p.ID != "" {
			i, err := s.facilitator(path, group.FacilitatorID(p.ID))
			if err != nil {
				return -1, err
			}
			if !s.facs[i] {
				return -1, &FieldError{Pkg: "session", Path: path, Problem: "facilitator " + p.ID + " is not present", Err: ErrNotPresent}
			}
			return i, nil
		}
	case PartyGroup:
		if groupOK && p.ID == "" {
			return -1, nil
		}
	}
	if p.IsZero() {
		return -1, &FieldError{Pkg: "session", Path: path, Problem: "must be set", Err: ErrMissingField}
	}
	return -1, &FieldError{Pkg: "session", Path: path, Problem: "not a valid party here: " + p.String()}
}

func (s *Session) checkStart(st Start) error {
	fe := problems()
	if len(st.Facilitators) == 0 {
		fe.Add("start.facilitators", "at least one facilitator must be present", ErrMissingField)
	}
	seenF := make(map[group.FacilitatorID]bool, len(st.Facilitators))
	for i, id := range st.Facilitators {
		path := fmt.Sprintf("start.facilitators[%d]", i)
		if _, err := s.facilitator(path, id); err != nil {
			fe.Append(err)
		} else if seenF[id] {
			fe.Add(path, fmt.Sprintf("%q listed twice", id), ErrAlreadyPresent)
		}
		seenF[id] = true
	}
	seenM := make(map[group.MemberID]bool, len(st.Members))
	for i, id := range st.Members {
		path := fmt.Sprintf("start.members[%d]", i)
		j, err := s.member(path, id)
		switch {
		case err != nil:
			fe.Append(err)
		case seenM[id]:
			fe.Add(path, fmt.Sprintf("%q listed twice", id), ErrAlreadyPresent)
		case st.Recording && !s.spec.Roster[j].RecordingConsent:
			fe.Add(path, fmt.Sprintf("%q has not consented to recording", id), ErrNoRecordingConsent)
		}
		seenM[id] = true
	}
	return fe.Err()
}

func (s *Session) checkTurn(t *Turn, r *resolved) error {
	var ok1, ok2 bool
	r.speaker, ok1 = s.present(t.Speaker)
	r.addressee, ok2 = s.present(t.Addressee)
	if !ok1 || !ok2 || t.Speaker.Kind == PartyGroup {
		// The slow path names what is wrong.
		var err error
		if r.speaker, err = s.presentParty("turn.speaker", t.Speaker, false); err != nil {
			return err
		}
		if r.addressee, err = s.presentParty("turn.addressee", t.Addressee, true); err != nil {
			return err
		}
	}
	if t.Speaker.Kind == t.Addressee.Kind && r.speaker == r.addressee { // the same person
		return &FieldError{Pkg: "session", Path: "turn.addressee", Problem: "a speaker does not address themselves"}
	}
	if t.Duration < 0 {
		return &FieldError{Pkg: "session", Path: "turn.duration", Problem: "must not be negative"}
	}
	if t.Act > NumActs {
		return &FieldError{Pkg: "session", Path: "turn.act", Problem: "unknown act " + t.Act.String(), Err: ErrUnknownValue}
	}
	if !t.Tags.IsValid() {
		return &FieldError{Pkg: "session", Path: "turn.tags", Problem: "undefined tag bits", Err: ErrUnknownValue}
	}
	return nil
}

// present is the fast path of presentParty: the index of a present member
// or facilitator, or -1 for the whole group, and false for anything that
// presentParty would reject or that it must look at more closely.
func (s *Session) present(p Party) (int, bool) {
	switch p.Kind {
	case PartyMember:
		i, ok := s.memberIdx.Held(p.ID) // inlined; the roster's own strings
		if !ok {
			i, ok = s.memberIdx.Lookup(p.ID)
		}
		return i, ok && s.members[i].present
	case PartyFacilitator:
		i, ok := s.facIdx.Held(p.ID)
		if !ok {
			i, ok = s.facIdx.Lookup(p.ID)
		}
		return i, ok && s.facs[i]
	}
	return -1, p.Kind == PartyGroup && p.ID == ""
}

func (s *Session) checkIntervention(iv *Intervention) error {
	i, err := s.facilitator("intervention.facilitator", iv.Facilitator)
	if err != nil {
		return err
	}
	if !s.facs[i] {
		return &FieldError{Pkg: "session", Path: "intervention.facilitator", Problem: "facilitator is not present", Err: ErrNotPresent}
	}
	switch {
	case iv.Skill != 0 && iv.Step != 0:
		return &FieldError{Pkg: "session", Path: "intervention", Problem: "set a skill or a safety step, not both"}
	case iv.Skill == 0 && iv.Step == 0:
		return &FieldError{Pkg: "session", Path: "intervention.skill", Problem: "a skill or a safety step must be set", Err: ErrMissingField}
	case iv.Skill != 0 && !iv.Skill.IsValid():
		return &FieldError{Pkg: "session", Path: "intervention.skill", Problem: "unknown skill " + iv.Skill.String(), Err: ErrUnknownValue}
	case iv.Step != 0 && !iv.Step.IsValid():
		return &FieldError{Pkg: "session", Path: "intervention.step", Problem: "unknown safety step " + iv.Step.String(), Err: ErrUnknownValue}
	}
	if !iv.Target.IsZero() {
		_, err := s.presentParty("intervention.target", iv.Target, true)
		return err
	}
	return nil
}

func (s *Session) checkIncident(t EventType, in Incident) error {
	fe := problems()
	if t == EventIncidentRaised {
		if want := len(s.incidents) + 1; in.ID != want {
			fe.Add("incident.id", fmt.Sprintf("must be %d, the next incident number", want), nil)
		}
		if !in.Kind.IsValid() {
			fe.Add("incident.kind", "must be a specified incident kind", ErrUnknownValue)
		}
		if in.Member != "" {
			if _, err := s.member("incident.member", in.Member); err != nil {
				fe.Append(err)
			}
		}
		if in.Action != "" {
			fe.Add("incident.action", "is set by the resolution, not when raising", nil)
		}
		return fe.Err()
	}
	if in.ID < 1 || in.ID > len(s.incidents) {
		return &FieldError{Pkg: "session", Path: "incident.id", Problem: fmt.Sprintf("no incident %d", in.ID), Err: ErrUnknownIncident}
	}
	if s.incidents[in.ID-1].Resolved {
		return ErrIncidentResolved
	}
	if strings.TrimSpace(in.Action) == "" {
		fe.Add("incident.action", "a resolution documents the action taken", ErrMissingField)
	}
	if in.Kind != 0 || in.Member != "" {
		fe.Add("incident", "a resolution carries only id, action and text", nil)
	}
	return fe.Err()
}

func (s *Session) checkNote(t EventType, n *Note) error {
	if _, err := s.facilitator("note.author", n.Author); err != nil {
		return err
	}
	existing := n.ID >= 1 && n.ID <= len(s.notes)
	switch t {
	case EventNoteSigned, EventNoteAmended:
		if !existing {
			return &FieldError{Pkg: "session", Path: "note.id", Problem: fmt.Sprintf("no note %d", n.ID), Err: ErrUnknownNote}
		}
		r := &s.notes[n.ID-1]
		if t == EventNoteSigned {
			if r.Signed {
				return ErrNoteSigned
			}
			if n.Kind != 0 || n.Member != "" || n.Text != "" || n.Theme != "" || n.Process != "" ||
				n.GoalProgress != "" || len(n.Interventions) != 0 {
				return &FieldError{Pkg: "session", Path: "note", Problem: "a signature carries only id and author"}
			}
			return nil
		}
		if !r.Signed {
			return ErrNoteNotSigned
		}
		if strings.TrimSpace(n.Text) == "" {
			return &FieldError{Pkg: "session", Path: "note.text", Problem: "an addendum needs text", Err: ErrMissingField}
		}
		if n.Kind != 0 || n.Member != "" || n.Theme != "" || n.Process != "" || n.GoalProgress != "" || len(n.Interventions) != 0 {
			return &FieldError{Pkg: "session", Path: "note", Problem: "an addendum carries only id, author and text"}
		}
		return nil
	}

	fe := problems()
	if !n.Kind.IsValid() {
		fe.Add("note.kind", "must be group or progress", ErrUnknownValue)
	}
	for i, sk := range n.Interventions {
		if !sk.IsValid() {
			fe.Add(fmt.Sprintf("note.interventions[%d]", i), "unknown skill "+sk.String(), ErrUnknownValue)
		}
	}
	switch n.Kind {
	case NoteGroup:
		if n.Member != "" {
			fe.Add("note.member", "a group note concerns no single member", nil)
		}
		if n.GoalProgress != "" {
			fe.Add("note.goalProgress", "goal progress belongs in progress notes", nil)
		}
	case NoteProgress:
		if !s.spec.Profile.ClinicalRecords {
			fe.Add("note.kind", "the "+s.spec.Profile.Name+" profile keeps no clinical records", ErrNoClinicalRecords)
		}
		if i, err := s.member("note.member", n.Member); err != nil {
			fe.Append(err)
		} else if !s.members[i].attended {
			fe.Add("note.member", fmt.Sprintf("%q did not attend; absent members get no progress note", n.Member), ErrAbsentMember)
		}
		if n.Theme != "" || n.Process != "" || len(n.Interventions) != 0 {
			fe.Add("note", "theme, interventions and process belong in the group note", nil)
		}
	}
	if err := fe.Err(); err != nil {
		return err
	}
	switch {
	case existing:
		r := &s.notes[n.ID-1]
		if r.Signed {
			return ErrNoteSigned
		}
		if r.Note.Kind != n.Kind || r.Note.Member != n.Member {
			return &FieldError{Pkg: "session", Path: "note", Problem: "a revision keeps the draft's kind and member"}
		}
	case n.ID == len(s.notes)+1:
		for _, r := range s.notes {
			if r.Note.Kind == n.Kind && r.Note.Member == n.Member {
				return &FieldError{Pkg: "session", Path: "note.id", Problem: fmt.Sprintf("note %d already covers this; revise or amend it", r.Note.ID), Err: ErrDuplicateNote}
			}
		}
	default:
		return &FieldError{Pkg: "session", Path: "note.id", Problem: fmt.Sprintf("must be an existing draft or %d, the next note number", len(s.notes)+1)}
	}
	return nil
}

// apply folds a checked event into the state. It is the only code that
// changes a session after New.
func (s *Session) apply(e *Event, r *resolved) {
	s.last, s.lastUnix, s.lastTurn = e.At, unixNano(e.At), false
	switch e.Type {
	case EventStarted:
		s.phase = PhaseRunning
		s.startedAt = e.At
		s.recording = e.Start.Recording
		for _, id := range e.Start.Facilitators {
			s.facs[s.facilitatorIndex(id)] = true
		}
		for _, id := range e.Start.Members {
			m := &s.members[s.memberIndex(id)]
			m.atStart = true
			s.arrive(m, e.At)
		}
	case EventSegmentBegan:
		s.closeSegment(e.At)
		u := SegmentUsage{Kind: e.Segment, AgendaIndex: -1, Began: e.At}
		for j := s.nextAgenda; j < len(s.spec.Agenda.Segments); j++ {
			if seg := s.spec.Agenda.Segments[j]; seg.Kind == e.Segment {
				u.AgendaIndex, u.Title, u.Planned = j, seg.Title, seg.Planned
				s.nextAgenda = j + 1
				break
			}
		}
		s.segments = append(s.segments, u)
	case EventArrived:
		s.arrive(&s.members[s.memberIndex(e.Member)], e.At)
	case EventDeparted:
		m := &s.members[s.memberIndex(e.Member)]
		m.present = false
		m.lastLeft = e.At
		m.presentFor += e.At.Sub(m.since)
	case EventTurn:
		s.applyTurn(&e.Turn, r)
	case EventIntervention:
		iv := &e.Intervention
		s.skillsUsed[iv.Skill]++
		if id, ok := iv.Target.Member(); ok {
			s.members[s.memberIndex(id)].p.Interventions++
		}
	case EventIncidentRaised:
		s.incidents = append(s.incidents, IncidentRecord{Incident: e.Incident, RaisedAt: e.At})
	case EventIncidentResolved:
		r := &s.incidents[e.Incident.ID-1]
		r.Resolved, r.ResolvedAt, r.Action, r.Resolution = true, e.At, e.Incident.Action, e.Incident.Text
	case EventNoteWritten:
		if e.Note.ID <= len(s.notes) {
			s.notes[e.Note.ID-1].Note = e.Note
			s.notes[e.Note.ID-1].WrittenAt = e.At
		} else {
			s.notes = append(s.notes, NoteRecord{Note: e.Note, WrittenAt: e.At})
		}
	case EventNoteSigned:
		r := &s.notes[e.Note.ID-1]
		r.Signed, r.SignedBy, r.SignedAt = true, e.Note.Author, e.At
	case EventNoteAmended:
		r := &s.notes[e.Note.ID-1]
		r.Addenda = append(r.Addenda, Addendum{At: e.At, Author: e.Note.Author, Text: e.Note.Text})
	case EventEnded:
		if s.phase == PhaseScheduled {
			s.phase = PhaseCancelled
			s.endedAt = e.At
			return
		}
		s.phase = PhaseEnded
		s.endedAt = e.At
		s.closeSegment(e.At)
		for i := range s.members {
			if m := &s.members[i]; m.present {
				m.presentFor += e.At.Sub(m.since)
			}
		}
	}
}

func (s *Session) arrive(m *memberState, at time.Time) {
	if !m.attended {
		m.firstArrival = at
	}
	m.present, m.attended, m.since = true, true, at
}

// closeSegment records the length of the running segment.
func (s *Session) closeSegment(at time.Time) {
	if n := len(s.segments); n > 0 {
		u := &s.segments[n-1]
		u.Used = at.Sub(u.Began)
	}
}

// applyTurn updates the participation of the members in the turn t, whose
// parties resolve to r.
func (s *Session) applyTurn(t *Turn, r *resolved) {
	if t.Speaker.Kind == PartyMember {
		p := &s.members[r.speaker].p
		p.Turns++
		p.Talk += t.Duration
		p.Acts[t.Act]++
	}
	if t.Addressee.Kind == PartyMember {
		s.members[r.addressee].p.Addressed++
	}
}

package session

import (
	"fmt"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/lookup"
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
// its events. Every event, from a command (Start, Arrive, Speak, End,
// WriteNote, ...) or from an app, goes through Apply, which checks it
// against the current state and is the only thing that changes the state. A
// rejected event leaves the state untouched. Replay rebuilds a session from
// its log.
//
// A Session is not safe for concurrent use: an app that shares one between
// goroutines guards it with a sync.Mutex (see the example). The zero value is
// not usable; create sessions with New or Replay.
type Session struct {
	Commands // the commands, each one event through Apply

	spec     Spec
	findings []group.Finding // the agenda's, from New

	log  log   // every event applied, in order
	work Event // the event being checked, see checked

	// passed is the last event Check accepted, with its people resolved,
	// while passedOK: nothing has been applied since, so Apply of the
	// same event need not check it again (a Room checks each event before
	// its monitor sees it, then applies it). Only events without pointer
	// payloads are kept, so that nothing the app still holds can change
	// one between its check and its apply.
	passed   Event
	passedR  resolved
	passedOK bool

	members   []memberState
	facs      []bool       // present, by Spec.Facilitators index
	memberIdx lookup.Table // roster ID -> index into Spec.Roster
	facIdx    lookup.Table // facilitator ID -> index into Spec.Facilitators

	phase      Phase
	startedAt  time.Time
	endedAt    time.Time
	last       time.Time // the time of the last event applied
	lastUnix   int64     // last in Unix nanoseconds, when lastUnixOK
	lastUnixOK bool
	recording  bool

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
	s.Commands = Commands{s: s, apply: s.Apply}
	ms := make([]group.MemberID, len(s.spec.Roster))
	for i, p := range s.spec.Roster {
		ms[i] = p.ID
	}
	fs := make([]group.FacilitatorID, len(s.spec.Facilitators))
	for i, f := range s.spec.Facilitators {
		fs[i] = f.ID
	}
	s.memberIdx, s.facIdx = lookup.New(ms), lookup.New(fs)
	s.log.small = len(ms) <= maxIndex+1 && len(fs) <= maxIndex+1
	return s, nil
}

// Replay builds a session from spec and applies the log in order. A log of
// another session (its Session set and not spec.ID) is refused with
// ErrSequence; a log the session rejects yields an *EventError whose Index
// names the offending event.
func Replay(spec Spec, l Log) (*Session, error) {
	s, err := New(spec)
	if err != nil {
		return nil, err
	}
	if l.Session != "" && l.Session != spec.ID {
		return nil, &FieldError{Pkg: "session", Path: "session", Problem: "log of session " + strconv.Quote(l.Session) + ", not " + strconv.Quote(spec.ID), Err: ErrSequence}
	}
	for _, e := range l.Events {
		if err := s.Apply(e); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Apply validates e against the current state and, if it is allowed, folds
// it into the state and appends it to the log with its sequence number. A
// rejected event is an *EventError (Index is the position e would have had)
// and leaves the state untouched.
//
// The rules: the event is one the log can hold (a known type, only the
// payload the type names, valid UTF-8, a year within 0-9999), and its Seq
// is 0 or the next number; times never go backwards; nothing but the start
// (or a cancelling end) before the start; nothing but notes after the end;
// people must be on the roster or among the facilitators; turns,
// departures and interventions involve people present; a member cannot
// arrive twice; a recorded session needs every present member's recording
// consent; the session cannot end with an unresolved risk incident; signed
// notes change only by addenda.
//
// Times are read by the wall clock alone: a monotonic clock reading (which
// time.Now adds) is dropped, as the log drops it, so that a session
// replayed from its log is the session that was recorded live. A turn costs
// no allocation beyond the log's growth.
func (s *Session) Apply(e Event) error {
	var r resolved
	if !s.passedOK || e != s.passed {
		if err := s.check(&e, &r); err != nil {
			return &EventError{Index: s.log.len(), Type: e.Type, Err: err}
		}
	} else {
		r = s.passedR // checked, and nothing applied since
	}
	s.passedOK = false
	e.Seq = s.log.len() + 1
	s.apply(&e, &r)
	s.store(&e, &r)
	return nil
}

// Check reports whether Apply would accept e now, with the error Apply
// would return, and changes nothing of the session's state. It remembers
// an accepted event without pointer payloads, so that Apply of that same
// event, next, need not check it again.
func (s *Session) Check(e Event) error {
	var r resolved
	in := e
	if err := s.check(&e, &r); err != nil {
		return &EventError{Index: s.log.len(), Type: e.Type, Err: err}
	}
	if in.Start == nil && in.Intervention == nil && in.Incident == nil && in.Note == nil {
		s.passed, s.passedR, s.passedOK = in, r, true
	}
	return nil
}

// encodable is the package's encodable, less the year (check reads it from
// the Unix time it needs anyway), for an event that may be the caller's
// own: the free text of the rare payloads that have any is
// checked on the session's copy (work), since the field table's functions,
// which the compiler cannot see through, would otherwise move the caller's
// event to the heap on every Apply.
func (s *Session) encodable(e *Event) error {
	if !e.Type.IsValid() {
		return &FieldError{Pkg: "session", Path: "type", Problem: "unknown event type " + e.Type.String(), Err: ErrUnknownValue}
	}
	if err := checkPayloads(e); err != nil {
		return err
	}
	if p := payloadOf(e.Type); p != nil && len(p.texts) > 0 {
		s.work = *e
		if err := p.checkText(&s.work); err != nil {
			return err
		}
	}
	return nil
}

// memberAt returns the roster index of a member known to be on it.
func (s *Session) memberAt(id group.MemberID) int {
	i, _ := s.memberIdx.Find(string(id))
	return i
}

// facilitatorAt returns the index of a facilitator known to the session.
func (s *Session) facilitatorAt(id group.FacilitatorID) int {
	i, _ := s.facIdx.Find(string(id))
	return i
}

// resolved carries the indexes check looked up for a turn, so apply and
// store do not look them up again: a member's roster index or a
// facilitator's index, by the party's kind; -1 for the whole group.
type resolved struct {
	speaker, addressee int
	unix               int64 // the event's time in Unix nanoseconds, when unixOK
	unixOK             bool
}

// check validates e against the current state without changing it.
func (s *Session) check(e *Event, r *resolved) error {
	if err := s.encodable(e); err != nil {
		return err
	}
	if e.Seq != 0 && e.Seq != s.log.len()+1 {
		return &FieldError{Pkg: "session", Path: "seq", Problem: "seq " + strconv.Itoa(e.Seq) + ", want " + strconv.Itoa(s.log.len()+1), Err: ErrSequence}
	}
	if e.At.IsZero() {
		return &FieldError{Pkg: "session", Path: "at", Problem: "must be set"}
	}
	r.unix, r.unixOK = unixNano(e.At)
	if !r.unixOK { // years 1678 to 2262 are in range
		if err := checkYear(e); err != nil {
			return err
		}
	}
	if s.log.len() > 0 && s.before(e.At, r) {
		return group.ErrTimeOrder
	}
	if err := s.checkPhase(e.Type); err != nil {
		return err
	}
	switch e.Type {
	case EventStarted:
		return s.checkStart(*e.Start)
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
		return s.checkIntervention(e.Intervention)
	case EventIncidentRaised, EventIncidentResolved:
		return s.checkIncident(e.Type, *e.Incident)
	case EventNoteWritten, EventNoteSigned, EventNoteAmended:
		return s.checkNote(e.Type, e.Note)
	case EventEnded:
		return s.checkEnd()
	}
	return nil
}

// before reports whether at, resolved to r, is before the last event's
// time: by Unix nanoseconds when both have them, the common case.
func (s *Session) before(at time.Time, r *resolved) bool {
	if r.unixOK && s.lastUnixOK {
		return r.unix < s.lastUnix
	}
	return at.Before(s.lastTime())
}

// lastTime returns the time of the last event applied, without a monotonic
// reading: from its Unix nanoseconds when it had them (a turn's time is
// kept so alone), else as kept.
func (s *Session) lastTime() time.Time {
	if s.lastUnixOK {
		return time.Unix(0, s.lastUnix)
	}
	return s.last
}

// checkPhase enforces the life of a session: nothing but the start (or a
// cancelling end) before the start, no second start, notes only after the
// end.
func (s *Session) checkPhase(t EventType) error {
	isNote := t == EventNoteWritten || t == EventNoteSigned || t == EventNoteAmended
	switch s.phase {
	case PhaseScheduled:
		if t != EventStarted && t != EventEnded {
			if isNote {
				return ErrNotEnded
			}
			return ErrNotStarted
		}
	case PhaseRunning:
		if t == EventStarted {
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
	return nil
}

// checkEnd refuses to end a running session while a risk incident has no
// documented resolution.
func (s *Session) checkEnd() error {
	if s.phase != PhaseRunning {
		return nil
	}
	fe := problems()
	for _, r := range s.incidents {
		if r.Kind.IsRisk() && !r.Resolved {
			fe.Add(fmt.Sprintf("incidents[%d]", r.ID), r.Kind.String()+" incident is unresolved", ErrUnresolvedRisk)
		}
	}
	return fe.Err()
}

// apply folds a checked event into the state. It is the only code that
// changes a session after New.
func (s *Session) apply(e *Event, r *resolved) {
	s.lastUnix, s.lastUnixOK = r.unix, r.unixOK
	if e.Type == EventTurn && r.unixOK {
		// The hot path: a turn's time is kept as Unix nanoseconds alone
		// (see lastTime), and only in its record.
		s.applyTurn(&e.Turn, r)
		return
	}
	e.At = e.At.Round(0) // no monotonic reading: the state and the log keep wall times
	s.last = e.At
	switch e.Type {
	case EventStarted:
		s.phase = PhaseRunning
		s.startedAt = e.At
		s.recording = e.Start.Recording
		for _, id := range e.Start.Facilitators {
			s.facs[s.facilitatorAt(id)] = true
		}
		for _, id := range e.Start.Members {
			m := &s.members[s.memberAt(id)]
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
		s.arrive(&s.members[s.memberAt(e.Member)], e.At)
	case EventDeparted:
		m := &s.members[s.memberAt(e.Member)]
		m.present = false
		m.lastLeft = e.At
		m.presentFor += e.At.Sub(m.since)
	case EventTurn:
		s.applyTurn(&e.Turn, r)
	case EventIntervention:
		iv := e.Intervention
		s.skillsUsed[iv.Skill]++
		if id, ok := iv.Target.Member(); ok {
			s.members[s.memberAt(id)].p.Interventions++
		}
	case EventIncidentRaised:
		s.incidents = append(s.incidents, IncidentRecord{Incident: *e.Incident, RaisedAt: e.At})
	case EventIncidentResolved:
		r := &s.incidents[e.Incident.ID-1]
		r.Resolved, r.ResolvedAt, r.Action, r.Resolution = true, e.At, e.Incident.Action, e.Incident.Text
	case EventNoteWritten:
		n := *e.Note
		if n.ID <= len(s.notes) {
			s.notes[n.ID-1].Note = n
			s.notes[n.ID-1].WrittenAt = e.At
		} else {
			s.notes = append(s.notes, NoteRecord{Note: n, WrittenAt: e.At})
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

package advice

import (
	"errors"
	"slices"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/lookup"
	"github.com/groupwork/groupwork/session"
)

// MonitorSpec configures a Monitor. It round-trips through encoding/json,
// but for the Detect functions of the app's own situations.
type MonitorSpec struct {
	// Members and Facilitators are the people the session may see, as for
	// dynamics.NewTracker.
	Members      []group.MemberID      `json:"members"`
	Facilitators []group.FacilitatorID `json:"facilitators"`
	// Modality is the group's modality; the rules follow it.
	Modality group.Modality `json:"modality"`
	// Session is the session's number in its program (session.Spec.Number),
	// 0 when not known. When Advise is given no stage, a group's first two
	// sessions are read as its forming stage (Tuckman 1965; Yalom & Leszcz
	// 2005, ch. 11, the orientation stage), as the stage estimate reads
	// them.
	Session int `json:"session,omitempty"`
	// Talk holds the app's own rows of what segments expect of members'
	// talk, after session.BuiltinTalk's; the monitor reads the session by
	// the table resolved for its modality (see session.TalkTable).
	Talk session.TalkTable `json:"talk,omitempty"`
	// Leaders are the facilitators' records, with their credentials: who
	// is present among them decides the variant of a safety protocol
	// (group.LeadershipOf). A facilitator missing here counts as holding no
	// licence, so with none given the peer-led variant runs. Each must be
	// one of Facilitators (group.ErrUnknownFacilitator).
	Leaders []group.Facilitator `json:"leaders,omitempty"`
	// Leadership, when specified, overrides who leads for every safety
	// protocol of the session.
	Leadership group.Leadership `json:"leadership,omitzero"`
	// Safety is the book of safety protocols, with the app's local steps
	// and its jurisdiction, built once with safety.NewBook and shared by
	// every monitor; nil means safety.DefaultBook(): the built-in
	// protocols with no jurisdiction.
	Safety *safety.Book `json:"-"`
	// NextSession is when the group meets again, when known: follow-up
	// tasks due at the next session fall due then.
	NextSession time.Time `json:"nextSession,omitzero"`
	// Config holds the detector thresholds; the zero Config means DefaultConfig().
	Config Config `json:"config"`
	// Situations are the app's own situations, with their detectors, after
	// the built-in ones.
	Situations Definitions `json:"situations,omitempty"`
	// Rules are the app's own rules, added after the built-in ones.
	Rules []Rule `json:"rules,omitempty"`
}

// turnRef is one remembered turn, in 8 bytes: its sequence number, the
// other party (the addressee in a speaker's ring, the speaker in an
// addressee's; -1 for the whole group), its act and tags, and whether it
// soothed another member's tension right away (band-aiding).
type turnRef struct {
	seq   int32
	other int8 // a tracker follows at most dynamics.MaxMembers+MaxFacilitators people
	code  uint8
	tags  session.Tags
}

// bandAidBit marks a band-aiding turn in turnRef.code; the rest is the act.
const bandAidBit = 1 << 7

func (t turnRef) act() session.Act { return session.Act(t.code &^ bandAidBit) }

func (t turnRef) bandAid() bool { return t.code&bandAidBit != 0 }

// turnRing keeps a person's last few turns, said or heard.
type turnRing struct {
	buf  [16]turnRef
	n    uint8 // turns held, at most len(buf)
	next uint8 // slot the next turn goes in
}

func (r *turnRing) add(t turnRef) {
	r.buf[r.next] = t
	r.next = (r.next + 1) % uint8(len(r.buf))
	r.n = min(r.n+1, uint8(len(r.buf)))
}

// seqs returns the sequence numbers of the held turns that keep says to,
// oldest first.
func (r *turnRing) seqs(keep func(turnRef) bool) []int {
	var out []int
	for k := range int(r.n) {
		t := r.buf[(int(r.next)-int(r.n)+k+len(r.buf))%len(r.buf)]
		if keep(t) {
			out = append(out, int(t.seq))
		}
	}
	return out
}

// incidentRef is an incident the monitor has seen raised.
type incidentRef struct {
	session.Incident
	seq      int // sequence number of the raise
	at       time.Time
	open     bool // not yet resolved
	reported bool // included in an Advise call
}

// Monitor watches one session for a facilitator: it feeds the session's
// events to a dynamics.Tracker, runs the detectors of its situations on the
// live metrics, adds the situations raised by incidents and by risk answers
// to a measure given in the session, and asks an Advisor what to do.
// Recommendations fire once per episode (see Advisor.Advise), cite the
// evidence with the sequence numbers of the events that show it, and safety
// always comes first.
//
// Feed the monitor every event of the session, in order; a Room does it
// for an app. The zero value is not usable; call NewMonitor. A Monitor is
// not safe for concurrent use.
type Monitor struct {
	tracker  *dynamics.Tracker
	detector Detector
	advisor  *Advisor
	modality group.Modality
	session  int
	safe     safetyState

	memberIdx, facIx lookup.Table // member and facilitator indexes (facilitators after the members in said and heard)
	nm               int          // members
	seq              int          // the last event's sequence number
	said             []turnRing   // turns each person took
	heard            []turnRing   // turns aimed at each person
	incs             []incidentRef

	// episodes holds, by detection key, what the monitor remembers of each
	// situation between checks (see episode); check numbers the checks, and
	// reset holds the indexes of the people intervened with since the last
	// check (-1: the whole group).
	episodes map[string]episode
	check    uint32
	reset    []int
	held     []string // keys of open episodes of members away at the last check
}

// NewMonitor returns a monitor for one session. Problems with the people,
// the thresholds, the situations or the rules are reported together.
func NewMonitor(spec MonitorSpec) (*Monitor, error) {
	cfg := spec.Config
	if cfg == (Config{}) {
		cfg = DefaultConfig()
	}
	t, errT := dynamics.NewTracker(spec.Members, spec.Facilitators)
	defs, errS := table(spec.Situations)
	errC := cfg.Validate()
	plan, errP := talkPlan(spec.Modality, spec.Talk)
	if errP == nil && errT == nil {
		errP = t.SetTalkPlan(plan)
	}
	errF := checkSafety(spec, defs, errS)
	forRules := defs
	if errS != nil || len(spec.Situations) == 0 {
		forRules = nil // the built-in table, shared; with errS, so that the rules are checked too
	}
	a, errA := NewAdvisor(forRules, spec.Rules...)
	d := Detector{cfg: cfg, defs: defs}
	var errM error
	if !spec.Modality.IsValid() {
		errM = &FieldError{Pkg: "advice", Path: "modality", Problem: "unspecified or malformed modality", Err: ErrInvalidConfig}
	}
	if !spec.Modality.IsValid() {
		errP = nil // reported as the modality's problem
	}
	if spec.Session < 0 {
		errM = errors.Join(errM, &FieldError{Pkg: "advice", Path: "session", Problem: "session numbers start at 1 (0: not known)", Err: ErrInvalidConfig})
	}
	if err := errors.Join(errT, errC, errS, errA, errM, errP, errF); err != nil {
		return nil, err
	}
	m := &Monitor{
		tracker: t, detector: d, advisor: a, modality: spec.Modality, session: spec.Session, safe: newSafetyState(spec),
		memberIdx: lookup.New(spec.Members), facIx: lookup.New(spec.Facilitators),
		nm:       len(spec.Members),
		episodes: map[string]episode{},
	}
	m.said = make([]turnRing, len(spec.Members)+len(spec.Facilitators))
	m.heard = make([]turnRing, len(spec.Members)+len(spec.Facilitators))
	return m, nil
}

// Tracker returns the monitor's tracker, for snapshots and pictures. Feed
// events through the monitor (or its Room), not the tracker directly.
func (m *Monitor) Tracker() *dynamics.Tracker { return m.tracker }

// Definitions returns the monitor's situations: the built-in ones, then
// the app's own.
func (m *Monitor) Definitions() Definitions { return m.detector.Definitions() }

// Observe feeds one event. The tracker validates it; a rejected event
// changes nothing (see dynamics.Tracker.Observe). An event without a
// sequence number (Seq 0) is numbered after the last one.
func (m *Monitor) Observe(e session.Event) error {
	if err := m.tracker.Observe(e); err != nil {
		return err
	}
	if e.Seq == 0 {
		e.Seq = m.seq + 1
	}
	m.seq = e.Seq
	seq := int32(e.Seq)
	switch e.Type {
	case session.EventTurn:
		sp, _ := m.index(e.Turn.Speaker)
		ad, ok := m.index(e.Turn.Addressee)
		if !ok {
			ad = -1
		}
		ref := turnRef{seq: seq, other: int8(ad), code: uint8(e.Turn.Act), tags: e.Turn.Tags}
		if prev, ok := m.tracker.PreviousTurn(); ok && e.Turn.Act.IsPositive() && prev.Turn.Act == session.ActShowsTension &&
			prev.Turn.Speaker.Kind == session.PartyMember && e.Turn.Speaker.Kind == session.PartyMember && prev.Turn.Speaker != e.Turn.Speaker {
			ref.code |= bandAidBit
		}
		m.said[sp].add(ref)
		if ad >= 0 {
			ref.other = int8(sp)
			m.heard[ad].add(ref)
		}
	case session.EventIntervention:
		if p, ok := m.index(e.Intervention.Target); ok {
			m.reset = append(m.reset, p)
		} else if e.Intervention.Target.Kind == session.PartyGroup {
			m.reset = append(m.reset, -1)
		}
	case session.EventIncidentRaised:
		m.incs = append(m.incs, incidentRef{Incident: *e.Incident, seq: e.Seq, at: e.At, open: true})
	case session.EventIncidentResolved:
		for k := range m.incs {
			if m.incs[k].ID == e.Incident.ID {
				m.incs[k].open = false
			}
		}
	}
	return nil
}

// Detect returns what the session shows at time at: the detectors'
// findings on a snapshot, settled against what the monitor remembers (each
// call is a check: a measure fires past its threshold by Config.Margin or
// held past it for Config.Hold, and clears with hysteresis), plus the
// situations raised by incidents and risk answers, each with the sequence
// numbers of the events behind it.
func (m *Monitor) Detect(at time.Time) []Detection {
	snap := m.tracker.SnapshotAt(at)
	return m.detect(&snap)
}

func (m *Monitor) detect(snap *dynamics.Snapshot) []Detection {
	out := m.settle(m.detector.candidates(snap), snap)
	for k := range out {
		m.cite(&out[k])
	}
	for k := range m.incs {
		in := &m.incs[k]
		if !in.open && in.reported {
			continue
		}
		s, ok := m.raisedBy(in.Kind)
		if !ok {
			continue
		}
		d := Detection{Situation: s, Confidence: 1, At: in.at, Evidence: []Evidence{{
			Metric: "incident-" + in.Kind.String(), Value: 1, Threshold: 1, Events: []int{in.seq}, Note: in.Text, Incident: in.Kind,
		}}}
		if in.Member != "" {
			d.Members = []group.MemberID{in.Member}
		}
		out = append(out, d)
	}
	out = m.appendFlags(out)
	m.detector.sortDetections(out)
	// One detection per episode: an incident and a risk flag about the same
	// member are one risk, with both pieces of evidence, dated by the first.
	merged := out[:0]
	for _, d := range out {
		if n := len(merged); n > 0 && merged[n-1].Situation == d.Situation &&
			slices.Equal(merged[n-1].Members, d.Members) && slices.Equal(merged[n-1].Facilitators, d.Facilitators) {
			merged[n-1].Evidence = append(merged[n-1].Evidence, d.Evidence...)
			merged[n-1].Confidence = max(merged[n-1].Confidence, d.Confidence)
			if prev := &merged[n-1].At; prev.IsZero() || !d.At.IsZero() && d.At.Before(*prev) {
				*prev = d.At
			}
			continue
		}
		merged = append(merged, d)
	}
	return merged
}

// index returns the index of party p in said and heard: members first,
// then facilitators; false for the whole group or someone not followed.
func (m *Monitor) index(p session.Party) (int, bool) {
	switch p.Kind {
	case session.PartyMember:
		return m.memberIdx.Find(p.ID)
	case session.PartyFacilitator:
		i, ok := m.facIx.Find(p.ID)
		return m.nm + i, ok
	}
	return 0, false
}

// raisedBy returns the situation an incident of kind k raises: the first
// in the table that lists it.
func (m *Monitor) raisedBy(k session.IncidentKind) (Situation, bool) {
	for i := range m.detector.defs {
		if slices.Contains(m.detector.defs[i].Incidents, k) {
			return m.detector.defs[i].Situation, true
		}
	}
	return "", false
}

// definition returns the row of s in the monitor's table.
func (m *Monitor) definition(s Situation) *Definition {
	for i := range m.detector.defs {
		if m.detector.defs[i].Situation == s {
			return &m.detector.defs[i]
		}
	}
	return nil
}

// cite adds to a detection's first piece of evidence the sequence numbers
// of the recent events that show it, as its definition's Shows says: the
// acts the detector counted, not merely the people's latest turns.
func (m *Monitor) cite(d *Detection) {
	def := m.definition(d.Situation)
	if len(d.Evidence) == 0 || def == nil || def.Shows.None {
		return
	}
	sh := def.Shows
	var who []int
	if sh.Heard && len(d.Facilitators) > 0 {
		// What is aimed at a facilitator (a challenge to the leader).
		for _, id := range d.Facilitators {
			i, _ := m.index(session.FacilitatorParty(id))
			who = append(who, i)
		}
	} else {
		for _, id := range d.Members {
			i, _ := m.index(session.MemberParty(id))
			who = append(who, i)
		}
	}
	var seqs []int
	for _, p := range who {
		ring := &m.said[p]
		if sh.Heard {
			ring = &m.heard[p]
		}
		seqs = append(seqs, ring.seqs(func(t turnRef) bool { return m.shows(sh, t, who) })...)
	}
	slices.Sort(seqs)
	d.Evidence[0].Events = slices.Compact(seqs)
}

// shows reports whether turn t shows a situation whose Shows is sh and
// whose people are who.
func (m *Monitor) shows(sh Shows, t turnRef, who []int) bool {
	if sh.Between && !slices.Contains(who, int(t.other)) {
		return false
	}
	if sh.Party != 0 && m.kindOf(int(t.other)) != sh.Party {
		return false
	}
	if sh.BandAid {
		return t.bandAid()
	}
	switch {
	case sh.Acts == 0 && sh.Tags == 0:
		return true
	case sh.Acts != 0 && sh.Acts.Has(t.act()):
		return true
	}
	return sh.Tags&t.tags != 0
}

// kindOf returns the kind of person index i: a member, a facilitator, or
// the whole group (-1).
func (m *Monitor) kindOf(i int) session.PartyKind {
	switch {
	case i < 0:
		return session.PartyGroup
	case i < m.nm:
		return session.PartyMember
	}
	return session.PartyFacilitator
}

// Advise returns the recommendations that fire at time at, ranked, given the
// group's current stage (stage.Unspecified when unknown: the first two
// sessions of a program are then read as forming, see MonitorSpec.Session).
// The context comes from the session itself: who leads is derived from the
// facilitators present and their credentials (group.LeadershipOf), unless
// the spec overrides it. The tasks of the safety protocols that fire are
// kept (see Monitor.Tasks).
func (m *Monitor) Advise(at time.Time, st stage.Stage) []Recommendation {
	if !st.IsValid() && m.session >= 1 && m.session <= 2 {
		st = stage.Forming
	}
	snap := m.tracker.SnapshotAt(at)
	dets := m.detect(&snap)
	for k := range m.incs {
		m.incs[k].reported = true
	}
	ctx := Context{Modality: m.modality, Stage: st, Leadership: m.leadership(&snap), At: at,
		NextSession: m.safe.next, Safety: m.safe.book}
	recs := m.advisor.advise(ctx, dets, m.held)
	m.keepTasks(recs)
	return recs
}

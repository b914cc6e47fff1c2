package dynamics

import (
	"errors"
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// MonitorSpec configures a Monitor.
type MonitorSpec struct {
	// Members and Facilitators are the people the session may see, as for NewTracker.
	Members      []group.MemberID      `json:"members"`
	Facilitators []group.FacilitatorID `json:"facilitators"`
	// Modality is the group's base modality; the rules follow it.
	Modality group.Modality `json:"modality"`
	// PeerLed says no clinician leads the group: safety situations are handed
	// to a professional rather than assessed in the group.
	PeerLed bool `json:"peerLed,omitempty"`
	// Config holds the detector thresholds; the zero Config means DefaultConfig().
	Config Config `json:"config"`
	// Rules are the app's own rules, added after the built-in ones.
	Rules []Rule `json:"rules,omitempty"`
}

// refs remembers the event indices of a person's last few relevant events.
type refs struct {
	idx [8]int32
	n   int
}

func (r *refs) add(i int) {
	copy(r.idx[1:], r.idx[:len(r.idx)-1])
	r.idx[0] = int32(i)
	r.n = min(r.n+1, len(r.idx))
}

// list returns the remembered indices, oldest first.
func (r *refs) list() []int {
	out := make([]int, r.n)
	for i := range r.n {
		out[r.n-1-i] = int(r.idx[i])
	}
	return out
}

// incidentRef is an incident the monitor has seen raised.
type incidentRef struct {
	session.Incident
	index    int  // event index of the raise
	open     bool // not yet resolved
	reported bool // included in an Advise call
}

// Monitor watches one session for a facilitator: it feeds the session's
// events to a Tracker, runs the detectors on the live metrics, adds the
// safety signals (risk incidents, threats, confidentiality breaches, PHQ-9
// item-9 answers given in the session), and asks an Advisor what to do.
// Recommendations fire once per episode (see Advisor.Advise), cite the
// evidence with the indices of the events that show it, and safety always
// comes first.
//
// Feed the monitor every event of the session's log, in order, so that its
// event indices match the log's. The zero value is not usable; call
// NewMonitor. A Monitor is not safe for concurrent use.
type Monitor struct {
	tracker  *Tracker
	detector Detector
	advisor  *Advisor
	modality group.Modality
	peerLed  bool

	events int                   // events accepted: the next event's index
	people map[session.Party]int // dense index for refs
	turns  []refs                // per person: their recent turns
	negAt  []refs                // per person: recent negative acts aimed at them
	incs   []incidentRef
	phq9   []measure.PHQ9Score // by member index; SelfHarmRisk marks a flag
	flagAt []int               // by member index: event count when flagged, -1 if not
}

// NewMonitor returns a monitor for one session. Problems with the people,
// the thresholds or the rules are reported together.
func NewMonitor(spec MonitorSpec) (*Monitor, error) {
	cfg := spec.Config
	if cfg == (Config{}) {
		cfg = DefaultConfig()
	}
	t, errT := NewTracker(spec.Members, spec.Facilitators)
	d, errD := NewDetector(cfg)
	a, errA := NewAdvisor(spec.Rules...)
	var errM error
	if !spec.Modality.IsValid() {
		errM = &FieldError{Path: "modality", Problem: "unspecified or unknown modality", Err: ErrInvalidConfig}
	}
	if err := errors.Join(errT, errD, errA, errM); err != nil {
		return nil, err
	}
	m := &Monitor{
		tracker: t, detector: d, advisor: a, modality: spec.Modality, peerLed: spec.PeerLed,
		people: map[session.Party]int{},
	}
	for _, id := range spec.Members {
		m.people[session.MemberParty(id)] = len(m.people)
	}
	for _, id := range spec.Facilitators {
		m.people[session.FacilitatorParty(id)] = len(m.people)
	}
	m.turns = make([]refs, len(m.people))
	m.negAt = make([]refs, len(m.people))
	m.phq9 = make([]measure.PHQ9Score, len(spec.Members))
	m.flagAt = make([]int, len(spec.Members))
	for i := range m.flagAt {
		m.flagAt[i] = -1
	}
	return m, nil
}

// Tracker returns the monitor's tracker, for snapshots and pictures. Feed
// events through the monitor, not the tracker directly.
func (m *Monitor) Tracker() *Tracker { return m.tracker }

// Observe feeds one event. The tracker validates it; a rejected event
// changes nothing (see Tracker.Observe) and does not count toward the
// event indices.
func (m *Monitor) Observe(e session.Event) error {
	if err := m.tracker.Observe(e); err != nil {
		return err
	}
	i := m.events
	m.events++
	switch e.Type {
	case session.EventTurn:
		if p, ok := m.people[e.Turn.Speaker]; ok {
			m.turns[p].add(i)
		}
		if e.Turn.Act.IsNegative() {
			if p, ok := m.people[e.Turn.Addressee]; ok {
				m.negAt[p].add(i)
			}
		}
	case session.EventIncidentRaised:
		m.incs = append(m.incs, incidentRef{Incident: e.Incident, index: i, open: true})
	case session.EventIncidentResolved:
		for k := range m.incs {
			if m.incs[k].ID == e.Incident.ID {
				m.incs[k].open = false
			}
		}
	}
	return nil
}

// FlagPHQ9 records a PHQ-9 a member completed during the session. An
// item-9 answer above 0 raises the risk protocol whatever the total
// (Kroenke, Spitzer & Williams 2001; DOMAIN.md section 6: same-day
// clinician review); a later form without the flag does not lower it for
// this session. A member the monitor does not follow is a *FieldError
// wrapping ErrUnknownPerson.
func (m *Monitor) FlagPHQ9(member group.MemberID, score measure.PHQ9Score) error {
	p, ok := m.people[session.MemberParty(member)]
	if !ok {
		return &FieldError{Path: "member", Problem: "not a member of this session: " + string(member), Err: ErrUnknownPerson}
	}
	if score.SelfHarmRisk && m.flagAt[p] < 0 {
		m.phq9[p] = score
		m.flagAt[p] = m.events
	}
	return nil
}

// Detect returns what the session shows at time at: the detectors'
// findings on a snapshot, plus the safety signals, each with the indices of
// the events behind it.
func (m *Monitor) Detect(at time.Time) []Detection {
	snap := m.tracker.SnapshotAt(at)
	return m.detect(&snap)
}

func (m *Monitor) detect(snap *Snapshot) []Detection {
	out := m.detector.Detect(snap)
	for k := range out {
		m.cite(&out[k])
	}
	for k := range m.incs {
		in := &m.incs[k]
		if !in.open && in.reported {
			continue
		}
		s := incidentSituation(in.Kind)
		if s == SituationUnspecified {
			continue
		}
		d := Detection{Situation: s, Confidence: 1, Evidence: []Evidence{{
			Metric: "incident-" + in.Kind.String(), Value: 1, Threshold: 1, Events: []int{in.index}, Note: in.Text,
		}}}
		if in.Member != "" {
			d.Members = []group.MemberID{in.Member}
		}
		out = append(out, d)
	}
	for id, p := range m.people {
		if id.Kind != session.PartyMember || m.flagAt[p] < 0 {
			continue
		}
		out = append(out, Detection{
			Situation: SituationRiskDisclosure, Members: []group.MemberID{group.MemberID(id.ID)}, Confidence: 1,
			Evidence: []Evidence{{Metric: "phq9-item9", Value: float64(m.phq9[p].Item9), Threshold: 1,
				Note: "PHQ-9 item 9 above 0 calls for same-day clinician review whatever the total"}},
		})
	}
	slices.SortStableFunc(out, func(a, b Detection) int {
		if a.Situation != b.Situation {
			return int(a.Situation) - int(b.Situation)
		}
		return slices.Compare(a.Members, b.Members)
	})
	// One detection per episode: an incident and a PHQ-9 flag about the same
	// member are one risk, with both pieces of evidence.
	merged := out[:0]
	for _, d := range out {
		if n := len(merged); n > 0 && merged[n-1].Situation == d.Situation &&
			slices.Equal(merged[n-1].Members, d.Members) && slices.Equal(merged[n-1].Facilitators, d.Facilitators) {
			merged[n-1].Evidence = append(merged[n-1].Evidence, d.Evidence...)
			merged[n-1].Confidence = max(merged[n-1].Confidence, d.Confidence)
			continue
		}
		merged = append(merged, d)
	}
	return merged
}

// incidentSituation maps an incident to the situation it raises. Medical
// emergencies and intoxication follow the clinic's own protocols and raise
// none here.
func incidentSituation(k session.IncidentKind) Situation {
	switch k {
	case session.IncidentRiskToSelf, session.IncidentRiskToOthers, session.IncidentAbuseDisclosure:
		return SituationRiskDisclosure
	case session.IncidentThreatOrAggression:
		return SituationThreatOrAggression
	case session.IncidentConfidentialityBreach:
		return SituationConfidentialityBreach
	}
	return SituationUnspecified
}

// cite adds the indices of the events behind a detection to its first
// piece of evidence: the negative acts aimed at the target of a group
// pattern, or the member's own recent turns.
func (m *Monitor) cite(d *Detection) {
	if len(d.Evidence) == 0 {
		return
	}
	var idx []int
	switch d.Situation {
	case SituationSilence:
		return // silence shows in what is missing
	case SituationScapegoating, SituationMemberConflict:
		for _, id := range d.Members {
			idx = append(idx, m.negAt[m.people[session.MemberParty(id)]].list()...)
		}
	case SituationLeaderChallenge:
		for _, id := range d.Facilitators {
			idx = append(idx, m.negAt[m.people[session.FacilitatorParty(id)]].list()...)
		}
	default:
		for _, id := range d.Members {
			idx = append(idx, m.turns[m.people[session.MemberParty(id)]].list()...)
		}
	}
	slices.Sort(idx)
	d.Evidence[0].Events = slices.Compact(idx)
}

// Advise returns the recommendations that fire at time at, ranked, given the
// group's current stage (StageUnspecified when unknown). The context comes
// from the session itself: a group with two facilitators present is co-led.
func (m *Monitor) Advise(at time.Time, stage Stage) []Recommendation {
	snap := m.tracker.SnapshotAt(at)
	dets := m.detect(&snap)
	for k := range m.incs {
		m.incs[k].reported = true
	}
	present := 0
	for _, f := range snap.Facilitators {
		if f.Present {
			present++
		}
	}
	ctx := Context{Modality: m.modality, Stage: stage, CoLed: present >= 2, PeerLed: m.peerLed}
	return m.advisor.Advise(ctx, dets)
}

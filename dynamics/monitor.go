package dynamics

import (
	"errors"
	"slices"
	"strconv"
	"strings"
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

// turnRef is one remembered turn: its index in the event log, the other
// party (the addressee in a speaker's ring, the speaker in an addressee's;
// -1 for the whole group), its act and tags, and whether it soothed another
// member's tension right away (band-aiding).
type turnRef struct {
	index   int32
	other   int16
	act     session.Act
	tags    session.Tags
	bandAid bool
}

// turnRing keeps a person's last few turns, said or heard.
type turnRing struct {
	buf  [16]turnRef
	n    int // turns held, at most len(buf)
	next int // slot the next turn goes in
}

func (r *turnRing) add(t turnRef) {
	r.buf[r.next] = t
	r.next = (r.next + 1) % len(r.buf)
	r.n = min(r.n+1, len(r.buf))
}

// indices returns the indices of the held turns that keep says to, oldest first.
func (r *turnRing) indices(keep func(turnRef) bool) []int {
	var out []int
	for k := range r.n {
		t := r.buf[(r.next-r.n+k+len(r.buf))%len(r.buf)]
		if keep(t) {
			out = append(out, int(t.index))
		}
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

	events int        // events accepted: the next event's index
	said   []turnRing // by the tracker's dense index: turns each person took
	heard  []turnRing // by dense index: turns aimed at each person
	incs   []incidentRef
	phq9   []measure.PHQ9Score // by member index; SelfHarmRisk marks a flag
	flagAt []int               // by member index: event count when flagged, -1 if not

	// Count-based situations (hostility, questioning, conflict...) rest on
	// counts that only grow within a session. After an intervention aimed at
	// someone involved, the episode restarts from the count it had then:
	// baseline holds that count by episode key, and reset the dense indexes
	// of the people intervened with since the last check (-1: the whole group).
	baseline map[string]float64
	reset    []int
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
		errM = &FieldError{Pkg: "dynamics", Path: "modality", Problem: "unspecified or unknown modality", Err: ErrInvalidConfig}
	}
	if err := errors.Join(errT, errD, errA, errM); err != nil {
		return nil, err
	}
	m := &Monitor{
		tracker: t, detector: d, advisor: a, modality: spec.Modality, peerLed: spec.PeerLed,
		said:     make([]turnRing, t.ix.speakers()),
		heard:    make([]turnRing, t.ix.speakers()),
		phq9:     make([]measure.PHQ9Score, len(spec.Members)),
		flagAt:   make([]int, len(spec.Members)),
		baseline: map[string]float64{},
	}
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
func (m *Monitor) Observe(e *session.Event) error {
	if err := m.tracker.Observe(e); err != nil {
		return err
	}
	i := m.events
	m.events++
	ix := &m.tracker.ix
	switch e.Type {
	case session.EventTurn:
		sp, _ := ix.index(e.Turn.Speaker)
		ad, ok := ix.index(e.Turn.Addressee)
		if !ok || ad >= ix.speakers() {
			ad = -1
		}
		ref := turnRef{index: int32(i), other: int16(ad), act: e.Turn.Act, tags: e.Turn.Tags}
		if prev, ok := m.tracker.PreviousTurn(); ok && e.Turn.Act.IsPositive() && prev.Turn.Act == session.ActShowsTension &&
			prev.Turn.Speaker.Kind == session.PartyMember && e.Turn.Speaker.Kind == session.PartyMember && prev.Turn.Speaker != e.Turn.Speaker {
			ref.bandAid = true
		}
		m.said[sp].add(ref)
		if ad >= 0 {
			ref.other = int16(sp)
			m.heard[ad].add(ref)
		}
	case session.EventIntervention:
		if p, ok := ix.index(e.Intervention.Target); ok && p < ix.speakers() {
			m.reset = append(m.reset, p)
		} else if e.Intervention.Target.Kind == session.PartyGroup {
			m.reset = append(m.reset, -1)
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
	p, ok := m.tracker.ix.index(session.MemberParty(member))
	if !ok {
		return &FieldError{Pkg: "dynamics", Path: "member", Problem: "not a member of this session: " + string(member), Err: ErrUnknownPerson}
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
	out := m.restart(m.detector.Detect(snap))
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
	for p, at := range m.flagAt {
		if at < 0 {
			continue
		}
		out = append(out, Detection{
			Situation: SituationRiskDisclosure, Members: []group.MemberID{m.tracker.ix.members[p]}, Confidence: 1,
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

// countBased reports whether a situation rests on counts that only grow in
// a session, so that it restarts after an intervention.
func countBased(s Situation) bool {
	switch s {
	case SituationMonopolizing, SituationSilence, SituationDependency, SituationSubgrouping:
		return false // shares and communities move both ways by themselves
	}
	return !s.IsSafety() && s != SituationConfidentialityBreach && s != SituationIntoxication
}

// restart applies the interventions seen since the last check: a
// count-based episode that involves someone intervened with (or any, after
// an intervention aimed at the whole group) starts again from its count at
// this check, and stays closed until the count has grown by its threshold
// again. The detection then reports the growth since then. Apps that advise
// after every event (as a live app does) restart from the count at the
// intervention itself.
func (m *Monitor) restart(ds []Detection) []Detection {
	kept := ds[:0]
	for _, d := range ds {
		if !countBased(d.Situation) || len(d.Evidence) == 0 {
			kept = append(kept, d)
			continue
		}
		k := d.key()
		if m.involves(d) {
			m.baseline[k] = d.Evidence[0].Value
		}
		base, ok := m.baseline[k]
		if !ok {
			kept = append(kept, d)
			continue
		}
		ev := &d.Evidence[0]
		if grown := ev.Value - base; grown < ev.Threshold {
			continue // closed since the intervention
		} else {
			ev.Note = strings.TrimSpace(ev.Note + " " + strconv.FormatFloat(grown, 'f', -1, 64) + " since the last intervention")
			ev.Value = grown
		}
		kept = append(kept, d)
	}
	m.reset = m.reset[:0]
	return kept
}

// involves reports whether an intervention since the last check was aimed
// at someone the detection involves, or at the whole group.
func (m *Monitor) involves(d Detection) bool {
	for _, p := range m.reset {
		if p < 0 {
			return true
		}
		for _, id := range d.Members {
			if q, ok := m.tracker.ix.index(session.MemberParty(id)); ok && q == p {
				return true
			}
		}
		for _, id := range d.Facilitators {
			if q, ok := m.tracker.ix.index(session.FacilitatorParty(id)); ok && q == p {
				return true
			}
		}
	}
	return false
}

// incidentSituation maps an incident to the situation it raises.
func incidentSituation(k session.IncidentKind) Situation {
	switch k {
	case session.IncidentRiskToSelf, session.IncidentRiskToOthers, session.IncidentAbuseDisclosure:
		return SituationRiskDisclosure
	case session.IncidentThreatOrAggression:
		return SituationThreatOrAggression
	case session.IncidentConfidentialityBreach:
		return SituationConfidentialityBreach
	case session.IncidentIntoxication:
		return SituationIntoxication
	case session.IncidentMedical:
		return SituationMedicalEmergency
	}
	return SituationUnspecified
}

// cite adds to a detection's first piece of evidence the indices of the
// recent events that show it: the acts the detector counted, not merely the
// people's latest turns.
func (m *Monitor) cite(d *Detection) {
	if len(d.Evidence) == 0 || d.Situation == SituationSilence {
		return // silence shows in what is missing
	}
	ix := &m.tracker.ix
	dense := func(id group.MemberID) int { i, _ := ix.index(session.MemberParty(id)); return i }
	member := func(i int16) bool { return i >= 0 && int(i) < len(ix.members) }
	var idx []int
	said := func(id group.MemberID, keep func(turnRef) bool) {
		idx = append(idx, m.said[dense(id)].indices(keep)...)
	}
	switch d.Situation {
	case SituationScapegoating:
		for _, id := range d.Members {
			idx = append(idx, m.heard[dense(id)].indices(func(t turnRef) bool { return member(t.other) && t.act.IsNegative() })...)
		}
	case SituationLeaderChallenge:
		for _, f := range d.Facilitators {
			i, _ := ix.index(session.FacilitatorParty(f))
			idx = append(idx, m.heard[i].indices(func(t turnRef) bool { return member(t.other) && opposingActs.Has(t.act) })...)
		}
	case SituationMemberConflict:
		if len(d.Members) == 2 {
			a, b := dense(d.Members[0]), dense(d.Members[1])
			idx = append(idx, m.said[a].indices(func(t turnRef) bool { return int(t.other) == b && opposingActs.Has(t.act) })...)
			idx = append(idx, m.said[b].indices(func(t turnRef) bool { return int(t.other) == a && opposingActs.Has(t.act) })...)
		}
	case SituationSubgrouping:
		for _, id := range d.Members {
			said(id, func(t turnRef) bool { return t.tags.Has(session.TagSideConversation) })
		}
	default:
		keep := citeFilter(d.Situation, member, len(ix.members))
		for _, id := range d.Members {
			said(id, keep)
		}
	}
	slices.Sort(idx)
	d.Evidence[0].Events = slices.Compact(idx)
}

// citeFilter says which of a member's own turns show a behaviour.
func citeFilter(s Situation, member func(int16) bool, members int) func(turnRef) bool {
	switch s {
	case SituationQuestioning:
		return func(t turnRef) bool { return member(t.other) && t.act.IsQuestion() }
	case SituationAdviceGiving:
		return func(t turnRef) bool {
			return member(t.other) && (t.act == session.ActGivesSuggestion || t.tags.Has(session.TagAdvice))
		}
	case SituationBandAiding:
		return func(t turnRef) bool { return t.bandAid }
	case SituationHostility:
		return func(t turnRef) bool { return t.act == session.ActShowsAntagonism }
	case SituationDependency:
		return func(t turnRef) bool { return int(t.other) >= members && !opposingActs.Has(t.act) }
	case SituationStorytelling:
		return func(t turnRef) bool {
			return t.tags.Has(session.TagThereAndThen) || t.tags.Has(session.TagAboutAbsent)
		}
	case SituationIntellectualizing:
		return func(t turnRef) bool { return t.tags.Has(session.TagAbstract) }
	case SituationEmotionality:
		return func(t turnRef) bool { return t.tags.Has(session.TagIntenseAffect) }
	}
	return func(turnRef) bool { return true } // monopolizing: the member's turns
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

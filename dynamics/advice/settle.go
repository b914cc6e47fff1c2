package advice

import (
	"strconv"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// How a Monitor settles on what its detectors report, check after check:
// what it remembers of each episode, when a report stands, and the talk
// plan it reads the session by.

// episode is what a monitor remembers of one situation with its people.
// A measure that moves both ways (a share, a silence) fires when it passes
// its threshold by the margin, or stays past it from pastSince for the hold;
// it stays open until it falls the margin short. A count-based situation
// (hostility, questioning, conflict...) rests on counts that only grow in a
// session: after an intervention aimed at someone involved, its episode
// restarts from the count it had then (base).
type episode struct {
	pastSince time.Duration // the first of the checks in a row that found the measure past its threshold (if past)
	base      float64       // the count to restart from (if based)
	seen      uint32        // the last check that reported it
	past      bool          // pastSince is set
	open      bool          // fired, not yet cleared
	based     bool          // base is set
}

// builtinPlans holds session.BuiltinTalk resolved for each built-in
// modality, built once when the package is loaded and never written: a
// monitor without rows of its own reads its plan here rather than resolving
// the table again.
var builtinPlans = func() map[group.Modality]session.TalkPlan {
	plans := map[group.Modality]session.TalkPlan{}
	for _, m := range group.Modalities() {
		if p, err := session.BuiltinTalk().Plan(m); err == nil {
			plans[m] = p
		}
	}
	return plans
}()

// talkPlan returns what each segment kind expects of members' talk in
// modality m: session.BuiltinTalk's rows, then the app's own.
func talkPlan(m group.Modality, own session.TalkTable) (session.TalkPlan, error) {
	if p, ok := builtinPlans[m]; ok && len(own) == 0 {
		return p, nil
	}
	return append(session.BuiltinTalk(), own...).Plan(m)
}

// settle decides, with what it remembers of each episode, which of the
// detectors' reports stand at this check, a check at elapsed session time
// at:
//
//   - a count-based situation stands once its count reaches its threshold.
//     After an intervention aimed at someone involved (or at the whole
//     group) since the last check, its episode starts again from the count
//     at this check and stays closed until the count has grown by its
//     threshold again; the detection then reports the growth. Apps that
//     advise after every event (as a live app does) restart from the count
//     at the intervention itself.
//   - any other situation fires when its deciding measure passes the
//     threshold by Config.Margin, or has been past it at every check for
//     Config.Hold; once open it stands until the measure falls Margin short
//     of the threshold.
//
// Episodes no report mentions at this check are closed and forgotten, but
// for a count-based situation's restart point, and for an open episode of a
// member who is away: it is not advised about while the member is out, and
// is not new when they return (see held).
func (m *Monitor) settle(ds []Detection, snap *dynamics.Snapshot) []Detection {
	m.check++
	at := snap.Elapsed
	cfg := m.detector.cfg
	kept := ds[:0]
	for _, d := range ds {
		if len(d.Evidence) == 0 {
			kept = append(kept, d)
			continue
		}
		def := m.definition(d.Situation)
		k := d.key()
		ep := m.episodes[k]
		ep.seen = m.check
		ev := &d.Evidence[0]
		stand := false
		switch {
		case def != nil && def.CountBased:
			if ev.Margin < 0 {
				break // short of its threshold
			}
			if m.involves(d) {
				ep.base, ep.based = ev.Value, true
			}
			if !ep.based {
				stand = true
				break
			}
			grown := ev.Value - ep.base
			if stand = grown >= ev.Threshold; stand {
				ev.Note = strings.TrimSpace(ev.Note + " " + strconv.FormatFloat(grown, 'f', -1, 64) + " since the last intervention")
				ev.Value = grown
				ev.Margin, _ = cfg.past(grown, ev.Threshold, false)
			}
		case ep.open:
			stand = ev.Margin >= -cfg.Margin
		case ev.Margin >= cfg.Margin:
			stand = true
		case ev.Margin >= 0:
			if !ep.past {
				ep.pastSince, ep.past = at, true
			}
			stand = at-ep.pastSince >= cfg.Hold
		}
		if ev.Margin < 0 {
			ep.past = false
		}
		ep.open = stand
		if ep.open || ep.based || ep.past {
			m.episodes[k] = ep // only what the next check needs is kept
		} else {
			delete(m.episodes, k)
		}
		if stand {
			kept = append(kept, d)
		}
	}
	m.held = m.held[:0]
	for k, ep := range m.episodes {
		switch {
		case ep.seen == m.check:
		case ep.open && away(k, snap):
			ep.past = false
			m.episodes[k] = ep
			m.held = append(m.held, k) // not advised about while away, and not new on return
		case ep.based:
			ep.open, ep.past = false, false
			m.episodes[k] = ep
		default:
			delete(m.episodes, k)
		}
	}
	m.reset = m.reset[:0]
	return kept
}

// away reports whether a member of the episode with key k is out of the
// room in snap.
func away(k string, snap *dynamics.Snapshot) bool {
	for _, part := range strings.Split(k, "\x00")[1:] {
		if id, ok := strings.CutPrefix(part, "m"); ok {
			if st, known := snap.Member(group.MemberID(id)); known && !st.Present {
				return true
			}
		}
	}
	return false
}

// involves reports whether an intervention since the last check was aimed
// at someone the detection involves, or at the whole group.
func (m *Monitor) involves(d Detection) bool {
	for _, p := range m.reset {
		if p < 0 {
			return true
		}
		for _, id := range d.Members {
			if q, ok := m.index(session.MemberParty(id)); ok && q == p {
				return true
			}
		}
		for _, id := range d.Facilitators {
			if q, ok := m.index(session.FacilitatorParty(id)); ok && q == p {
				return true
			}
		}
	}
	return false
}

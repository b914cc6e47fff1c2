package advice

import (
	"slices"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// safetyState is what a monitor needs for the safety protocols: the shared
// book (never copied), the facilitators' records, the override, the next
// session, and what it has seen, the risk flags and the follow-up tasks of
// the protocols that fired. It stays small: the flags and tasks exist only
// once something happened.
type safetyState struct {
	book     *safety.Book
	leaders  []group.Facilitator
	present  []group.Facilitator // scratch for leadership, reused
	override group.Leadership
	next     time.Time
	flags    []riskRef
	tasks    []safety.Task
}

// riskRef is a risk flag a member's form raised, and when.
type riskRef struct {
	member    group.MemberID
	situation Situation
	at        time.Time
	flag      measure.RiskFlag
}

// riskSituations maps the reading of a form's risk items to the situation
// it raises: a positive answer about self-harm, or about harming others,
// runs that protocol; an unanswered risk item is unknown risk, which needs
// review, never "no risk".
var riskSituations = []struct {
	status    measure.RiskStatus
	kind      measure.RiskKind // 0: any
	situation Situation
}{
	{measure.RiskRaised, measure.RiskToSelf, SituationRiskToSelf},
	{measure.RiskRaised, measure.RiskToOthers, SituationRiskToOthers},
	{measure.RiskUnknown, 0, SituationRiskUnknown},
}

func newSafetyState(spec MonitorSpec) safetyState {
	s := safetyState{book: spec.Safety, override: spec.Leadership, next: spec.NextSession}
	if s.book == nil {
		s.book = safety.DefaultBook()
	}
	for _, f := range spec.Leaders {
		s.leaders = append(s.leaders, f.Clone())
	}
	s.present = make([]group.Facilitator, 0, len(spec.Facilitators))
	return s
}

// checkSafety reports the problems with a spec's safety settings: a leader
// the monitor does not follow, an unknown leadership, a safety situation
// whose protocol the book lacks (checked when the situations themselves
// are valid, errS nil).
func checkSafety(spec MonitorSpec, defs Definitions, errS error) error {
	f := problems()
	for i, l := range spec.Leaders {
		if !slices.Contains(spec.Facilitators, l.ID) {
			f.Add(idx("leaders", i)+".id", "not a facilitator of this session: "+string(l.ID), group.ErrUnknownFacilitator)
		}
	}
	if spec.Leadership != 0 && !spec.Leadership.IsValid() {
		f.Add("leadership", "unknown leadership", ErrInvalidConfig)
	}
	book := spec.Safety
	if book == nil {
		book = safety.DefaultBook()
	}
	if errS == nil {
		for i, d := range defs {
			if d.Class == ClassSafety && !book.Has(d.Protocol) {
				f.Add(idx("situations", i)+".protocol", "the safety book has no protocol "+string(d.Protocol), safety.ErrUnknownProtocol)
			}
		}
	}
	return f.Err()
}

// leadership returns who leads the room at the snapshot: the spec's
// override, or group.LeadershipOf the facilitators present with their
// credentials (one missing from the spec's Leaders counts as unlicensed).
// It allocates nothing.
func (m *Monitor) leadership(snap *dynamics.Snapshot) group.Leadership {
	if m.safe.override.IsValid() {
		return m.safe.override
	}
	present := m.safe.present[:0]
	for _, f := range snap.Facilitators {
		if !f.Present {
			continue
		}
		k := slices.IndexFunc(m.safe.leaders, func(l group.Facilitator) bool { return l.ID == f.ID })
		if k < 0 {
			present = append(present, group.Facilitator{ID: f.ID})
			continue
		}
		present = append(present, m.safe.leaders[k])
	}
	m.safe.present = present[:0]
	return group.LeadershipOf(present)
}

// FlagRisk records the reading of a scored form's risk items for a member,
// at the time the form was completed: flag is measure.Score's Risk, from
// any instrument with risk items (the PHQ-9's item 9, the C-SSRS screener,
// an app's own). A positive answer raises the protocol for its kind of risk
// whatever the total (risk to self, risk to others); an unanswered risk
// item is unknown risk, not no risk, and raises a same-day review. A clear
// form, or a form of an instrument without risk items, raises nothing and
// does not lower an earlier flag of the session. The first flag of a kind
// stands for the session; a positive answer replaces an unknown one.
//
// A member the monitor does not follow is a *FieldError wrapping
// group.ErrUnknownMember; a raised flag that says not whom it concerns, or
// an unknown status, is a *FieldError wrapping ErrInvalid. Flags are not
// session events: a room restored from its log is flagged again by the app.
func (m *Monitor) FlagRisk(at time.Time, member group.MemberID, flag measure.RiskFlag) error {
	if _, ok := m.index(session.MemberParty(member)); !ok {
		return &FieldError{Pkg: "advice", Path: "member", Problem: "not a member of this session: " + string(member), Err: group.ErrUnknownMember}
	}
	if flag.Status == measure.RiskUnspecified || flag.Status == measure.RiskClear {
		return nil
	}
	var s Situation
	for _, r := range riskSituations {
		if r.status == flag.Status && (r.kind == 0 || r.kind == flag.Kind) {
			s = r.situation
			break
		}
	}
	if s == "" {
		return &FieldError{Pkg: "advice", Path: "flag", Problem: "a risk flag raised or unknown, naming whom a raised one concerns", Err: ErrInvalid}
	}
	for _, f := range m.safe.flags {
		if f.member == member && (f.situation == s || s == SituationRiskUnknown) {
			return nil // the first reading stands, and a known risk needs no second review
		}
	}
	if s != SituationRiskUnknown {
		m.safe.flags = slices.DeleteFunc(m.safe.flags, func(f riskRef) bool {
			return f.member == member && f.situation == SituationRiskUnknown
		})
	}
	m.safe.flags = append(m.safe.flags, riskRef{member: member, situation: s, at: at, flag: flag})
	return nil
}

// appendFlags appends the detections of the risk flags to out.
func (m *Monitor) appendFlags(out []Detection) []Detection {
	for _, f := range m.safe.flags {
		ev := Evidence{Metric: "risk-item", Threshold: 1}
		item := string(f.flag.Instrument) + " item " + strconv.Itoa(f.flag.Item)
		if v, ok := f.flag.Answer.Value(); ok {
			ev.Value = v
			ev.Note = item + " answered " + strconv.Quote(f.flag.AnswerLabel) + ": a separate flag that no total can hide"
			if f.flag.Level != "" {
				ev.Note += "; level " + f.flag.Level
			}
		} else {
			ev.Note = item + " not answered: unknown risk, not no risk"
		}
		out = append(out, Detection{Situation: f.situation, Members: []group.MemberID{f.member}, Confidence: 1, At: f.at, Evidence: []Evidence{ev}})
	}
	return out
}

// keepTasks keeps the follow-up tasks of the safety protocols in recs.
func (m *Monitor) keepTasks(recs []Recommendation) {
	for i := range recs {
		if r := recs[i].Safety; r != nil {
			m.safe.tasks = append(m.safe.tasks, r.Tasks...)
		}
	}
}

// Tasks returns the follow-up tasks of the safety protocols that have
// fired in this session, by due time, for an app's work queue: each is
// requested; the app records what becomes of it.
func (m *Monitor) Tasks() []safety.Task {
	out := slices.Clone(m.safe.tasks)
	safety.SortTasks(out)
	return out
}

// Overdue returns the tasks of Tasks whose due time is before now.
func (m *Monitor) Overdue(now time.Time) []safety.Task { return safety.Overdue(m.safe.tasks, now) }

// Safety returns the book of safety protocols the monitor follows.
func (m *Monitor) Safety() *safety.Book { return m.safe.book }

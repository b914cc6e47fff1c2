package measure

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"time"
)

// Point is one scored administration on a trajectory.
type Point struct {
	At      time.Time `json:"at"`
	Session int       `json:"session,omitempty"`
	// Total is the total score; for an incomplete form, a lower bound.
	Total float64 `json:"total"`
	// Complete reports that Total is usable for change and means.
	Complete bool `json:"complete"`
	// Case reports that Total is at or beyond the instrument's caseness.
	Case bool `json:"case,omitempty"`
	// Risk is the form's risk flag (see RiskFlag).
	Risk RiskFlag `json:"risk,omitzero"`
}

// Trajectory is one member's dated administrations of one instrument, oldest
// first. Incomplete forms stay on it: they carry no usable total, but a
// risk flag read from them must not be lost. It is a plain value.
type Trajectory struct {
	Member     string     `json:"member"`
	Instrument Instrument `json:"instrument"`
	Points     []Point    `json:"points"`
}

// Trajectories scores admins with the definitions in cat and opts, and
// groups them by instrument and member, ordered by instrument (catalogue
// order), then member; each trajectory's points are ordered by time, then
// session number, then input order. Every problem is reported at once as a
// *FieldError naming the administration ("admins[3]"): invalid or
// unscorable forms, instruments cat does not define (ErrUnknownInstrument),
// and instruments without a total such as the GCQ-S (ErrNoTotal).
func Trajectories(cat *Catalog, opts Options, admins []Administration) ([]Trajectory, error) {
	type key struct {
		inst   Instrument
		member string
	}
	byKey := map[key][]Point{}
	var errs []error
	for k, a := range admins {
		if d, err := cat.definition(a.Instrument); err == nil && !d.HasTotal() {
			errs = append(errs, &FieldError{Pkg: "measure", Path: "admins[" + strconv.Itoa(k) + "]", Problem: "instrument has no total", Err: ErrNoTotal})
			continue
		}
		r, err := cat.Score(a, opts)
		if err != nil {
			errs = append(errs, &FieldError{Pkg: "measure", Path: "admins[" + strconv.Itoa(k) + "]", Problem: "cannot be scored", Err: err})
			continue
		}
		kk := key{a.Instrument, a.Member}
		byKey[kk] = append(byKey[kk], r.point())
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := make([]Trajectory, 0, len(byKey))
	for k, pts := range byKey {
		slices.SortStableFunc(pts, func(a, b Point) int {
			if c := a.At.Compare(b.At); c != 0 {
				return c
			}
			return cmp.Compare(a.Session, b.Session)
		})
		out = append(out, Trajectory{Member: k.member, Instrument: k.inst, Points: pts})
	}
	slices.SortFunc(out, func(a, b Trajectory) int {
		return cmp.Or(CompareInstruments(a.Instrument, b.Instrument), cmp.Compare(a.Member, b.Member))
	})
	return out, nil
}

// point returns r as a point on a trajectory.
func (r Result) point() Point {
	return Point{At: r.At, Session: r.Session, Total: r.Total, Complete: r.Complete, Case: r.Case, Risk: r.Risk}
}

// Baseline returns the first complete point, or false when there is none.
func (t Trajectory) Baseline() (Point, bool) {
	for _, p := range t.Points {
		if p.Complete {
			return p, true
		}
	}
	return Point{}, false
}

// Latest returns the last complete point, or false when there is none.
func (t Trajectory) Latest() (Point, bool) {
	for k := len(t.Points) - 1; k >= 0; k-- {
		if t.Points[k].Complete {
			return t.Points[k], true
		}
	}
	return Point{}, false
}

// CompletePoints counts the points with a usable total.
func (t Trajectory) CompletePoints() int {
	n := 0
	for _, p := range t.Points {
		if p.Complete {
			n++
		}
	}
	return n
}

// FirstRisk returns the first point, complete or not, with a risk flag
// raised, or false when none was.
func (t Trajectory) FirstRisk() (Point, bool) {
	for _, p := range t.Points {
		if p.Risk.Raised() {
			return p, true
		}
	}
	return Point{}, false
}

// OpenRisk reports whether the risk flag is still open: the most recent
// point on which the risk items were read (raised or clear) has it raised.
// A later form with a risk item unanswered neither opens nor closes it.
func (t Trajectory) OpenRisk() bool {
	for k := len(t.Points) - 1; k >= 0; k-- {
		if t.Points[k].Risk.Known() {
			return t.Points[k].Risk.Raised()
		}
	}
	return false
}

// Change classifies the change from Baseline to Latest under rule. Fewer
// than two complete points is ErrTooFewPoints.
func (t Trajectory) Change(rule ChangeRule) (Change, error) {
	if t.CompletePoints() < 2 {
		return Change{}, ErrTooFewPoints
	}
	b, _ := t.Baseline()
	l, _ := t.Latest()
	return rule.Classify(b.Total, l.Total)
}

// SessionMean is the mean total of the complete points given at one session.
type SessionMean struct {
	Session int     `json:"session"`
	Mean    float64 `json:"mean"`
	N       int     `json:"n"`
}

// GroupSummary describes a group's trajectories on one instrument.
type GroupSummary struct {
	Instrument Instrument `json:"instrument"`
	// Members counts the trajectories.
	Members int `json:"members"`
	// Sessions holds the mean per session number, in session order; points
	// given outside a session (Session 0) are left out.
	Sessions []SessionMean `json:"sessions"`
	// Eligible counts members with at least two complete points, the base
	// of the three shares below.
	Eligible int `json:"eligible"`
	// Improved counts reliable improvements (Jacobson-Truax recoveries
	// included), Deteriorated reliable deteriorations and Recovered
	// Jacobson-Truax recoveries (ChangeRecovered), among the eligible
	// members; GroupOutcomes gives the NHS Talking Therapies figures.
	Improved     int `json:"improved"`
	Deteriorated int `json:"deteriorated"`
	Recovered    int `json:"recovered"`
	// ImprovedShare, DeterioratedShare and RecoveredShare divide the counts
	// by Eligible; they are 0 when no member is eligible.
	ImprovedShare     float64 `json:"improved_share"`
	DeterioratedShare float64 `json:"deteriorated_share"`
	RecoveredShare    float64 `json:"recovered_share"`
	// OpenRisk lists, sorted, the members whose risk flag is open.
	OpenRisk []string `json:"open_risk"`
	// Rule is the change rule the shares were read with.
	Rule ChangeRule `json:"rule"`
}

// SummarizeGroup summarises trajectories of one instrument under rule.
// Trajectories of different instruments are an *InstrumentError; an invalid
// rule is reported as Validate reports it.
func SummarizeGroup(trs []Trajectory, rule ChangeRule) (GroupSummary, error) {
	if err := rule.Validate(); err != nil {
		return GroupSummary{}, err
	}
	g := GroupSummary{Members: len(trs), Rule: rule, OpenRisk: []string{}, Sessions: []SessionMean{}}
	if len(trs) > 0 {
		g.Instrument = trs[0].Instrument
	}
	sums := map[int]*SessionMean{}
	for _, t := range trs {
		if t.Instrument != g.Instrument {
			return GroupSummary{}, &InstrumentError{Got: t.Instrument, Want: g.Instrument}
		}
		for _, p := range t.Points {
			if !p.Complete || p.Session <= 0 {
				continue
			}
			m := sums[p.Session]
			if m == nil {
				m = &SessionMean{Session: p.Session}
				sums[p.Session] = m
			}
			m.Mean += p.Total
			m.N++
		}
		if t.OpenRisk() {
			g.OpenRisk = append(g.OpenRisk, t.Member)
		}
		c, err := t.Change(rule)
		if errors.Is(err, ErrTooFewPoints) {
			continue
		}
		if err != nil {
			return GroupSummary{}, err
		}
		g.Eligible++
		switch c.Category {
		case ChangeRecovered:
			g.Recovered++
			g.Improved++
		case ChangeImproved:
			g.Improved++
		case ChangeDeteriorated:
			g.Deteriorated++
		}
	}
	for _, m := range sums {
		m.Mean /= float64(m.N)
		g.Sessions = append(g.Sessions, *m)
	}
	slices.SortFunc(g.Sessions, func(a, b SessionMean) int { return cmp.Compare(a.Session, b.Session) })
	slices.Sort(g.OpenRisk)
	if g.Eligible > 0 {
		e := float64(g.Eligible)
		g.ImprovedShare = float64(g.Improved) / e
		g.DeterioratedShare = float64(g.Deteriorated) / e
		g.RecoveredShare = float64(g.Recovered) / e
	}
	return g, nil
}

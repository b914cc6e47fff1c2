package measure

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Publications and heuristics the session-by-session alerts rest on.
const (
	srcDeterioration = "Jacobson & Truax 1991, Clinical significance: a statistical approach to defining meaningful change in psychotherapy research, J Consult Clin Psychol 59:12-19 (reliable change), with the instrument's own reliable-change criterion; session-by-session feedback on deterioration after Lambert 2007, Psychother Res 17:1-14"
	srcNotOnTrack    = "heuristic, the library's own: no reliable improvement by a set number of sessions after the member's first score while still a case; Lambert 2007 (Psychother Res 17:1-14) shows the value of flagging members not on track, but his expected-recovery curves are not encoded here"
	srcAllianceCut   = "Duncan, Miller, Sparks, Claud, Reynolds, Brown & Johnson 2003, The Session Rating Scale, Journal of Brief Therapy 3:3-12: a rating at or below the cut-off calls for a conversation about the alliance"
	srcAllianceDrop  = "heuristic, the library's own: a rating this far below the member's own mean of earlier ratings calls for the same conversation"
	srcDropout       = "heuristic, the library's own: missed sessions together with a low alliance rating; both go with dropping out of group therapy (Yalom & Leszcz 2005, ch. 8)"
)

// AlertKind is the kind of session-by-session alert. The zero value,
// AlertUnspecified, is never raised.
type AlertKind uint8

// The alert kinds.
const (
	AlertUnspecified           AlertKind = iota // (unspecified)
	AlertReliableDeterioration                  // (reliable-deterioration) a reliable worsening since the member's first score
	AlertNotOnTrack                             // (not-on-track) no reliable improvement by the expected point while still a case
	AlertAllianceRupture                        // (alliance-rupture) a session rating at or below its cut-off, or well below the member's own mean
	AlertDropoutRisk                            // (dropout-risk) missed sessions together with a low rating
)

var alertKindText = enum.Table[AlertKind]{Pkg: "measure", Type: "AlertKind", Names: []string{
	"unspecified", "reliable-deterioration", "not-on-track", "alliance-rupture", "dropout-risk",
}}

// String returns the kind's text form.
func (k AlertKind) String() string { return alertKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k AlertKind) IsValid() bool { return alertKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k AlertKind) MarshalText() ([]byte, error) { return alertKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *AlertKind) UnmarshalText(b []byte) error { return alertKindText.Unmarshal(k, b) }

// ParseAlertKind returns the kind whose text form is s.
func ParseAlertKind(s string) (AlertKind, error) { return alertKindText.Parse(s) }

// AlertRules are the settings of session-by-session monitoring. Every
// number is a heuristic, the library's own, except where a field says
// otherwise, so all are settable. The zero value is invalid; start from
// DefaultAlertRules. AlertRules round-trip through JSON.
type AlertRules struct {
	// OnTrackBy is the number of sessions after the member's first score
	// (their own baseline, so a member who joined late is counted from
	// when they joined) by which a reliable improvement is expected; a
	// member still a case without one by then is not on track (default 6,
	// half of a 12-session program).
	OnTrackBy int `json:"on_track_by"`
	// AllianceDrop is how far, in total points, an alliance rating must
	// fall below the mean of the member's earlier ratings to count as a
	// rupture (default 2, a twentieth of the GSRS's range: with its cut-off
	// at 36, a larger drop would mostly be caught by the cut-off anyway). It
	// needs at least two earlier ratings.
	AllianceDrop float64 `json:"alliance_drop"`
	// DropoutWindow is how many of the member's most recent recorded
	// sessions are read for attendance, and DropoutMissed how many of them
	// missed, together with a low rating, raise a dropout risk (defaults
	// 3 and 2).
	DropoutWindow int `json:"dropout_window"`
	DropoutMissed int `json:"dropout_missed"`
}

// DefaultAlertRules returns the default settings: improvement expected
// within 6 sessions, an alliance drop of 2 points, 2 of the last 3 sessions
// missed.
func DefaultAlertRules() AlertRules {
	return AlertRules{OnTrackBy: 6, AllianceDrop: 2, DropoutWindow: 3, DropoutMissed: 2}
}

// Validate reports every problem with the rules at once.
func (r AlertRules) Validate() error {
	pr := problems()
	if r.OnTrackBy < 1 {
		pr.Add("on_track_by", "must be at least 1 session", nil)
	}
	if !isFinite(r.AllianceDrop) || r.AllianceDrop <= 0 {
		pr.Add("alliance_drop", "must be a finite number above 0", nil)
	}
	if r.DropoutWindow < 1 {
		pr.Add("dropout_window", "must be at least 1 session", nil)
	}
	if r.DropoutMissed < 1 || r.DropoutMissed > r.DropoutWindow {
		pr.Add("dropout_missed", "must be 1 up to dropout_window", nil)
	}
	return pr.Err()
}

// SessionAttendance is one session's attendance of one member: the session
// number and whether the member came. It is deliberately small, so that
// measure needs nothing from the packages that keep the full record.
type SessionAttendance struct {
	Session  int  `json:"session"`
	Attended bool `json:"attended"`
}

// Series is one member's record for monitoring: the member's
// administrations of any instruments, in any order, and their attendance.
type Series struct {
	Member          string              `json:"member"`
	Administrations []Administration    `json:"administrations"`
	Attendance      []SessionAttendance `json:"attendance,omitempty"`
}

// Alert is one session-by-session alert: what fired, on what evidence,
// under which rule and source, and the follow-up it calls for (as data an
// app turns into a task). Heuristic marks rules that are the library's own
// rather than a publication's.
type Alert struct {
	Kind       AlertKind  `json:"kind"`
	Member     string     `json:"member"`
	Instrument Instrument `json:"instrument,omitempty"`
	// Session and At are those of the form (or, for a dropout risk, the
	// last recorded session) that raised the alert.
	Session int       `json:"session,omitempty"`
	At      time.Time `json:"at,omitzero"`
	// Rule says in words what fired.
	Rule      string   `json:"rule"`
	Source    string   `json:"source"`
	Heuristic bool     `json:"heuristic"`
	Evidence  Evidence `json:"evidence"`
	FollowUp  FollowUp `json:"follow_up"`
}

// Evidence is what an alert rests on; fields that do not apply are zero.
type Evidence struct {
	// Baseline and Latest are the member's first and latest complete
	// totals (with their sessions); Change is Latest - Baseline.
	Baseline        float64 `json:"baseline,omitempty"`
	BaselineSession int     `json:"baseline_session,omitempty"`
	Latest          float64 `json:"latest,omitempty"`
	LatestSession   int     `json:"latest_session,omitempty"`
	Change          float64 `json:"change,omitempty"`
	// Threshold is the reliable change, cut-off or drop compared against.
	Threshold float64 `json:"threshold,omitempty"`
	// OwnMean is the mean of the member's earlier ratings.
	OwnMean float64 `json:"own_mean,omitempty"`
	// Sessions counts the sessions since the baseline.
	Sessions int `json:"sessions,omitempty"`
	// Missed of Recorded are the missed sessions among those read.
	Missed   int `json:"missed,omitempty"`
	Recorded int `json:"recorded,omitempty"`
}

// Alerts reads one member's series under the rules and returns the alerts
// it raises, ordered by session, then kind, then instrument:
//
//   - reliable deterioration: on an outcome measure with a reliable-change
//     criterion, the latest complete total is reliably worse than the
//     first (Jacobson & Truax 1991);
//   - not on track: OnTrackBy sessions or more after the first complete
//     total, no reliable improvement and the latest total still a case
//     (heuristic, the library's own; not raised beside a deterioration);
//   - alliance rupture: the latest alliance rating (the GSRS) at or below
//     its definition's cut-off, or AllianceDrop points below the mean of
//     at least two earlier ratings (the drop is a heuristic);
//   - dropout risk: DropoutMissed of the last DropoutWindow recorded
//     sessions missed, together with a latest alliance rating that is low
//     as above (heuristic).
//
// A member with one complete score, or none (every form blank), raises no
// change alert; a member who joined late is measured from their own first
// score. Risk items are not alerts here: every scored form carries its
// RiskFlag. Errors, all reported at once as *FieldErrors: invalid rules, an
// empty member, a form of another member or one that cannot be scored
// (ErrUnknownInstrument, ErrTooManyMissing...), attendance with a session
// below 1 or recorded twice.
func (r AlertRules) Alerts(cat *Catalog, opts Options, s Series) ([]Alert, error) {
	pr := problems()
	pr.AddAll("rules", r.Validate())
	if s.Member == "" {
		pr.Add("member", "empty member id", nil)
	}
	byInst := map[Instrument][]Result{}
	for k, a := range s.Administrations {
		if a.Member != s.Member {
			pr.Add("administrations["+strconv.Itoa(k)+"].member", "a form of "+strconv.Quote(a.Member)+" in the series of "+strconv.Quote(s.Member), nil)
			continue
		}
		res, err := cat.Score(a, opts)
		if err != nil {
			pr.AddAll("administrations["+strconv.Itoa(k)+"]", err)
			continue
		}
		byInst[a.Instrument] = append(byInst[a.Instrument], res)
	}
	att := checkAttendance(&pr, s.Attendance)
	if err := pr.Err(); err != nil {
		return nil, err
	}
	out := []Alert{}
	var low Alert // the latest alliance rating's rupture, for the dropout rule
	for inst, rs := range byInst {
		d, _ := cat.definition(inst) // scoring found it
		slices.SortStableFunc(rs, func(a, b Result) int {
			return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Session, b.Session))
		})
		switch d.Kind {
		case KindOutcome:
			out = append(out, r.changeAlerts(d, s.Member, rs)...)
		case KindAlliance:
			if a, ok := r.allianceAlert(d, s.Member, rs); ok {
				out = append(out, a)
				if low.Kind == AlertUnspecified || cmp.Or(a.At.Compare(low.At), CompareInstruments(low.Instrument, a.Instrument)) > 0 {
					low = a
				}
			}
		}
	}
	if low.Kind != AlertUnspecified {
		if a, ok := r.dropoutAlert(s.Member, att, low); ok {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b Alert) int {
		return cmp.Or(cmp.Compare(a.Session, b.Session), a.At.Compare(b.At), cmp.Compare(a.Kind, b.Kind),
			CompareInstruments(a.Instrument, b.Instrument))
	})
	return out, nil
}

// checkAttendance reports bad records and returns them sorted by session.
// It takes time n log n, so that a long record stays cheap.
func checkAttendance(pr *problemList, att []SessionAttendance) []SessionAttendance {
	order := make([]int, len(att)) // indexes into att, by session, then input order
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(att[i].Session, att[j].Session) })
	out := make([]SessionAttendance, len(att))
	for k, i := range order {
		out[k] = att[i]
		switch a := att[i]; {
		case a.Session < 1:
			pr.Add("attendance["+strconv.Itoa(i)+"].session", "sessions are numbered from 1", nil)
		case k > 0 && out[k-1].Session == a.Session:
			pr.Add("attendance["+strconv.Itoa(i)+"].session", "session "+strconv.Itoa(a.Session)+" is recorded twice", nil)
		}
	}
	return out
}

// completeResults returns the results with a usable total.
func completeResults(rs []Result) []Result {
	var out []Result
	for _, x := range rs {
		if x.Complete {
			out = append(out, x)
		}
	}
	return out
}

// changeAlerts reads an outcome measure's trajectory for deterioration and
// for not being on track.
func (r AlertRules) changeAlerts(d *Definition, member string, rs []Result) []Alert {
	rule, err := d.ChangeRule()
	cs := completeResults(rs)
	if err != nil || len(cs) < 2 {
		return nil // no published criterion, or one score only
	}
	b, l := cs[0], cs[len(cs)-1]
	c, err := rule.Classify(b.Total, l.Total)
	if err != nil {
		return nil // totals come from the definition, so within range
	}
	sessions := len(cs) - 1
	if b.Session > 0 && l.Session > 0 {
		sessions = l.Session - b.Session
	}
	ev := Evidence{Baseline: b.Total, BaselineSession: b.Session, Latest: l.Total, LatestSession: l.Session,
		Change: c.Delta, Threshold: rule.Threshold.Points, Sessions: sessions}
	base := Alert{Member: member, Instrument: d.Instrument, Session: l.Session, At: l.At, Evidence: ev}
	switch {
	case c.Deteriorated():
		a := base
		a.Kind, a.Source = AlertReliableDeterioration, srcDeterioration+"; "+rule.Threshold.Source
		a.Rule = d.Instrument.String() + " worse by " + fmtFloat(abs(c.Delta)) + " points since the first score, beyond the reliable change of " + fmtFloat(rule.Threshold.Points)
		a.FollowUp = FollowUp{Action: ActionReviewTreatmentPlan, Actor: ActorClinician, Within: WindowBeforeNextSession}
		return []Alert{a}
	case sessions >= r.OnTrackBy && !c.Improved() && c.PostCase:
		a := base
		a.Kind, a.Source, a.Heuristic = AlertNotOnTrack, srcNotOnTrack, true
		a.Rule = d.Instrument.String() + " not reliably improved " + strconv.Itoa(sessions) + " sessions after the first score and still a case"
		a.FollowUp = FollowUp{Action: ActionReviewProgress, Actor: ActorClinician, Within: WindowBeforeNextSession}
		return []Alert{a}
	}
	return nil
}

// allianceAlert reads the latest alliance rating against its cut-off and
// against the member's own mean of earlier ratings.
func (r AlertRules) allianceAlert(d *Definition, member string, rs []Result) (Alert, bool) {
	cs := completeResults(rs)
	if len(cs) == 0 || len(d.Screens) == 0 && len(cs) < 3 {
		return Alert{}, false
	}
	l := cs[len(cs)-1]
	a := Alert{Kind: AlertAllianceRupture, Member: member, Instrument: d.Instrument, Session: l.Session, At: l.At,
		Evidence: Evidence{Latest: l.Total, LatestSession: l.Session},
		FollowUp: FollowUp{Action: ActionAllianceCheckIn, Actor: ActorFacilitator, Within: WindowBeforeNextSession}}
	if l.Screen.Positive {
		a.Rule = d.Instrument.String() + " rating " + fmtFloat(l.Total) + " at or beyond its cut-off of " + fmtFloat(l.Screen.Cutoff)
		a.Source, a.Evidence.Threshold = srcAllianceCut, l.Screen.Cutoff
		return a, true
	}
	if len(cs) < 3 {
		return Alert{}, false
	}
	mean := 0.0
	for _, x := range cs[:len(cs)-1] {
		mean += x.Total
	}
	mean /= float64(len(cs) - 1)
	drop := mean - l.Total
	if d.HigherIsWorse {
		drop = -drop
	}
	if drop < r.AllianceDrop {
		return Alert{}, false
	}
	a.Rule = d.Instrument.String() + " rating " + fmtFloat(l.Total) + " is " + fmtFloat(roundTo(drop, 2)) + " points worse than the member's own mean " + fmtFloat(roundTo(mean, 2))
	a.Source, a.Heuristic = srcAllianceDrop, true
	a.Evidence.OwnMean, a.Evidence.Change, a.Evidence.Threshold = mean, l.Total-mean, r.AllianceDrop
	return a, true
}

// dropoutAlert reads the latest attendance records together with a low
// alliance rating.
func (r AlertRules) dropoutAlert(member string, att []SessionAttendance, low Alert) (Alert, bool) {
	if len(att) == 0 {
		return Alert{}, false
	}
	recent := att[max(0, len(att)-r.DropoutWindow):]
	missed := 0
	for _, a := range recent {
		if !a.Attended {
			missed++
		}
	}
	if missed < r.DropoutMissed {
		return Alert{}, false
	}
	last := recent[len(recent)-1].Session
	return Alert{
		Kind: AlertDropoutRisk, Member: member, Instrument: low.Instrument, Session: last,
		Rule:   strconv.Itoa(missed) + " of the last " + strconv.Itoa(len(recent)) + " sessions missed, and " + low.Rule,
		Source: srcDropout, Heuristic: true,
		Evidence: Evidence{Missed: missed, Recorded: len(recent), Latest: low.Evidence.Latest, LatestSession: low.Session,
			OwnMean: low.Evidence.OwnMean, Threshold: low.Evidence.Threshold},
		FollowUp: FollowUp{Action: ActionOutreach, Actor: ActorFacilitator, Within: WindowBeforeNextSession},
	}, true
}

// roundTo rounds v to places decimals, for messages.
func roundTo(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

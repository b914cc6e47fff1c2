package stage

import (
	"math"
	"strconv"

	"github.com/groupwork/groupwork/measure"
)

// HeuristicNote labels every stage estimate. No published instrument
// estimates a group's stage from session data: the evidence is a set of
// heuristics read from the stage descriptions, and a facilitator's judgement
// always wins (see docs/reference/stages.md#the-stage-estimate).
const HeuristicNote = "heuristic estimate from published descriptions of group development; not a validated instrument; a facilitator's judgement overrides it"

// AttendanceEvidence is who came to one session.
type AttendanceEvidence struct {
	Expected int `json:"expected"` // members expected; 0 means no attendance data
	Present  int `json:"present"`  // members who attended
	Late     int `json:"late"`     // of those, how many arrived after the start
}

// InteractionEvidence is the part of a session's interaction metrics the
// stage estimate uses (see Snapshot.Evidence). Shares are in 0 to 1.
type InteractionEvidence struct {
	MemberTurns         int     `json:"memberTurns"`         // members' turns; 0 means no interaction data
	MemberToMember      float64 `json:"memberToMember"`      // share of member turns aimed at members
	MemberToFacilitator float64 `json:"memberToFacilitator"` // share aimed at a facilitator
	Negative            float64 `json:"negative"`            // share of members' coded acts in IPA 10-12
	Questions           float64 `json:"questions"`           // share of members' coded acts in IPA 7-9
	LeaderChallenges    int     `json:"leaderChallenges"`    // IPA 10 or 12 from members aimed at a facilitator
	// DisclosureFeedback is members' self-disclosure plus feedback tags over
	// their turns, capped at 1.
	DisclosureFeedback float64 `json:"disclosureFeedback"`
}

// SessionEvidence is what is known about one session of a group.
type SessionEvidence struct {
	Session int `json:"session"` // 1-based
	Planned int `json:"planned"` // sessions planned in the program; 0 when open-ended
	// Climate is the group's GCQ-S subscale means for the session
	// (MacKenzie 1983), as measure scores them; it
	// counts as measured when Climate.Answered > 0.
	Climate     measure.GCQSScore   `json:"climate"`
	Interaction InteractionEvidence `json:"interaction"`
	Attendance  AttendanceEvidence  `json:"attendance"`
}

// Signal is one piece of evidence an estimate rests on: which stage it
// points to, how strongly, and why.
type Signal struct {
	Code   string  `json:"code"` // stable identifier, such as "leader-challenges"
	Stage  Stage   `json:"stage"`
	Weight float64 `json:"weight"`
	Detail string  `json:"detail"`
}

// Score is the summed weight of the signals for one stage.
type Score struct {
	Stage Stage   `json:"stage"`
	Score float64 `json:"score"`
}

// MinConfidence is the confidence floor of an estimate: below it, Infer
// names no stage and the estimate says NotEnoughEvidence. At 0.4 the
// winning stage needs, for example, a score of 2 (a first session alone)
// with a runner-up at no more than 0.4, or a score of 4 or more with a
// lead of 40% over the runner-up. Heuristic, the library's own: estimates
// named at 0.06 or 0.31 read as findings and were not. An app that wants
// another floor keeps it itself: an estimate below this one still carries
// its Confidence and the Scores of every stage.
const MinConfidence = 0.4

// NotEnoughEvidence is what an estimate that names no stage says in place
// of one (see Estimate.Name).
const NotEnoughEvidence = "not enough evidence yet"

// Estimate is a heuristic estimate of a group's stage at its latest session,
// in one model: Tuckman's as Infer returns it; another through Translate.
// Confidence is 0 to 1: the margin of the winning stage over the runner-up,
// scaled down when the evidence is thin. Below MinConfidence the estimate
// names no stage: Stage is Unspecified and Name says NotEnoughEvidence,
// while Confidence, Scores and the Evidence behind each are kept for a
// facilitator to judge; so too when the evidence points nowhere (every
// score 0, confidence 0) or two or more stages tie for the top score.
type Estimate struct {
	Session    int      `json:"session"`
	Model      Model    `json:"model"`
	Stage      Stage    `json:"stage,omitzero"`
	Confidence float64  `json:"confidence"`
	Scores     []Score  `json:"scores"`   // every stage of Model, in order
	Evidence   []Signal `json:"evidence"` // in the order they were weighed
	Note       string   `json:"note"`     // always HeuristicNote
}

// Named reports whether the estimate names a stage.
func (e Estimate) Named() bool { return e.Stage.IsValid() }

// Name returns the name of the estimate's stage in its model, or
// NotEnoughEvidence when it names none: the text to show, never
// "unspecified".
func (e Estimate) Name() string {
	if !e.Named() {
		return NotEnoughEvidence
	}
	return e.Stage.String()
}

// In returns the estimate's stage in model m: Corey's and Yalom's stage for
// the same period (norming maps to Corey's working, adjourning to final, per
// the crosswalk; see Stage.In), or Unspecified when the estimate names none.
func (e Estimate) In(m Model) Stage {
	if !e.Named() {
		return Unspecified
	}
	return e.Stage.In(m)
}

// Translate returns the estimate in model m, so that one output speaks of
// one model: its stage and every signal's stage translated by Stage.In (a
// signal that pointed to two stages that are one in m is one signal, its
// weights summed), and its scores summed by the stage they translate to,
// for every stage of m in order. Confidence stays as it was weighed. An estimate that names no stage
// still names none; an invalid model leaves the estimate as it is.
func (e Estimate) Translate(m Model) Estimate {
	if !m.IsValid() || m == e.Model {
		return e
	}
	out := e
	out.Model, out.Stage = m, e.In(m)
	out.Evidence = make([]Signal, 0, len(e.Evidence))
	for _, sg := range e.Evidence {
		sg.Stage = sg.Stage.In(m)
		if n := len(out.Evidence); n > 0 && out.Evidence[n-1].Code == sg.Code && out.Evidence[n-1].Stage == sg.Stage {
			out.Evidence[n-1].Weight += sg.Weight // one signal for two stages that are one here
			continue
		}
		out.Evidence = append(out.Evidence, sg)
	}
	out.Scores = nil
	for _, st := range m.Stages() {
		sum := 0.0
		for _, sc := range e.Scores {
			if sc.Stage.In(m) == st {
				sum += sc.Score
			}
		}
		out.Scores = append(out.Scores, Score{Stage: st, Score: round2(sum)})
	}
	return out
}

// Infer estimates the stage of a group at the last session of
// history (sessions in increasing order; earlier sessions give the trends).
// It weighs signals the stage descriptions name (Tuckman 1965; Corey 2012,
// chs. 4-5; Yalom & Leszcz 2005, ch. 11; MacKenzie 1983 for climate), as
// heuristics of the library's own, none of them validated:
//
//   - position in the planned program: first sessions point to forming, the
//     last to adjourning;
//   - GCQ-S trends (MacKenzie 1983): engagement tends to rise over the life
//     of a group; conflict peaks near the middle and falls;
//   - interaction: many member-to-leader acts and questions mark forming;
//     disagreement, tension and antagonism (Bales 10-12) and challenges to
//     the leader mark storming; member-to-member talk with self-disclosure
//     and feedback marks performing (Corey's working stage);
//   - attendance: lateness and absence spikes mark transition (storming).
//
// The weights are this package's own choices, documented in the code; the
// result says which signals it rests on. The stage with the highest score
// wins if its confidence reaches MinConfidence. When no signal fired, when
// two or more stages tie for the highest score (confidence 0), or when the
// winner's confidence is below the floor, the estimate names no stage:
// Stage is Unspecified and Name says NotEnoughEvidence, while Scores and
// Evidence are kept so a facilitator sees why (History.Estimated does not
// record such an estimate; a facilitator's History.Set does). Invalid
// evidence is reported all at once as joined *FieldErrors; no evidence at
// all is ErrNoEvidence.
func Infer(history []SessionEvidence) (Estimate, error) {
	if len(history) == 0 {
		return Estimate{}, &FieldError{Pkg: "stage", Path: "history", Problem: "no sessions", Err: ErrNoEvidence}
	}
	if err := validateEvidence(history); err != nil {
		return Estimate{}, err
	}
	cur := history[len(history)-1]
	earlier := history[:len(history)-1]
	b := scorer{}
	b.position(cur)
	b.interaction(cur.Interaction)
	b.climate(cur, earlier)
	b.attendance(cur, earlier)

	e := Estimate{Session: cur.Session, Model: Tuckman, Evidence: b.signals, Note: HeuristicNote}
	top, second := 0.0, 0.0
	for i, st := range Tuckman.Stages() {
		sc := round2(b.score[i])
		e.Scores = append(e.Scores, Score{Stage: st, Score: sc})
		switch {
		case sc > top:
			top, second, e.Stage = sc, top, st
		case sc > second:
			second = sc
		}
	}
	switch {
	case top > 0 && second == top:
		// A tie at the top: the evidence does not single out a stage.
		e.Stage = Unspecified
	case top > 0:
		e.Confidence = round2((top - second) / top * math.Min(1, top/4))
		if e.Confidence < MinConfidence {
			e.Stage = Unspecified // not enough evidence yet
		}
	}
	return e, nil
}

// scorer accumulates signals per Tuckman stage (index = Order-1).
type scorer struct {
	score   [5]float64
	signals []Signal
}

func (b *scorer) add(code string, st Stage, w float64, detail string) {
	b.score[st.Order()-1] += w
	b.signals = append(b.signals, Signal{Code: code, Stage: st, Weight: w, Detail: detail})
}

func (b *scorer) position(cur SessionEvidence) {
	n := strconv.Itoa(cur.Session)
	if cur.Planned == 0 {
		if cur.Session <= 2 {
			b.add("position-early", Forming, 1.5, "session "+n+" of an open-ended group")
		}
		return
	}
	of := n + " of " + strconv.Itoa(cur.Planned)
	frac := float64(cur.Session) / float64(cur.Planned)
	switch {
	case cur.Session >= cur.Planned:
		b.add("position-last", Adjourning, 3, "last session ("+of+")")
	case frac >= 0.85:
		b.add("position-ending", Adjourning, 2, "session "+of+", near the end")
	case cur.Session == 1 || frac <= 0.15 || (cur.Session == 2 && cur.Planned >= 6):
		b.add("position-early", Forming, 2, "session "+of+", at the start")
	case frac <= 0.5:
		b.add("position-middle", Storming, 0.5, "session "+of+", first half")
		b.add("position-middle", Norming, 0.25, "session "+of+", first half")
	default:
		b.add("position-late", Performing, 0.5, "session "+of+", second half")
		b.add("position-late", Norming, 0.25, "session "+of+", second half")
	}
}

func (b *scorer) interaction(ie InteractionEvidence) {
	if ie.MemberTurns == 0 {
		return
	}
	if ie.MemberToFacilitator >= 0.5 {
		b.add("member-to-leader", Forming, 1, f2(ie.MemberToFacilitator)+" of member turns aimed at a facilitator")
	}
	if ie.Questions >= 0.25 {
		b.add("questions", Forming, 0.75, f2(ie.Questions)+" of coded member acts are questions (IPA 7-9)")
	}
	switch {
	case ie.Negative >= 0.2:
		b.add("negative-acts", Storming, 1.5, f2(ie.Negative)+" of coded member acts are negative (IPA 10-12)")
	case ie.Negative >= 0.1:
		b.add("negative-acts", Storming, 0.75, f2(ie.Negative)+" of coded member acts are negative (IPA 10-12)")
	}
	switch {
	case ie.LeaderChallenges >= 2:
		b.add("leader-challenges", Storming, 1.5, strconv.Itoa(ie.LeaderChallenges)+" disagreements or antagonism aimed at a facilitator")
	case ie.LeaderChallenges == 1:
		b.add("leader-challenges", Storming, 0.5, "1 disagreement or antagonism aimed at a facilitator")
	}
	switch {
	case ie.MemberToMember >= 0.5 && ie.DisclosureFeedback >= 0.25:
		b.add("member-feedback", Performing, 2, f2(ie.MemberToMember)+" of member turns to members, "+f2(ie.DisclosureFeedback)+" self-disclosure or feedback")
	case ie.MemberToMember >= 0.5 && ie.Negative < 0.1:
		b.add("member-to-member", Norming, 1, f2(ie.MemberToMember)+" of member turns to members, little negativity")
	}
}

func (b *scorer) climate(cur SessionEvidence, earlier []SessionEvidence) {
	if cur.Climate.Answered <= 0 {
		return
	}
	c := cur.Climate
	var n int
	var engMean, conflictPeak float64
	for _, e := range earlier {
		if e.Climate.Answered > 0 {
			n++
			engMean += e.Climate.Engagement
			conflictPeak = math.Max(conflictPeak, e.Climate.Conflict)
		}
	}
	if n > 0 {
		engMean /= float64(n)
	}
	switch {
	case c.Conflict >= 3:
		b.add("climate-conflict-high", Storming, 1.5, "GCQ-S conflict "+f2(c.Conflict)+" (0-6)")
	case n > 0 && c.Conflict >= conflictPeak+0.5:
		b.add("climate-conflict-rising", Storming, 1, "GCQ-S conflict rose to "+f2(c.Conflict)+" from a peak of "+f2(conflictPeak))
	case n > 0 && c.Conflict <= conflictPeak-0.5 && c.Engagement >= engMean:
		b.add("climate-conflict-falling", Norming, 1.5, "GCQ-S conflict fell to "+f2(c.Conflict)+" from a peak of "+f2(conflictPeak)+" while engagement held")
	}
	if c.Engagement >= 4 && c.Conflict < 2.5 {
		b.add("climate-engagement-high", Performing, 1.5, "GCQ-S engagement "+f2(c.Engagement)+" with low conflict")
	}
	if n > 0 && c.Engagement >= engMean+0.5 {
		b.add("climate-engagement-rising", Norming, 0.5, "GCQ-S engagement rose to "+f2(c.Engagement)+" from a mean of "+f2(engMean))
		b.add("climate-engagement-rising", Performing, 0.5, "GCQ-S engagement rose to "+f2(c.Engagement)+" from a mean of "+f2(engMean))
	}
	if n == 0 && c.Engagement < 3 && c.Avoidance >= 3 {
		b.add("climate-guarded", Forming, 1, "GCQ-S engagement "+f2(c.Engagement)+" with avoidance "+f2(c.Avoidance))
	}
}

// missRate is the share of expected members who were absent or late.
func missRate(a AttendanceEvidence) float64 {
	return ratio(float64(a.Expected-a.Present+a.Late), float64(a.Expected))
}

func (b *scorer) attendance(cur SessionEvidence, earlier []SessionEvidence) {
	if cur.Attendance.Expected == 0 {
		return
	}
	rate := missRate(cur.Attendance)
	var n int
	var mean float64
	for _, e := range earlier {
		if e.Attendance.Expected > 0 {
			n++
			mean += missRate(e.Attendance)
		}
	}
	switch {
	case n > 0 && rate >= mean/float64(n)+0.2:
		b.add("attendance-spike", Storming, 1, f2(rate)+" of members absent or late, up from "+f2(mean/float64(n)))
	case n == 0 && rate >= 0.3:
		b.add("attendance-spike", Storming, 0.5, f2(rate)+" of members absent or late")
	}
}

func validateEvidence(history []SessionEvidence) error {
	f := problems()
	share := func(path string, v float64) {
		if !(v >= 0 && v <= 1) {
			f.Add(path, "share must be within 0 to 1", nil)
		}
	}
	for i, e := range history {
		p := idx("history", i)
		if e.Session < 1 {
			f.Add(p+".session", "session numbers start at 1", nil)
		}
		if i > 0 && e.Session <= history[i-1].Session {
			f.Add(p+".session", "sessions must be in increasing order", nil)
		}
		if e.Planned < 0 {
			f.Add(p+".planned", "negative number of planned sessions", nil)
		} else if e.Planned > 0 && e.Session > e.Planned {
			f.Add(p+".session", "session beyond the planned number", nil)
		}
		if e.Climate.Answered < 0 {
			f.Add(p+".climate.answered", "negative number of answered items", nil)
		}
		if e.Climate.Answered > 0 {
			if e.Climate.Answered > 12 {
				f.Add(p+".climate.answered", "the GCQ-S has 12 items", nil)
			}
			for _, c := range []struct {
				name string
				v    float64
			}{{"engagement", e.Climate.Engagement}, {"avoidance", e.Climate.Avoidance}, {"conflict", e.Climate.Conflict}} {
				if !(c.v >= 0 && c.v <= 6) {
					f.Add(p+".climate."+c.name, "GCQ-S subscale means lie within 0 to 6", nil)
				}
			}
		}
		ie := e.Interaction
		if ie.MemberTurns < 0 || ie.LeaderChallenges < 0 {
			f.Add(p+".interaction", "negative count", nil)
		}
		share(p+".interaction.memberToMember", ie.MemberToMember)
		share(p+".interaction.memberToFacilitator", ie.MemberToFacilitator)
		share(p+".interaction.negative", ie.Negative)
		share(p+".interaction.questions", ie.Questions)
		share(p+".interaction.disclosureFeedback", ie.DisclosureFeedback)
		a := e.Attendance
		if a.Expected < 0 || a.Present < 0 || a.Late < 0 || a.Present > a.Expected || a.Late > a.Present {
			f.Add(p+".attendance", "need 0 <= late <= present <= expected", nil)
		}
	}
	return f.Err()
}

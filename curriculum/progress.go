package curriculum

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// The stable codes of the findings this package reports about a member's
// progress. Codes never change meaning; apps may branch on them.
const (
	CodeAttendanceRuleBreached = "attendance-rule-breached" // the member missed as many sessions in a row as the rule allows
	CodeAttendanceRuleAtRisk   = "attendance-rule-at-risk"  // one more miss in a row breaches the rule
	CodeMakeUpNeeded           = "make-up-needed"           // missed plans not covered since
	CodeMeasureMissed          = "measure-missed"           // a measure due at an attended session was not recorded
	CodeOffEntryPoint          = "off-entry-point"          // the member joined at a plan that is not an entry point
)

// srcMakeUp and srcMeasures name what the progress findings rest on.
const (
	srcMakeUp   = "heuristic, the library's own reminder: a missed plan is listed for making up, for example at the module's next run where modules repeat (Muñoz et al. 2000, Manual for Group Cognitive-Behavioral Therapy of Major Depression; Linehan 2015, DBT Skills Training Manual)"
	srcMeasures = "NHS Talking Therapies for anxiety and depression manual (NHS England): outcome measures are taken at the sessions set for them, so that every member has the scores their change is judged by, even after leaving early"
	srcEntry    = "Linehan (2015), DBT Skills Training Manual; Muñoz et al. (2000), Manual for Group Cognitive-Behavioral Therapy of Major Depression: new members join at the start of a module"
)

// Record is what happened to one member in a program: every session held
// since the member joined, in the order held, and whether the member has
// left. The zero value is an empty record of an unnamed member.
type Record struct {
	// Member identifies the member; it is copied into the Progress.
	Member group.MemberID `json:"member"`
	// Sessions lists every session held since the member joined, in order,
	// whether the member came or not. The first one is where they joined.
	Sessions []SessionRecord `json:"sessions"`
	// Left says the member has left the program (by choice or by discharge).
	Left bool `json:"left,omitempty"`
}

// SessionRecord is one held session from a member's point of view.
type SessionRecord struct {
	// Plan is the plan number the session held.
	Plan int `json:"plan"`
	// Attendance is the member's attendance, in the session package's
	// statuses. It must be recorded: unspecified and not-recorded are
	// rejected. A cancelled session was held for nobody: it counts neither
	// as attended nor as missed, and its plan stays pending.
	Attendance session.AttendanceStatus `json:"attendance"`
	// Homework is what came back of the homework due at this session;
	// HomeworkNotRecorded leaves the session out of the homework rate.
	Homework HomeworkReturn `json:"homework,omitempty"`
	// Measures lists the instruments the member completed at this session.
	Measures []measure.Instrument `json:"measures,omitempty"`
}

// MeasureDue is an instrument that was due at a session the member
// attended but was not recorded.
type MeasureDue struct {
	Session    int                // 1-based position in the member's record
	Plan       int                // the plan held
	Instrument measure.Instrument // the missing instrument
}

// Progress is a member's standing in a program, computed by Assess.
type Progress struct {
	Member group.MemberID
	// Entered is the plan at which the member joined (0 for an empty record).
	Entered int
	// Held is the number of sessions held since the member joined;
	// Attended the number the member came to (present, late or left
	// early): the dose.
	Held, Attended int
	// Covered lists the plans the member attended at least once, in program
	// order. Missed lists the plans whose session the member missed, in
	// program order, even if covered at another time. MakeUp lists the
	// missed plans the member has never attended: the make-up list.
	Covered, Missed, MakeUp []int
	// Pending lists the plans of the member's first run through the program
	// not yet held, in the order they will come (wrapping round from the
	// entry plan). Empty for open-ended programs.
	Pending []int
	// HomeworkDue counts sessions with a recorded homework return;
	// HomeworkReturned and HomeworkPartial count the full and partial ones.
	// HomeworkRate is (returned + partial/2) / due, or 0 when nothing was due.
	HomeworkDue, HomeworkReturned, HomeworkPartial int
	HomeworkRate                                   float64
	// ConsecutiveMisses is the current run of misses at the end of the
	// record; LongestMissRun the longest run anywhere in it. What counts as a
	// miss follows the program's attendance rule (see Assess).
	ConsecutiveMisses, LongestMissRun int
	// DoseMet says whether the completion rule's dose has been reached.
	DoseMet bool
	// Status is in progress, completed, incomplete or dropped out.
	Status ProgressStatus
	// MeasuresMissing lists measures due at attended sessions but not recorded.
	MeasuresMissing []MeasureDue
	// Findings is guidance for the clinician, most serious first.
	Findings []group.Finding
}

// Assess computes a member's progress through program p from their record.
//
// A miss is an absence, or an excused absence when p's attendance rule
// counts excused absences (or when p has no rule); an excused absence the
// rule does not count neither adds to a run of misses nor breaks it. When a
// run reaches the rule's MaxConsecutiveMisses the member has breached it
// (the DBT four-miss rule, Linehan 2015): a blocking finding, and the status
// is dropped out. One miss short of it is a warning.
//
// The member has finished when as many sessions have been held since they
// joined as the program has plans (open-ended programs never finish).
// Status is then completed when the dose is met (CompletionRule: at least
// MinSessions attended and every RequiredPlans plan attended) and
// incomplete otherwise; before that it is dropped out if the member left and
// in progress if not.
//
// p must be valid. Bad records are errors, all reported at once as joined
// *FieldError values: a session naming a plan p lacks (ErrUnknownPlan), an
// unspecified attendance, an unknown homework return or instrument.
func Assess(p Program, r Record) (Progress, error) {
	pr := problems()
	if err := p.Validate(); err != nil {
		pr.Append(err)
	}
	for i, s := range r.Sessions {
		sp := index("sessions", i)
		if _, ok := p.Plan(s.Plan); !ok {
			pr.Add(path(sp, "plan"), "plan "+strconv.Itoa(s.Plan)+" does not exist", ErrUnknownPlan)
		}
		if !s.Attendance.IsValid() || s.Attendance == session.AttendanceNotRecorded {
			pr.Add(path(sp, "attendance"), "must be recorded, not "+s.Attendance.String(), nil)
		}
		if !s.Homework.IsValid() {
			pr.Add(path(sp, "homework"), "unknown homework return "+s.Homework.String(), ErrUnknownValue)
		}
		for k, m := range s.Measures {
			if !m.IsValid() {
				pr.Add(path(sp, index("measures", k)), "unknown instrument "+m.String(), ErrUnknownValue)
			}
		}
	}
	if err := pr.Err(); err != nil {
		return Progress{}, err
	}

	g := Progress{Member: r.Member}
	rule := p.Attendance
	countsAsMiss := func(a session.AttendanceStatus) (miss, neutral bool) {
		switch a {
		case session.AttendanceAbsentUnexcused:
			return true, false
		case session.AttendanceAbsentExcused:
			if rule.MaxConsecutiveMisses == 0 || rule.ExcusedCounts {
				return true, false
			}
			return false, true
		}
		return false, false
	}
	attended := map[int]bool{}
	missed := map[int]bool{}
	run := 0
	breachAt := -1
	for i, s := range r.Sessions {
		if s.Attendance == session.AttendanceCancelled {
			continue // held for nobody: the run of misses goes on unbroken
		}
		g.Held++
		if s.Attendance.Attended() {
			g.Attended++
			attended[s.Plan] = true
			run = 0
		} else {
			missed[s.Plan] = true
			if miss, neutral := countsAsMiss(s.Attendance); miss {
				run++
			} else if !neutral {
				run = 0
			}
		}
		g.LongestMissRun = max(g.LongestMissRun, run)
		if breachAt < 0 && rule.MaxConsecutiveMisses > 0 && run >= rule.MaxConsecutiveMisses {
			breachAt = i
		}
		switch s.Homework {
		case HomeworkReturned:
			g.HomeworkDue++
			g.HomeworkReturned++
		case HomeworkPartial:
			g.HomeworkDue++
			g.HomeworkPartial++
		case HomeworkNotReturned:
			g.HomeworkDue++
		}
		if s.Attendance.Attended() {
			pl, _ := p.Plan(s.Plan)
			for _, m := range pl.Measures {
				if !slices.Contains(s.Measures, m) {
					g.MeasuresMissing = append(g.MeasuresMissing, MeasureDue{Session: i + 1, Plan: s.Plan, Instrument: m})
				}
			}
		}
	}
	g.ConsecutiveMisses = run
	if g.HomeworkDue > 0 {
		g.HomeworkRate = (float64(g.HomeworkReturned) + float64(g.HomeworkPartial)/2) / float64(g.HomeworkDue)
	}
	for _, pl := range p.Plans() {
		n := pl.Number
		if attended[n] {
			g.Covered = append(g.Covered, n)
		}
		if missed[n] {
			g.Missed = append(g.Missed, n)
			if !attended[n] {
				g.MakeUp = append(g.MakeUp, n)
			}
		}
	}
	if len(r.Sessions) > 0 {
		g.Entered = r.Sessions[0].Plan
	}

	g.DoseMet = g.Attended >= p.Completion.MinSessions
	for _, n := range p.Completion.RequiredPlans {
		if !attended[n] {
			g.DoseMet = false
		}
	}
	finished := !p.OpenEnded && g.Held >= p.NumPlans()
	if !p.OpenEnded && !finished {
		g.Pending = pendingPlans(p, g.Entered, r.Sessions)
	}
	switch {
	case breachAt >= 0:
		g.Status = StatusDroppedOut
	case finished && g.DoseMet:
		g.Status = StatusCompleted
	case finished:
		g.Status = StatusIncomplete
	case r.Left:
		g.Status = StatusDroppedOut
	default:
		g.Status = StatusInProgress
	}
	g.Findings = progressFindings(p, g, r, breachAt)
	return g, nil
}

// pendingPlans returns the plans of the first run not yet held, in run
// order starting at the entry plan.
func pendingPlans(p Program, entered int, held []SessionRecord) []int {
	plans := p.Plans()
	start := 0
	for i, pl := range plans {
		if pl.Number == entered {
			start = i
		}
	}
	seen := map[int]bool{}
	for _, s := range held {
		seen[s.Plan] = true
	}
	var out []int
	for k := range plans {
		n := plans[(start+k)%len(plans)].Number
		if !seen[n] {
			out = append(out, n)
		}
	}
	return out
}

func progressFindings(p Program, g Progress, r Record, breachAt int) []group.Finding {
	var fs []group.Finding
	rule := p.Attendance
	src := cmp.Or(rule.Source, "the program's attendance rule")
	switch {
	case breachAt >= 0:
		fs = append(fs, group.Finding{
			Severity: group.SeverityBlocking, Code: CodeAttendanceRuleBreached, Path: index("sessions", breachAt), Source: src,
			Message: fmt.Sprintf("%d sessions missed in a row: the attendance rule ends the contract at %d", rule.MaxConsecutiveMisses, rule.MaxConsecutiveMisses),
		})
	case rule.MaxConsecutiveMisses > 1 && g.ConsecutiveMisses == rule.MaxConsecutiveMisses-1 && g.Status == StatusInProgress:
		fs = append(fs, group.Finding{
			Severity: group.SeverityWarning, Code: CodeAttendanceRuleAtRisk, Path: "sessions", Source: src,
			Message: fmt.Sprintf("%d sessions missed in a row: one more ends the contract", g.ConsecutiveMisses),
		})
	}
	if len(g.MakeUp) > 0 {
		fs = append(fs, group.Finding{
			Severity: group.SeverityInfo, Code: CodeMakeUpNeeded, Path: "makeUp", Source: srcMakeUp,
			Message: "missed and not yet covered: plans " + joinInts(g.MakeUp),
		})
	}
	for _, m := range g.MeasuresMissing {
		fs = append(fs, group.Finding{
			Severity: group.SeverityWarning, Code: CodeMeasureMissed, Path: path(index("sessions", m.Session-1), "measures"), Source: srcMeasures,
			Message: m.Instrument.String() + " was due at plan " + strconv.Itoa(m.Plan) + " and not recorded",
		})
	}
	if len(r.Sessions) > 0 && !p.IsEntryPoint(g.Entered) {
		fs = append(fs, group.Finding{
			Severity: group.SeverityWarning, Code: CodeOffEntryPoint, Path: "sessions[0].plan", Source: srcEntry,
			Message: "the member joined at plan " + strconv.Itoa(g.Entered) + ", which is not an entry point",
		})
	}
	group.SortFindings(fs)
	return fs
}

// NextEntryPlan returns the first entry point after plan n in program
// order, wrapping round to the next run of the program, and false when the
// program has no entry points. n 0, or any number that is no plan, asks for
// the first entry point.
func (p Program) NextEntryPlan(n int) (int, bool) {
	entries := p.EntryPoints()
	if len(entries) == 0 {
		return 0, false
	}
	plans := p.Plans()
	pos := -1
	for i, pl := range plans {
		if pl.Number == n {
			pos = i
		}
	}
	for k := 1; k <= len(plans); k++ {
		cand := plans[(pos+k+len(plans))%len(plans)].Number
		if slices.Contains(entries, cand) {
			return cand, true
		}
	}
	return 0, false
}

func joinInts(ns []int) string {
	s := ""
	for i, n := range ns {
		if i > 0 {
			s += ", "
		}
		s += strconv.Itoa(n)
	}
	return s
}

package curriculum_test

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// Build a small program of your own and validate it like a built-in.
func ExampleProgram() {
	p := curriculum.Program{
		Name: "sleep-skills", Title: "Sleeping better", Modality: group.ModalityPsychoeducational,
		Order: curriculum.OrderSequence, SessionLength: 90 * time.Minute,
		Cadence: curriculum.CadenceWeekly, Entry: curriculum.EntryCohortStart,
		Completion: curriculum.CompletionRule{MinSessions: 3, Source: "our clinic's rule"},
		Modules: []curriculum.Module{{Title: "Sleep", Plans: []curriculum.Plan{
			{Number: 1, Title: "How sleep works", Measures: []measure.Instrument{measure.InstrumentGAD7},
				Homework: []curriculum.Homework{{Kind: curriculum.HomeworkPracticeLog, Title: "sleep diary", DaysPerWeek: 7}}},
			{Number: 2, Title: "A steady rhythm", Requires: []int{1}},
			{Number: 3, Title: "Winding down", Homework: []curriculum.Homework{{Kind: curriculum.HomeworkHomePractice, Title: "relaxation", MinutesPerDay: 15, DaysPerWeek: 7}}},
			{Number: 4, Title: "Keeping it up", Measures: []measure.Instrument{measure.InstrumentGAD7}},
		}}},
	}
	fmt.Println("valid:", p.Validate() == nil)
	fmt.Println("plans:", p.NumPlans(), "entry at:", p.EntryPoints())
	fmt.Println("GAD-7 at:", p.MeasuresAt(measure.InstrumentGAD7))

	p.Modules[0].Plans[3].Number = 2 // a repeated plan number
	fmt.Println(p.Validate())
	// Output:
	// valid: true
	// plans: 4 entry at: [1]
	// GAD-7 at: [1 4]
	// curriculum: modules[0].plans[3].number: plan number 2 is used twice
}

// Put a built-in program on dates: weekly sessions at the same wall-clock
// time across the change to daylight saving, with a holiday skipped.
func ExampleSchedule() {
	loc, _ := time.LoadLocation("America/New_York")
	cal, err := curriculum.Schedule(curriculum.CommunicationSkills(), curriculum.Spec{
		First:    curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.March, Day: 4}, At: curriculum.Clock{Hour: 18}},
		Location: loc,
		Skip:     []curriculum.Date{{Year: 2025, Month: time.March, Day: 18}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range cal.Occurrences {
		fmt.Println(o.Session, o.Start.Format("Mon Jan 2 15:04 MST"), o.Title)
	}
	r := cal.Recurrence()
	fmt.Println(r.Rule, "excluding", r.ExDates[0].Format(time.DateOnly))
	// Output:
	// 1 Tue Mar 4 18:00 EST Passive, aggressive and assertive styles
	// 2 Tue Mar 11 18:00 EDT Speaking for yourself
	// 3 Tue Mar 25 18:00 EDT Listening so others feel heard
	// 4 Tue Apr 1 18:00 EDT Saying no
	// 5 Tue Apr 8 18:00 EDT Giving and receiving feedback
	// 6 Tue Apr 15 18:00 EDT Working through conflict
	// FREQ=WEEKLY;INTERVAL=1;COUNT=7 excluding 2025-03-18
}

// Cancel a session and either shift the rest or hold a make-up.
func ExampleCalendar_Cancel() {
	loc, _ := time.LoadLocation("Europe/London")
	cal, _ := curriculum.Schedule(curriculum.StressPsychoeducation(), curriculum.Spec{
		First:    curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.October, Day: 7}, At: curriculum.Clock{Hour: 19}},
		Location: loc,
	})
	shifted, _ := cal.Cancel(3)
	madeUp, _ := cal.MakeUp(3, curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.October, Day: 23}, At: curriculum.Clock{Hour: 19}})
	last := func(c curriculum.Calendar) string {
		return c.Occurrences[len(c.Occurrences)-1].Start.Format("Jan 2")
	}
	s3, _ := madeUp.Session(3)
	fmt.Println("planned end:", last(cal))
	fmt.Println("shifted end:", last(shifted))
	fmt.Println("make-up:", s3.Kind, s3.Start.Format("Jan 2 15:04"), "end:", last(madeUp))
	// Output:
	// planned end: Nov 25
	// shifted end: Dec 2
	// make-up: make-up Oct 23 19:00 end: Nov 25
}

// Read a member's progress: covered and missed plans, the make-up list,
// homework and the dose.
func ExampleAssess() {
	p := curriculum.GroupCBTDepression()
	// The program gives the PHQ-9 and GAD-7 at every session; at plan 6
	// only the GAD-7 was recorded.
	both := []measure.Instrument{measure.InstrumentPHQ9, measure.InstrumentGAD7}
	rec := curriculum.Record{Member: "m-17", Sessions: []curriculum.SessionRecord{
		{Plan: 1, Attendance: session.AttendancePresent, Measures: both},
		{Plan: 2, Attendance: session.AttendancePresent, Homework: curriculum.HomeworkReturned, Measures: both},
		{Plan: 3, Attendance: session.AttendanceAbsentUnexcused},
		{Plan: 4, Attendance: session.AttendanceLate, Homework: curriculum.HomeworkPartial, Measures: both},
		{Plan: 5, Attendance: session.AttendancePresent, Homework: curriculum.HomeworkNotReturned, Measures: both},
		{Plan: 6, Attendance: session.AttendancePresent, Measures: []measure.Instrument{measure.InstrumentGAD7}},
	}}
	g, err := curriculum.Assess(p, rec)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("covered:", g.Covered, "make-up:", g.MakeUp)
	fmt.Printf("homework: %.2f of %d\n", g.HomeworkRate, g.HomeworkDue)
	fmt.Println("attended:", g.Attended, "dose met:", g.DoseMet, "status:", g.Status)
	for _, f := range g.Findings {
		fmt.Println(f.Severity, f.Code, f.Message)
	}
	// Output:
	// covered: [1 2 4 5 6] make-up: [3]
	// homework: 0.50 of 3
	// attended: 5 dose met: false status: in-progress
	// warning measure-missed phq-9 was due at plan 6 and not recorded
	// info make-up-needed missed and not yet covered: plans 3
}

// The whole story: a DBT-style skills group run twice through its 24-week
// cycle, a holiday skipped and a session cancelled; its entry points feed a
// rolling-entry group; a newcomer joins at the next module start, and the
// four-miss rule is checked on their record.
func Example() {
	loc, _ := time.LoadLocation("America/New_York")
	program := curriculum.DBTSkills()
	fmt.Println(program.Title, "-", program.NumPlans(), "sessions, modules start at", program.ModuleStarts())
	fmt.Println("requires:", program.Prerequisites[0].Code)

	cal, err := curriculum.Schedule(program, curriculum.Spec{
		First:    curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.January, Day: 6}, At: curriculum.Clock{Hour: 17, Minute: 30}},
		Location: loc,
		Cycles:   2,
		Skip:     []curriculum.Date{{Year: 2025, Month: time.May, Day: 26}}, // Memorial Day
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, err = cal.Cancel(10) // the facilitators are ill
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("sessions:", len(cal.Occurrences), "last:", cal.Occurrences[len(cal.Occurrences)-1].Start.Format("2006-01-02 15:04 MST"))

	// A rolling-entry group admits only at these times.
	admission := group.Admission{EntryPoints: cal.EntryPoints()}
	fmt.Println("entry points:", len(admission.EntryPoints))

	// A newcomer referred in mid-February joins at the next module start.
	next, _ := cal.NextEntry(time.Date(2025, time.February, 14, 0, 0, 0, 0, loc))
	fmt.Println("newcomer starts:", next.Start.Format("Mon Jan 2"), "at plan", next.Plan, "-", next.Title)

	// Their first five sessions: present once, then four misses in a row.
	rec := curriculum.Record{Member: "m-3"}
	for i, a := range []session.AttendanceStatus{session.AttendancePresent, session.AttendanceAbsentUnexcused,
		session.AttendanceAbsentExcused, session.AttendanceAbsentUnexcused, session.AttendanceAbsentUnexcused} {
		rec.Sessions = append(rec.Sessions, curriculum.SessionRecord{Plan: next.Plan + i, Attendance: a})
	}
	g, _ := curriculum.Assess(program, rec)
	fmt.Println("status:", g.Status, "- misses in a row:", g.ConsecutiveMisses)
	fmt.Println(g.Findings[0].Severity, g.Findings[0].Code)
	// Output:
	// DBT-style skills group: a 24-week cycle - 24 sessions, modules start at [1 9 18]
	// requires: concurrent-individual-therapy
	// sessions: 48 last: 2025-12-15 17:30 EST
	// entry points: 6
	// newcomer starts: Mon Mar 3 at plan 9 - Mindfulness: noticing without judging
	// status: dropped-out - misses in a row: 4
	// blocking attendance-rule-breached
}

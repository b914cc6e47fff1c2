package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
)

// The group meets on Monday evenings in New York from 5 January 2026 and
// does not meet on the federal holidays that fall on its series: the five
// that are Mondays by law (5 U.S.C. 6103(a)). The other six fall on fixed
// dates or on a Thursday; in 2026 none of them is, or is observed on, a
// Monday (New Year's Day 2027 is a Friday).
var (
	firstSession = curriculum.Slot{Date: curriculum.Date{Year: 2026, Month: time.January, Day: 5}, At: curriculum.Clock{Hour: 17, Minute: 30}}
	holidays     = []holiday{
		{curriculum.Date{Year: 2026, Month: time.January, Day: 19}, "Martin Luther King Jr. Day"},               // third Monday of January
		{curriculum.Date{Year: 2026, Month: time.February, Day: 16}, "Washington's Birthday (Presidents' Day)"}, // third Monday of February
		{curriculum.Date{Year: 2026, Month: time.May, Day: 25}, "Memorial Day"},                                 // last Monday of May
		{curriculum.Date{Year: 2026, Month: time.September, Day: 7}, "Labor Day"},                               // first Monday of September
		{curriculum.Date{Year: 2026, Month: time.October, Day: 12}, "Columbus Day (Indigenous Peoples' Day)"},   // second Monday of October
	}
)

// holiday is a date the group does not meet on, with its name in the law
// and, in brackets, the name most people use.
type holiday struct {
	date curriculum.Date
	name string
}

// skipDates returns the holidays' dates, for Spec.Skip.
func skipDates() []curriculum.Date {
	out := make([]curriculum.Date, len(holidays))
	for i, h := range holidays {
		out[i] = h.date
	}
	return out
}

// holidayOn returns the name of the holiday on d, or "".
func holidayOn(d curriculum.Date) string {
	for _, h := range holidays {
		if h.date == d {
			return h.name
		}
	}
	return ""
}

// describeProgram prints the program's shape and rules.
func describeProgram(p *demo.Printer, program curriculum.Program) {
	p.Title(program.Title)
	p.Section("1. The program (curriculum.DBTSkills)")
	p.Printf("A %d-week cycle of %s sessions; each skills module opens with 2 weeks of\n", program.NumPlans(), hm(program.SessionLength))
	p.Printf("mindfulness. Newcomers join only at a module start (entry policy %s).\n\n", program.Entry)
	rows := [][]string{{"module", "plans", "weeks", "entry at plan"}}
	for _, m := range program.Modules {
		first, last := m.Plans[0].Number, m.Plans[len(m.Plans)-1].Number
		rows = append(rows, []string{m.Title, fmt.Sprintf("%d-%d", first, last),
			fmt.Sprintf("2 + %d", len(m.Plans)-2), fmt.Sprint(first)})
	}
	table(p, rows)
	p.Printf("\n  Entry points: plans %v (Program.EntryPoints).\n", program.EntryPoints())
	for _, pre := range program.Prerequisites {
		p.Printf("  Prerequisite %s: %s.\n", pre.Code, pre.Description)
		p.Printf("    (listed for the clinician; group.Screen asks it of suicidal applicants)\n")
	}
	a := program.Attendance
	p.Printf("  Attendance rule: %d misses in a row end the contract; excused absences count: %v.\n", a.MaxConsecutiveMisses, a.ExcusedCounts)
	p.Printf("    source: %s\n", a.Source)
}

// schedule lays the program out on dates.
func schedule(program curriculum.Program, loc *time.Location, cycles int) (curriculum.Calendar, error) {
	return curriculum.Schedule(program, curriculum.Spec{First: firstSession, Location: loc, Cycles: cycles, Skip: skipDates()})
}

// printBoundaries prints each module run with its dates: the first session
// of each is an entry point.
func printBoundaries(p *demo.Printer, program curriculum.Program, cal curriculum.Calendar) {
	p.Section("2. Module boundaries and entry points on dates (curriculum.Schedule, Calendar.EntryPoints)")
	cycles := "one cycle"
	if n := cal.Spec().Cycles; n > 1 {
		cycles = fmt.Sprintf("%d cycles", n)
	}
	p.Printf("Mondays at 17:30 in New York, %s, with no session on the federal holidays\n", cycles)
	p.Printf("that fall on a Monday of the series: each later session moves one week later.\n")
	p.Printf("Every module's first session is an entry point; a rolling-entry group takes\n")
	p.Printf("these times as its only admissions.\n\n")
	starts := map[int]bool{}
	for _, n := range program.ModuleStarts() {
		starts[n] = true
	}
	rows := [][]string{{"cycle", "module", "sessions", "entry point (first session)", "last session"}}
	var cur []curriculum.Occurrence
	flush := func() {
		if len(cur) == 0 {
			return
		}
		f, l := cur[0], cur[len(cur)-1]
		entry := f.Start.Format("Mon 2 Jan 2006 15:04 MST")
		if !f.Entry {
			entry += " (not an entry point)"
		}
		rows = append(rows, []string{fmt.Sprint(f.Cycle), moduleOf(program, f.Plan), fmt.Sprintf("%d-%d", f.Session, l.Session),
			entry, l.Start.Format("Mon 2 Jan 2006")})
		cur = nil
	}
	for _, o := range cal.Occurrences {
		if starts[o.Plan] {
			flush()
		}
		cur = append(cur, o)
	}
	flush()
	table(p, rows)
	for _, x := range cal.Excluded {
		p.Printf("  no session on %s: %s\n", x.Start.Format("Mon 2 Jan 2006"), holidayOn(curriculum.DateOf(x.Start)))
	}
	last := cal.Occurrences[len(cal.Occurrences)-1]
	p.Printf("  %d sessions, the last on %s; %d entry points.\n", len(cal.Occurrences), last.Start.Format("Mon 2 Jan 2006 15:04 MST"), len(cal.EntryPoints()))
}

// moduleOf returns the title of the module holding plan n, without the
// "Mindfulness and " every module shares.
func moduleOf(program curriculum.Program, n int) string {
	for _, m := range program.Modules {
		if n >= m.Plans[0].Number && n <= m.Plans[len(m.Plans)-1].Number {
			return strings.TrimPrefix(m.Title, "Mindfulness and ")
		}
	}
	return "?"
}

// hm writes a duration as "2h30".
func hm(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	if m == 0 {
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%02d", h, m)
}

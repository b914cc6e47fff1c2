package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
)

// The group meets on Monday evenings in New York from 5 January 2026 and
// does not meet on the Monday federal holidays that fall on its series.
var (
	firstSession = curriculum.Slot{Date: curriculum.Date{Year: 2026, Month: time.January, Day: 5}, At: curriculum.Clock{Hour: 17, Minute: 30}}
	holidays     = []curriculum.Date{
		{Year: 2026, Month: time.January, Day: 19},  // Martin Luther King Jr. Day
		{Year: 2026, Month: time.May, Day: 25},      // Memorial Day
		{Year: 2026, Month: time.September, Day: 7}, // Labor Day
	}
)

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
	return curriculum.Schedule(program, curriculum.Spec{First: firstSession, Location: loc, Cycles: cycles, Skip: holidays})
}

// printBoundaries prints each module run with its dates: the first session
// of each is an entry point.
func printBoundaries(p *demo.Printer, program curriculum.Program, cal curriculum.Calendar) {
	p.Section("2. Module boundaries and entry points on dates (curriculum.Schedule, Calendar.EntryPoints)")
	cycles := "one cycle"
	if n := cal.Spec().Cycles; n > 1 {
		cycles = fmt.Sprintf("%d cycles", n)
	}
	p.Printf("Mondays at 17:30 in New York, %s, skipping the Monday holidays on the\n", cycles)
	p.Printf("series (the later sessions move up a week). Every module's first session is\n")
	p.Printf("an entry point; a rolling-entry group takes these times as its only admissions.\n\n")
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
		p.Printf("  no session on %s (holiday)\n", x.Start.Format("Mon 2 Jan 2006"))
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

package main

import (
	"slices"
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/measure"
)

// schedule lays the program out on Thursday evenings from September 25,
// 2025, skipping Thanksgiving. The dates cross the end of daylight saving
// time on November 2.
func schedule(prog curriculum.Program, loc *time.Location) (curriculum.Calendar, error) {
	return curriculum.Schedule(prog, curriculum.Spec{
		First:    curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.September, Day: 25}, At: curriculum.Clock{Hour: 18}},
		Location: loc,
		Skip:     []curriculum.Date{{Year: 2025, Month: time.November, Day: 27}}, // Thanksgiving
	})
}

// moduleOf returns the title of the module holding plan n.
func moduleOf(prog curriculum.Program, n int) string {
	for _, m := range prog.Modules {
		for _, pl := range m.Plans {
			if pl.Number == n {
				return m.Title
			}
		}
	}
	return ""
}

// showCalendar prints the program and its dates.
func showCalendar(p *demo.Printer, o *outcome) error {
	prog, cal := o.program, o.calendar
	intro(p, "3. The program on the calendar",
		"curriculum.GroupCBTDepression is a built-in program; curriculum.Schedule puts it on dates in a",
		"real time zone: same wall-clock time every week, holidays skipped, RFC 5545 recurrence included.")
	p.Printf("  %s: %d sessions of %s, %s, entry at %s (plans %v)\n",
		prog.Title, prog.NumPlans(), hours(prog.SessionLength), prog.Cadence, prog.Entry, prog.EntryPoints())
	for _, inst := range o.measured() {
		p.Printf("  %s at sessions %v (Program.MeasuresAt)\n", label(inst), prog.MeasuresAt(inst))
	}
	p.Printf("  completion: at least %d sessions attended\n\n", prog.Completion.MinSessions)
	var prev curriculum.Occurrence
	for _, oc := range cal.Occurrences {
		if prev.Session > 0 {
			_, was := prev.Start.Zone()
			if name, off := oc.Start.Zone(); off != was {
				p.Printf("        clocks changed between these dates: still %s local time, now %s (UTC%s)\n",
					clock(oc.Start), name, offset(off))
			}
			for _, ex := range cal.Excluded {
				if ex.Start.After(prev.Start) && ex.Start.Before(oc.Start) {
					p.Printf("        %s skipped (Thanksgiving): the later sessions move one week on\n", day(ex.Start))
				}
			}
		}
		var marks []string
		if oc.Entry {
			marks = append(marks, "entry: "+moduleOf(prog, oc.Plan))
		}
		if plan, ok := prog.Plan(oc.Plan); ok && len(plan.Measures) > 0 {
			forms := make([]string, len(plan.Measures))
			for k, inst := range plan.Measures {
				forms[k] = label(inst)
			}
			marks = append(marks, strings.Join(forms, ", "))
		}
		p.Printf("  %3d  %s %s %s  %-32s %s\n", oc.Session, day(oc.Start), clock(oc.Start),
			oc.Start.Format("MST"), oc.Title, strings.Join(marks, "; "))
		prev = oc
	}
	r := cal.Recurrence()
	tz := "TZID=" + cal.Location.String()
	p.Printf("\n  cal.Recurrence() as iCalendar lines (cal.ICalendar writes the whole file):\n")
	p.Printf("    DTSTART;%s:%s\n    RRULE:%s\n", tz, r.Start.Format("20060102T150405"), r.Rule)
	for _, x := range r.ExDates {
		p.Printf("    EXDATE;%s:%s\n", tz, x.Format("20060102T150405"))
	}
	// The waitlisted member can join only at an entry point, once a place
	// is free.
	first, _ := cal.Session(1)
	next, err := cal.NextEntry(first.Start.Add(time.Minute))
	if err != nil {
		return err
	}
	p.Printf("\n  Hana, waitlisted, could join at the next entry point if a place frees:\n")
	p.Printf("  session %d on %s (cal.NextEntry), the start of %q.\n", next.Session, day(next.Start), moduleOf(prog, next.Plan))
	return nil
}

// measured returns the instruments the program's plans give, in the order
// they first appear.
func (o *outcome) measured() []measure.Instrument {
	var out []measure.Instrument
	for n := 1; n <= o.program.NumPlans(); n++ {
		plan, _ := o.program.Plan(n)
		for _, inst := range plan.Measures {
			if !slices.Contains(out, inst) {
				out = append(out, inst)
			}
		}
	}
	return out
}

// offset formats a zone offset in seconds as "-05:00".
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	return sign + time.Time{}.Add(time.Duration(sec)*time.Second).Format("15:04")
}

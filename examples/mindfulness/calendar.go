package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
)

// The course: Tuesday evenings in London from 30 September 2025. British
// Summer Time ends on Sunday 26 October, and the half-term week of 28 October
// has no class.
var (
	firstClass = curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.September, Day: 30}, At: curriculum.Clock{Hour: 18, Minute: 30}}
	halfTerm   = curriculum.Date{Year: 2025, Month: time.October, Day: 28}
)

// calendarUID and stamp identify the iCalendar object: the library never
// reads the clock, so the time the object was made is a parameter.
const calendarUID = "mindfulness-autumn-2025@clinic.example"

var stamp = time.Date(2025, time.September, 1, 9, 0, 0, 0, time.UTC)

// schedule puts the course on dates. The orientation and the day of
// practice take the program's defaults: one week before class 1, and the
// Saturday between classes 6 and 7 at 09:30.
func schedule(program curriculum.Program, loc *time.Location) (curriculum.Calendar, error) {
	return curriculum.Schedule(program, curriculum.Spec{
		First:    firstClass,
		Location: loc,
		Skip:     []curriculum.Date{halfTerm},
	})
}

func printCalendar(p *demo.Printer, cal curriculum.Calendar) {
	p.Section("1. The dated calendar (curriculum.Schedule)")
	p.Printf("Every class starts at 18:30 London time. The UTC column shows the clocks\n")
	p.Printf("going back on 26 October: the wall-clock time is kept, the instant moves.\n")
	p.Printf("The orientation and the day of practice are the program's extra days, placed by\n")
	p.Printf("default a week before class 1 and on the Saturday between classes 6 and 7.\n\n")
	rows := [][]string{{"", "date", "local", "UTC", "length", "title"}}
	for _, o := range cal.Occurrences {
		what := fmt.Sprintf("class %d", o.Session)
		if o.Kind == curriculum.OccurrenceExtraDay {
			what = o.Extra.String()
		}
		rows = append(rows, []string{what, o.Start.Format("Mon 2 Jan"), o.Start.Format("15:04 MST"),
			o.Start.UTC().Format("15:04"), hm(o.End.Sub(o.Start)), o.Title})
	}
	table(p, rows)
	for _, x := range cal.Excluded {
		why := "skipped (half-term holiday): the later classes move one week on"
		if x.Cancelled {
			why = "cancelled"
		}
		p.Printf("  no class on %s: %s\n", x.Start.Format("Mon 2 Jan"), why)
	}
}

// printRecurrence shows the calendar the way calendar apps store it.
func printRecurrence(p *demo.Printer, cal curriculum.Calendar) error {
	p.Section("2. The same calendar in RFC 5545 terms (Calendar.Recurrence, Calendar.ICalendar)")
	p.Printf("The classes are one recurring event: a start, a weekly rule counting series\n")
	p.Printf("dates (the skipped one included) and an exclusion. Extra days are separate events.\n\n")
	r := cal.Recurrence()
	p.Printf("  DTSTART %s\n  RRULE   %s\n", r.Start.Format("2006-01-02 15:04 MST"), r.Rule)
	for _, x := range r.ExDates {
		p.Printf("  EXDATE  %s\n", x.Format("2006-01-02 15:04 MST"))
	}
	b, err := cal.ICalendar(calendarUID, stamp)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimRight(string(b), "\r\n"), "\r\n")
	p.Printf("\n  The recurring VEVENT of the iCalendar object (%d lines in all, -ics prints them):\n", len(lines))
	in, events := false, 0
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			events++
			in = events == 1
		case in && l == "END:VEVENT":
			in = false
		case in && !strings.HasPrefix(l, "DTSTAMP"):
			p.Printf("    %s\n", l)
		}
	}
	p.Printf("  plus %d VEVENTs for the extra days and a VTIMEZONE for Europe/London.\n", events-1)
	return nil
}

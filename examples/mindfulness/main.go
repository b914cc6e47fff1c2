// Command mindfulness follows an eight-week mindfulness course for stress
// (curriculum.MindfulnessStressReduction) run in London in the autumn:
//
//   - the dated calendar, with its orientation, the all-day practice between
//     classes 6 and 7 and a skipped half-term week, kept at the same
//     wall-clock time across the end of British Summer Time, and the same
//     calendar as an RFC 5545 recurrence (RRULE, EXDATE) and iCalendar event;
//   - home practice: the course asks about 45 minutes a day, 6 days a week;
//     four members' logged minutes become homework returns that
//     curriculum.Assess reads into completion rates and findings;
//   - the group climate: the GCQ-S each week, its group means fed to
//     stage.Infer for a heuristic stage estimate week by week.
//
// Usage:
//
//	go run ./examples/mindfulness        # the whole story
//	go run ./examples/mindfulness -ics   # and the full iCalendar object
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // Europe/London on any machine

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run tells the course's story to w. With -ics it also writes the whole
// iCalendar object at the end.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("mindfulness", flag.ContinueOnError)
	fs.SetOutput(w)
	ics := fs.Bool("ics", false, "also print the full iCalendar object")
	if err := fs.Parse(args); err != nil {
		return err
	}
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return err
	}
	p := demo.NewPrinter(w)
	program := curriculum.MindfulnessStressReduction()
	p.Title(program.Title)
	p.Printf("%s\n", program.Description)
	p.Printf("%d classes of %s, %s; closed cohort (entry: %s).\n",
		program.NumPlans(), hm(program.SessionLength), program.Cadence, program.Entry)

	cal, err := schedule(program, loc)
	if err != nil {
		return err
	}
	printCalendar(p, cal)
	if err := printRecurrence(p, cal); err != nil {
		return err
	}
	if _, err := homePractice(p, program); err != nil {
		return err
	}
	if _, _, err := climate(p, cal); err != nil {
		return err
	}
	if *ics {
		b, err := cal.ICalendar(calendarUID, stamp)
		if err != nil {
			return err
		}
		p.Section("The full iCalendar object (-ics)")
		p.Printf("%s", strings.ReplaceAll(string(b), "\r\n", "\n"))
	}
	return p.Err()
}

// table writes rows aligned in columns, indented by two spaces.
func table(p *demo.Printer, rows [][]string) {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, "  "+strings.Join(r, "\t"))
	}
	tw.Flush()
	p.Printf("%s", b.String())
}

// hm writes a duration as "2h30" or "45 min".
func hm(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%02d", h, m)
}

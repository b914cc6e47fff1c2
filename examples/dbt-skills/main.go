// Command dbt-skills follows a DBT-style skills group (curriculum.DBTSkills)
// through its first months:
//
//   - the 24-week cycle, run twice: three modules, each opening with two
//     weeks of mindfulness (2+6, 2+7, 2+5 weeks), laid out on dates in New
//     York with its module boundaries and the entry points they give;
//   - a group with rolling entry whose entry points come from that calendar:
//     a newcomer who asks to join mid-module is refused with
//     group.ErrNotEntryPoint, told the next entry point and admitted there;
//   - screening: an applicant with acute suicidality is suitable for the
//     skills group only while in concurrent individual therapy;
//   - the four-miss rule: curriculum.Assess finds the breach (blocking) and
//     the member's episode ends in the group with the reason recorded.
//
// Usage:
//
//	go run ./examples/dbt-skills              # the whole story
//	go run ./examples/dbt-skills -cycles 1    # a single 24-week cycle
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	_ "time/tzdata" // America/New_York on any machine

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run tells the group's story to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("dbt-skills", flag.ContinueOnError)
	fs.SetOutput(w)
	cycles := fs.Int("cycles", 2, "how many times the 24-week cycle runs (DBT skills usually run it twice)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cycles < 1 || *cycles > curriculum.MaxCycles {
		return fmt.Errorf("dbt-skills: -cycles must be 1 to %d, not %d", curriculum.MaxCycles, *cycles)
	}
	p := demo.NewPrinter(w)
	if _, err := tell(p, *cycles); err != nil {
		return err
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

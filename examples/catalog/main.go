// Command catalog prints groupwork's built-in modality catalogue as an
// aligned text table: for each kind of group, whether it is therapy or
// support, its ASGW specialization, structure, size guidance (min / ideal /
// max), session length, program length, membership policies and who may
// lead it. The output is deterministic.
//
//	go run ./examples/catalog
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/groupwork/groupwork/group"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "catalog:", err)
		os.Exit(1)
	}
}

// run writes the catalogue table to w.
func run(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "MODALITY\tKIND\tASGW\tSTRUCTURE\tSIZE\tMINUTES\tSESSIONS\tPOLICIES\tLED BY")
	for _, p := range group.BuiltinCatalog().Profiles() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			p.Name, p.Kind, p.Specialization, p.Structure, size(p.Size),
			span(p.SessionMinutes), sessions(p), join(p.Policies), join(p.LeadCredentials))
	}
	return tw.Flush()
}

func size(s group.SizeRange) string {
	ideal := fmt.Sprint(s.IdealMin)
	if s.IdealMax != s.IdealMin {
		ideal += "-" + fmt.Sprint(s.IdealMax)
	}
	hi := "-"
	if s.Max > 0 {
		hi = fmt.Sprint(s.Max)
	}
	return fmt.Sprintf("%d / %s / %s", s.Min, ideal, hi)
}

func span(r group.Range) string {
	if r.Max == 0 {
		return fmt.Sprintf("%d+", r.Min)
	}
	return fmt.Sprintf("%d-%d", r.Min, r.Max)
}

func sessions(p group.Profile) string {
	switch {
	case p.Sessions == (group.Range{}):
		return "ongoing"
	case p.OpenEnded:
		return span(p.Sessions) + " or ongoing"
	}
	return span(p.Sessions)
}

func join[T fmt.Stringer](vs []T) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.String()
	}
	return strings.Join(names, ", ")
}

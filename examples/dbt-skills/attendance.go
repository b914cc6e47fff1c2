package main

import (
	"errors"
	"fmt"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

const (
	in  = session.AttendancePresent
	exc = session.AttendanceAbsentExcused
	abs = session.AttendanceAbsentUnexcused
)

// short names the attendance statuses in the grid.
var short = map[session.AttendanceStatus]string{in: "present", exc: "excused", abs: "absent"}

// attendance of Wes and Lena at sessions 1-13 (both joined at session 1).
// Wes misses 10 to 13, one of them with notice; Lena misses 11 to 13.
var attendance = map[group.MemberID][]session.AttendanceStatus{
	"wes":  {in, in, in, in, in, in, in, in, in, abs, exc, abs, abs},
	"lena": {in, in, in, in, in, in, in, in, in, in, exc, abs, abs},
}

// recordOf is a member's curriculum record from session 1 on.
func recordOf(id group.MemberID, cal curriculum.Calendar) curriculum.Record {
	r := curriculum.Record{Member: id}
	for i, a := range attendance[id] {
		o, _ := cal.Session(i + 1)
		r.Sessions = append(r.Sessions, curriculum.SessionRecord{Plan: o.Plan, Attendance: a})
	}
	return r
}

// fourMisses assesses Wes and Lena after session 13 and ends Wes's
// membership under the four-miss rule.
func fourMisses(p *demo.Printer, program curriculum.Program, st *story) error {
	g, cal, loc := st.group, st.calendar, st.calendar.Location
	p.Section("7. The four-miss rule (curriculum.Record, curriculum.Assess)")
	p.Printf("Attendance at sessions 9-13 (earlier sessions all attended). In DBT every\n")
	p.Printf("missed session counts, with notice (excused) or without (absent).\n\n")
	rows := [][]string{{"member"}}
	for n := 9; n <= 13; n++ {
		o, _ := cal.Session(n)
		rows[0] = append(rows[0], o.Start.Format("2 Jan"))
	}
	rows[0] = append(rows[0], "misses in a row", "status")
	var err error
	for _, id := range []group.MemberID{"wes", "lena"} {
		pr, e := curriculum.Assess(program, recordOf(id, cal))
		err = errors.Join(err, e)
		row := namesOf(g, []group.MemberID{id})
		for _, a := range attendance[id][8:] {
			row = append(row, short[a])
		}
		rows = append(rows, append(row, fmt.Sprint(pr.ConsecutiveMisses), pr.Status.String()))
		if id == "wes" {
			st.wes = pr
		} else {
			st.lena = pr
		}
	}
	if err != nil {
		return err
	}
	table(p, rows)
	for _, pr := range []curriculum.Progress{st.wes, st.lena} {
		p.Printf("  %s:\n", namesOf(g, []group.MemberID{group.MemberID(pr.Member)})[0])
		for _, f := range pr.Findings {
			p.Printf("    [%s] %s: %s\n", f.Severity, f.Code, f.Message)
		}
	}
	p.Printf("  Lena's warning is the prompt to reach out to her before the next session.\n")

	p.Section("8. What the breach means (Group.DropOut, Group.Episodes)")
	p.Printf("The blocking finding ends Wes's contract: he is out for the rest of it\n")
	p.Printf("(Linehan 1993, 2015). The leaders record it in the group with the reason;\n")
	p.Printf("the episode is over and his place is free for the next entry point.\n\n")
	s13, _ := cal.Session(13)
	reason := fmt.Sprintf("four-miss rule: missed sessions 10-13 in a row (to %s); out for the rest of the contract", s13.Start.Format("2 Jan"))
	after := curriculum.DateOf(s13.Start).AddDays(1) // the leaders meet the morning after
	if err := g.DropOut("wes", day(loc, after.Year, after.Month, after.Day), reason); err != nil {
		return err
	}
	for _, t := range g.Episodes("wes")[0].Transitions {
		p.Printf("  %s  %-12s %s\n", t.At.Format("2006-01-02"), t.Status, t.Reason)
	}
	next, err := cal.NextEntry(s13.Start)
	if err != nil {
		return err
	}
	st.readmit = g.Admit("wes", next.Start)
	var te *group.TransitionError
	if !errors.As(st.readmit, &te) {
		return fmt.Errorf("dbt-skills: expected a transition error, got %v", st.readmit)
	}
	p.Printf("\n  Admit at the next entry point (%s): refused, %s -> %s is not a transition\n", next.Start.Format("2 Jan"), te.From, te.To)
	p.Printf("  (errors.Is(err, group.ErrInvalidTransition)). Coming back takes a new referral and\n")
	p.Printf("  a new contract once this one ends: group.Refer then opens episode 2.\n")
	p.Printf("  Active now: %s (%d of %d places).\n", names(g.ActiveMembers()), len(g.ActiveMembers()), g.Capacity())
	return nil
}

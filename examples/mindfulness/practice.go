package main

import (
	"fmt"
	"strconv"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
)

// The example's own rule for turning logged minutes into a homework return
// (not a published one; curriculum records returns, not minutes): at least
// 80% of the weekly target is a return, at least 40% a partial one.
const (
	returnedShare = 0.8
	partialShare  = 0.4
)

// weeklyTarget returns the home practice the program sets at class 1, in
// minutes a week, with its title.
func weeklyTarget(program curriculum.Program) (int, curriculum.Homework, error) {
	pl, _ := program.Plan(1)
	for _, h := range pl.Homework {
		if h.Kind == curriculum.HomeworkHomePractice {
			return h.MinutesPerDay * h.DaysPerWeek, h, nil
		}
	}
	return 0, curriculum.Homework{}, fmt.Errorf("mindfulness: %s sets no home practice at class 1", program.Name)
}

// returnOf turns one week's logged minutes into a homework return.
func returnOf(minutes, target int) curriculum.HomeworkReturn {
	switch share := float64(minutes) / float64(target); {
	case minutes < 0:
		return curriculum.HomeworkNotRecorded
	case share >= returnedShare:
		return curriculum.HomeworkReturned
	case share >= partialShare:
		return curriculum.HomeworkPartial
	}
	return curriculum.HomeworkNotReturned
}

// record is what the course knows of m after the eight classes: attendance
// and, from class 2 on, the week's practice as a homework return.
func record(m member, target int) curriculum.Record {
	r := curriculum.Record{Member: m.id}
	for i, a := range m.attend {
		s := curriculum.SessionRecord{Plan: i + 1, Attendance: a}
		if a.Attended() {
			s.Homework = returnOf(m.logged[i], target)
		}
		r.Sessions = append(r.Sessions, s)
	}
	return r
}

// homePractice compares the logged minutes of the members who kept a log
// with the program's home practice, and assesses each member's record.
func homePractice(p *demo.Printer, program curriculum.Program) (map[string]curriculum.Progress, error) {
	target, hw, err := weeklyTarget(program)
	if err != nil {
		return nil, err
	}
	p.Section("3. Home practice against the program (curriculum.Record, curriculum.Assess)")
	p.Printf("Each class sets %q: %d min a day, %d days a week = %d min a week.\n",
		hw.Title, hw.MinutesPerDay, hw.DaysPerWeek, target)
	p.Printf("Four members logged their minutes for the 7 days before each class. The example\n")
	p.Printf("turns a week into a homework return (its own rule: >= %.0f%% of the target returned,\n", 100*returnedShare)
	p.Printf(">= %.0f%% partial, less not returned; absent = nothing recorded) and Assess reads\n", 100*partialShare)
	p.Printf("the record: homework rate = (returned + partial/2) / weeks recorded.\n\n")

	rows := [][]string{{"member", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "of target", "homework", "classes", "status"}}
	got := map[string]curriculum.Progress{}
	var order []member
	for _, m := range cohort() {
		if !m.keptLog() {
			continue
		}
		order = append(order, m)
		g, err := curriculum.Assess(program, record(m, target))
		if err != nil {
			return nil, err
		}
		got[string(m.id)] = g
		row := []string{m.name}
		sum, weeks := 0, 0
		for i := 1; i < 8; i++ {
			if m.logged[i] < 0 {
				row = append(row, "-")
				continue
			}
			row = append(row, fmt.Sprint(m.logged[i]))
			sum += m.logged[i]
			weeks++
		}
		share := 0.0
		if weeks > 0 {
			share = float64(sum) / float64(weeks*target)
		}
		row = append(row, fmt.Sprintf("%.0f%%", 100*share), fmt.Sprintf("%.2f", g.HomeworkRate),
			fmt.Sprintf("%d of %d", g.Attended, g.Held), g.Status.String())
		rows = append(rows, row)
	}
	table(p, rows)
	p.Printf("  (cN: minutes logged in the 7 days before class N; - : absent, no log handed in)\n")
	p.Printf("\n  Completion is attendance, not practice: at least %d of the %d classes.\n", program.Completion.MinSessions, program.NumPlans())
	p.Printf("    source: %s\n", program.Completion.Source)
	p.Printf("  Findings from Assess, for the clinician:\n")
	for _, m := range order {
		g := got[string(m.id)]
		if len(g.Findings) == 0 {
			continue
		}
		p.Printf("  %s, %s %s to make up:\n", m.name, demo.Plural(len(g.MakeUp), "class", "classes"), classList(g.MakeUp))
		findings(p, g.Findings)
	}
	return got, nil
}

// findings writes guidance findings one level deeper than demo's Printer
// does, under a member's name.
func findings(p *demo.Printer, fs []group.Finding) {
	for _, f := range fs {
		p.Printf("    [%s] %s: %s\n      source: %s\n", f.Severity, f.Code, f.Message, f.Source)
	}
}

// classList writes class numbers as a list: "5", "3, 4 and 6".
func classList(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return demo.List(s)
}

// Package demo holds the example programs' printing helpers: plain-text
// renderings of findings, agendas, attendance, metrics, stage estimates,
// recommendations and progress notes, with people shown by name. It is not
// API: the programs under examples/ are its only users. The programs record
// their sessions themselves, through advice.Room, as an app does.
package demo

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Printer writes the examples' plain-text output. Write errors are kept and
// reported by Err, so the programs can print freely and check once.
type Printer struct {
	w   io.Writer
	err error
}

// NewPrinter returns a printer writing to w.
func NewPrinter(w io.Writer) *Printer { return &Printer{w: w} }

// Err returns the first write error, or nil.
func (p *Printer) Err() error { return p.err }

// Printf writes formatted text.
func (p *Printer) Printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// Title writes a heading underlined with '='.
func (p *Printer) Title(s string) {
	p.Printf("\n%s\n%s\n", s, strings.Repeat("=", len(s)))
}

// Section writes a subheading underlined with '-'.
func (p *Printer) Section(s string) {
	p.Printf("\n%s\n%s\n", s, strings.Repeat("-", len(s)))
}

// table writes rows aligned in columns.
func (p *Printer) table(rows [][]string) {
	if p.err != nil {
		return
	}
	tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, "  "+strings.Join(r, "\t"))
	}
	p.err = tw.Flush()
}

// Findings writes guidance findings, or "no findings".
func (p *Printer) Findings(fs []group.Finding) {
	if len(fs) == 0 {
		p.Printf("  no findings\n")
		return
	}
	for _, f := range fs {
		p.Printf("  [%s] %s: %s\n    source: %s\n", f.Severity, f.Code, f.Message, f.Source)
	}
}

// Agenda writes the planned segments with their start offsets.
func (p *Printer) Agenda(a session.Agenda) {
	rows := [][]string{}
	var at time.Duration
	for _, s := range a.Segments {
		title := s.Kind.String()
		if s.Title != "" {
			title += " (" + s.Title + ")"
		}
		rows = append(rows, []string{clock(at), title, minutes(s.Planned)})
		at += s.Planned
	}
	rows = append(rows, []string{clock(at), "end", minutes(a.Total()) + " in all"})
	p.table(rows)
}

// Attendance writes each member's status in s and what it means for
// billing and notes; a group that keeps no clinical records (a support
// group) has no progress notes to write.
func (p *Printer) Attendance(s *session.Session) {
	spec := s.Spec()
	names := NamesOf(spec)
	rows := [][]string{{"member", "status", "billable", "progress note"}}
	for _, a := range s.Attendance() {
		rows = append(rows, []string{names.Member(a.Member), a.Status.String(), yes(a.Status.Billable()),
			yes(spec.Profile.ClinicalRecords && a.Status.NeedsNote())})
	}
	p.table(rows)
	p.Printf("  participants for billing: %d\n", s.ParticipantCount())
}

// Metrics writes the interaction metrics of a snapshot: the group's, then
// each attending member's, by name.
func (p *Printer) Metrics(s *dynamics.Snapshot, names Names) {
	p.Printf("  turns %d, talk %s, facilitator share %.2f, member-to-member ratio %.2f\n",
		s.Turns, minutes(s.Talk), s.FacilitatorShare, s.MemberToMemberRatio)
	p.Printf("  talk Gini %.2f, reciprocity %.2f, density %.2f, modularity %.2f\n",
		s.TalkGini, s.Reciprocity, s.Density, s.Modularity)
	for i, g := range s.Subgroups {
		p.Printf("  subgroup %d: %s\n", i+1, names.Members(g.Members))
	}
	rows := [][]string{{"member", "turns", "talk", "share", "to members", "to leaders", "silent for"}}
	for _, m := range s.Members {
		if !m.Attended {
			continue
		}
		rows = append(rows, []string{names.Member(m.ID), fmt.Sprint(m.Turns), minutes(m.Talk),
			fmt.Sprintf("%.2f", m.TalkShare), fmt.Sprintf("%.2f", m.ToMembers), fmt.Sprintf("%.2f", m.ToFacilitators), minutes(m.SinceSpoke)})
	}
	p.table(rows)
}

// Estimate writes a stage estimate in one model, with the evidence it rests
// on: "not enough evidence yet" when it names no stage.
func (p *Printer) Estimate(e stage.Estimate, m stage.Model) {
	e = e.Translate(m)
	p.Printf("  stage (%s's model): %s, confidence %.2f\n", ModelName(m), e.Name(), e.Confidence)
	for _, s := range e.Evidence {
		p.Printf("    %s -> %s (%.2f): %s\n", s.Code, s.Stage, s.Weight, s.Detail)
	}
	p.Printf("  %s\n", e.Note)
}

// ModelName returns a stage model's name as prose writes it: "Tuckman".
func ModelName(m stage.Model) string {
	if info, ok := stage.BuiltinModel(m); ok {
		return info.Name
	}
	return m.String()
}

// Recommendations writes ranked recommendations with their reasons,
// evidence and sources, people by name.
func (p *Printer) Recommendations(recs []advice.Recommendation, names Names) {
	if len(recs) == 0 {
		p.Printf("  nothing to act on\n")
		return
	}
	for i, r := range recs {
		expected := ""
		if r.Expected {
			expected = ", expected here"
		}
		p.Printf("  %d. %s [%s%s] %s (confidence %.2f)\n", i+1, r.Situation, r.Urgency, expected, names.Involved(r.Members, r.Facilitators), r.Confidence)
		if len(r.Steps) > 0 {
			p.Printf("     protocol: %s\n", joinStrings(r.Steps))
		}
		if len(r.Interventions) > 0 {
			p.Printf("     do: %s\n", joinStrings(r.Interventions))
		}
		p.Printf("     why: %s\n", r.Rationale)
		for _, e := range r.Evidence {
			p.Printf("     evidence: %s\n", Evidence(e))
		}
		p.Printf("     source: %s\n", r.Source)
	}
}

// Evidence writes one piece of evidence: the metric, its threshold, and the
// events (by their number in the session's log) that show it.
func Evidence(e advice.Evidence) string {
	s := fmt.Sprintf("%s %.2f", e.Metric, e.Value)
	if e.Threshold != 0 {
		s += fmt.Sprintf(", threshold %.2f", e.Threshold)
	}
	if e.Margin != 0 {
		s += fmt.Sprintf(" (%+.0f%%)", 100*e.Margin)
	}
	if e.Note != "" {
		s += "; " + e.Note
	}
	return s + EventRefs(e.Events)
}

// EventRefs writes sequence numbers of a session's events as " (event 13)"
// or " (events 4, 6, 9)", and nothing for none.
func EventRefs(seqs []int) string {
	if len(seqs) == 0 {
		return ""
	}
	s := make([]string, len(seqs))
	for i, x := range seqs {
		s[i] = fmt.Sprint(x)
	}
	return fmt.Sprintf(" (%s %s)", Plural(len(seqs), "event", "events"), strings.Join(s, ", "))
}

// ProgressNote writes one member's progress note as it goes into that
// member's record: other members are already redacted by the session.
func (p *Printer) ProgressNote(n session.ProgressNote) {
	p.Printf("  %s, %s, attendance %s\n", n.Name, n.Date.Format("2006-01-02"), n.Attendance.Status)
	p.Printf("    participation: %s, %s, addressed %s\n", Count(n.Participation.Turns, "turn", "turns"),
		minutes(n.Participation.Talk), Times(n.Participation.Addressed))
	if n.Narrative != "" {
		p.Printf("    narrative: %s\n", n.Narrative)
	}
	if n.GoalProgress != "" {
		p.Printf("    goal progress: %s\n", n.GoalProgress)
	}
	if n.Group.Theme != "" {
		p.Printf("    group theme: %s\n", n.Group.Theme)
	}
	if n.Group.Process != "" {
		p.Printf("    group process: %s\n", n.Group.Process)
	}
	p.Printf("    signed: %s\n", yes(n.Signed))
}

// Plural returns one when n is 1 and many otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count writes n with the noun that fits it: "1 turn", "3 turns".
func Count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, Plural(n, one, many)) }

// Times writes how often something happened: "never", "once", "twice",
// "3 times".
func Times(n int) string {
	switch n {
	case 0:
		return "never"
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

func clock(d time.Duration) string {
	return fmt.Sprintf("%d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

func minutes(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
	return fmt.Sprintf("%.1f min", d.Minutes())
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func joinStrings[T fmt.Stringer](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = x.String()
	}
	return strings.Join(s, ", ")
}

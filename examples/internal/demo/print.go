package demo

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/groupwork/groupwork/dynamics"
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
	clinical := s.Spec().Profile.ClinicalRecords
	rows := [][]string{{"member", "status", "billable", "progress note"}}
	for _, a := range s.Attendance() {
		rows = append(rows, []string{string(a.Member), a.Status.String(), yes(a.Status.Billable()), yes(clinical && a.Status.NeedsNote())})
	}
	p.table(rows)
	p.Printf("  participants for billing: %d\n", s.ParticipantCount())
}

// Metrics writes the interaction metrics of a snapshot: the group's, then
// each attending member's.
func (p *Printer) Metrics(s *dynamics.Snapshot) {
	p.Printf("  turns %d, talk %s, facilitator share %.2f, member-to-member ratio %.2f\n",
		s.Turns, minutes(s.Talk), s.FacilitatorShare, s.MemberToMemberRatio)
	p.Printf("  talk Gini %.2f, reciprocity %.2f, density %.2f, modularity %.2f\n",
		s.TalkGini, s.Reciprocity, s.Density, s.Modularity)
	for i, g := range s.Subgroups {
		p.Printf("  subgroup %d: %s\n", i+1, joinIDs(g.Members))
	}
	rows := [][]string{{"member", "turns", "talk", "share", "to members", "to leaders", "silent for"}}
	for _, m := range s.Members {
		if !m.Attended {
			continue
		}
		rows = append(rows, []string{string(m.ID), fmt.Sprint(m.Turns), minutes(m.Talk),
			fmt.Sprintf("%.2f", m.TalkShare), fmt.Sprintf("%.2f", m.ToMembers), fmt.Sprintf("%.2f", m.ToFacilitators), minutes(m.SinceSpoke)})
	}
	p.table(rows)
}

// Estimate writes a stage estimate with the evidence it rests on.
func (p *Printer) Estimate(e dynamics.Estimate, m dynamics.Model) {
	p.Printf("  stage: %s (%s model: %s), confidence %.2f\n", e.Stage, m, e.In(m), e.Confidence)
	for _, s := range e.Evidence {
		p.Printf("    %s -> %s (%.2f): %s\n", s.Code, s.Stage, s.Weight, s.Detail)
	}
	p.Printf("  %s\n", e.Note)
}

// Recommendations writes ranked recommendations with their reasons and sources.
func (p *Printer) Recommendations(recs []dynamics.Recommendation) {
	if len(recs) == 0 {
		p.Printf("  nothing to act on\n")
		return
	}
	for i, r := range recs {
		who := joinIDs(r.Members)
		if len(r.Facilitators) > 0 {
			who = strings.TrimSpace(who + " -> " + joinIDs(r.Facilitators))
		}
		p.Printf("  %d. %s [%s] %s (confidence %.2f)\n", i+1, r.Situation, r.Urgency, who, r.Confidence)
		if len(r.Steps) > 0 {
			p.Printf("     protocol: %s\n", joinStrings(r.Steps))
		}
		if len(r.Interventions) > 0 {
			p.Printf("     do: %s\n", joinStrings(r.Interventions))
		}
		p.Printf("     why: %s\n", r.Rationale)
		for _, e := range r.Evidence {
			limit := ""
			if e.Threshold != 0 {
				limit = fmt.Sprintf(" (threshold %.2f)", e.Threshold)
			}
			p.Printf("     evidence: %s = %.2f%s%s\n", e.Metric, e.Value, limit, eventRefs(e.Events))
		}
		p.Printf("     source: %s\n", r.Source)
	}
}

// ProgressNote writes one member's progress note as it goes into that
// member's record: other members are already redacted by the session.
func (p *Printer) ProgressNote(n session.ProgressNote) {
	p.Printf("  %s (%s), %s, attendance %s\n", n.Name, n.Member, n.Date.Format("2006-01-02"), n.Attendance.Status)
	p.Printf("    participation: %d turns, %s, addressed %d times\n", n.Participation.Turns, minutes(n.Participation.Talk), n.Participation.Addressed)
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

func joinIDs[T ~string](ids []T) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

func joinStrings[T fmt.Stringer](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = x.String()
	}
	return strings.Join(s, ", ")
}

func eventRefs(idx []int) string {
	if len(idx) == 0 {
		return ""
	}
	s := make([]string, len(idx))
	for i, x := range idx {
		s[i] = fmt.Sprint(x)
	}
	return " at events " + strings.Join(s, ", ")
}

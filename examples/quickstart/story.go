package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// The facilitators. IDs are the app's own; names are invented.
const (
	reyes  group.FacilitatorID = "reyes"  // Dr. Nadia Reyes, psychologist, the lead
	okafor group.FacilitatorID = "okafor" // Sam Okafor, clinical social worker, the co-lead
)

// The ten people referred. The first eight join; Kofi is referred
// elsewhere and Hana waits for a place.
const (
	priya  group.MemberID = "priya"
	marcus group.MemberID = "marcus"
	elena  group.MemberID = "elena"
	dmitri group.MemberID = "dmitri" // PHQ-9 item 9 above 0 at screening
	jonah  group.MemberID = "jonah"
	kofi   group.MemberID = "kofi" // active substance use
	grace  group.MemberID = "grace"
	owen   group.MemberID = "owen"
	farah  group.MemberID = "farah"
	hana   group.MemberID = "hana" // the ninth suitable person: the group is full
)

// groupName is the group's display name, and its ID on measure forms.
const groupName = "Thursday CBT for depression"

// outcome keeps what the story produced, for the report and for the smoke
// test to check directly as well as through the printed text.
type outcome struct {
	loc       *time.Location
	program   curriculum.Program
	calendar  curriculum.Calendar
	group     *group.Group
	referrals []referral
	sessions  []*played // sessions 1 and 6
	history   *stage.History
	estimates []stage.Estimate // by session, 1 to 12
	// forms are every PHQ-9 and GAD-7 of the program, in session order;
	// attended is each member's attendance by session.
	forms    []measure.Administration
	attended map[group.MemberID][]measure.SessionAttendance
	alerts   []episode // session-by-session monitoring, in the order raised
	// trajectories are by instrument, then member; summaries by
	// instrument, in the program's order.
	trajectories []measure.Trajectory
	summaries    []measure.GroupSummary
	results      measure.GroupOutcomes
}

// names returns every referred person's display name by ID.
func (o *outcome) names() map[group.MemberID]string {
	out := map[group.MemberID]string{}
	for _, m := range o.group.Members() {
		out[m.ID] = m.Name
	}
	return out
}

// people returns the names of everyone in the story, members and
// facilitators, for what a person reads.
func (o *outcome) people() demo.Names {
	n := demo.Names{}
	for _, m := range o.group.Members() {
		n[session.MemberParty(m.ID)] = m.Name
	}
	for _, f := range o.group.Facilitators() {
		n[session.FacilitatorParty(f.ID)] = f.Name
	}
	return n
}

// story runs the program and writes the walkthrough to w.
func story(w io.Writer) (*outcome, error) {
	p := demo.NewPrinter(w)
	p.Title("groupwork quickstart: a 12-session CBT group for depression")
	p.Printf("One group, from referral to outcome, using the five packages of the library:\n")
	p.Printf("group (who meets), curriculum (what and when), session (what happened),\n")
	p.Printf("dynamics (what it means for the facilitator) and measure (did it help).\n")

	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		return nil, err
	}
	o := &outcome{loc: ny, program: curriculum.GroupCBTDepression()}
	// The calendar is made first because the group admits newcomers only at
	// its entry points; it is shown in section 3.
	if o.calendar, err = schedule(o.program, ny); err != nil {
		return nil, err
	}
	if o.group, err = buildGroup(p, o.program, o.calendar); err != nil {
		return nil, err
	}
	if o.referrals, err = screenReferrals(p, o.group, o.calendar); err != nil {
		return nil, err
	}
	if err := showCalendar(p, o); err != nil {
		return nil, err
	}
	if err := runProgram(p, o); err != nil {
		return nil, err
	}
	if err := showMonitoring(p, o); err != nil {
		return nil, err
	}
	if err := outcomes(p, o); err != nil {
		return nil, err
	}
	return o, p.Err()
}

// intro opens a section with what it shows and which package does the work.
func intro(p *demo.Printer, title string, what ...string) {
	p.Section(title)
	for _, line := range what {
		p.Printf("%s\n", line)
	}
	p.Printf("\n")
}

// wrap writes text after prefix, folded at about 100 columns.
func wrap(p *demo.Printer, prefix, text string) {
	line := prefix
	indent := strings.Repeat(" ", len(prefix))
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > 100 && strings.TrimSpace(line) != "" && line != prefix {
			p.Printf("%s\n", line)
			line = indent
		}
		if line != prefix && line != indent {
			line += " "
		}
		line += word
	}
	p.Printf("%s\n", line)
}

// day formats a date as "Thu Sep 25".
func day(t time.Time) string { return t.Format("Mon Jan _2") }

// hours formats a whole number of hours as "2 hours".
func hours(d time.Duration) string { return fmt.Sprintf("%g hours", d.Hours()) }

// clock formats a time of day as "18:05".
func clock(t time.Time) string { return t.Format("15:04") }

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// list joins the text forms of xs with commas.
func list[T fmt.Stringer](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = x.String()
	}
	return strings.Join(s, ", ")
}

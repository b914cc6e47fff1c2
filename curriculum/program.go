package curriculum

import (
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// Program is a curriculum: what a group teaches or practises session by
// session. It has modules; a module has session plans numbered 1, 2, 3, ...
// across the whole program. A program also says how its sessions run
// (modality, length, cadence), whom it admits and when (entry policy and
// entry points), how attendance and completion are judged, which extra days
// it adds (an orientation, a day of practice) and what members need before
// they start.
//
// Program is a plain value that round-trips through encoding/json (durations
// as Go duration text such as "2h30m0s"); a program decoded from JSON
// validates exactly like a built-in one. The zero value is not a valid
// program. Values are not safe for concurrent mutation; the package never
// mutates a Program it is given.
type Program struct {
	// Name identifies the program in a catalogue ("cbt-depression"). It must
	// not be empty.
	Name string `json:"name"`
	// Title is the program's display title.
	Title string `json:"title"`
	// Description says in a sentence or two what the program is for.
	Description string `json:"description,omitempty"`
	// Modality is the kind of group the program runs as; its profile
	// (OwnProfile, or the built-in group.Profile) supplies the typical
	// session length and number of sessions, and its shape (Shape, or the
	// built-in session.Shape) the agenda templates and agenda rules.
	Modality group.Modality `json:"modality"`
	// OwnProfile is the profile of an app's own modality, or an app's
	// version of a built-in one. Default (nil): the built-in profile of
	// Modality; a modality without one needs OwnProfile. Its Modality must
	// be the program's.
	OwnProfile *group.Profile `json:"profile,omitempty"`
	// Shape is the agenda shape of an app's own modality, or an app's
	// version of a built-in one. Default (nil): the built-in shape of
	// Modality. A modality without one needs Shape, unless every plan has
	// an agenda (its own or Format). Its Modality must be the program's.
	Shape *session.Shape `json:"shape,omitempty"`
	// Order says whether plans run in sequence or form a topic bank.
	Order Order `json:"order"`
	// SessionLength is how long each session runs. It must be positive.
	SessionLength time.Duration `json:"-"`
	// Cadence is how often sessions meet. It must be specified.
	Cadence Cadence `json:"cadence"`
	// Entry says when newcomers may join.
	Entry EntryPolicy `json:"entry"`
	// EntryPlans, when set, lists the plan numbers at which newcomers may
	// join, overriding the ones Entry implies. Each must be a plan the
	// policy allows (the first plan for cohort-start, a module's first plan
	// for module-starts). Default: derived from Entry (see EntryPoints).
	EntryPlans []int `json:"entryPlans,omitempty"`
	// OpenEnded says that the program has no planned end: the plans are a
	// bank the group keeps drawing on (an open support group).
	OpenEnded bool `json:"openEnded,omitempty"`
	// Format is the recurring agenda of every session whose plan has no
	// agenda of its own. When it is empty too, plans use session.Template
	// for the modality and session length.
	Format session.Agenda `json:"format,omitzero"`
	// Attendance is the rule that ends a member's contract after too many
	// misses. The zero value means no such rule.
	Attendance AttendanceRule `json:"attendance,omitzero"`
	// Completion is the dose that counts as having completed the program.
	Completion CompletionRule `json:"completion,omitzero"`
	// ExtraDays are meetings outside the numbered plans: an orientation, a
	// day of practice.
	ExtraDays []ExtraDay `json:"extraDays,omitempty"`
	// Prerequisites are what a member needs before starting (concurrent
	// individual therapy, a screening); they are shown to the clinician,
	// never checked by the library.
	Prerequisites []Prerequisite `json:"prerequisites,omitempty"`
	// Modules hold the session plans in order. There must be at least one.
	Modules []Module `json:"modules"`
	// Sources names the published sources of the program's shape.
	Sources []string `json:"sources,omitempty"`
}

// Module is a run of session plans on one theme. In programs with entry at
// module starts a newcomer joins at a module's first plan.
type Module struct {
	// Title is the module's display title.
	Title string `json:"title"`
	// Plans are the module's session plans, in order. There must be at least one.
	Plans []Plan `json:"plans"`
}

// Plan is one session of a program: what it aims at, how it runs and what it
// asks of members before the next session.
type Plan struct {
	// Number is the plan's place in the program, from 1, counted across
	// modules. Numbers run 1, 2, 3, ... without gaps or repeats.
	Number int `json:"number"`
	// Title is the session's display title.
	Title string `json:"title"`
	// Objectives say what members should take away.
	Objectives []string `json:"objectives,omitempty"`
	// Agenda is the session's own agenda. When it is empty the program's
	// Format is used, and failing that session.Template for the modality.
	Agenda session.Agenda `json:"agenda,omitzero"`
	// Activities name what members do ("role-play", "body scan", "art-making").
	Activities []string `json:"activities,omitempty"`
	// Homework is what members do before the next session.
	Homework []Homework `json:"homework,omitempty"`
	// Materials lists handouts and supplies the facilitator brings.
	Materials []string `json:"materials,omitempty"`
	// Measures lists the instruments members complete at this session
	// (such as the PHQ-9 at the first, middle and last sessions).
	Measures []measure.Instrument `json:"measures,omitempty"`
	// Requires lists plans a member should have covered before this one.
	// In a sequence they must come earlier; in a topic bank any other plan
	// will do.
	Requires []int `json:"requires,omitempty"`
}

// Homework is one piece of work set at a session for the days before the
// next.
type Homework struct {
	// Kind is the kind of work; it must be specified.
	Kind HomeworkKind `json:"kind"`
	// Title says what the work is ("thought record", "body scan recording").
	Title string `json:"title"`
	// MinutesPerDay is, for home practice, the daily practice time; it must
	// be positive for HomeworkHomePractice and is optional otherwise.
	MinutesPerDay int `json:"minutesPerDay,omitempty"`
	// DaysPerWeek is how many days a week the work is done, 0 to 7; it must
	// be at least 1 for HomeworkHomePractice.
	DaysPerWeek int `json:"daysPerWeek,omitempty"`
}

// AttendanceRule ends a member's contract after too many consecutive misses.
// The zero value means no rule.
//
// The DBT skills rule (Linehan 1993; Linehan 2015): a
// member who misses four scheduled sessions in a row, for any reason, is out
// for the rest of the contract.
type AttendanceRule struct {
	// MaxConsecutiveMisses is the number of misses in a row that ends the
	// contract (4 in DBT). 0 means no rule; negative is an error.
	MaxConsecutiveMisses int `json:"maxConsecutiveMisses,omitempty"`
	// ExcusedCounts says whether excused absences count as misses (true in
	// DBT, where every missed session counts).
	ExcusedCounts bool `json:"excusedCounts,omitempty"`
	// Source names the published rule.
	Source string `json:"source,omitempty"`
}

// CompletionRule is the dose that counts as completing the program. The zero
// value counts every member who stays to the end without breaching the
// attendance rule as completed.
type CompletionRule struct {
	// MinSessions is the least number of sessions attended (present, late or
	// left early) that counts as a full dose. 0 means no minimum; it must
	// not exceed the number of plans.
	MinSessions int `json:"minSessions,omitempty"`
	// RequiredPlans must each have been attended.
	RequiredPlans []int `json:"requiredPlans,omitempty"`
	// Source names where the dose comes from.
	Source string `json:"source,omitempty"`
}

// ExtraDay is a meeting outside the numbered plans, such as an orientation
// before the first class or an all-day practice between classes 6 and 7
// (Santorelli et al. 2017; Segal, Williams & Teasdale 2013).
type ExtraDay struct {
	// Kind is an orientation or a day of practice.
	Kind ExtraKind `json:"kind"`
	// After is the plan the extra day follows: 0 for an orientation, and for
	// a day of practice a plan that is not the last, so that the day falls
	// between plan After and plan After+1.
	After int `json:"after"`
	// Title is the day's display title.
	Title string `json:"title"`
	// Length is how long the day runs; it must be positive.
	Length time.Duration `json:"-"`
	// At is the usual start time of the day (a day of practice often starts
	// in the morning while classes meet in the evening). nil means the
	// sessions' own start time. It is used when a calendar spec gives no
	// slot for the day.
	At *Clock `json:"at,omitempty"`
}

// Prerequisite is something a member needs before starting the program.
type Prerequisite struct {
	// Code is a stable, lower-case, hyphenated identifier
	// ("concurrent-individual-therapy").
	Code string `json:"code"`
	// Description explains the prerequisite for display.
	Description string `json:"description"`
	// Source names the published guidance it comes from.
	Source string `json:"source,omitempty"`
}

// Plans returns the program's plans in order, across modules. The slice is
// new; the plans share their inner slices with p.
func (p Program) Plans() []Plan {
	var out []Plan
	for _, m := range p.Modules {
		out = append(out, m.Plans...)
	}
	return out
}

// NumPlans returns the number of session plans across all modules.
func (p Program) NumPlans() int {
	n := 0
	for _, m := range p.Modules {
		n += len(m.Plans)
	}
	return n
}

// Plan returns the plan numbered n and true, or false when there is none.
func (p Program) Plan(n int) (Plan, bool) {
	for _, m := range p.Modules {
		for _, pl := range m.Plans {
			if pl.Number == n {
				return pl, true
			}
		}
	}
	return Plan{}, false
}

// ModuleStarts returns the number of each module's first plan, in order.
// Empty modules are skipped.
func (p Program) ModuleStarts() []int {
	var out []int
	for _, m := range p.Modules {
		if len(m.Plans) > 0 {
			out = append(out, m.Plans[0].Number)
		}
	}
	return out
}

// EntryPoints returns the plan numbers at which a newcomer may join, in
// program order: p.EntryPlans when set, otherwise the first plan
// (EntryCohortStart), each module's first plan (EntryModuleStarts) or every
// plan (EntryAnySession). The slice is new.
func (p Program) EntryPoints() []int {
	if len(p.EntryPlans) > 0 {
		return slices.Clone(p.EntryPlans)
	}
	switch p.Entry {
	case EntryCohortStart:
		if starts := p.ModuleStarts(); len(starts) > 0 {
			return starts[:1]
		}
	case EntryModuleStarts:
		return p.ModuleStarts()
	case EntryAnySession:
		var out []int
		for _, pl := range p.Plans() {
			out = append(out, pl.Number)
		}
		return out
	}
	return nil
}

// IsEntryPoint reports whether a newcomer may join at plan n.
func (p Program) IsEntryPoint(n int) bool { return slices.Contains(p.EntryPoints(), n) }

// MeasuresAt returns the plan numbers at which inst is given, in order.
func (p Program) MeasuresAt(inst measure.Instrument) []int {
	var out []int
	for _, pl := range p.Plans() {
		if slices.Contains(pl.Measures, inst) {
			out = append(out, pl.Number)
		}
	}
	return out
}

// Profile returns the program's profile: OwnProfile when set, else the
// built-in group.Profile of the program's modality; false when there is
// neither.
func (p Program) Profile() (group.Profile, bool) {
	if p.OwnProfile != nil {
		return p.OwnProfile.Clone(), true
	}
	return group.BuiltinProfile(p.Modality)
}

// AgendaShape returns the program's agenda shape: Shape when set, else the
// built-in session.Shape of the program's modality; an error wrapping
// group.ErrUnknownModality when there is neither.
func (p Program) AgendaShape() (session.Shape, error) {
	if p.Shape != nil {
		return *p.Shape, nil
	}
	return session.BuiltinShape(p.Modality)
}

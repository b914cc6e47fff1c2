package curriculum

import (
	"fmt"
	"strconv"
	"time"
)

// MaxCycles is the largest number of times a calendar runs a program through.
// DBT skills groups usually run their 24-week cycle twice (Linehan 2015,
// DBT Skills Training Manual, 2nd ed.); the limit only keeps a bad spec
// from asking for an enormous calendar.
const MaxCycles = 20

// Spec says when and where a program runs: the first session's local date
// and time, the time zone, the cadence, the dates to skip, cancellations and
// the dates of extra days. Schedule turns a program and a Spec into a
// Calendar.
//
// Spec is a plain value. It round-trips through encoding/json except for
// Location, which apps store by name (time.LoadLocation) and set again after
// decoding. The zero value is not a usable spec: First and Location are
// required.
type Spec struct {
	// First is the local date and wall-clock time of the first session.
	// Every regular session starts at the same wall-clock time, across
	// daylight-saving changes.
	First Slot `json:"first"`
	// Location is the time zone the group meets in. It must not be nil or
	// time.Local (which has no portable name for an iCalendar TZID).
	Location *time.Location `json:"-"`
	// Cadence is how often sessions meet. Default: the program's cadence.
	Cadence Cadence `json:"cadence,omitempty"`
	// Cycles is how many times the program runs through, back to back
	// (a DBT skills group usually runs its 24-week cycle twice). Default 1;
	// at most MaxCycles. Programs run as a Topics list have one cycle.
	Cycles int `json:"cycles,omitempty"`
	// Topics is, for a topic bank (OrderAnyOrder), the plans to hold, in
	// the order to hold them; a plan may recur. Default: the bank in number
	// order. Sequence programs must leave it empty.
	Topics []int `json:"topics,omitempty"`
	// Skip lists dates on which the group does not meet (holidays). A
	// session that would fall on one moves to the next date on the cadence
	// and every later session moves with it. Skip dates off the cadence are
	// ignored.
	Skip []Date `json:"skip,omitempty"`
	// Cancelled lists sessions called off after the calendar was made. Each
	// must name the date of a regular session. Without a make-up slot the
	// calendar shifts like a skip; with one, the session moves to the
	// make-up slot and nothing else moves.
	Cancelled []Cancellation `json:"cancelled,omitempty"`
	// ExtraDays, when set, gives the start of every extra-day occurrence
	// (orientation, day of practice), in program order and cycle by cycle:
	// len(program.ExtraDays) * cycles slots. Each must fall strictly between
	// the sessions it belongs between. Default: an orientation one cadence
	// before the first session of its cycle (or halfway from the previous
	// cycle's last session), and a day of practice halfway between its two
	// sessions, rounding later (the Saturday after a Tuesday class), both at
	// the extra day's At time or else First's.
	ExtraDays []Slot `json:"extraDays,omitempty"`
}

// Cancellation calls off the regular session on Date. MakeUp, when set, is
// where the session goes instead.
type Cancellation struct {
	Date   Date  `json:"date"`
	MakeUp *Slot `json:"makeUp,omitempty"`
}

// Occurrence is one dated meeting of a program: a session (regular or
// make-up) or an extra day.
type Occurrence struct {
	// Kind says whether this is a regular session, a make-up or an extra day.
	Kind OccurrenceKind `json:"kind"`
	// Session is the session's 1-based position in the calendar, across
	// cycles; 0 for an extra day.
	Session int `json:"session,omitempty"`
	// Cycle is the 1-based run through the program this occurrence belongs to.
	Cycle int `json:"cycle"`
	// Plan is the plan number held; 0 for an extra day.
	Plan int `json:"plan,omitempty"`
	// Extra is the kind of extra day; unspecified for sessions.
	Extra ExtraKind `json:"extra,omitempty"`
	// Title is the plan's or the extra day's title.
	Title string `json:"title"`
	// Start and End bound the occurrence, in the calendar's location.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Entry says whether a newcomer may join at this session.
	Entry bool `json:"entry,omitempty"`
}

// Exclusion is a date on the recurring series that holds no regular
// session: a skipped holiday or a cancellation.
type Exclusion struct {
	// Start is the series start that was left out (an iCalendar EXDATE).
	Start time.Time `json:"start"`
	// Cancelled is true for a cancellation, false for a skipped date.
	Cancelled bool `json:"cancelled,omitempty"`
}

// Calendar is a program laid out on dates: every occurrence with its start
// and end, and the recurring series (start, cadence, count, exclusions) an
// iCalendar RRULE describes.
//
// A Calendar is an immutable value: Cancel and MakeUp return new calendars.
// The zero value has no occurrences. It is safe for concurrent reads.
type Calendar struct {
	// Program is the program's name; Title its title.
	Program string `json:"program"`
	Title   string `json:"title"`
	// Location is the time zone the calendar is in.
	Location *time.Location `json:"-"`
	// Cadence is the series' cadence; Length the length of every session.
	Cadence Cadence       `json:"cadence"`
	Length  time.Duration `json:"length"`
	// SeriesStart is the first date and time on the recurring series (the
	// iCalendar DTSTART); Count is the number of series dates used,
	// excluded ones included (the RRULE COUNT).
	SeriesStart time.Time `json:"seriesStart"`
	Count       int       `json:"count"`
	// Occurrences lists every meeting, sorted by start.
	Occurrences []Occurrence `json:"occurrences"`
	// Excluded lists the series dates that hold no regular session, in order.
	Excluded []Exclusion `json:"excluded,omitempty"`

	program Program
	spec    Spec
}

// Schedule lays program p out on dates according to spec.
//
// Regular sessions fall every cadence (7 or 14 calendar days) from
// spec.First at the same wall-clock time in spec.Location, so a 18:00
// session stays at 18:00 across a daylight-saving change (a time that does
// not exist that day, or exists twice, is read as RFC 5545 reads local
// times: see Slot.In). Skipped dates and cancellations without a make-up
// push the remaining sessions along the series; a cancellation with a
// make-up moves one session off the series. Extra days are placed as
// Spec.ExtraDays describes.
//
// Schedule checks the parts of the program that decide its dates: plans
// numbered 1, 2, 3, ... in module order, a positive session length, a
// known order, and extra days that can be placed. A program that fails
// them gets Program.Validate's full report. The rest of Validate (agendas,
// homework, measures, completion and entry rules, prerequisites) changes no
// date, and Schedule does not repeat it: validate a program once, when it
// is built or loaded (ParseProgram does).
//
// Every problem with the spec comes back at once as joined *FieldError
// values: a nil location (ErrNilLocation), no cadence (ErrZeroCadence), a
// cancellation on a date with no regular session (ErrNotScheduled), an
// extra day out of place (ErrExtraDayMisplaced), a make-up that overlaps
// another occurrence (ErrSlotTaken), a topic that names no plan
// (ErrUnknownPlan), a calendar that would run past 9999-12-31 or start
// before 0001-01-01 (ErrOutOfRange), and invalid dates, clocks or cycle
// counts.
//
// Its work and memory are linear in the program and the spec (for a
// program it rejects, add what Program.Validate costs).
func Schedule(p Program, spec Spec) (Calendar, error) {
	pr := problems()
	plans, ok := layoutShape(p)
	if !ok {
		if err := p.Validate(); err != nil {
			pr.Append(err)
		} else {
			pr.Add("modules", "the program cannot be laid out on dates", nil)
		}
	}
	checkSpec(&pr, p, spec)
	if err := pr.Err(); err != nil {
		return Calendar{}, err
	}
	return layOut(p, plans, spec)
}

// Spec returns the spec the calendar was made from, including the
// cancellations made since. Store it to rebuild the calendar with Schedule.
func (c Calendar) Spec() Spec { return cloneSpec(c.spec) }

// Session returns the occurrence holding session n (1-based) and true, or
// false when there is none.
func (c Calendar) Session(n int) (Occurrence, bool) {
	for _, o := range c.Occurrences {
		if o.Session == n && o.Kind != OccurrenceExtraDay {
			return o, true
		}
	}
	return Occurrence{}, false
}

// Cancel calls off regular session n and shifts it and every later session
// one step along the series (the cancelled date becomes an exclusion). It
// returns an error wrapping ErrNotScheduled when session n is not a regular
// session of c, and any error Schedule would return for the new spec (an
// explicitly dated extra day may no longer fit, ErrExtraDayMisplaced). c
// itself is unchanged.
func (c Calendar) Cancel(n int) (Calendar, error) { return c.cancel(n, nil) }

// MakeUp calls off regular session n and holds it at slot instead; no other
// session moves. Besides Cancel's errors it returns ErrSlotTaken when the
// make-up overlaps another occurrence. c itself is unchanged.
func (c Calendar) MakeUp(n int, slot Slot) (Calendar, error) { return c.cancel(n, &slot) }

func (c Calendar) cancel(n int, makeUp *Slot) (Calendar, error) {
	o, ok := c.Session(n)
	if !ok || o.Kind != OccurrenceSession {
		return Calendar{}, &FieldError{Pkg: "curriculum", Path: "session", Problem: "session " + strconv.Itoa(n) + " is not a regular session of the calendar", Err: ErrNotScheduled}
	}
	spec := c.Spec()
	spec.Cancelled = append(spec.Cancelled, Cancellation{Date: DateOf(o.Start), MakeUp: makeUp})
	return Schedule(c.program, spec)
}

// EntryPoints returns the start of every session at which a newcomer may
// join, in order: the entry points a rolling-entry group.Spec takes
// (group.Admission.EntryPoints).
func (c Calendar) EntryPoints() []time.Time {
	var out []time.Time
	for _, o := range c.Occurrences {
		if o.Entry {
			out = append(out, o.Start)
		}
	}
	return out
}

// NextEntry returns the first session at or after t at which a newcomer may
// join, or an error wrapping ErrNoEntryPoint when none is left.
func (c Calendar) NextEntry(t time.Time) (Occurrence, error) {
	for _, o := range c.Occurrences {
		if o.Entry && !o.Start.Before(t) {
			return o, nil
		}
	}
	return Occurrence{}, fmt.Errorf("%w at or after %s", ErrNoEntryPoint, t.Format(time.RFC3339))
}

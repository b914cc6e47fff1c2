package curriculum

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/internal/vocab/fault"
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
// Its work and memory are linear in the program and the spec.
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

// layoutShape reports whether p has what laying it out relies on, and
// returns its number of plans: plans numbered 1..n in module order, a
// positive session length, a known order, and extra days of a known kind,
// positive length and valid clock, each orientation after plan 0 and each
// day of practice between two plans of a sequence, none repeated. These are
// among Program.Validate's checks; Schedule asks Validate for the report
// when one fails.
func layoutShape(p Program) (int, bool) {
	n := 0
	for _, m := range p.Modules {
		if len(m.Plans) == 0 {
			return 0, false
		}
		for _, pl := range m.Plans {
			n++
			if pl.Number != n {
				return 0, false
			}
		}
	}
	if n == 0 || p.SessionLength <= 0 || !p.Order.IsValid() {
		return 0, false
	}
	if len(p.ExtraDays) == 0 {
		return n, true
	}
	taken := make([]bool, n) // taken[0]: an orientation; taken[k]: a day after plan k
	for _, x := range p.ExtraDays {
		if x.Length <= 0 || (x.At != nil && !x.At.IsValid()) {
			return 0, false
		}
		switch {
		case x.Kind == ExtraOrientation && x.After == 0:
		case x.Kind == ExtraPracticeDay && p.Order == OrderSequence && x.After >= 1 && x.After < n:
		default:
			return 0, false
		}
		if taken[x.After] {
			return 0, false
		}
		taken[x.After] = true
	}
	return n, true
}

// checkSpec reports the spec's own problems.
func checkSpec(pr *fault.List, p Program, spec Spec) {
	if spec.Location == nil {
		pr.Add("location", "must be set", ErrNilLocation)
	} else if spec.Location == time.Local || spec.Location.String() == "Local" {
		pr.Add("location", "time.Local has no portable name; load the zone by name", ErrNilLocation)
	}
	if !spec.First.IsValid() {
		pr.Add("first", "must be a valid date and time, not "+spec.First.String(), nil)
	}
	switch cad := cmp.Or(spec.Cadence, p.Cadence); {
	case cad == CadenceUnspecified:
		pr.Add("cadence", "neither the spec nor the program sets a cadence", ErrZeroCadence)
	case !cad.IsValid():
		pr.Add("cadence", "unknown cadence "+cad.String(), ErrUnknownValue)
	}
	if spec.Cycles < 0 || spec.Cycles > MaxCycles {
		pr.Add("cycles", "must be between 0 and "+strconv.Itoa(MaxCycles), nil)
	}
	if len(spec.Topics) > 0 {
		if p.Order != OrderAnyOrder {
			pr.Add("topics", "only a topic bank (any-order program) takes a topic list", nil)
		}
		if spec.Cycles > 1 {
			pr.Add("cycles", "a topic list runs once", nil)
		}
		plans := p.NumPlans()
		for i, n := range spec.Topics {
			// A program that reaches layOut numbers its plans 1..plans.
			if n < 1 || n > plans {
				pr.Add(index("topics", i), "plan "+strconv.Itoa(n)+" does not exist", ErrUnknownPlan)
			}
		}
	}
	for i, d := range spec.Skip {
		if !d.IsValid() {
			pr.Add(index("skip", i), "invalid date "+d.String(), nil)
		}
	}
	var seen map[Date]int // cancelled dates, when there are several
	if len(spec.Cancelled) > 1 {
		seen = make(map[Date]int, len(spec.Cancelled))
	}
	for i, c := range spec.Cancelled {
		// Paths are built only for a problem: a long valid list costs no
		// strings.
		if !c.Date.IsValid() {
			pr.Add(path(index("cancelled", i), "date"), "invalid date "+c.Date.String(), nil)
		}
		if c.MakeUp != nil && !c.MakeUp.IsValid() {
			pr.Add(path(index("cancelled", i), "makeUp"), "invalid slot "+c.MakeUp.String(), nil)
		}
		if seen != nil {
			if j, dup := seen[c.Date]; dup {
				pr.Add(path(index("cancelled", i), "date"), "repeats cancelled["+strconv.Itoa(j)+"]", nil)
			} else {
				seen[c.Date] = i
			}
		}
	}
	for i, s := range spec.ExtraDays {
		if !s.IsValid() {
			pr.Add(index("extraDays", i), "invalid slot "+s.String(), nil)
		}
	}
}

// planInfo is what an occurrence copies from its plan.
type planInfo struct {
	title string
	entry bool
}

// Marks on the series dates: a date is regular, skipped, or cancelled by
// the Spec.Cancelled entry markCancelled+i.
const (
	markRegular   int32 = 0
	markSkipped   int32 = -1
	markCancelled int32 = 1
)

// layOut places sessions on the series, then extra days, then checks for
// collisions and the range of years. n is the program's number of plans.
//
// Session k of the calendar (0-based) holds, for a sequence, plan k mod n
// + 1 of cycle k / n + 1, and for a topic list the k-th topic; series date
// i falls i cadences after the first. Skipped and cancelled dates are
// marked on a slice indexed by series date, so that each date is checked
// once; the series cannot be longer than the sessions plus the skipped
// and cancelled dates.
func layOut(p Program, n int, spec Spec) (Calendar, error) {
	loc := spec.Location
	cad := cmp.Or(spec.Cadence, p.Cadence)
	step := cad.Days()
	sessions := n * max(spec.Cycles, 1)
	if len(spec.Topics) > 0 {
		sessions = len(spec.Topics)
	}
	c := Calendar{
		Program: p.Name, Title: p.Title, Location: loc, Cadence: cad, Length: p.SessionLength,
		program: p, spec: cloneSpec(spec),
		Occurrences: make([]Occurrence, 0, sessions+len(p.ExtraDays)*max(spec.Cycles, 1)),
	}

	info := make([]planInfo, n)
	k := 0
	for _, m := range p.Modules {
		for _, pl := range m.Plans {
			info[k].title = pl.Title
			k++
		}
	}
	for _, e := range p.EntryPoints() {
		if e >= 1 && e <= n {
			info[e-1].entry = true
		}
	}

	pr := problems()
	first := spec.First.Date.days()
	longest := sessions + len(spec.Skip) + len(spec.Cancelled)
	var marks []int32
	if len(spec.Skip)+len(spec.Cancelled) > 0 {
		marks = make([]int32, longest)
	}
	seriesIndex := func(d Date) int {
		off := d.days() - first
		if off < 0 || off%step != 0 || off/step >= longest {
			return -1
		}
		return off / step
	}
	for _, d := range spec.Skip {
		if i := seriesIndex(d); i >= 0 {
			marks[i] = markSkipped
		}
	}
	for j, x := range spec.Cancelled {
		if i := seriesIndex(x.Date); i >= 0 && marks[i] == markRegular {
			marks[i] = markCancelled + int32(j)
		}
	}
	var used []bool
	if len(spec.Cancelled) > 0 {
		used = make([]bool, len(spec.Cancelled))
	}

	session := func(kind OccurrenceKind, at time.Time, k int) Occurrence {
		plan, cycle := k%n+1, k/n+1
		if len(spec.Topics) > 0 {
			plan, cycle = spec.Topics[k], 1
		}
		return Occurrence{
			Kind: kind, Session: k + 1, Cycle: cycle, Plan: plan, Title: info[plan-1].title,
			Start: at, End: at.Add(p.SessionLength), Entry: info[plan-1].entry,
		}
	}
	zc := newZoneCursor(loc)
	clock := spec.First.At.seconds()
	i := 0
	for k := 0; k < sessions; i++ {
		day := first + i*step
		if day > maxDay {
			pr.Add("first", "the series would run past 9999-12-31", ErrOutOfRange)
			return Calendar{}, pr.Err()
		}
		at := zc.at(int64(day)*86400 + clock)
		if i == 0 {
			c.SeriesStart = at
		}
		var mark int32
		if marks != nil {
			mark = marks[i]
		}
		switch {
		case mark == markSkipped:
			c.Excluded = append(c.Excluded, Exclusion{Start: at})
		case mark >= markCancelled:
			j := int(mark - markCancelled)
			used[j] = true
			c.Excluded = append(c.Excluded, Exclusion{Start: at, Cancelled: true})
			if mu := spec.Cancelled[j].MakeUp; mu != nil {
				c.Occurrences = append(c.Occurrences, session(OccurrenceMakeUp, mu.In(loc), k))
				k++
			}
		default:
			c.Occurrences = append(c.Occurrences, session(OccurrenceSession, at, k))
			k++
		}
	}
	c.Count = i

	for j, u := range used {
		if !u {
			pr.Add(path(index("cancelled", j), "date"), "no regular session falls on "+spec.Cancelled[j].Date.String(), ErrNotScheduled)
		}
	}
	c.placeExtraDays(&pr, n, sessions)
	if !slices.IsSortedFunc(c.Occurrences, byStart) {
		slices.SortStableFunc(c.Occurrences, byStart)
	}
	last := c.Occurrences[0].End
	for j := 1; j < len(c.Occurrences); j++ {
		a, b := c.Occurrences[j-1], c.Occurrences[j]
		if a.End.After(b.Start) {
			pr.Add("occurrences", a.Kind.String()+" "+a.Title+" overlaps "+b.Kind.String()+" "+b.Title+" at "+b.Start.Format(time.DateTime), ErrSlotTaken)
		}
		if b.End.After(last) {
			last = b.End
		}
	}
	if DateOf(c.Occurrences[0].Start).Year < 1 {
		pr.Add("first", "the calendar would start before 0001-01-01", ErrOutOfRange)
	}
	if DateOf(last).Year > 9999 {
		pr.Add("first", "the calendar would run past 9999-12-31", ErrOutOfRange)
	}
	if err := pr.Err(); err != nil {
		return Calendar{}, err
	}
	return c, nil
}

func byStart(a, b Occurrence) int { return a.Start.Compare(b.Start) }

// placeExtraDays adds the program's extra days, cycle by cycle, at the
// spec's slots or the default ones. It runs before the occurrences are
// sorted, while occurrence k is session k (every session, make-ups
// included, is in session order), so that the session holding plan x of
// cycle cy is occurrence (cy-1)*plans + x-1 of a sequence.
func (c *Calendar) placeExtraDays(pr *fault.List, plans, sessions int) {
	p, spec := c.program, c.spec
	if len(p.ExtraDays) == 0 {
		if len(spec.ExtraDays) > 0 {
			pr.Add("extraDays", "the program has no extra days", ErrExtraDayMisplaced)
		}
		return
	}
	cycles := max(spec.Cycles, 1)
	if len(spec.Topics) > 0 {
		cycles = 1
	}
	if len(spec.ExtraDays) > 0 && len(spec.ExtraDays) != len(p.ExtraDays)*cycles {
		pr.Add("extraDays", "needs "+strconv.Itoa(len(p.ExtraDays)*cycles)+" slots, one per extra day per cycle", ErrExtraDayMisplaced)
		return
	}
	sessionsOf := c.Occurrences[:sessions:sessions]
	i := 0
	for cy := 1; cy <= cycles; cy++ {
		base := (cy - 1) * plans // the cycle's first session
		for _, x := range p.ExtraDays {
			var before *Occurrence // the session the day follows, if any
			after := &sessionsOf[base]
			if x.Kind == ExtraPracticeDay {
				// layoutShape let a day of practice only into a sequence, after
				// a plan that is not the last.
				before, after = &sessionsOf[base+x.After-1], &sessionsOf[base+x.After]
			} else if cy > 1 {
				before = &sessionsOf[base-1]
			}
			var slot Slot
			if len(spec.ExtraDays) > 0 {
				slot = spec.ExtraDays[i]
			} else {
				slot = Slot{At: spec.First.At}
				if x.At != nil {
					slot.At = *x.At
				}
				end := DateOf(after.Start)
				if before == nil {
					slot.Date = end.AddDays(-c.Cadence.Days())
				} else {
					b := DateOf(before.Start)
					slot.Date = b.AddDays((b.DaysUntil(end) + 1) / 2)
				}
			}
			d := slot.Date
			if (before != nil && d.Compare(DateOf(before.Start)) <= 0) || d.Compare(DateOf(after.Start)) >= 0 {
				pr.Add(index("extraDays", i), x.Title+" on "+d.String()+" does not fall between its sessions", ErrExtraDayMisplaced)
			}
			at := slot.In(c.Location)
			c.Occurrences = append(c.Occurrences, Occurrence{
				Kind: OccurrenceExtraDay, Cycle: cy, Extra: x.Kind, Title: x.Title, Start: at, End: at.Add(x.Length),
			})
			i++
		}
	}
}

func cloneSpec(s Spec) Spec {
	s.Topics = slices.Clone(s.Topics)
	s.Skip = slices.Clone(s.Skip)
	s.Cancelled = slices.Clone(s.Cancelled)
	s.ExtraDays = slices.Clone(s.ExtraDays)
	return s
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

package curriculum

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// This file lays a program out on dates: the checks Schedule makes of the
// program and the spec, the walk along the series and the extra days.

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

package curriculum

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// Sources of the program-level checks.
const (
	srcProfileShape = "the typical session and program lengths of the modality's profile (Yalom & Leszcz 2005, ch. 10; SAMHSA TIP 41, 2005, ch. 2; the profile's own Sources); the ranges are a heuristic, the library's own"
)

// Validate checks p's hard invariants and returns every problem at once as
// joined *FieldError values wrapping ErrInvalid (see Check). It returns nil
// for a valid program.
func (p Program) Validate() error {
	_, err := p.Check()
	return err
}

// Check validates p and reviews it against published guidance.
//
// Hard faults are errors, all reported at once as joined *FieldError values
// wrapping ErrInvalid and, where one applies, a sentinel:
//   - a missing name, an unspecified or unknown modality, order or entry
//     policy, a non-positive session length;
//   - an unspecified cadence (ErrZeroCadence);
//   - no modules, or a module with no plans (ErrEmptyProgram);
//   - a plan number used twice (ErrDuplicatePlan) or numbers that do not run
//     1, 2, 3, ... in module order (ErrPlanNumbering);
//   - a prerequisite naming no plan, the plan itself, or in a sequence a
//     later plan (ErrMissingPrerequisite);
//   - an agenda (a plan's own or the program's Format) longer than the
//     session (ErrAgendaTooLong), or one the session package rejects, or no
//     agenda at all because the modality's template cannot fill the session
//     (ErrInvalidAgenda, also wrapping the session package's error);
//   - an extra day in a place it cannot go (ErrExtraDayMisplaced);
//   - an entry plan that is no plan, or one the entry policy does not allow
//     (ErrNoSuchEntryPoint);
//   - a completion rule naming plans that do not exist (ErrUnknownPlan), or
//     a dose larger than the program;
//   - homework without a kind, or home practice without minutes and days.
//
// Guidance comes back as findings (group.Finding): the agenda findings of
// session.Agenda.Validate for each agenda a plan uses, and, at program level,
// a session length or number of sessions outside the modality's typical
// range (see docs/reference/modalities.md). Findings are sorted most serious first, then
// by path and code. Agendas are checked only when the rest of the program's
// shape (modality, session length) is valid.
func (p Program) Check() ([]group.Finding, error) {
	pr := problems()
	var fs []group.Finding

	if p.Name == "" {
		pr.Add("name", "must not be empty", nil)
	}
	profile, profileOK := p.Profile()
	switch {
	case !profileOK:
		pr.Add("modality", "no profile for modality "+p.Modality.String()+": a built-in modality, or an app's own with its profile", group.ErrUnknownModality)
	case p.OwnProfile != nil:
		if err := p.OwnProfile.Validate(); err != nil {
			pr.Add("profile", "the group package rejects it", err)
			profileOK = false
		} else if p.OwnProfile.Modality != p.Modality {
			pr.Add("profile.modality", "the profile is for "+p.OwnProfile.Modality.String()+", the program for "+p.Modality.String(), group.ErrUnknownModality)
			profileOK = false
		}
	}
	if p.Shape != nil {
		if err := p.Shape.Validate(); err != nil {
			pr.Add("shape", "the session package rejects it", err)
		} else if p.Shape.Modality != p.Modality {
			pr.Add("shape.modality", "the shape is for "+p.Shape.Modality.String()+", the program for "+p.Modality.String(), group.ErrUnknownModality)
		}
	}
	if !p.Order.IsValid() {
		pr.Add("order", "must be sequence or any-order, not "+p.Order.String(), nil)
	}
	if p.SessionLength <= 0 {
		pr.Add("sessionLength", "must be positive", nil)
	}
	switch {
	case p.Cadence == CadenceUnspecified:
		pr.Add("cadence", "must be set", ErrZeroCadence)
	case !p.Cadence.IsValid():
		pr.Add("cadence", "unknown cadence "+p.Cadence.String(), ErrUnknownValue)
	}
	if !p.Entry.IsValid() {
		pr.Add("entry", "must be a specified entry policy, not "+p.Entry.String(), nil)
	}
	if len(p.Modules) == 0 {
		pr.Add("modules", "a program needs at least one module", ErrEmptyProgram)
	}

	// Numbers, in flat order, and where each plan lives.
	numbers := map[int]int{} // plan number -> flat position
	flat := 0
	for i, m := range p.Modules {
		mp := index("modules", i)
		if len(m.Plans) == 0 {
			pr.Add(path(mp, "plans"), "a module needs at least one plan", ErrEmptyProgram)
		}
		for j, pl := range m.Plans {
			pp := path(mp, index("plans", j))
			flat++
			switch _, dup := numbers[pl.Number]; {
			case dup:
				pr.Add(path(pp, "number"), "plan number "+strconv.Itoa(pl.Number)+" is used twice", ErrDuplicatePlan)
			case pl.Number != flat:
				pr.Add(path(pp, "number"), fmt.Sprintf("is %d; plans are numbered 1, 2, 3, ... in module order, so this one is %d", pl.Number, flat), ErrPlanNumbering)
			}
			if _, dup := numbers[pl.Number]; !dup {
				numbers[pl.Number] = flat
			}
			if pl.Title == "" {
				pr.Add(path(pp, "title"), "must not be empty", nil)
			}
			checkHomework(&pr, pp, pl.Homework)
			checkMeasures(&pr, pp, pl.Measures)
		}
	}
	last := flat

	// Prerequisites, once every number is known.
	for i, m := range p.Modules {
		for j, pl := range m.Plans {
			pp := path(index("modules", i), index("plans", j))
			for k, r := range pl.Requires {
				rp := path(pp, index("requires", k))
				pos, ok := numbers[r]
				switch {
				case !ok:
					pr.Add(rp, "plan "+strconv.Itoa(r)+" does not exist", ErrMissingPrerequisite)
				case r == pl.Number:
					pr.Add(rp, "a plan cannot require itself", ErrMissingPrerequisite)
				case p.Order == OrderSequence && pos > numbers[pl.Number]:
					pr.Add(rp, "plan "+strconv.Itoa(r)+" comes later in the sequence", ErrMissingPrerequisite)
				}
			}
		}
	}

	checkEntry(&pr, p, numbers)
	checkRules(&pr, p, numbers, last)
	checkExtraDays(&pr, p, numbers, last)
	for i, q := range p.Prerequisites {
		if q.Code == "" {
			pr.Add(path(index("prerequisites", i), "code"), "must not be empty", nil)
		}
	}

	if profileOK && p.SessionLength > 0 {
		fs = append(fs, p.checkAgendas(&pr, profile)...)
		fs = append(fs, shapeFindings(p, profile, last)...)
	}
	if err := pr.Err(); err != nil {
		return nil, err
	}
	group.SortFindings(fs)
	return fs, nil
}

func checkHomework(pr *fault.List, pp string, hw []Homework) {
	for k, h := range hw {
		hp := path(pp, index("homework", k))
		if !h.Kind.IsValid() {
			pr.Add(path(hp, "kind"), "must be a specified homework kind, not "+h.Kind.String(), nil)
		}
		if h.MinutesPerDay < 0 {
			pr.Add(path(hp, "minutesPerDay"), "must not be negative", nil)
		}
		if h.DaysPerWeek < 0 || h.DaysPerWeek > 7 {
			pr.Add(path(hp, "daysPerWeek"), "must be between 0 and 7", nil)
		}
		if h.Kind == HomeworkHomePractice && (h.MinutesPerDay <= 0 || h.DaysPerWeek <= 0) {
			pr.Add(hp, "home practice needs minutes per day and days per week", nil)
		}
	}
}

func checkMeasures(pr *fault.List, pp string, ms []measure.Instrument) {
	for k, m := range ms {
		mp := path(pp, index("measures", k))
		if !m.IsValid() {
			pr.Add(mp, "must be a specified instrument, not "+m.String(), nil)
		} else if slices.Contains(ms[:k], m) {
			pr.Add(mp, m.String()+" is listed twice", nil)
		}
	}
}

func checkEntry(pr *fault.List, p Program, numbers map[int]int) {
	starts := p.ModuleStarts()
	for i, n := range p.EntryPlans {
		ep := index("entryPlans", i)
		if _, ok := numbers[n]; !ok {
			pr.Add(ep, "plan "+strconv.Itoa(n)+" does not exist", ErrNoSuchEntryPoint)
			continue
		}
		if slices.Contains(p.EntryPlans[:i], n) {
			pr.Add(ep, "plan "+strconv.Itoa(n)+" is listed twice", nil)
		}
		switch p.Entry {
		case EntryCohortStart:
			if len(starts) > 0 && n != starts[0] {
				pr.Add(ep, "a cohort program admits only at its first plan", ErrNoSuchEntryPoint)
			}
		case EntryModuleStarts:
			if !slices.Contains(starts, n) {
				pr.Add(ep, "plan "+strconv.Itoa(n)+" is not the start of a module", ErrNoSuchEntryPoint)
			}
		}
	}
}

func checkRules(pr *fault.List, p Program, numbers map[int]int, last int) {
	if p.Attendance.MaxConsecutiveMisses < 0 {
		pr.Add("attendance.maxConsecutiveMisses", "must not be negative", nil)
	}
	c := p.Completion
	if c.MinSessions < 0 || c.MinSessions > last {
		pr.Add("completion.minSessions", fmt.Sprintf("must be between 0 and the %d plans", last), nil)
	}
	for i, n := range c.RequiredPlans {
		if _, ok := numbers[n]; !ok {
			pr.Add(index("completion.requiredPlans", i), "plan "+strconv.Itoa(n)+" does not exist", ErrUnknownPlan)
		}
	}
}

func checkExtraDays(pr *fault.List, p Program, numbers map[int]int, last int) {
	for i, x := range p.ExtraDays {
		xp := index("extraDays", i)
		if x.Length <= 0 {
			pr.Add(path(xp, "length"), "must be positive", nil)
		}
		if x.At != nil && !x.At.IsValid() {
			pr.Add(path(xp, "at"), "invalid time of day "+x.At.String(), nil)
		}
		switch x.Kind {
		case ExtraOrientation:
			if x.After != 0 {
				pr.Add(path(xp, "after"), "an orientation comes before the first plan (after 0)", ErrExtraDayMisplaced)
			}
		case ExtraPracticeDay:
			_, ok := numbers[x.After]
			switch {
			case p.Order != OrderSequence:
				pr.Add(path(xp, "after"), "a day of practice needs a fixed sequence of plans", ErrExtraDayMisplaced)
			case !ok:
				pr.Add(path(xp, "after"), "plan "+strconv.Itoa(x.After)+" does not exist", ErrExtraDayMisplaced)
			case x.After == last:
				pr.Add(path(xp, "after"), "a day of practice falls between two plans, not after the last", ErrExtraDayMisplaced)
			}
		default:
			pr.Add(path(xp, "kind"), "must be a specified extra-day kind, not "+x.Kind.String(), nil)
		}
		for j, y := range p.ExtraDays[:i] {
			if y.After == x.After && y.Kind == x.Kind {
				pr.Add(xp, "repeats extraDays["+strconv.Itoa(j)+"]", ErrExtraDayMisplaced)
			}
		}
	}
}

// checkAgendas checks the format and each plan's own agenda, and the
// template the remaining plans fall back on.
func (p Program) checkAgendas(pr *fault.List, profile group.Profile) []group.Finding {
	var fs []group.Finding
	// check validates one agenda. first says no earlier plan set homework,
	// so the plan has none to review and needs no homework review (the
	// first session of a CBT or skills group).
	check := func(at string, a session.Agenda, first bool) {
		if total := a.Total(); total > p.SessionLength {
			pr.Add(at, fmt.Sprintf("plans %s for a %s session", total, p.SessionLength), ErrAgendaTooLong)
			return
		}
		sh, err := p.AgendaShape()
		if err != nil {
			pr.Add(at, "no shape to check it against", fmt.Errorf("%w: %w", ErrInvalidAgenda, err))
			return
		}
		got, err := sh.ValidateAgenda(a, profile, p.SessionLength, 0)
		if err != nil {
			pr.Add(at, "the session package rejects it", fmt.Errorf("%w: %w", ErrInvalidAgenda, err))
			return
		}
		for _, f := range got {
			if f.Code == session.CodeSessionLengthAtypical {
				continue // reported once for the program below
			}
			if f.Code == session.CodeHomeworkReviewMissing && first {
				continue // nothing has been set yet
			}
			f.Path = path(at, f.Path)
			fs = append(fs, f)
		}
	}
	if len(p.Format.Segments) > 0 {
		check("format", p.Format, false)
	}
	needTemplate := false
	homeworkSet := false
	for i, m := range p.Modules {
		for j, pl := range m.Plans {
			if len(pl.Agenda.Segments) > 0 {
				check(path(index("modules", i), index("plans", j), "agenda"), pl.Agenda, !homeworkSet)
			} else if len(p.Format.Segments) == 0 {
				needTemplate = true
			}
			homeworkSet = homeworkSet || len(pl.Homework) > 0
		}
	}
	if needTemplate {
		a, err := p.template(profile)
		if err != nil {
			pr.Add("sessionLength", "no agenda: the "+p.Modality.String()+" template cannot fill it", fmt.Errorf("%w: %w", ErrInvalidAgenda, err))
		} else {
			check("template", a, false)
		}
	}
	return fs
}

// shapeFindings compares the program's length and number of sessions with
// the modality's typical ranges.
func shapeFindings(p Program, profile group.Profile, plans int) []group.Finding {
	var fs []group.Finding
	if !profile.SessionLength(p.SessionLength) && profile.SessionMinutes != (group.Range{}) {
		fs = append(fs, group.Finding{
			Severity: group.SeverityInfo, Code: group.CodeSessionLengthAtypical, Path: "sessionLength", Source: srcProfileShape,
			Message: fmt.Sprintf("%s sessions typically run %d-%d min; this program's run %s",
				p.Modality, profile.SessionMinutes.Min, profile.SessionMinutes.Max, p.SessionLength),
		})
	}
	if !p.OpenEnded && !profile.Sessions.Contains(plans) {
		fs = append(fs, group.Finding{
			Severity: group.SeverityInfo, Code: group.CodeSessionsAtypical, Path: "modules", Source: srcProfileShape,
			Message: fmt.Sprintf("%s programs typically run %d-%d sessions; this one has %d",
				p.Modality, profile.Sessions.Min, profile.Sessions.Max, plans),
		})
	}
	if p.OpenEnded && !profile.OpenEnded {
		fs = append(fs, group.Finding{
			Severity: group.SeverityInfo, Code: group.CodeOpenEndedAtypical, Path: "openEnded", Source: srcProfileShape,
			Message: p.Modality.String() + " programs are usually time-limited",
		})
	}
	return fs
}

// templateMembers is the group size templates are built for when a program
// is validated or no size is given: the top of the modality's ideal range,
// where check-in rounds take longest.
func templateMembers(profile group.Profile) int {
	if profile.Size.IdealMax > 0 {
		return profile.Size.IdealMax
	}
	return max(profile.Size.Min, 1)
}

// Agenda returns the agenda plan n runs with for a group of members: the
// plan's own agenda, else the program's Format, else session.Template for the
// modality and session length. It returns an error wrapping ErrUnknownPlan
// when p has no plan n, and the session package's error (wrapped in
// ErrInvalidAgenda) when no template fits. members 0 means the top of the
// modality's ideal size.
func (p Program) Agenda(n, members int) (session.Agenda, error) {
	pl, ok := p.Plan(n)
	if !ok {
		return session.Agenda{}, &FieldError{Pkg: "curriculum", Path: "plan", Problem: "plan " + strconv.Itoa(n) + " does not exist", Err: ErrUnknownPlan}
	}
	if len(pl.Agenda.Segments) > 0 {
		return cloneAgenda(pl.Agenda), nil
	}
	if len(p.Format.Segments) > 0 {
		return cloneAgenda(p.Format), nil
	}
	profile, ok := p.Profile()
	if !ok {
		return session.Agenda{}, &FieldError{Pkg: "curriculum", Path: "modality", Problem: "no profile for modality " + p.Modality.String(), Err: fmt.Errorf("%w: %w", ErrInvalidAgenda, group.ErrUnknownModality)}
	}
	if members <= 0 {
		members = templateMembers(profile)
	}
	sh, err := p.AgendaShape()
	if err != nil {
		return session.Agenda{}, &FieldError{Pkg: "curriculum", Path: "modality", Problem: "no agenda shape for modality " + p.Modality.String(), Err: fmt.Errorf("%w: %w", ErrInvalidAgenda, err)}
	}
	a, err := sh.Template(profile, p.SessionLength, members)
	if err != nil {
		return session.Agenda{}, &FieldError{Pkg: "curriculum", Path: "sessionLength", Problem: "no template fits", Err: fmt.Errorf("%w: %w", ErrInvalidAgenda, err)}
	}
	return a, nil
}

// template returns the template agenda of the program's shape for its
// session length and the profile's typical size.
func (p Program) template(profile group.Profile) (session.Agenda, error) {
	sh, err := p.AgendaShape()
	if err != nil {
		return session.Agenda{}, err
	}
	return sh.Template(profile, p.SessionLength, templateMembers(profile))
}

func cloneAgenda(a session.Agenda) session.Agenda {
	return session.Agenda{Segments: slices.Clone(a.Segments)}
}

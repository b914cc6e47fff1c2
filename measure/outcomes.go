package measure

import (
	"cmp"
	"slices"
	"strconv"
	"time"
)

// Rate is a count out of a base, with the share it makes: the figure and
// the numbers behind it, as a dashboard shows them. Share is 0 when Of is.
type Rate struct {
	Count int     `json:"count"`
	Of    int     `json:"of"`
	Share float64 `json:"share"`
}

func rate(n, of int) Rate {
	r := Rate{Count: n, Of: of}
	if of > 0 {
		r.Share = float64(n) / float64(of)
	}
	return r
}

// GroupOutcomes are a finished or running group's outcomes as a clinic's
// dashboard shows them: the NHS Talking Therapies figures, each with the
// counts behind it, and beside them the Jacobson-Truax categories of each
// measure. The two are kept apart by name: Recovery and ReliableRecovery
// are the programme's (a case at the start, below caseness on both
// measures at the end), JacobsonTruax[i].Recovered is Jacobson and
// Truax's (a reliable improvement that crossed the cut-off on that
// measure).
type GroupOutcomes struct {
	// Rules is the rule set the figures were read with.
	Rules TalkingTherapies `json:"rules"`
	// Members counts the members with any form of either measure.
	Members int `json:"members"`
	// InsufficientData counts members with fewer than two occasions scored
	// on both measures: no change can be read for them yet.
	InsufficientData int `json:"insufficient_data"`
	// Assessed counts the members with two or more such occasions, the
	// base of CaseAtStart, ReliableImprovement and ReliableDeterioration.
	Assessed int `json:"assessed"`
	// CaseAtStart: members who were a case on either measure at their first
	// paired occasion; the base of Recovery and ReliableRecovery.
	CaseAtStart Rate `json:"case_at_start"`
	// Recovery: cases at the start below caseness on both measures at
	// their last paired occasion (NHS Talking Therapies).
	Recovery Rate `json:"recovery"`
	// ReliableImprovement and ReliableDeterioration among the assessed.
	ReliableImprovement   Rate `json:"reliable_improvement"`
	ReliableDeterioration Rate `json:"reliable_deterioration"`
	// ReliableRecovery: recovery together with reliable improvement, among
	// the cases at the start.
	ReliableRecovery Rate `json:"reliable_recovery"`
	// JacobsonTruax gives the categories of each measure on its own, the
	// depression measure first.
	JacobsonTruax []CategoryCounts `json:"jacobson_truax"`
	// ByMember gives each member's reading, ordered by member.
	ByMember []MemberOutcome `json:"by_member"`
}

// CategoryCounts are the Jacobson-Truax categories of one measure across
// a group. Each Rate is out of Assessed: the members with two or more
// complete scores on the measure (their first and latest are compared).
type CategoryCounts struct {
	Instrument       Instrument `json:"instrument"`
	Assessed         int        `json:"assessed"`
	InsufficientData int        `json:"insufficient_data"`
	Recovered        Rate       `json:"recovered"`
	Improved         Rate       `json:"improved"`
	Unchanged        Rate       `json:"unchanged"`
	Deteriorated     Rate       `json:"deteriorated"`
}

// MemberOutcome is one member's NHS Talking Therapies reading.
type MemberOutcome struct {
	Member string `json:"member"`
	// InsufficientData reports fewer than two occasions scored on both
	// measures; the other fields are then zero.
	InsufficientData bool `json:"insufficient_data"`
	// First and Last are the first and last paired occasions, with their
	// session numbers (0 for a form given outside a session).
	First        Pair      `json:"first"`
	Last         Pair      `json:"last"`
	FirstSession int       `json:"first_session,omitempty"`
	LastSession  int       `json:"last_session,omitempty"`
	Outcome      TTOutcome `json:"outcome"`
}

// occasionKey identifies an occasion: its session, or outside sessions its
// time.
type occasionKey struct {
	session int
	at      time.Time
}

// occasion is one member's paired scores at one session (or, outside
// sessions, at one time).
type occasion struct {
	session  int
	at       time.Time
	dep, anx float64
	hasDep   bool
	hasAnx   bool
}

// GroupOutcomes reads a group's forms under t: admins may hold any
// instruments (those other than t's two measures are ignored) of any
// members, in any order. A member's depression and anxiety forms pair up
// when given at the same session (or, outside sessions, at the same time)
// and both are complete; the first and last paired occasions are compared.
// Errors, all reported at once: an invalid rule set or one whose rules
// name no instruments, and forms of the two measures that cannot be
// scored (*FieldErrors naming them, "admins[4]").
func (t TalkingTherapies) GroupOutcomes(cat *Catalog, opts Options, admins []Administration) (GroupOutcomes, error) {
	pr := problems()
	pr.AddAll("rules", t.Validate())
	dep, anx := t.Depression.Instrument, t.Anxiety.Instrument
	if !dep.IsValid() || !anx.IsValid() || dep == anx {
		pr.Add("rules", "the depression and anxiety rules must name two different instruments", nil)
	}
	if err := pr.Err(); err != nil {
		return GroupOutcomes{}, err
	}
	byMember := map[string]map[occasionKey]*occasion{}
	series := map[Instrument]map[string][]Result{dep: {}, anx: {}}
	for k, a := range admins {
		if a.Instrument != dep && a.Instrument != anx {
			continue
		}
		r, err := cat.Score(a, opts)
		if err != nil {
			pr.Add("admins["+strconv.Itoa(k)+"]", "cannot be scored", err)
			continue
		}
		series[a.Instrument][a.Member] = append(series[a.Instrument][a.Member], r)
		if byMember[a.Member] == nil {
			byMember[a.Member] = map[occasionKey]*occasion{}
		}
		if !r.Complete {
			continue
		}
		kk := occasionKey{session: a.Session}
		if a.Session == 0 {
			kk.at = a.At
		}
		o := byMember[a.Member][kk]
		if o == nil {
			o = &occasion{session: a.Session, at: a.At}
			byMember[a.Member][kk] = o
		}
		if a.At.Before(o.at) {
			o.at = a.At
		}
		if a.Instrument == dep {
			o.dep, o.hasDep = r.Total, true
		} else {
			o.anx, o.hasAnx = r.Total, true
		}
	}
	if err := pr.Err(); err != nil {
		return GroupOutcomes{}, err
	}
	g := GroupOutcomes{Rules: t, Members: len(byMember), ByMember: []MemberOutcome{}}
	var cases, recovered, improved, worse, reliablyRecovered int
	for _, member := range sortedKeys(byMember) {
		m := t.memberOutcome(member, byMember[member])
		g.ByMember = append(g.ByMember, m)
		if m.InsufficientData {
			g.InsufficientData++
			continue
		}
		g.Assessed++
		o := m.Outcome
		if o.CaseAtStart {
			cases++
		}
		for _, c := range []struct {
			ok bool
			n  *int
		}{{o.Recovery, &recovered}, {o.ReliableImprovement, &improved}, {o.ReliableDeterioration, &worse}, {o.ReliableRecovery, &reliablyRecovered}} {
			if c.ok {
				*c.n++
			}
		}
	}
	g.CaseAtStart = rate(cases, g.Assessed)
	g.Recovery = rate(recovered, cases)
	g.ReliableImprovement = rate(improved, g.Assessed)
	g.ReliableDeterioration = rate(worse, g.Assessed)
	g.ReliableRecovery = rate(reliablyRecovered, cases)
	g.JacobsonTruax = []CategoryCounts{
		categoryCounts(t.Depression, series[dep], byMember),
		categoryCounts(t.Anxiety, series[anx], byMember),
	}
	return g, nil
}

// memberOutcome reads one member's paired occasions.
func (t TalkingTherapies) memberOutcome(member string, occ map[occasionKey]*occasion) MemberOutcome {
	var paired []*occasion
	for _, o := range occ {
		if o.hasDep && o.hasAnx {
			paired = append(paired, o)
		}
	}
	if len(paired) < 2 {
		return MemberOutcome{Member: member, InsufficientData: true}
	}
	slices.SortFunc(paired, func(a, b *occasion) int { return cmp.Or(a.at.Compare(b.at), cmp.Compare(a.session, b.session)) })
	f, l := paired[0], paired[len(paired)-1]
	m := MemberOutcome{Member: member, First: Pair{Depression: f.dep, Anxiety: f.anx}, Last: Pair{Depression: l.dep, Anxiety: l.anx},
		FirstSession: f.session, LastSession: l.session}
	m.Outcome, _ = t.Assess(m.First, m.Last) // valid rules, totals from the definitions: no error
	return m
}

// categoryCounts classifies each member's first and latest complete score
// on one measure; members is every member of the group.
func categoryCounts[V any](rule ChangeRule, byMember map[string][]Result, members map[string]V) CategoryCounts {
	c := CategoryCounts{Instrument: rule.Instrument}
	var n [5]int
	for member := range members {
		cs := completeResults(byMember[member])
		if len(cs) < 2 {
			c.InsufficientData++
			continue
		}
		slices.SortStableFunc(cs, func(a, b Result) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Session, b.Session)) })
		ch, err := rule.Classify(cs[0].Total, cs[len(cs)-1].Total)
		if err != nil {
			c.InsufficientData++
			continue
		}
		c.Assessed++
		n[ch.Category]++
	}
	c.Recovered = rate(n[ChangeRecovered], c.Assessed)
	c.Improved = rate(n[ChangeImproved], c.Assessed)
	c.Unchanged = rate(n[ChangeUnchanged], c.Assessed)
	c.Deteriorated = rate(n[ChangeDeteriorated], c.Assessed)
	return c
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
